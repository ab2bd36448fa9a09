import { beforeAll, describe, expect, it } from 'vitest';
import { buildFromOsm } from './build-from-osm.js';
import { metresPerDegree } from './geo.js';
import type { GraphData } from './graph-data.js';
import { readOsmRoads, type OsmRoads } from './osm-read.js';
import { RoadGraph } from './road-graph.js';
import { route } from './route.js';
import { BALTIMORE_PBF } from './testing/extracts.js';
import { seededRandom } from './testing/factories.js';
import { manyToOne } from './travel-times.js';
import type { LonLat } from './types.js';

// OSM node 2086293859: barrier=bollard, foot=yes, in the middle of a service road.
const BOLLARD: LonLat = [-76.5490925, 39.2792234];
// OSM node 2955790409: barrier=gate, access=private, between a service road and a yard whose
// roads carry no access tags: the gate alone closes them to the public.
const PRIVATE_GATE: LonLat = [-76.5572261, 39.2774779];

describe('barriers and the emergency profile (Baltimore)', () => {
  let roads: OsmRoads;
  let data: GraphData;
  let car: RoadGraph;
  let emergency: RoadGraph;
  /** The car as it drove before barriers were read (issue 17: through 26 of 26 of them). */
  let carIgnoringBarriers: RoadGraph;

  beforeAll(async () => {
    roads = await readOsmRoads(BALTIMORE_PBF);
    data = buildFromOsm(roads);
    car = new RoadGraph(data);
    emergency = new RoadGraph(data, 'emergency');
    carIgnoringBarriers = new RoadGraph(buildFromOsm({ ...roads, barriers: new Map() }));
    for (const g of [car, emergency, carIgnoringBarriers]) g.buildHierarchy();
  });

  /** Two points 6 m from the barrier on either way piece that reaches it. */
  function eitherSide(at: LonLat): [LonLat, LonLat] {
    const sides: LonLat[] = [];
    const { geomStart, geomCoords } = data;
    for (let e = 0; e < data.edgeSource.length; e++) {
      if (data.edgeLengthM[e] === 0) continue;
      for (const [end, next] of [[geomStart[e]!, geomStart[e]! + 1], [geomStart[e + 1]! - 1, geomStart[e + 1]! - 2]] as const) {
        if (geomCoords[2 * end] !== Math.round(at[0] * 1e7) || geomCoords[2 * end + 1] !== Math.round(at[1] * 1e7)) continue;
        const toward: LonLat = [geomCoords[2 * next]! / 1e7, geomCoords[2 * next + 1]! / 1e7];
        const scale = metresPerDegree(at[1]);
        const dx = (toward[0] - at[0]) * scale.x, dy = (toward[1] - at[1]) * scale.y;
        const k = 6 / Math.hypot(dx, dy);
        sides.push([at[0] + (toward[0] - at[0]) * k, at[1] + (toward[1] - at[1]) * k]);
      }
    }
    expect(sides).toHaveLength(2);
    return sides as [LonLat, LonLat];
  }

  function seconds(graph: RoadGraph, from: LonLat, to: LonLat): number {
    return manyToOne(graph, [graph.snapper.snap(from)], graph.snapper.snap(to))[0]!;
  }

  it('no longer drives through a bollard: neither the car nor an emergency vehicle', () => {
    const [a, b] = eitherSide(BOLLARD);
    const before = route(carIgnoringBarriers, carIgnoringBarriers.snapper.snap(a), carIgnoringBarriers.snapper.snap(b));
    expect(before.time).toBeLessThan(5); // 12 m of service road, straight through the bollard
    for (const graph of [car, emergency]) {
      const t = seconds(graph, a, b);
      expect(t, graph.profile).toBeGreaterThan(before.time + 30);
      if (t < Infinity) {
        const path = route(graph, graph.snapper.snap(a), graph.snapper.snap(b)).geometry.coordinates;
        expect(path.some(([lon, lat]) => lon === BOLLARD[0] && lat === BOLLARD[1])).toBe(false);
      }
    }
  });

  it('lets an emergency vehicle through a private gate that stops the car', () => {
    const [a, b] = eitherSide(PRIVATE_GATE);
    const through = seconds(emergency, a, b);
    expect(through).toBeLessThan(5);
    expect(seconds(emergency, b, a)).toBeLessThan(5);
    const before = carIgnoringBarriers;
    expect(seconds(before, a, b)).toBeLessThan(5);
    // The yard is no longer part of the car's network at all: a car is not put inside it.
    expect(Math.max(car.snapper.snap(a).distance, car.snapper.snap(b).distance)).toBeGreaterThan(3);
    const path = route(emergency, emergency.snapper.snap(a), emergency.snapper.snap(b)).geometry.coordinates;
    expect(path.some(([lon, lat]) => lon === PRIVATE_GATE[0] && lat === PRIVATE_GATE[1])).toBe(true);
  });

  it("answers the emergency profile's queries on its own hierarchy exactly as Dijkstra, from points snapped on the car's graph", () => {
    const random = seededRandom(8);
    const points = Array.from({ length: 120 }, () => car.snapper.snap([-76.62 + random() * 0.08, 39.26 + random() * 0.045], 5000));
    for (let i = 0; i < 10; i++) {
      const incident = points[i]!;
      const viaCh = manyToOne(emergency, points, incident, { engine: 'ch' });
      expect(Array.from(viaCh)).toEqual(Array.from(manyToOne(emergency, points, incident, { engine: 'dijkstra' })));
      const asCar = manyToOne(car, points, incident);
      viaCh.forEach((t, k) => expect(t).toBeLessThanOrEqual(asCar[k]!));
    }
    expect(() => car.attachHierarchy(emergency.hierarchy!)).toThrow(/emergency profile/);
  });

  // Metamorphic, node to node between junctions both graphs hold (the same coordinates).
  it('a barrier never makes a car trip faster, and the emergency profile is never slower than the car', () => {
    const before = carIgnoringBarriers;
    const atCoordinates = uniqueNodes(before.data);
    const shared: [number, number][] = [];
    for (const [key, v] of uniqueNodes(data)) {
      const w = atCoordinates.get(key);
      if (w !== undefined) shared.push([v, w]);
    }
    expect(shared.length).toBeGreaterThan(5000);
    const random = seededRandom(3);
    const pick = () => shared[Math.floor(random() * shared.length)]!;
    const targets = Array.from({ length: 200 }, pick);
    let slower = 0;
    for (let i = 0; i < 30; i++) {
      const [v, w] = pick();
      const now = costsFrom(car, v, targets.map((t) => t[0]));
      const then = costsFrom(before, w, targets.map((t) => t[1]));
      const fast = costsFrom(emergency, v, targets.map((t) => t[0]));
      for (let k = 0; k < targets.length; k++) {
        expect(now[k]!).toBeGreaterThanOrEqual(then[k]!);
        expect(fast[k]!).toBeLessThanOrEqual(now[k]!);
        if (now[k]! > then[k]!) slower++;
      }
    }
    // The test can tell: some trips did go through a barrier before.
    expect(slower).toBeGreaterThan(0);
  });
});

function uniqueNodes(d: GraphData): Map<string, number> {
  const seen = new Map<string, number>();
  for (let v = 0; v < d.nodeLon.length; v++) {
    const key = `${d.nodeLon[v]},${d.nodeLat[v]}`;
    seen.set(key, seen.has(key) ? -1 : v);
  }
  for (const [key, v] of seen) if (v < 0) seen.delete(key);
  return seen;
}

function costsFrom(graph: RoadGraph, source: number, targets: number[]): number[] {
  const search = graph.acquireSearch();
  try {
    search.run(graph.forward, [{ node: source, cost: 0 }]);
    return targets.map((t) => search.costOf(t));
  } finally {
    graph.releaseSearch(search);
  }
}
