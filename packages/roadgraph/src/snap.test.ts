import { beforeAll, describe, expect, it } from 'vitest';
import { partialCosts } from './endpoints.js';
import { haversine } from './geo.js';
import { RoadGraph } from './road-graph.js';
import { BALTIMORE_PBF, extract } from './testing/extracts.js';
import { seededRandom } from './testing/factories.js';

describe('snapping (Baltimore)', () => {
  let graph: RoadGraph;
  beforeAll(async () => {
    graph = new RoadGraph(await extract(BALTIMORE_PBF));
  });

  it('snaps to the nearest road and reports the distance and the partial costs at both ends', () => {
    const random = seededRandom(7);
    for (let i = 0; i < 200; i++) {
      const e = Math.floor(random() * graph.edgeCount);
      const p = graph.data.geomStart[e]!;
      const on: [number, number] = [graph.data.geomCoords[2 * p]! / 1e7, graph.data.geomCoords[2 * p + 1]! / 1e7];
      const input: [number, number] = [on[0] + (random() - 0.5) * 4e-4, on[1] + (random() - 0.5) * 4e-4];
      const snapped = graph.snapper.snap(input);
      expect(snapped.distance).toBeCloseTo(haversine(...input, ...snapped.point), 6);
      // Nothing is nearer than the snapped point: the original vertex bounds the distance.
      expect(snapped.distance).toBeLessThanOrEqual(haversine(...input, ...on) + 1e-6);
      const c = partialCosts(graph, snapped);
      const forward = graph.edgeCost(snapped.edge, false);
      if (forward < Infinity) expect(c.sourceToPoint + c.pointToTarget).toBe(forward);
      const backward = graph.edgeCost(snapped.edge, true);
      if (backward < Infinity) expect(c.targetToPoint + c.pointToSource).toBe(backward);
    }
  });

  it('refuses a point 2 km from any road instead of snapping it, and says how far the road is', () => {
    let south = Infinity;
    let lonThere = 0;
    const g = graph.data.geomCoords;
    for (let p = 0; p < g.length / 2; p++) {
      if (g[2 * p + 1]! < south) [south, lonThere] = [g[2 * p + 1]!, g[2 * p]!];
    }
    // 0.02 degree of latitude (2.2 km) south of the southernmost point of any road.
    const offRoad: [number, number] = [lonThere / 1e7, south / 1e7 - 0.02];
    expect(() => graph.snapper.snap(offRoad)).toThrow(expect.objectContaining({ code: 'ROADGRAPH_TOO_FAR_FROM_ROAD' }));
    expect(() => graph.snapper.snap(offRoad, 2000)).toThrow(/more than 2000 m/);
    const far = graph.snapper.snap(offRoad, 5000);
    expect(far.distance).toBeGreaterThan(2000);
    expect(far.distance).toBeLessThan(2300);
  });

  it('rejects bad coordinates with a clear error', () => {
    for (const bad of [[200, 39], [-76.6, 91], [Number.NaN, 39], ['x', 1], [1]] as unknown as [number, number][]) {
      expect(() => graph.snapper.snap(bad)).toThrow(expect.objectContaining({ code: 'ROADGRAPH_BAD_COORDINATE' }));
    }
  });
});
