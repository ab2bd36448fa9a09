import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { profileCosts, type GraphData } from '../graph-data.js';
import type { Profile } from '../profile.js';
import type { RoadGraph } from '../road-graph.js';
import { TURN_ONLY, profileFlag } from '../turns.js';

/**
 * pgRouting side of the comparison tests and benchmarks: a scratch database per run holding
 * the graph's edges as pgRouting reads them (id, source, target, cost, reverse_cost), costs in
 * integer milliseconds and -1 for a barred direction (pgRouting ignores negative costs).
 */
export interface ScratchDb {
  client: pg.Client;
  name: string;
  drop(): Promise<void>;
}

export async function createScratchDb(adminUrl: string, prefix = 'roadgraph_test'): Promise<ScratchDb> {
  const name = `${prefix}_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const client = new pg.Client({ connectionString: url.toString() });
  await client.connect();
  const drop = async () => {
    await client.end().catch(() => {});
    const again = new pg.Client({ connectionString: adminUrl });
    await again.connect();
    try {
      await again.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    } finally {
      await again.end();
    }
  };
  try {
    await client.query('CREATE EXTENSION postgis; CREATE EXTENSION pgrouting;');
  } catch (err) {
    await drop();
    throw new Error(`pgRouting is not available in ${adminUrl}: ${(err as Error).message} (apt: postgresql-15-postgis-3 postgresql-15-pgrouting)`, { cause: err });
  }
  return { client, name, drop };
}

/** Loads every edge with one profile's costs into `table` in one statement per 200k edges (arrays unnested server-side). */
export async function loadEdges(client: pg.Client, data: GraphData, table = 'edges', profile: Profile = 'car'): Promise<void> {
  const costs = profileCosts(data, profile);
  await client.query(`CREATE TABLE ${table} (id integer PRIMARY KEY, source integer NOT NULL, target integer NOT NULL, cost float8 NOT NULL, reverse_cost float8 NOT NULL)`);
  const m = data.edgeSource.length;
  const chunk = 200_000;
  for (let from = 0; from < m; from += chunk) {
    const to = Math.min(m, from + chunk);
    const ids = Array.from({ length: to - from }, (_, i) => from + i);
    await client.query(
      `INSERT INTO ${table} SELECT * FROM unnest($1::int[], $2::int[], $3::int[], $4::float8[], $5::float8[])`,
      [ids, Array.from(data.edgeSource.subarray(from, to)), Array.from(data.edgeTarget.subarray(from, to)),
        Array.from(costs.forwardMs.subarray(from, to)), Array.from(costs.backwardMs.subarray(from, to))],
    );
  }
  await client.query(`ANALYZE ${table}`);
}

/** Node-to-node costs (ms) for every source x target pair pgRouting finds a path for. */
export async function pgrCosts(client: pg.Client, sources: number[], targets: number[], edgesSql = 'SELECT id, source, target, cost, reverse_cost FROM edges'): Promise<Map<string, number>> {
  const { rows } = await client.query<{ start_vid: string; end_vid: string; agg_cost: number }>(
    'SELECT start_vid, end_vid, agg_cost FROM pgr_dijkstraCost($1, $2::bigint[], $3::bigint[], true)',
    [edgesSql, sources, targets],
  );
  return new Map(rows.map((r) => [`${r.start_vid}:${r.end_vid}`, Number(r.agg_cost)]));
}

/**
 * The (from edge, to edge) turns a graph's profile bans, as pgr_trsp takes them: an `only_*`
 * becomes a ban of every other way out of the junction from that edge.
 */
export function restrictedTurnPairs(graph: RoadGraph): [number, number][] {
  const { data } = graph;
  const r = data.turnRestrictions;
  const flag = profileFlag(graph.profile);
  const pairs = new Map<string, [number, number]>();
  for (let i = 0; i < r.length; i += 4) {
    if ((r[i + 3]! & flag) === 0) continue;
    const [via, from, to] = [r[i]!, r[i + 1]!, r[i + 2]!];
    if ((r[i + 3]! & TURN_ONLY) === 0) {
      pairs.set(`${from}:${to}`, [from, to]);
      continue;
    }
    for (let e = 0; e < data.edgeSource.length; e++) {
      if (e !== to && (data.edgeSource[e] === via || data.edgeTarget[e] === via)) pairs.set(`${from}:${e}`, [from, e]);
    }
  }
  return [...pairs.values()];
}

/** Node-to-node costs (ms) with banned turns, by pgRouting's own turn-restricted search. */
export async function pgrTrspCosts(client: pg.Client, sources: number[], targets: number[], banned: [number, number][], edgesSql = 'SELECT id, source, target, cost, reverse_cost FROM edges'): Promise<Map<string, number>> {
  await client.query('DROP TABLE IF EXISTS banned_turns; CREATE TABLE banned_turns (id serial, path bigint[], cost float8)');
  // A ban is a restriction whose cost is beyond any trip: pgr_trsp then routes round it.
  for (const [from, to] of banned) await client.query('INSERT INTO banned_turns (path, cost) VALUES ($1, $2)', [[from, to], BAN_MS]);
  const { rows } = await client.query<{ start_vid: string; end_vid: string; agg_cost: number }>(
    `SELECT start_vid, end_vid, max(agg_cost) AS agg_cost FROM pgr_trsp($1, 'SELECT id, path, cost FROM banned_turns', $2::bigint[], $3::bigint[], true) GROUP BY start_vid, end_vid`,
    [edgesSql, sources, targets],
  );
  return new Map(rows.filter((r) => Number(r.agg_cost) < BAN_MS && r.start_vid !== r.end_vid).map((r) => [`${r.start_vid}:${r.end_vid}`, Number(r.agg_cost)]));
}

const BAN_MS = 1e12;
