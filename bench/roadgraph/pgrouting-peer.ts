import type { GraphData } from '../../packages/roadgraph/src/index.js';
import { createScratchDb, loadEdges, type ScratchDb } from '../../packages/roadgraph/src/testing/pgrouting.js';

const EDGES = 'SELECT id, source, target, cost, reverse_cost FROM edges';
// The reversed graph: pgr_drivingDistance from the incident on it gives every node's time TO it.
const REVERSED_EDGES = 'SELECT id, target AS source, source AS target, cost, reverse_cost FROM edges';

/** pgRouting with its best API per query; it rebuilds its graph from the SQL on every call. */
export class PgRoutingPeer {
  private constructor(private readonly db: ScratchDb) {}

  static async open(url: string, data: GraphData): Promise<PgRoutingPeer> {
    const db = await createScratchDb(url, 'roadgraph_bench');
    await loadEdges(db.client, data);
    return new PgRoutingPeer(db);
  }

  /** Units (node ids) -> incident node within the cutoff: one pgr_drivingDistance on the reversed graph. */
  async manyToOne(units: number[], incident: number, cutoffMs: number): Promise<Map<number, number>> {
    const { rows } = await this.db.client.query<{ node: string; agg_cost: number }>(
      'SELECT node, agg_cost FROM pgr_drivingDistance($1, $2::bigint, $3::float8, true) WHERE node = ANY($4::bigint[])',
      [REVERSED_EDGES, incident, cutoffMs, units],
    );
    return new Map(rows.map((r) => [Number(r.node), Number(r.agg_cost)]));
  }

  /** Nodes reached within the largest ring (pgRouting draws no polygons). */
  async reachable(incident: number, cutoffMs: number): Promise<number> {
    const { rows } = await this.db.client.query('SELECT count(*)::int AS n FROM pgr_drivingDistance($1, $2::bigint, $3::float8, true)', [EDGES, incident, cutoffMs]);
    return rows[0].n as number;
  }

  async cost(from: number, to: number): Promise<number> {
    const { rows } = await this.db.client.query('SELECT agg_cost FROM pgr_dijkstraCost($1, $2::bigint, $3::bigint, true)', [EDGES, from, to]);
    return rows.length ? Number(rows[0].agg_cost) : Infinity;
  }

  close(): Promise<void> {
    return this.db.drop();
  }
}
