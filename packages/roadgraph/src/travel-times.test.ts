import { beforeAll, describe, expect, it } from 'vitest';
import { LiveChanges } from './closures.js';
import { RoadGraph } from './road-graph.js';
import { route } from './route.js';
import type { Snapped } from './snap.js';
import { BALTIMORE_PBF, extract } from './testing/extracts.js';
import { graphData } from './testing/factories.js';
import { placesBesideMainRoads } from './testing/places.js';
import { manyToOne, oneToMany, table } from './travel-times.js';

describe('travel times (Baltimore)', () => {
  let graph: RoadGraph;
  beforeAll(async () => {
    graph = new RoadGraph(await extract(BALTIMORE_PBF));
  });

  it('many-to-one, one-to-many, table and route agree on every pair', () => {
    const places = placesBesideMainRoads(graph, 30, 1);
    const incident = places[0]!;
    const toIncident = manyToOne(graph, places, incident);
    const rows = table(graph, places, [incident]);
    for (let i = 0; i < places.length; i++) {
      expect(rows[i]![0]).toBe(toIncident[i]);
      if (toIncident[i] === Infinity) {
        expect(() => route(graph, places[i]!, incident)).toThrow(expect.objectContaining({ code: 'ROADGRAPH_UNREACHABLE' }));
      } else {
        expect(route(graph, places[i]!, incident).time).toBe(toIncident[i]);
      }
    }
    expect(toIncident[0]).toBe(0);
    const fromIncident = oneToMany(graph, incident, places);
    const column = table(graph, [incident], places)[0]!;
    expect(Array.from(column)).toEqual(Array.from(fromIncident));
  });

  it('reads Infinity past the cutoff and the same times within it', () => {
    const places = placesBesideMainRoads(graph, 50, 2);
    const full = manyToOne(graph, places, places[0]!);
    const cut = manyToOne(graph, places, places[0]!, { cutoff: 120 });
    for (let i = 0; i < places.length; i++) expect(cut[i]).toBe(full[i]! <= 120 ? full[i] : Infinity);
    expect(() => manyToOne(graph, places, places[0]!, { cutoff: -1 })).toThrow(/cutoff/);
  });

  it('route geometry runs from the snapped origin to the snapped destination', () => {
    const [a, b] = placesBesideMainRoads(graph, 2, 3) as [Snapped, Snapped];
    const r = route(graph, a, b);
    expect(r.geometry.coordinates[0]![0]).toBeCloseTo(a.point[0], 6);
    expect(r.geometry.coordinates.at(-1)![1]).toBeCloseTo(b.point[1], 6);
    expect(r.distance).toBeGreaterThan(0);
  });

  it('closing the roads of a route makes queries avoid them at once, and lifting restores it', () => {
    const [a, b] = placesBesideMainRoads(graph, 2, 4) as [Snapped, Snapped];
    const before = route(graph, a, b);
    const live = new LiveChanges(graph);
    const middle = before.geometry.coordinates[Math.floor(before.geometry.coordinates.length / 2)]!;
    const d = 2e-4;
    const box = [[middle[0] - d, middle[1] - d], [middle[0] + d, middle[1] - d], [middle[0] + d, middle[1] + d], [middle[0] - d, middle[1] + d], [middle[0] - d, middle[1] - d]] as const;
    const closure = live.closeArea([box]);
    expect(closure.edges.length).toBeGreaterThan(0);
    const [detour] = manyToOne(graph, [a], b);
    expect(detour).toBeGreaterThan(before.time);
    live.lift(closure);
    expect(manyToOne(graph, [a], b)[0]).toBeCloseTo(before.time, 9);
    expect(graph.hasLiveChanges).toBe(false);
  });

  it('slows edges by a factor, and a closure overlapping a slow-down wins until lifted', () => {
    const [a, b] = placesBesideMainRoads(graph, 2, 5) as [Snapped, Snapped];
    const live = new LiveChanges(graph);
    const slow = live.slowEdges(Array.from({ length: graph.edgeCount }, (_, e) => e), 2);
    const doubled = manyToOne(graph, [a], b)[0]!;
    live.lift(slow);
    const normal = manyToOne(graph, [a], b)[0]!;
    expect(doubled).toBeGreaterThan(normal * 1.99);
    expect(doubled).toBeLessThan(normal * 2.01);
  });
});

describe('travel times on a small known graph', () => {
  // 0 -> 1 -> 2 one way (10 s each), 2 <-> 3 both ways (5 s), 4 on its own.
  const graph = new RoadGraph(graphData(5, [
    { source: 0, target: 1, forwardMs: 10_000, backwardMs: -1 },
    { source: 1, target: 2, forwardMs: 10_000, backwardMs: -1 },
    { source: 2, target: 3, forwardMs: 5_000, backwardMs: 5_000 },
    { source: 4, target: 4, forwardMs: 1_000, backwardMs: 1_000 },
  ]));
  const at = (edge: number, fraction: number): Snapped => ({
    input: [0, 0], point: [0, 0], distance: 0 as never, edge: edge as never,
    source: graph.data.edgeSource[edge] as never, target: graph.data.edgeTarget[edge] as never, fraction,
  });

  it('adds the partial edge costs at both ends', () => {
    expect(Array.from(manyToOne(graph, [at(0, 0.5), at(2, 0.5)], at(2, 1)))).toEqual([20, 2.5]);
  });

  it('says unreachable against a one-way street and to a disconnected road', () => {
    expect(Array.from(manyToOne(graph, [at(2, 1), at(3, 0.5)], at(0, 0.5)))).toEqual([Infinity, Infinity]);
    expect(() => route(graph, at(2, 1), at(0, 0))).toThrow(/No drivable route/);
  });

  it('drives along one edge without leaving it, in its allowed direction only', () => {
    expect(Array.from(manyToOne(graph, [at(0, 0.25)], at(0, 0.75)))).toEqual([5]);
    expect(Array.from(manyToOne(graph, [at(0, 0.75)], at(0, 0.25)))).toEqual([Infinity]);
  });
});
