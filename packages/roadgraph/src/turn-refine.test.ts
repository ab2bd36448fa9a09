import { beforeAll, describe, expect, it } from 'vitest';
import { RoadGraph } from './road-graph.js';
import type { Snapped } from './snap.js';
import { BALTIMORE_PBF, extract } from './testing/extracts.js';
import { seededRandom } from './testing/factories.js';
import { manyToOne } from './travel-times.js';
import { snappedAtJunction } from './turn-refine.js';

describe('refineManyToOne edge cases', () => {
  let graph: RoadGraph;
  let plain: RoadGraph;
  beforeAll(async () => {
    const data = await extract(BALTIMORE_PBF);
    graph = new RoadGraph(data, 'emergency', { turnCosts: true });
    plain = new RoadGraph(data, 'emergency', {}, graph);
  });

  const places = (seed: number, count: number): Snapped[] => {
    const random = seededRandom(seed);
    return Array.from({ length: count }, () => {
      const v = Math.floor(random() * graph.graphNodeCount);
      return graph.snapper.snap([graph.data.nodeLon[v]! + (random() - 0.5) * 0.002, graph.data.nodeLat[v]! + (random() - 0.5) * 0.002]);
    });
  };

  it('nearest = 0 refines none: every time the node-based lower bound, flagged not exact (before: best[-1] made the bound NaN and every origin unreachable)', () => {
    const origins = places(7, 40);
    let finite = 0;
    for (const destination of places(8, 5)) {
      const exact = new Uint8Array(origins.length).fill(9);
      const got = manyToOne(graph, origins, destination, { cutoff: 3600, nearest: 0, exact, engine: 'dijkstra' });
      const lower = manyToOne(plain, origins, destination, { cutoff: 3600, engine: 'dijkstra' });
      expect(Array.from(got)).toEqual(Array.from(lower));
      got.forEach((t, i) => expect(exact[i]).toBe(Number.isFinite(t) ? 0 : 1));
      finite += got.filter(Number.isFinite).length;
    }
    expect(finite).toBeGreaterThan(100);
  });

  it("the warm-up's points stand on the junctions they name, in degrees", () => {
    const { edgeSource, edgeTarget, nodeLon, nodeLat } = graph.data;
    for (const e of [0, 17, 1234]) {
      const a = snappedAtJunction(graph, e, 0);
      const b = snappedAtJunction(graph, e, 1);
      expect(a.point).toEqual([nodeLon[edgeSource[e]!], nodeLat[edgeSource[e]!]]);
      expect(b.point).toEqual([nodeLon[edgeTarget[e]!], nodeLat[edgeTarget[e]!]]);
      // Baltimore, not the Gulf of Guinea.
      expect(a.point[0]).toBeLessThan(-76);
      expect(a.point[1]).toBeGreaterThan(39);
    }
  });
});
