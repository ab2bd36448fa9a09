import { beforeAll, describe, expect, it } from 'vitest';
import { reachedWithin, reachWithin } from './reach-within.js';
import { RoadGraph } from './road-graph.js';
import { BALTIMORE_PBF, extract } from './testing/extracts.js';
import { placesBesideMainRoads } from './testing/places.js';
import { manyToOne, oneToMany } from './travel-times.js';

describe('reach within a cutoff (Baltimore)', () => {
  let graph: RoadGraph;
  beforeAll(async () => {
    graph = new RoadGraph(await extract(BALTIMORE_PBF), 'emergency');
  });

  it('lists for each origin exactly the destinations oneToMany times within the cutoff, with the same times', () => {
    const origins = placesBesideMainRoads(graph, 25, 3);
    // Some destinations on the origins' own edges: the same-edge drive counts too.
    const destinations = [...placesBesideMainRoads(graph, 300, 4), ...origins.slice(0, 5)];
    const reach = reachWithin(graph, origins, destinations, 180);
    let reached = 0;
    origins.forEach((o, i) => {
      const times = oneToMany(graph, o, destinations, { cutoff: 180, engine: 'dijkstra' });
      const expected = [...times.keys()].filter((k) => times[k]! <= 180);
      expect([...reach[i]!.index]).toEqual(expected);
      expect([...reach[i]!.seconds]).toEqual(expected.map((k) => times[k]!));
      reached += expected.length;
    });
    // The check means something: origins reach some destinations and miss others.
    expect(reached).toBeGreaterThan(25);
    expect(reached).toBeLessThan(25 * destinations.length);
  });

  it('lists for each point exactly the others manyToOne times to it within the cutoff (the mirror)', () => {
    const points = placesBesideMainRoads(graph, 25, 5);
    const others = [...placesBesideMainRoads(graph, 300, 6), ...points.slice(0, 5)];
    const reach = reachedWithin(graph, points, others, 180);
    let reached = 0;
    points.forEach((p, i) => {
      const times = manyToOne(graph, others, p, { cutoff: 180, engine: 'dijkstra' });
      const expected = [...times.keys()].filter((k) => times[k]! <= 180);
      expect([...reach[i]!.index]).toEqual(expected);
      expect([...reach[i]!.seconds]).toEqual(expected.map((k) => times[k]!));
      reached += expected.length;
    });
    expect(reached).toBeGreaterThan(25);
  });

  it('a cutoff of 0 reaches only what is where the origin is', () => {
    const [o] = placesBesideMainRoads(graph, 1, 9);
    const reach = reachWithin(graph, [o!], [o!], 0);
    expect([...reach[0]!.index]).toEqual([0]);
    expect(reach[0]!.seconds[0]).toBe(0);
  });
});
