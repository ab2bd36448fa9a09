import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { GraphData } from './graph-data.js';
import { RoadGraph } from './road-graph.js';
import { arbitraryGraph, arbitraryRestrictions, graphData, restrictionsFor } from './testing/factories.js';
import { referenceTurnCosts } from './testing/turn-reference.js';
import type { TurnCostOptions } from './turn-costs.js';
import { searchBound, warmTurnPaths } from './turn-refine.js';
import { TurnSearch } from './turn-search.js';

/**
 * Node-to-node costs by the engine's turn-aware A*, with its real heuristic: the node-based
 * costs to the target from a backward Dijkstra (leaving the source and arriving are free).
 */
function turnAwareFrom(graph: RoadGraph, source: number): (target: number) => { cost: number; codes: number[] } {
  const model = graph.turnModel!;
  return (target) => {
    if (target === source) return { cost: 0, codes: [] };
    const back = graph.acquireSearch();
    const turnSearch = graph.acquireTurnSearch(model);
    try {
      back.run(graph.backward, graph.arrivalsAt(target).map((node) => ({ node, cost: 0 })));
      const arrive = new Map(graph.arrivalsAt(target).map((node) => [node, [{ target: 0, cost: 0 }]]));
      const result = turnSearch.run(graph.departuresFrom(source).map((node) => ({ node, cost: 0 })), arrive, searchBound(back, undefined), Float64Array.of(Infinity));
      const last = result.last[0]!;
      return { cost: result.cost[0]!, codes: last < 0 ? [] : turnSearch.pathCodes(last) };
    } finally {
      graph.releaseSearch(back);
      graph.releaseTurnSearch(turnSearch);
    }
  };
}

/** Node-based costs (turn restrictions honoured, no turn costs) by the routing graph's Dijkstra. */
function nodeBasedFrom(graph: RoadGraph, source: number): (target: number) => number {
  const search = graph.acquireSearch();
  search.run(graph.forward, graph.departuresFrom(source).map((node) => ({ node, cost: 0 })));
  const costs = Array.from({ length: graph.graphNodeCount }, (_, t) => Math.min(...graph.arrivalsAt(t).map((a) => search.costOf(a))));
  graph.releaseSearch(search);
  return (t) => (t === source ? 0 : costs[t]!);
}

/** Where a route makes a U-turn (an edge driven straight back) at a bend that has another way out. */
function forbiddenUTurns(data: GraphData, codes: readonly number[]): number[] {
  const real = codes.filter((c) => c >= 0);
  const head = (code: number) => (code & 1 ? data.edgeSource[code >> 1]! : data.edgeTarget[code >> 1]!);
  const tail = (code: number) => (code & 1 ? data.edgeTarget[code >> 1]! : data.edgeSource[code >> 1]!);
  const cost = (code: number) => (code & 1 ? data.edgeBackwardMs[code >> 1]! : data.edgeForwardMs[code >> 1]!);
  const bad: number[] = [];
  for (let i = 1; i < real.length; i++) {
    if (real[i] !== (real[i - 1]! ^ 1)) continue;
    const v = head(real[i - 1]!);
    const roads = new Set<number>();
    let exits = 0;
    for (let e = 0; e < data.edgeSource.length; e++) {
      if ((data.edgeSource[e] === v || data.edgeTarget[e] === v) && (data.edgeForwardMs[e]! >= 0 || data.edgeBackwardMs[e]! >= 0)) roads.add(e);
    }
    for (let c = 0; c < 2 * data.edgeSource.length; c++) if (c !== real[i] && cost(c) >= 0 && tail(c) === v) exits++;
    if (roads.size === 2 && exits > 0) bad.push(v);
  }
  return bad;
}

describe('the turn-aware search on random graphs (fast-check)', () => {
  it('a search warmed through the split junctions and via ways (warmTurnPaths) answers as a fresh one', () => {
    fc.assert(
      fc.property(arbitraryGraph, arbitraryRestrictions, fc.nat(), fc.nat(), fc.nat(), ({ nodeCount, edges }, picks, via, from, to) => {
        const plain = graphData(nodeCount, edges);
        const data = { ...plain, turnRestrictions: restrictionsFor(plain, picks) };
        const m = edges.length;
        const graph = new RoadGraph(data, 'car', { turnCosts: true, viaWayRestrictions: [{ from: from % m, via: [via % m], to: to % m, only: false, profiles: 2 }] });
        const model = graph.turnModel!;
        const warmed = new TurnSearch(graph, model);
        warmTurnPaths(graph, model, warmed);
        const fresh = new TurnSearch(graph, model);
        for (const source of [0, nodeCount - 1]) {
          const back = graph.acquireSearch();
          for (let t = 0; t < nodeCount; t++) {
            back.run(graph.backward, graph.arrivalsAt(t).map((node) => ({ node, cost: 0 })));
            const arrive = new Map(graph.arrivalsAt(t).map((node) => [node, [{ target: 0, cost: 0, code: -1, scale: 1 }]]));
            const seeds = graph.departuresFrom(source).map((node) => ({ node, cost: 0, code: -1, scale: 1 }));
            const a = fresh.run(seeds, arrive, searchBound(back, undefined), Float64Array.of(Infinity)).cost[0];
            const b = warmed.run(seeds, arrive, searchBound(back, undefined), Float64Array.of(Infinity)).cost[0];
            expect(b).toBe(a);
          }
          graph.releaseSearch(back);
        }
      }),
      { numRuns: 100 },
    );
  });

  it('equals a turn-expanded Bellman-Ford, never beats the node-based cost, and makes U-turns only where allowed', () => {
    fc.assert(
      fc.property(arbitraryGraph, arbitraryRestrictions, fc.constantFrom<'right' | 'left'>('right', 'left'), ({ nodeCount, edges }, picks, side) => {
        const plain = graphData(nodeCount, edges);
        const data = { ...plain, turnRestrictions: restrictionsFor(plain, picks) };
        const options: TurnCostOptions = { trafficSide: side };
        const graph = new RoadGraph(data, 'car', { turnCosts: options });
        const nodeBased = new RoadGraph(data);
        for (const source of [0, nodeCount - 1]) {
          const expected = referenceTurnCosts(data, source, options);
          const ours = turnAwareFrom(graph, source);
          const lower = nodeBasedFrom(nodeBased, source);
          for (let t = 0; t < nodeCount; t++) {
            const got = ours(t);
            expect(got.cost).toBe(expected[t]);
            expect(got.cost).toBeGreaterThanOrEqual(lower(t));
            expect(forbiddenUTurns(data, got.codes)).toEqual([]);
          }
        }
      }),
      { numRuns: 150 },
    );
  });

  it('with both costs zero and U-turns anywhere, equals the graph without turn costs (restrictions kept)', () => {
    fc.assert(
      fc.property(arbitraryGraph, arbitraryRestrictions, ({ nodeCount, edges }, picks) => {
        const plain = graphData(nodeCount, edges);
        const data = { ...plain, turnRestrictions: restrictionsFor(plain, picks) };
        const graph = new RoadGraph(data, 'car', { turnCosts: { turnPenaltySeconds: 0, uTurnSeconds: 0, uTurns: 'anywhere' } });
        const nodeBased = new RoadGraph(data);
        for (const source of [0, nodeCount - 1]) {
          const ours = turnAwareFrom(graph, source);
          const lower = nodeBasedFrom(nodeBased, source);
          for (let t = 0; t < nodeCount; t++) expect(ours(t).cost).toBe(lower(t));
        }
      }),
      { numRuns: 150 },
    );
  });

  it('via-way restrictions (overlapping, vias of 1-3 edges) never make a trip faster, and no banned sequence is driven', () => {
    fc.assert(
      fc.property(arbitraryGraph, fc.array(fc.tuple(fc.nat(), fc.array(fc.nat(), { minLength: 1, maxLength: 3 }), fc.nat(), fc.boolean()), { minLength: 1, maxLength: 6 }), ({ nodeCount, edges }, picks) => {
        const data = graphData(nodeCount, edges);
        const m = edges.length;
        // Several rules often share a from edge (m is small): the search must follow them all at once.
        const viaWayRestrictions = picks.map(([f, v, t, only]) => ({ from: f % m, via: v.map((e) => e % m), to: t % m, only, profiles: 2 }));
        const free = new RoadGraph(data, 'car', { turnCosts: true });
        const bound = new RoadGraph(data, 'car', { turnCosts: true, viaWayRestrictions });
        for (const source of [0, nodeCount - 1]) {
          const without = turnAwareFrom(free, source);
          const withRules = turnAwareFrom(bound, source);
          for (let t = 0; t < nodeCount; t++) {
            const got = withRules(t);
            expect(got.cost).toBeGreaterThanOrEqual(without(t).cost);
            const driven = got.codes.filter((c) => c >= 0).map((c) => c >> 1);
            for (const r of viaWayRestrictions) {
              const prefix = [r.from, ...r.via];
              for (let i = 0; i + prefix.length < driven.length; i++) {
                if (prefix.some((e, k) => driven[i + k] !== e)) continue;
                const next = driven[i + prefix.length];
                if (r.only) expect(next).toBe(r.to);
                else expect(next).not.toBe(r.to);
              }
            }
          }
        }
      }),
      { numRuns: 150 },
    );
  });
});
