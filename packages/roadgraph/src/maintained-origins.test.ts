import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FIXED_SCALE } from './geo.js';
import { MaintainedOrigins } from './maintained-origins.js';
import { nearestOrigins } from './nearest-origin.js';
import { RoadGraph } from './road-graph.js';
import type { Snapped } from './snap.js';
import { arbitraryGraph, arbitraryRestrictions, graphData, restrictionsFor } from './testing/factories.js';

/** A point along edge e at fraction f (a little off it by `off` degrees), snapped (null: too far from the main network). */
function pointOn(graph: RoadGraph, e: number, f: number, off: number): Snapped | null {
  const p = graph.data.geomStart[e]!;
  const c = graph.data.geomCoords;
  const lon = (c[2 * p]! + (c[2 * p + 2]! - c[2 * p]!) * f) / FIXED_SCALE + off;
  const lat = (c[2 * p + 1]! + (c[2 * p + 3]! - c[2 * p + 1]!) * f) / FIXED_SCALE - off;
  return graph.snapper.trySnap([lon, lat]);
}

const step = fc.record({
  op: fc.constantFrom('set', 'set', 'remove', 'close'),
  id: fc.integer({ min: 0, max: 7 }),
  edge: fc.nat(), fraction: fc.constantFrom(0, 0.3, 0.5, 1, 0.77), off: fc.constantFrom(0, 1e-5),
});

describe('maintained nearest origins (dynamic Voronoi)', () => {
  it('after every placement, move, removal and closure equals a fresh computation, node by node, and nearestOrigins place by place', () => {
    fc.assert(fc.property(arbitraryGraph, arbitraryRestrictions, fc.array(step, { minLength: 1, maxLength: 25 }), fc.constantFrom(40, 120, 1_000_000), fc.array(fc.tuple(fc.nat(), fc.constantFrom(0, 0.25, 0.7, 1)), { minLength: 1, maxLength: 12 }), ({ nodeCount, edges }, picks, steps, cutoff, dests) => {
      const plain = graphData(nodeCount, edges);
      const graph = new RoadGraph({ ...plain, turnRestrictions: restrictionsFor(plain, picks) });
      const m = new MaintainedOrigins(graph, cutoff);
      const at = new Map<number, Snapped>();
      const destinations = dests.flatMap(([e, f]) => pointOn(graph, e % graph.edgeCount, f, 0) ?? []);
      if (destinations.length === 0) return;
      for (const s of steps) {
        // What the change log must name: every node whose label the step changes (or "everything").
        m.takeChanges();
        const before = { dist: Array.from(m.dist), owner: Array.from(m.owner) };
        if (s.op === 'set') {
          const p = pointOn(graph, s.edge % graph.edgeCount, s.fraction, s.off);
          if (p === null) continue;
          at.set(s.id, p);
          m.set(s.id, p);
        } else if (s.op === 'remove') {
          at.delete(s.id);
          m.remove(s.id);
        } else {
          // A closure or a slow-down: the graph's live version changes, the state rebuilds on next use.
          graph.setEdgeFactor(s.edge % graph.edgeCount, s.fraction === 0 ? Infinity : 1 + s.fraction);
        }
        const log = m.takeChanges();
        if (!log.all) {
          const named = new Set(log.nodes);
          m.dist.forEach((d, v) => { if (d !== before.dist[v] || m.owner[v] !== before.owner[v]) expect(named.has(v), `node ${v} changed unlogged`).toBe(true); });
        }
        // The same origins placed at once into a fresh state, in id order: the labels are a function of the set.
        const fresh = new MaintainedOrigins(graph, cutoff);
        for (const id of [...at.keys()].sort((a, b) => a - b)) fresh.set(id, at.get(id)!);
        const ids = [...at.keys()];
        const ref = nearestOrigins(graph, ids.map((id) => at.get(id)!), destinations, { cutoff });
        destinations.forEach((d, j) => {
          const got = m.nearest(d);
          expect(got.ms === Infinity ? Infinity : got.ms / 1000).toBe(ref.seconds[j]);
          if (ref.seconds[j] === Infinity) { expect(got.origin).toBe(-1); return; }
          // The unit named gets there in that time (on a tie the reference names whichever it settled first).
          const alone = nearestOrigins(graph, [at.get(got.origin)!], [d], { cutoff });
          expect(alone.seconds[0]).toBe(ref.seconds[j]);
          expect(got).toEqual(fresh.nearest(d));
        });
        // All destinations at once from flat arrays (rows in reverse, one twice), merged into running bests: the same answers.
        const seeds = destinations.map((d) => m.destinationCosts(d));
        const table = {
          start: Int32Array.from(seeds, (_, j) => seeds.slice(0, j).reduce((sum, c) => sum + c.nodes.length, 0)), count: Uint16Array.from(seeds, (c) => c.nodes.length),
          nodes: Int32Array.from(seeds.flatMap((c) => [...c.nodes])), costs: Float64Array.from(seeds.flatMap((c) => [...c.costs])),
          edge: Int32Array.from(destinations, (d) => d.edge), fraction: Float64Array.from(destinations, (d) => d.fraction),
        };
        const rows = Int32Array.from([...destinations.keys()].reverse().concat([0]));
        const ms = new Float64Array(rows.length).fill(Infinity), origin = new Int32Array(rows.length).fill(-1);
        m.nearestInto(table, rows, ms, origin);
        expect(Array.from(rows, (_, k) => ({ ms: ms[k], origin: origin[k] }))).toEqual(Array.from(rows, (r) => m.nearest(destinations[r]!)));
        // Node by node: the repaired labels are those of a fresh computation (the owner too: ties go to the lower id).
        m.nearest(destinations[0]!);
        expect(Array.from(m.dist)).toEqual(Array.from(fresh.dist));
        expect(Array.from(m.owner)).toEqual(Array.from(fresh.owner));
      }
    }), { numRuns: 300 });
  });

  it('repairs only the removed origin\'s cell: the others keep their labels', () => {
    const n = 10;
    // A line 0-1-...-9, 10 s a hop both ways.
    const graph = new RoadGraph(graphData(n, Array.from({ length: n - 1 }, (_, i) => ({ source: i, target: i + 1, forwardMs: 10_000, backwardMs: 10_000 }))));
    const m = new MaintainedOrigins(graph, 1000);
    const node = (v: number) => graph.snapper.snap([graph.data.nodeLon[v]!, graph.data.nodeLat[v]!]);
    m.set(0, node(0));
    m.set(1, node(9));
    expect(Array.from(m.owner)).toEqual([0, 0, 0, 0, 0, 1, 1, 1, 1, 1]);
    m.set(2, node(4));
    // Node 2 is 20 s from both 0 and 4: the lower id keeps it.
    expect(Array.from(m.owner)).toEqual([0, 0, 0, 2, 2, 2, 2, 1, 1, 1]);
    m.remove(2);
    expect(Array.from(m.owner)).toEqual([0, 0, 0, 0, 0, 1, 1, 1, 1, 1]);
    expect(m.nearest(node(6))).toEqual({ ms: 30_000, origin: 1 });
    m.remove(0); m.remove(1);
    expect(m.nearest(node(6))).toEqual({ ms: Infinity, origin: -1 });
  });

  it('logs an edge an origin came to or left once until read, however often: many moves between two reads are not "everything"', () => {
    const n = 6;
    const graph = new RoadGraph(graphData(n, Array.from({ length: n - 1 }, (_, i) => ({ source: i, target: i + 1, forwardMs: 10_000, backwardMs: 10_000 }))));
    const m = new MaintainedOrigins(graph, 1000);
    const a = pointOn(graph, 0, 0.5, 0)!, b = pointOn(graph, 3, 0.5, 0)!;
    m.set(0, a);
    m.takeChanges();
    // Past the log's limit (65,536 entries) if every move were logged: a unit stepping to and fro for long.
    for (let k = 0; k < 40_000; k++) m.set(0, k % 2 === 0 ? b : a);
    const log = m.takeChanges();
    expect(log.all).toBe(false);
    expect([...log.edges].sort((x, y) => x - y)).toEqual([a.edge, b.edge].sort((x, y) => x - y));
    // Read: logged again on the next move, and only that move's edges.
    m.set(0, b);
    expect(m.takeChanges().edges.length).toBe(2);
    expect(m.takeChanges()).toEqual({ all: false, nodes: [], edges: [] });
  });
});
