import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RoadGraph } from './road-graph.js';
import { arbitraryGraph, graphData, referenceCosts } from './testing/factories.js';

describe('Search (Dijkstra)', () => {
  it('finds the Bellman-Ford costs on random graphs, forwards and backwards', () => {
    fc.assert(
      fc.property(arbitraryGraph, fc.nat(), ({ nodeCount, edges }, pick) => {
        const data = graphData(nodeCount, edges);
        const graph = new RoadGraph(data);
        const source = pick % nodeCount;
        const expected = referenceCosts(data, source);
        const search = graph.acquireSearch();
        search.run(graph.forward, [{ node: source, cost: 0 }]);
        const forward = Array.from({ length: nodeCount }, (_, v) => search.costOf(v));
        expect(forward).toEqual(Array.from(expected));
        for (let v = 0; v < nodeCount; v++) {
          search.run(graph.backward, [{ node: v, cost: 0 }]);
          expect(search.costOf(source)).toBe(expected[v]);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('honours closures set through edge factors', () => {
    fc.assert(
      fc.property(arbitraryGraph, fc.nat(), fc.array(fc.nat()), ({ nodeCount, edges }, pick, closing) => {
        const data = graphData(nodeCount, edges);
        const graph = new RoadGraph(data);
        const closed = new Set(closing.map((c) => c % edges.length));
        for (const e of closed) graph.setEdgeFactor(e, Infinity);
        const source = pick % nodeCount;
        const search = graph.acquireSearch();
        search.run(graph.forward, [{ node: source, cost: 0 }]);
        const expected = referenceCosts(data, source, closed);
        expect(Array.from({ length: nodeCount }, (_, v) => search.costOf(v))).toEqual(Array.from(expected));
      }),
      { numRuns: 200 },
    );
  });

  it('stops at the cutoff', () => {
    const data = graphData(3, [
      { source: 0, target: 1, forwardMs: 1000, backwardMs: -1 },
      { source: 1, target: 2, forwardMs: 1000, backwardMs: -1 },
    ]);
    const graph = new RoadGraph(data);
    const search = graph.acquireSearch();
    search.run(graph.forward, [{ node: 0, cost: 0 }], 1500);
    expect([search.costOf(0), search.costOf(1), search.costOf(2)]).toEqual([0, 1000, Infinity]);
  });
});
