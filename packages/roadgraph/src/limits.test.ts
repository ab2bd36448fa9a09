import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { arbitraryGraph, graphData, referenceCosts } from './testing/factories.js';
import { BALTIMORE_PBF, LIECHTENSTEIN_PBF, extract } from './testing/extracts.js';
import { blockedEdges, parseMaxheight, parseMaxweight, wayLimits } from './limits.js';
import { RoadGraph } from './road-graph.js';
import { Search } from './search.js';
import { manyToOne } from './travel-times.js';
import { route } from './route.js';
import type { Snapped } from './snap.js';

function costsFrom(graph: RoadGraph, source: number): Float64Array {
  const search = new Search(graph.nodeCount);
  search.run(graph.forward, [{ node: source, cost: 0 }]);
  return Float64Array.from({ length: graph.graphNodeCount }, (_, v) => search.costOf(v));
}

describe('height and weight limits', () => {
  it('reads maxheight and maxweight as OSM writes them, and nothing from words', () => {
    expect(parseMaxheight('3.5')).toBe(3.5);
    expect(parseMaxheight('3,8 m')).toBe(3.8);
    expect(parseMaxheight("12'6\"")).toBeCloseTo(12 * 0.3048 + 6 * 0.0254, 6);
    expect(parseMaxheight('14 ft')).toBeCloseTo(14 * 0.3048, 6);
    for (const v of ['default', 'none', 'below_default', '', '-1', '0']) expect(parseMaxheight(v)).toBeUndefined();
    expect(parseMaxweight('7.5')).toBe(7.5);
    expect(parseMaxweight('7500 kg')).toBe(7.5);
    expect(parseMaxweight('20000 lbs')).toBeCloseTo(9.0718, 3);
    expect(parseMaxweight('heavy')).toBeUndefined();
    expect(wayLimits({ highway: 'residential' })).toBeUndefined();
    expect(wayLimits({ maxheight: '3.4', maxweight: '12 t' })).toEqual({ heightCm: 340, weightKg: 12000 });
  });

  it('closes to a vehicle exactly the roads over its height or weight, and a vehicle at the limit passes', () => {
    const data = { ...graphData(4, [
      { source: 0, target: 1, forwardMs: 1000, backwardMs: 1000 },
      { source: 1, target: 3, forwardMs: 1000, backwardMs: 1000 },
      { source: 0, target: 2, forwardMs: 3000, backwardMs: 3000 },
      { source: 2, target: 3, forwardMs: 3000, backwardMs: 3000 },
    ]), edgeLimits: Int32Array.of(1, 340, 0, 3, 0, 7500) };
    expect(blockedEdges(data, { heightM: 3.8 })).toEqual([1]);
    expect(blockedEdges(data, { heightM: 3.4, weightT: 7.5 })).toEqual([]);
    expect(blockedEdges(data, { heightM: 3.8, weightT: 26 })).toEqual([1, 3]);
    const car = new RoadGraph(data);
    car.buildHierarchy();
    expect(car.forVehicle({ heightM: 2 })).toBe(car); // nothing stops it: the same graph, hierarchy and all
    const ladder = car.forVehicle({ heightM: 3.8 });
    expect(ladder.usableHierarchy).toBeUndefined();
    expect(costsFrom(ladder, 0)[3]).toBe(6000);
    expect(costsFrom(car, 0)[3]).toBe(2000);
    // Lifting a closure on a blocked road does not open it to the vehicle.
    ladder.setEdgeFactor(1, 2);
    ladder.setEdgeFactor(1, 1);
    expect(costsFrom(ladder, 0)[3]).toBe(6000);
    expect(costsFrom(car.forVehicle({ heightM: 3.8, weightT: 26 }), 0)[3]).toBe(Infinity);
    // A closure on the profile's graph reaches the vehicle's (one graph per dimensions, kept).
    expect(car.forVehicle({ heightM: 3.8 })).toBe(ladder);
    car.setEdgeFactor(2, Infinity);
    expect(costsFrom(ladder, 0)[3]).toBe(Infinity);
    car.setEdgeFactor(2, 1);
    expect(costsFrom(ladder, 0)[3]).toBe(6000);
  });

  it('equals Bellman-Ford with the blocked roads closed, and is never faster than without limits, on random graphs', () => {
    fc.assert(fc.property(arbitraryGraph, fc.array(fc.tuple(fc.nat(), fc.integer({ min: 200, max: 500 }), fc.integer({ min: 0, max: 40_000 }))), fc.integer({ min: 150, max: 550 }), fc.integer({ min: 1, max: 50 }), fc.nat(), ({ nodeCount, edges }, limits, heightCm, weightT, pick) => {
      const plain = graphData(nodeCount, edges);
      const data = { ...plain, edgeLimits: Int32Array.from(limits.flatMap(([e, h, w]) => [e % edges.length, h, w])) };
      const vehicle = { heightM: heightCm / 100, weightT };
      const graph = new RoadGraph(data).forVehicle(vehicle);
      const source = pick % nodeCount;
      const expected = referenceCosts(data, source, new Set(blockedEdges(data, vehicle)));
      const free = referenceCosts(data, source);
      const got = costsFrom(graph, source);
      for (let v = 0; v < nodeCount; v++) {
        expect(got[v]).toBe(expected[v]);
        expect(got[v]).toBeGreaterThanOrEqual(free[v]!);
      }
    }), { numRuns: 150 });
  });

  it('reads the limits of the bundled extracts, and a limit never makes a trip faster there', async () => {
    // Liechtenstein: 3 limited roads, and 2 limited tracks that only a track-capable vehicle drives.
    for (const [file, count, onTracks] of [[BALTIMORE_PBF, 1, 0], [LIECHTENSTEIN_PBF, 3, 2]] as const) {
      const data = await extract(file);
      expect(data.edgeLimits.length / 3).toBe(count + onTracks);
      for (const profile of ['car', 'emergency'] as const) {
        const graph = new RoadGraph(data, profile);
        graph.buildHierarchy();
        // Taller and heavier than every limit in the file: every limited road is closed to it.
        const truck = graph.forVehicle({ heightM: 6, weightT: 60 });
        expect(truck.blocked.size).toBe(count);
        expect(graph.forVehicle({ heightM: 6, weightT: 60, tracks: true }).blocked.size).toBe(count + onTracks);
        const main = graph.mainNetwork;
        const inMain = Array.from({ length: graph.graphNodeCount }, (_, v) => v).filter((v) => main[v] === 1);
        const nodes = Array.from({ length: 60 }, (_, i) => inMain[(i * 7919) % inMain.length]!);
        const places: Snapped[] = nodes.map((v) => graph.snapper.snap([data.nodeLon[v]!, data.nodeLat[v]!]));
        for (const destination of places.slice(0, 20)) {
          const base = manyToOne(graph, places, destination);
          const limited = manyToOne(truck, places, destination);
          places.forEach((_, i) => expect(limited[i]).toBeGreaterThanOrEqual(base[i]!));
        }
        // The road under the limit itself: the truck's route from one end to the other avoids it.
        const e = [...truck.blocked][0]!;
        const at = (v: number) => graph.snapper.snap([data.nodeLon[v]!, data.nodeLat[v]!]);
        const ends = main[data.edgeSource[e]!] === 1 && main[data.edgeTarget[e]!] === 1;
        const from = ends ? at(data.edgeSource[e]!) : undefined, to = ends ? at(data.edgeTarget[e]!) : undefined;
        if (from && to) {
          let detour: number | undefined;
          try {
            detour = route(truck, from, to).time;
          } catch {
            detour = Infinity; // no other way round within the extract
          }
          expect(detour).toBeGreaterThanOrEqual(route(graph, from, to).time);
        }
      }
    }
  }, 180_000);
});
