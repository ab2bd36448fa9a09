import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { metresPerDegree } from './geo.js';
import { NOT_ALLOWED, type GraphData } from './graph-data.js';
import { DEFAULT_TRACK_KMH, EDGE_TRACK, wayProfiles } from './profile.js';
import { RoadGraph } from './road-graph.js';
import { Search } from './search.js';
import type { Snapped } from './snap.js';
import { arbitraryGraph, graphData, referenceCosts, seededRandom, type EdgeSpec } from './testing/factories.js';
import { LIECHTENSTEIN_PBF, extract } from './testing/extracts.js';
import { manyToOne, oneToMany } from './travel-times.js';

function costsFrom(graph: RoadGraph, source: number): Float64Array {
  const search = new Search(graph.nodeCount);
  search.run(graph.forward, [{ node: source, cost: 0 }]);
  return Float64Array.from({ length: graph.graphNodeCount }, (_, v) => search.costOf(v));
}

/** The same graph with every track an ordinary road of its track costs: what a 4x4 drives. */
function tracksAsRoads(data: GraphData): GraphData {
  const forward = data.edgeForwardMs.slice(), backward = data.edgeBackwardMs.slice();
  const t = data.trackCosts;
  for (let i = 0; i < t.length; i += 3) {
    forward[t[i]!] = t[i + 1]!;
    backward[t[i]!] = t[i + 2]!;
  }
  return { ...data, edgeForwardMs: forward, edgeBackwardMs: backward, trackCosts: new Int32Array(0) };
}

describe('highway=track for unit kinds that can drive it', () => {
  it('gives tracks to no profile, only to a vehicle that can drive them, as the access tags allow', () => {
    const plain = wayProfiles({ highway: 'track' })!;
    expect(plain.car).toBeUndefined();
    expect(plain.emergency).toBeUndefined();
    expect(plain.track).toEqual({ kmh: DEFAULT_TRACK_KMH, forward: true, backward: true });
    expect(plain.flags & EDGE_TRACK).toBe(EDGE_TRACK);
    expect(wayProfiles({ highway: 'track', maxspeed: '30' })!.track!.kmh).toBe(30);
    expect(wayProfiles({ highway: 'track', oneway: 'yes' })!.track).toMatchObject({ forward: true, backward: false });
    // Forestry and farm tracks: a permission a call gives, like `private`.
    for (const access of ['agricultural', 'forestry', 'destination', 'private']) {
      expect(wayProfiles({ highway: 'track', motor_vehicle: access })?.track, access).toBeDefined();
    }
    // A legal ban holds, unless the way is signed for emergency access.
    expect(wayProfiles({ highway: 'track', motor_vehicle: 'no' })).toBeUndefined();
    expect(wayProfiles({ highway: 'track', access: 'no', emergency: 'yes' })?.track).toBeDefined();
    expect(wayProfiles({ highway: 'track', emergency: 'no' })).toBeUndefined();
    expect(wayProfiles({ highway: 'residential' })!.track).toBeUndefined();
  });

  it('takes the forest track only for a vehicle that can, and leaves every other graph as it was', () => {
    // 0 -> 1 -> 2 by road (2 x 200 s); 0 -> 2 by a track (120 s).
    const edges: EdgeSpec[] = [
      { source: 0, target: 1, forwardMs: 200_000, backwardMs: 200_000 },
      { source: 1, target: 2, forwardMs: 200_000, backwardMs: 200_000 },
      { source: 0, target: 2, forwardMs: 0, backwardMs: 0, track: { forwardMs: 120_000, backwardMs: 120_000 } },
    ];
    const data = graphData(3, edges);
    for (const profile of ['car', 'emergency'] as const) {
      const graph = new RoadGraph(data, profile);
      graph.buildHierarchy();
      expect(costsFrom(graph, 0)[2]).toBe(400_000);
      expect(graph.forVehicle({ heightM: 3.9 })).toBe(graph); // no limit, no tracks: itself
      const offRoad = graph.forVehicle({ tracks: true });
      expect(offRoad).not.toBe(graph);
      expect(graph.forVehicle({ tracks: true })).toBe(offRoad); // one per dimensions, kept
      expect(costsFrom(offRoad, 0)[2]).toBe(120_000);
      expect(offRoad.usableHierarchy).toBeUndefined(); // the profile's hierarchy has no tracks
      // A closure on the profile's graph reaches the vehicle's.
      graph.setEdgeFactor(2, Infinity);
      expect(costsFrom(offRoad, 0)[2]).toBe(400_000);
      graph.setEdgeFactor(2, 1);
      expect(costsFrom(offRoad, 0)[2]).toBe(120_000);
    }
    // Without tracks in the data, `tracks: true` changes nothing.
    const roadsOnly = new RoadGraph(graphData(3, edges.slice(0, 2)));
    expect(roadsOnly.forVehicle({ tracks: true })).toBe(roadsOnly);
  });

  it('equals Bellman-Ford with the tracks as roads, and opening tracks never makes a trip slower (random graphs)', () => {
    fc.assert(fc.property(arbitraryGraph, fc.array(fc.boolean(), { maxLength: 120 }), ({ nodeCount, edges }, isTrack) => {
      const specs: EdgeSpec[] = edges.map((e, i) => (isTrack[i] ? { ...e, track: { forwardMs: e.forwardMs, backwardMs: e.backwardMs } } : e));
      const data = graphData(nodeCount, specs);
      const graph = new RoadGraph(data);
      const offRoad = graph.forVehicle({ tracks: true });
      const asRoads = tracksAsRoads(data);
      const without = { ...data, trackCosts: new Int32Array(0) };
      for (let s = 0; s < nodeCount; s++) {
        const got = costsFrom(offRoad, s);
        const expected = referenceCosts(asRoads, s);
        const onRoads = referenceCosts(without, s);
        const plain = costsFrom(graph, s);
        for (let v = 0; v < nodeCount; v++) {
          expect(got[v]).toBe(expected[v]);
          expect(plain[v]).toBe(onRoads[v]);
          expect(got[v]).toBeLessThanOrEqual(plain[v]!);
        }
      }
    }), { numRuns: 150 });
  });

  it('reads the tracks of Liechtenstein: nobody else drives them, a 4x4 is never slower and sometimes faster', async () => {
    const data = await extract(LIECHTENSTEIN_PBF);
    const t = data.trackCosts;
    expect(t.length / 3).toBeGreaterThan(1000);
    for (let i = 0; i < t.length; i += 3) {
      const e = t[i]!;
      expect(data.edgeFlags[e]! & EDGE_TRACK).toBe(EDGE_TRACK);
      for (const cost of [data.edgeForwardMs[e], data.edgeBackwardMs[e], data.emergencyForwardMs[e], data.emergencyBackwardMs[e]]) expect(cost).toBe(NOT_ALLOWED);
      expect(Math.max(t[i + 1]!, t[i + 2]!)).toBeGreaterThanOrEqual(0);
    }
    const graph = new RoadGraph(data, 'emergency');
    graph.buildHierarchy();
    const offRoad = graph.forVehicle({ tracks: true });
    const main = graph.mainNetwork;
    const inMain = Array.from({ length: graph.graphNodeCount }, (_, v) => v).filter((v) => main[v] === 1);
    const places: Snapped[] = Array.from({ length: 80 }, (_, i) => inMain[(i * 7919) % inMain.length]!)
      .map((v) => graph.snapper.snap([data.nodeLon[v]!, data.nodeLat[v]!]));
    let faster = 0;
    for (const destination of places.slice(0, 25)) {
      const onRoads = manyToOne(graph, places, destination);
      const withTracks = manyToOne(offRoad, places, destination);
      places.forEach((_, i) => {
        expect(withTracks[i]).toBeLessThanOrEqual(onRoads[i]!);
        if (withTracks[i]! < onRoads[i]! - 1) faster++;
      });
    }
    expect(faster).toBeGreaterThan(0);
    // No arc of the profile's graph (so of its hierarchy) runs along a track; the 4x4's do.
    const trackEdges = new Set(Array.from({ length: t.length / 3 }, (_, k) => t[3 * k]!));
    const onTracks = (g: RoadGraph) => {
      let count = 0;
      for (let a = 0; a < g.forward.arcCount; a++) if (g.forward.codeOf(a) >= 0 && trackEdges.has(g.forward.codeOf(a) >> 1)) count++;
      return count;
    };
    expect(onTracks(graph)).toBe(0);
    expect(onTracks(offRoad)).toBeGreaterThan(1000);
  }, 120_000);

  it('a point moved by 0.1 m off a junction of a road and a track changes a 4x4 ETA by a second at most', async () => {
    const data = await extract(LIECHTENSTEIN_PBF);
    const graph = new RoadGraph(data, 'emergency');
    const offRoad = graph.forVehicle({ tracks: true });
    const main = graph.mainNetwork;
    // Road junctions (in the car's main network, where points are snapped) where a track starts.
    const junctions = new Set<number>();
    for (let i = 0; i < data.trackCosts.length; i += 3) {
      for (const v of [data.edgeSource[data.trackCosts[i]!]!, data.edgeTarget[data.trackCosts[i]!]!]) if (main[v] === 1) junctions.add(v);
    }
    expect(junctions.size).toBeGreaterThan(100);
    const random = seededRandom(17);
    const list = [...junctions];
    const sample = Array.from({ length: 60 }, () => list[Math.floor(random() * list.length)]!);
    const at = (v: number, metres = 0, bearing = 0): Snapped => {
      const scale = metresPerDegree(data.nodeLat[v]!);
      return graph.snapper.snap([data.nodeLon[v]! + (metres * Math.cos(bearing)) / scale.x, data.nodeLat[v]! + (metres * Math.sin(bearing)) / scale.y]);
    };
    const others = Array.from({ length: 15 }, () => at(list[Math.floor(random() * list.length)]!, 30, random() * 7));
    const failures: string[] = [];
    for (const node of sample) {
      const fromNode = oneToMany(offRoad, at(node), others);
      const toNode = manyToOne(offRoad, others, at(node));
      for (let k = 0; k < 8; k++) {
        const moved = at(node, 0.1, (k * Math.PI) / 4);
        const fromMoved = oneToMany(offRoad, moved, others);
        const toMoved = manyToOne(offRoad, others, moved);
        others.forEach((_, j) => {
          if (!(Math.abs(fromMoved[j]! - fromNode[j]!) <= 1)) failures.push(`from ${node} (${k}) to ${j}: ${fromNode[j]} -> ${fromMoved[j]}`);
          if (!(Math.abs(toMoved[j]! - toNode[j]!) <= 1)) failures.push(`to ${node} (${k}) from ${j}: ${toNode[j]} -> ${toMoved[j]}`);
        });
      }
    }
    expect(failures).toEqual([]);
  }, 120_000);
});
