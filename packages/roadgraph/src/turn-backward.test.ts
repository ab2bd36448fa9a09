import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { destinationSeeds, sameEdgeCost } from './endpoints.js';
import { RoadGraph } from './road-graph.js';
import type { Snapped } from './snap.js';
import { NOT_ALLOWED, type GraphData } from './graph-data.js';
import { BALTIMORE_PBF, extract } from './testing/extracts.js';
import { arbitraryGraph, arbitraryRestrictions, graphData, restrictionsFor, seededRandom } from './testing/factories.js';
import { BackwardTurnSearch, type OriginSeed } from './turn-backward.js';
import { LowerBound, arrivalsOf, originTurnSeeds, turnAwarePath } from './turn-refine.js';
import { TurnSearch } from './turn-search.js';
import { TURN_CAR, TURN_EMERGENCY, TURN_ONLY } from './turns.js';
import { edgeId, metres, nodeId } from './types.js';
import type { ViaWayRestriction } from './via-ways.js';

/** The forward A* (one per origin, no heuristic) and the backward search over all at once: costs of each origin. */
function bothWays(graph: RoadGraph, origins: readonly Snapped[], destination: Snapped, nearest = Infinity): { forward: number[]; backward: number[]; certain: Uint8Array; floor: number } {
  const model = graph.turnModel!;
  const arrive = arrivalsOf(graph, [destination]);
  const search = new TurnSearch(graph, model);
  // The forward A*'s heuristic: node-based costs to the destination by a backward Dijkstra (exact, so fast on a city).
  const back = graph.acquireSearch();
  back.run(graph.backward, destinationSeeds(graph, destination));
  const h = LowerBound.search(back, undefined);
  const forward = origins.map((o) => search.run(originTurnSeeds(graph, o), arrive, h, Float64Array.of(sameEdgeCost(graph, o, destination))).cost[0]!);
  graph.releaseSearch(back);
  const seedsAt = new Map<number, OriginSeed[]>();
  origins.forEach((o, origin) => {
    for (const s of originTurnSeeds(graph, o)) {
      const list = seedsAt.get(s.node) ?? [];
      list.push({ ...s, origin });
      seedsAt.set(s.node, list);
    }
  });
  const best = Float64Array.from(origins, (o) => sameEdgeCost(graph, o, destination));
  const certain = new Uint8Array(origins.length);
  const floor = new BackwardTurnSearch(graph, model).run(arrive, seedsAt, best, certain, nearest);
  return { forward, backward: Array.from(best), certain, floor };
}

/** A point on edge e at `fraction` (the ramp of the first and last turns is exercised near the ends). */
function pointOn(data: GraphData, e: number, fraction: number): Snapped {
  const lon = data.nodeLon[data.edgeSource[e]!]! * (1 - fraction) + data.nodeLon[data.edgeTarget[e]!]! * fraction;
  const lat = data.nodeLat[data.edgeSource[e]!]! * (1 - fraction) + data.nodeLat[data.edgeTarget[e]!]! * fraction;
  return { input: [lon, lat], point: [lon, lat], distance: metres(0), edge: edgeId(e), source: nodeId(data.edgeSource[e]!), target: nodeId(data.edgeTarget[e]!), fraction };
}

/**
 * Grids of 3x3 to 7x7 junctions with random costs, some one-way or closed streets and some
 * diagonals: routes many edges long, so rules cut from them bite (random graphs are too dense for it).
 */
const arbitraryGrid = fc.record({
  side: fc.integer({ min: 3, max: 7 }),
  costs: fc.array(fc.oneof(fc.integer({ min: 1000, max: 60_000 }), fc.constant(NOT_ALLOWED)), { minLength: 8, maxLength: 40 }),
  diagonals: fc.array(fc.nat(), { maxLength: 6 }),
}).map(({ side, costs, diagonals }) => {
  const edges: { source: number; target: number; forwardMs: number; backwardMs: number }[] = [];
  let k = 0;
  const cost = () => {
    const c = costs[k++ % costs.length]!;
    // Never closed both ways: the grid stays mostly connected.
    return c;
  };
  for (let y = 0; y < side; y++) {
    for (let x = 0; x < side; x++) {
      const v = y * side + x;
      if (x + 1 < side) edges.push({ source: v, target: v + 1, forwardMs: cost(), backwardMs: Math.abs(cost()) });
      if (y + 1 < side) edges.push({ source: v, target: v + side, forwardMs: Math.abs(cost()), backwardMs: cost() });
    }
  }
  for (const d of diagonals) {
    const v = d % (side * (side - 1));
    if (v % side + 1 < side) edges.push({ source: v, target: v + side + 1, forwardMs: Math.abs(cost()), backwardMs: Math.abs(cost()) });
  }
  return { nodeCount: side * side, edges };
});

const arbitraryPoint = fc.tuple(fc.nat(), fc.oneof(fc.constantFrom(0, 1, 0.001, 0.999, 0.5), fc.double({ min: 0, max: 1, noNaN: true })));

describe('the backward turn-aware search equals the forward one', () => {
  it('on random graphs with node restrictions, via-way restrictions (no_* and only_*, overlapping) and points anywhere on edges (fast-check)', () => {
    let bitten = 0;
    fc.assert(
      fc.property(
        fc.oneof(arbitraryGrid, arbitraryGraph), arbitraryRestrictions,
        fc.array(fc.tuple(fc.nat(), fc.array(fc.nat(), { minLength: 1, maxLength: 3 }), fc.nat(), fc.boolean()), { minLength: 1, maxLength: 6 }),
        fc.array(arbitraryPoint, { minLength: 1, maxLength: 16 }), arbitraryPoint, fc.constantFrom<'right' | 'left'>('right', 'left'),
        ({ nodeCount, edges }, picks, vias, points, target, side) => {
          const plain = graphData(nodeCount, edges);
          const data = { ...plain, turnRestrictions: restrictionsFor(plain, picks) };
          const m = edges.length;
          const at = ([e, f]: [number, number]) => pointOn(data, e % m, f);
          // Rules cut from the routes themselves (a window of a fastest drive without them), so they bite.
          const free = new RoadGraph(data, 'car', { turnCosts: { trafficSide: side } });
          const viaWayRestrictions: ViaWayRestriction[] = [];
          vias.forEach(([f, v, t, only], k) => {
            const route = turnAwarePath(free, free.turnModel!, at(points[k % points.length]!), at(target), LowerBound.none());
            const edges = (route?.codes ?? []).filter((c) => c >= 0).map((c) => c >> 1);
            const length = 2 + v.length;
            if (edges.length < length) return;
            const i = f % (edges.length - length + 1);
            const window = edges.slice(i, i + length);
            // no_*: the route's own next edge banned; only_*: some edge (often not the route's) the only one allowed.
            viaWayRestrictions.push({ from: window[0]!, via: window.slice(1, -1), to: only ? t % m : window[length - 1]!, only, profiles: TURN_CAR });
          });
          const graph = new RoadGraph(data, 'car', { turnCosts: { trafficSide: side }, viaWayRestrictions });
          const { forward, backward, certain } = bothWays(graph, points.map(at), at(target));
          expect(backward).toEqual(forward);
          expect(certain.every((c) => c === 1)).toBe(true);
          bitten += bothWays(free, points.map(at), at(target)).forward.filter((f, i) => f !== forward[i]).length;
        },
      ),
      { numRuns: 500 },
    );
    // The rules changed some costs: the comparison is not of two searches ignoring them.
    expect(bitten).toBeGreaterThan(50);
  });

  it('with nearest = k: the certain ones are the forward costs, the k cheapest among them, the others at least the floor', () => {
    fc.assert(
      fc.property(arbitraryGraph, fc.array(arbitraryPoint, { minLength: 2, maxLength: 10 }), arbitraryPoint, fc.integer({ min: 0, max: 4 }), ({ nodeCount, edges }, points, target, k) => {
        const data = graphData(nodeCount, edges);
        const graph = new RoadGraph(data, 'car', { turnCosts: true });
        const m = edges.length;
        const at = ([e, f]: [number, number]) => pointOn(data, e % m, f);
        const { forward, backward, certain, floor } = bothWays(graph, points.map(at), at(target), k);
        const kth = [...forward].sort((a, b) => a - b)[Math.min(k, forward.length) - 1] ?? -Infinity;
        forward.forEach((f, i) => {
          if (certain[i] === 1) expect(backward[i]).toBe(f);
          else {
            expect(f).toBeGreaterThanOrEqual(floor);
            expect(floor).toBeGreaterThanOrEqual(kth);
          }
          if (f < kth) expect(certain[i]).toBe(1);
        });
      }),
      { numRuns: 300 },
    );
  });
});

describe('the backward turn-aware search on real OSM data (Baltimore)', () => {
  let data: GraphData;
  beforeAll(async () => {
    data = await extract(BALTIMORE_PBF);
  });

  /** Real chains of edges (from, via 1-2 edges, to) the car may drive, found by walking the graph from random edges. */
  function chains(graph: RoadGraph, count: number, seed: number): ViaWayRestriction[] {
    const random = seededRandom(seed);
    const out: ViaWayRestriction[] = [];
    const { forward } = graph;
    const nextFrom = (code: number): number[] => {
      const u = graph.arcHead(code);
      const codes: number[] = [];
      for (let a = forward.start[u]!; a < forward.start[u + 1]!; a++) if (forward.codeOf(a) >= 0 && forward.codeOf(a) >> 1 !== code >> 1) codes.push(forward.codeOf(a));
      return codes;
    };
    for (let tries = 0; out.length < count && tries < 50 * count; tries++) {
      let code = Math.floor(random() * graph.edgeCount) << 1;
      if (graph.forward.codeCost(code) === Infinity) code ^= 1;
      const path = [code];
      const length = 3 + Math.floor(random() * 2);
      while (path.length < length) {
        const options = nextFrom(path[path.length - 1]!);
        if (options.length < 2) break;
        path.push(options[Math.floor(random() * options.length)]!);
      }
      if (path.length < length) continue;
      const edges = path.map((c) => c >> 1);
      out.push({ from: edges[0]!, via: edges.slice(1, -1), to: edges[edges.length - 1]!, only: random() < 0.5, profiles: TURN_CAR | TURN_EMERGENCY });
    }
    return out;
  }

  it('costs to the millisecond from 300 units to 12 incidents, with via-way no_*/only_* restrictions and only_* node restrictions added on real chains', () => {
    const probe = new RoadGraph(data, 'emergency');
    const viaWayRestrictions = chains(probe, 400, 3);
    // only_* node restrictions at real junctions: the via node of each chain's first turn.
    const extra: number[] = [];
    for (const r of viaWayRestrictions.slice(0, 150)) {
      const shared = [data.edgeSource[r.from]!, data.edgeTarget[r.from]!].find((v) => v === data.edgeSource[r.via[0]!] || v === data.edgeTarget[r.via[0]!]);
      if (shared !== undefined) extra.push(shared, r.from, r.via[0]!, TURN_ONLY | TURN_CAR | TURN_EMERGENCY);
    }
    const restricted = { ...data, turnRestrictions: Int32Array.from([...data.turnRestrictions, ...extra]) };
    const graph = new RoadGraph(restricted, 'emergency', { turnCosts: true, viaWayRestrictions: viaWayRestrictions.slice(150) });
    expect(graph.turnModel!.viaWays).toBeDefined();
    const random = seededRandom(9);
    const snap = () => {
      const v = Math.floor(random() * graph.graphNodeCount);
      return graph.snapper.snap([data.nodeLon[v]! + (random() - 0.5) * 0.003, data.nodeLat[v]! + (random() - 0.5) * 0.003]);
    };
    const origins = Array.from({ length: 300 }, snap);
    let finite = 0;
    for (let d = 0; d < 12; d++) {
      const { forward, backward } = bothWays(graph, origins, snap());
      expect(backward).toEqual(forward);
      finite += forward.filter(Number.isFinite).length;
    }
    expect(finite).toBeGreaterThan(3000);
  });
});
