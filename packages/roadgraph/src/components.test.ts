import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildAdjacency } from './adjacency.js';
import { profileCosts } from './graph-data.js';
import { mainComponentNodes, strongComponents } from './components.js';
import { arbitraryGraph, graphData, referenceCosts } from './testing/factories.js';

describe('strongly connected components', () => {
  it('puts two nodes in one component exactly when each reaches the other (random graphs vs Bellman-Ford)', () => {
    fc.assert(fc.property(arbitraryGraph, ({ nodeCount, edges }) => {
      const data = graphData(nodeCount, edges);
      const { component, count } = strongComponents(buildAdjacency(data, profileCosts(data, 'car'), false));
      const reach = Array.from({ length: nodeCount }, (_, v) => referenceCosts(data, v));
      for (let u = 0; u < nodeCount; u++) {
        for (let v = 0; v < nodeCount; v++) {
          const mutual = reach[u]![v]! < Infinity && reach[v]![u]! < Infinity;
          expect(component[u] === component[v], `${u} ${v}`).toBe(mutual);
        }
      }
      expect(new Set(component).size).toBe(count);
      const inMain = mainComponentNodes(buildAdjacency(data, profileCosts(data, 'car'), false));
      const sizes = new Map<number, number>();
      for (const c of component) sizes.set(c, (sizes.get(c) ?? 0) + 1);
      expect(inMain.reduce((a, b) => a + b, 0)).toBe(Math.max(...sizes.values()));
    }), { numRuns: 300 });
  });

  it('walks a 200,000-node chain without recursion', () => {
    const n = 200_000;
    const edges = Array.from({ length: n - 1 }, (_, i) => ({ source: i, target: i + 1, forwardMs: 1, backwardMs: -1 }));
    edges.push({ source: n - 1, target: 0, forwardMs: 1, backwardMs: -1 });
    const data = graphData(n, edges);
    const { count } = strongComponents(buildAdjacency(data, profileCosts(data, 'car'), false));
    expect(count).toBe(1);
  });
});
