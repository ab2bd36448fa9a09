import { beforeAll, describe, expect, it } from 'vitest';
import { nearestOrigins } from './nearest-origin.js';
import { RoadGraph } from './road-graph.js';
import { BALTIMORE_PBF, extract } from './testing/extracts.js';
import { placesBesideMainRoads } from './testing/places.js';
import { table } from './travel-times.js';

describe('nearest origins (Baltimore)', () => {
  let graph: RoadGraph;
  beforeAll(async () => {
    graph = new RoadGraph(await extract(BALTIMORE_PBF));
  });

  it('gives each destination the time of its nearest origin, as one search per origin does', () => {
    const origins = placesBesideMainRoads(graph, 25, 11);
    // Some destinations on an origin's own edge, one on the origin itself.
    const destinations = [...placesBesideMainRoads(graph, 300, 12), origins[3]!, graph.snapper.snap(origins[7]!.point)];
    const rows = table(graph, origins, destinations, { engine: 'dijkstra' });
    for (const cutoff of [undefined, 180]) {
      const { seconds, origin } = nearestOrigins(graph, origins, destinations, { cutoff });
      destinations.forEach((_, j) => {
        const brute = Math.min(...rows.map((r) => r[j]!));
        const expected = cutoff === undefined || brute <= cutoff ? brute : Infinity;
        expect(seconds[j], `destination ${j}`).toBe(expected);
        if (expected === Infinity) expect(origin[j]).toBe(-1);
        else expect(rows[origin[j]!]![j], `origin named for destination ${j}`).toBe(expected);
      });
      if (cutoff !== undefined) expect(seconds.some((s) => s === Infinity)).toBe(true);
    }
    expect(nearestOrigins(graph, origins, [origins[3]!]).seconds[0]).toBe(0);
  });

  it('reaches nothing from no origins', () => {
    const { seconds, origin } = nearestOrigins(graph, [], placesBesideMainRoads(graph, 3, 13));
    expect(Array.from(seconds)).toEqual([Infinity, Infinity, Infinity]);
    expect(Array.from(origin)).toEqual([-1, -1, -1]);
  });
});
