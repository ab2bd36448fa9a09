import { beforeAll, describe, expect, it } from 'vitest';
import { partialCosts } from './endpoints.js';
import { FIXED_SCALE, haversine, metresPerDegree } from './geo.js';
import { NOT_ALLOWED, type GraphData } from './graph-data.js';
import { EDGE_BRIDGE, EDGE_MOTORWAY, EDGE_TUNNEL } from './profile.js';
import { RoadGraph } from './road-graph.js';
import { GRADE_SEPARATED_METRES, SnapIndex } from './snap.js';
import type { LonLat } from './types.js';
import { manyToOne } from './travel-times.js';
import { BALTIMORE_PBF, LIECHTENSTEIN_PBF, extract } from './testing/extracts.js';
import { graphData, seededRandom } from './testing/factories.js';

describe('snapping (Baltimore)', () => {
  let graph: RoadGraph;
  beforeAll(async () => {
    graph = new RoadGraph(await extract(BALTIMORE_PBF));
  });

  it('snaps to the nearest road and reports the distance and the partial costs at both ends', () => {
    const random = seededRandom(7);
    for (let i = 0; i < 200; i++) {
      let e = Math.floor(random() * graph.edgeCount);
      // Near a road of the main network (a cut-off piece nearby is rightly passed over).
      while (!graph.mainNetwork[graph.data.edgeSource[e]!] || !graph.mainNetwork[graph.data.edgeTarget[e]!]) e = Math.floor(random() * graph.edgeCount);
      const p = graph.data.geomStart[e]!;
      const on: [number, number] = [graph.data.geomCoords[2 * p]! / 1e7, graph.data.geomCoords[2 * p + 1]! / 1e7];
      const input: [number, number] = [on[0] + (random() - 0.5) * 4e-4, on[1] + (random() - 0.5) * 4e-4];
      const snapped = graph.snapper.snap(input);
      expect(snapped.distance).toBeCloseTo(haversine(...input, ...snapped.point), 6);
      // Nothing is nearer than the snapped point: the original vertex bounds the distance (plus
      // what a motorway, bridge or tunnel counts extra: a local road that much farther wins).
      const extra = graph.data.edgeFlags[e] ? GRADE_SEPARATED_METRES : 0;
      expect(snapped.distance).toBeLessThanOrEqual(haversine(...input, ...on) + extra + 1e-6);
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
    const { geomCoords: g, geomStart, edgeSource, edgeTarget } = graph.data;
    // The southernmost point of any road of the main network (cut-off pieces are never snapped to).
    for (let e = 0; e < graph.edgeCount; e++) {
      if (!graph.mainNetwork[edgeSource[e]!] || !graph.mainNetwork[edgeTarget[e]!]) continue;
      for (let p = geomStart[e]!; p < geomStart[e + 1]!; p++) {
        if (g[2 * p + 1]! < south) [south, lonThere] = [g[2 * p + 1]!, g[2 * p]!];
      }
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

describe('snapping never puts a point on a piece of road cut off from the network', () => {
  // Nodes lie on a 5 x 5 grid 0.001 degree apart (node 5r + c at row r, column c). Rows 0 and 1
  // joined by two-way streets are the network; beside it: a one-way spur out of it into a dead
  // end (8 -> 13), a one-way spur from a car park into it (14 -> 9) and an island (20 <-> 21,
  // two-way, no link to the rest), 330 m from the network.
  const streets = [] as { source: number; target: number; forwardMs: number; backwardMs: number }[];
  for (let v = 0; v < 10; v++) {
    if (v % 5 < 4) streets.push({ source: v, target: v + 1, forwardMs: 10_000, backwardMs: 10_000 });
    if (v < 5) streets.push({ source: v, target: v + 5, forwardMs: 10_000, backwardMs: 10_000 });
  }
  const data = graphData(25, [...streets,
    { source: 8, target: 13, forwardMs: 5_000, backwardMs: -1 },
    { source: 14, target: 9, forwardMs: 5_000, backwardMs: -1 },
    { source: 20, target: 21, forwardMs: 5_000, backwardMs: 5_000 }]);
  const graph = new RoadGraph(data);
  const cutOff = new Set([streets.length, streets.length + 1, streets.length + 2]);
  const midpoint = (a: number, b: number): [number, number] => [(data.nodeLon[a]! + data.nodeLon[b]!) / 2, (data.nodeLat[a]! + data.nodeLat[b]!) / 2];

  it('knows rows 0 and 1 as the main network and the rest as cut off', () => {
    expect([...graph.mainNetwork]).toEqual([...Array<number>(10).fill(1), ...Array<number>(15).fill(0)]);
  });

  it('snaps a point lying on the island or a spur to the nearest street of the network instead, with a finite time both ways', () => {
    const corner = graph.snapper.snap([data.nodeLon[0]!, data.nodeLat[0]!]);
    for (const [a, b] of [[8, 13], [14, 9], [20, 21]] as const) {
      const snapped = graph.snapper.snap(midpoint(a, b), 2000);
      expect(cutOff.has(snapped.edge), `${a}-${b}`).toBe(false);
      expect(snapped.distance, `${a}-${b}`).toBeGreaterThan(50);
      expect(manyToOne(graph, [snapped], corner, { engine: 'dijkstra' })[0]).toBeLessThan(Infinity);
      expect(manyToOne(graph, [corner], snapped, { engine: 'dijkstra' })[0]).toBeLessThan(Infinity);
    }
  });

  it('refuses a point on the island when the network is farther than the limit, rather than using the island', () => {
    expect(() => graph.snapper.snap(midpoint(20, 21), 300)).toThrow(expect.objectContaining({ code: 'ROADGRAPH_TOO_FAR_FROM_ROAD' }));
  });
});

describe('snapping in Liechtenstein', () => {
  let graph: RoadGraph;
  beforeAll(async () => {
    graph = new RoadGraph(await extract(LIECHTENSTEIN_PBF));
  });

  it('puts the Eschen fire station (OSM node 500020190), nearest to a cut-off piece of road, on the network: its engine can drive to Vaduz and back', () => {
    const station: [number, number] = [9.5274417, 47.2074122];
    const vaduz = graph.snapper.snap([9.5215, 47.141]);
    const snapped = graph.snapper.snap(station);
    expect(graph.mainNetwork[snapped.source]).toBe(1);
    expect(graph.mainNetwork[snapped.target]).toBe(1);
    expect(snapped.distance).toBeLessThan(100);
    const out = manyToOne(graph, [snapped], vaduz, { engine: 'dijkstra' })[0]!;
    const back = manyToOne(graph, [vaduz], snapped, { engine: 'dijkstra' })[0]!;
    // About 10 km by road: between 5 and 20 minutes each way.
    for (const seconds of [out, back]) {
      expect(seconds).toBeGreaterThan(300);
      expect(seconds).toBeLessThan(1200);
    }
  });
});

describe('snapping with sense (issue 17 item 6): motorways, bridges and tunnels, the heading', () => {
  // A local road running north-south through (0, 0) and, 5 m east of it, the start of a one-way
  // motorway running east along y = 0 (x, y in metres from a point in Baltimore).
  const origin: LonLat = [-76.6, 39.29];
  const scale = metresPerDegree(origin[1]);
  const at = (x: number, y: number): LonLat => [origin[0] + x / scale.x, origin[1] + y / scale.y];
  const nodes = [at(0, -100), at(0, 100), at(5, 0), at(200, 0)];
  const plain = graphData(4, [
    { source: 0, target: 1, forwardMs: 20_000, backwardMs: 20_000 },
    { source: 2, target: 3, forwardMs: 7_000, backwardMs: NOT_ALLOWED },
  ]);
  const data: GraphData = {
    ...plain,
    nodeLon: Float64Array.from(nodes, (p) => p[0]),
    nodeLat: Float64Array.from(nodes, (p) => p[1]),
    geomCoords: Int32Array.from([nodes[0]!, nodes[1]!, nodes[2]!, nodes[3]!].flatMap((p) => [Math.round(p[0] * FIXED_SCALE), Math.round(p[1] * FIXED_SCALE)])),
    edgeLengthM: Float32Array.of(200, 195),
    edgeFlags: Uint8Array.of(0, EDGE_MOTORWAY),
  };
  const index = new SnapIndex(data, undefined, { forwardMs: data.edgeForwardMs, backwardMs: data.edgeBackwardMs });
  const point = at(5.5, 3); // 3 m from the motorway, 5.5 m from the local road

  it('puts a point a few metres from both on the local road', () => {
    expect(index.snap(point).edge).toBe(0);
    // Without the flag the motorway is simply nearer.
    expect(new SnapIndex({ ...data, edgeFlags: Uint8Array.of(0, 0) }).snap(point).edge).toBe(1);
  });

  it('follows an AVL heading along the motorway, but not against its one-way direction', () => {
    expect(index.snap(point, 500, { heading: 90 }).edge).toBe(1); // driving east, as the motorway does
    expect(index.snap(point, 500, { heading: 92 + 360 }).edge).toBe(1);
    expect(index.snap(point, 500, { heading: 270 }).edge).toBe(0); // west: not on a one-way east
    expect(index.snap(point, 500, { heading: 0 }).edge).toBe(0); // north, along the local road
  });

  it('refuses a heading that is not a number', () => {
    expect(() => index.snap(point, 500, { heading: Number.NaN })).toThrow(/heading/);
  });

  it('flags motorways, bridges and tunnels from the extract', async () => {
    const baltimore = await extract(BALTIMORE_PBF);
    const count = (flag: number) => baltimore.edgeFlags.filter((f) => (f & flag) !== 0).length;
    expect(count(EDGE_MOTORWAY)).toBeGreaterThan(10);
    expect(count(EDGE_BRIDGE)).toBeGreaterThan(10);
    expect(count(EDGE_TUNNEL)).toBeGreaterThan(0);
  });
});
