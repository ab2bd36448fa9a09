import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { profileCosts, type GraphData } from '../graph-data.js';
import type { Profile } from '../profile.js';

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
