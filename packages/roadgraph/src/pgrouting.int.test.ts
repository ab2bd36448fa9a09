import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GraphData } from './graph-data.js';
import { RoadGraph } from './road-graph.js';
import { BALTIMORE_PBF, LIECHTENSTEIN_PBF, extract } from './testing/extracts.js';
import { seededRandom } from './testing/factories.js';
import { createScratchDb, loadEdges, pgrCosts, type ScratchDb } from './testing/pgrouting.js';

const DATABASE_URL = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const SIDE = 40; // 40 sources x 40 targets = 1,600 pairs per extract

describe.each([
  ['Baltimore', BALTIMORE_PBF],
  ['Liechtenstein', LIECHTENSTEIN_PBF],
])('costs equal pgRouting pgr_dijkstraCost on %s', (name, file) => {
  let db: ScratchDb;
  let data: GraphData;
  let graph: RoadGraph;
  let emergency: RoadGraph;

  beforeAll(async () => {
    data = await extract(file);
    graph = new RoadGraph(data);
    emergency = new RoadGraph(data, 'emergency');
    db = await createScratchDb(DATABASE_URL);
    await loadEdges(db.client, data);
    await loadEdges(db.client, data, 'emergency_edges', 'emergency');
  });
  afterAll(() => db?.drop());

  function ours(sources: number[], targets: number[], g: RoadGraph = graph): Map<string, number> {
    const costs = new Map<string, number>();
    const search = g.acquireSearch();
    for (const s of sources) {
      search.run(g.forward, [{ node: s, cost: 0 }]);
      for (const t of targets) if (s !== t && search.costOf(t) < Infinity) costs.set(`${s}:${t}`, search.costOf(t));
    }
    g.releaseSearch(search);
    return costs;
  }

  function randomNodes(seed: number): number[] {
    const random = seededRandom(seed);
    return Array.from({ length: SIDE }, () => Math.floor(random() * graph.nodeCount));
  }

  it('for 1,600 random pairs, reachable or not', async () => {
    const sources = randomNodes(name.length);
    const targets = randomNodes(name.length + 100);
    const expected = await pgrCosts(db.client, sources, targets);
    expect(expected.size).toBeGreaterThan(SIDE * SIDE * 0.5);
    expect(ours(sources, targets)).toEqual(expected);
  });

  it('for the emergency profile too (its own costs, emergency-only ways and passable barriers)', async () => {
    const sources = randomNodes(name.length + 7);
    const targets = randomNodes(name.length + 107);
    const expected = await pgrCosts(db.client, sources, targets, 'SELECT id, source, target, cost, reverse_cost FROM emergency_edges');
    expect(expected.size).toBeGreaterThan(SIDE * SIDE * 0.5);
    expect(ours(sources, targets, emergency)).toEqual(expected);
  });

  it('with closed edges left out on both sides', async () => {
    const random = seededRandom(99);
    const closed = Array.from({ length: Math.ceil(graph.edgeCount / 20) }, () => Math.floor(random() * graph.edgeCount));
    for (const e of closed) graph.setEdgeFactor(e, Infinity);
    try {
      const sources = randomNodes(3);
      const targets = randomNodes(4);
      const expected = await pgrCosts(db.client, sources, targets, `SELECT id, source, target, cost, reverse_cost FROM edges WHERE id <> ALL('{${closed.join(',')}}'::int[])`);
      expect(ours(sources, targets)).toEqual(expected);
    } finally {
      for (const e of closed) graph.setEdgeFactor(e, 1);
    }
  });
});
