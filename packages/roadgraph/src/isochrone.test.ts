import { beforeAll, describe, expect, it } from 'vitest';
import { isochrones } from './isochrone.js';
import { RoadGraph } from './road-graph.js';
import { BALTIMORE_PBF, extract } from './testing/extracts.js';
import { oneToMany } from './travel-times.js';
import type { LonLat, MultiPolygon } from './types.js';

function inside([x, y]: LonLat, polygon: MultiPolygon): boolean {
  let hit = false;
  for (const rings of polygon.coordinates) {
    for (const ring of rings) {
      for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
        const [xi, yi] = ring[i]!, [xj, yj] = ring[j]!;
        if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) hit = !hit;
      }
    }
  }
  return hit;
}

function area(polygon: MultiPolygon): number {
  let sum = 0;
  for (const rings of polygon.coordinates) {
    for (const ring of rings) {
      for (let i = 1; i < ring.length; i++) sum += ring[i - 1]![0] * ring[i]![1] - ring[i]![0] * ring[i - 1]![1];
    }
  }
  return Math.abs(sum / 2);
}

describe('isochrones (Baltimore)', () => {
  let graph: RoadGraph;
  beforeAll(async () => {
    graph = new RoadGraph(await extract(BALTIMORE_PBF));
  });

  it('draws 1/3/5-minute rings that hold every road point reached in time and grow outwards', () => {
    const center = graph.snapper.snap([-76.6122, 39.2904]);
    const rings = isochrones(graph, center, [60, 180, 300]);
    expect(rings.map((r) => r.threshold)).toEqual([60, 180, 300]);
    // Every 7th junction of the main network (cut-off pieces are never snapped to), as a road position.
    const places = Array.from({ length: Math.floor(graph.nodeCount / 7) }, (_, k) => 7 * k)
      .filter((v) => graph.mainNetwork[v] === 1)
      .map((v) => graph.snapper.snap([graph.data.nodeLon[v]!, graph.data.nodeLat[v]!]));
    const times = oneToMany(graph, center, places);
    for (const ring of rings) {
      places.forEach((p, i) => {
        if (times[i]! <= ring.threshold) expect(inside(p.point, ring.polygon)).toBe(true);
      });
    }
    expect(area(rings[0]!.polygon)).toBeLessThan(area(rings[1]!.polygon));
    expect(area(rings[1]!.polygon)).toBeLessThan(area(rings[2]!.polygon));
    expect(inside(center.point, rings[0]!.polygon)).toBe(true);
  });

  it('rejects thresholds that are not positive seconds', () => {
    const center = graph.snapper.snap([-76.6122, 39.2904]);
    expect(() => isochrones(graph, center, [])).toThrow(/thresholds/);
    expect(() => isochrones(graph, center, [60, -1])).toThrow(/thresholds/);
  });
});
