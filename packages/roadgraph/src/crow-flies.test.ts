import { beforeAll, describe, expect, it } from 'vitest';
import { crowFliesMs } from './crow-flies.js';
import { RoadGraph } from './road-graph.js';
import { BALTIMORE_PBF, extract } from './testing/extracts.js';
import { placesBesideMainRoads, placesNearMainJunctions } from './testing/places.js';
import { manyToOne } from './travel-times.js';
import { snappedAtJunction } from './turn-refine.js';
import type { GraphData } from './graph-data.js';

describe('crowFliesMs (a lower bound of a drive: the straight line at the graph top speed)', () => {
  let data: GraphData;
  beforeAll(async () => {
    data = await extract(BALTIMORE_PBF);
  });

  it('is at most the fastest drive between any two points, on junctions or between them, for each profile, and not trivially 0', () => {
    for (const profile of ['car', 'emergency'] as const) {
      const graph = new RoadGraph(data, profile);
      const origins = [...placesNearMainJunctions(graph, 60, 7), ...placesBesideMainRoads(graph, 60, 8)];
      let ratio = 0, pairs = 0;
      for (const destination of [...placesNearMainJunctions(graph, 6, 9), ...placesBesideMainRoads(graph, 6, 10)]) {
        const seconds = manyToOne(graph, origins, destination, { engine: 'dijkstra' });
        origins.forEach((o, i) => {
          const drive = seconds[i]! * 1000;
          if (!Number.isFinite(drive)) return;
          expect(crowFliesMs(graph, o, destination)).toBeLessThanOrEqual(drive);
          if (drive > 60_000) {
            ratio += crowFliesMs(graph, o, destination) / drive;
            pairs++;
          }
        });
      }
      // A bound of 0 everywhere would pass the test above and prune nothing.
      expect(pairs).toBeGreaterThan(500);
      expect(ratio / pairs).toBeGreaterThan(0.2);
    }
  });

  it('is at most every single edge from end to end, and close to it on the fastest straight ones', () => {
    for (const profile of ['car', 'emergency'] as const) {
      const graph = new RoadGraph(data, profile);
      let tightest = 0;
      for (let e = 0; e < graph.edgeCount; e++) {
        const cost = graph.costs.forwardMs[e]!;
        if (cost <= 0) continue;
        const bound = crowFliesMs(graph, snappedAtJunction(graph, e, 0), snappedAtJunction(graph, e, 1));
        expect(bound).toBeLessThanOrEqual(cost);
        tightest = Math.max(tightest, bound / cost);
      }
      // Where the graph's top speed is driven in a straight line the bound is nearly the drive.
      expect(tightest).toBeGreaterThan(0.9);
    }
  });
});
