import { beforeAll, describe, expect, it } from 'vitest';
import { LiveChanges } from './closures.js';
import { ON_NODE_METRES } from './endpoints.js';
import { metresPerDegree } from './geo.js';
import { PreparedOrigins } from './prepared-origins.js';
import { RoadGraph } from './road-graph.js';
import { route } from './route.js';
import type { Snapped } from './snap.js';
import { BALTIMORE_PBF, extract } from './testing/extracts.js';
import { graphData, referenceCosts, seededRandom } from './testing/factories.js';
import { manyToOne, oneToMany, type Engine } from './travel-times.js';
import { edgeId, nodeId, type LonLat } from './types.js';

const ENGINES: Engine[] = ['dijkstra', 'ch'];

/** The node's own coordinates, and the same moved `metres` towards `bearing` (radians from east). */
function nodeAt(graph: RoadGraph, node: number, metres = 0, bearing = 0): LonLat {
  const lon = graph.data.nodeLon[node]!, lat = graph.data.nodeLat[node]!;
  const scale = metresPerDegree(lat);
  return [lon + (metres * Math.cos(bearing)) / scale.x, lat + (metres * Math.sin(bearing)) / scale.y];
}

/** The graph node at these coordinates (exactly: junctions keep OSM's). */
function nodeNear(graph: RoadGraph, [lon, lat]: LonLat): number {
  for (let v = 0; v < graph.nodeCount; v++) if (graph.data.nodeLon[v] === lon && graph.data.nodeLat[v] === lat) return v;
  throw new Error(`no node at ${lon}, ${lat}`);
}

describe('a point on a junction (Baltimore)', () => {
  let graph: RoadGraph;
  beforeAll(async () => {
    graph = new RoadGraph(await extract(BALTIMORE_PBF));
    graph.buildHierarchy();
  });

  // Issue 17 item 1: the snap tie at this junction goes to a one-way (edge 174 when the issue was
  // filed; barrier links and emergency-only ways renumbered the edges since) leaving it the wrong
  // way for this trip; the node at the other end (1857 then) sits on a one-way arriving at it.
  it('starts and ends at the node itself, on every engine and query', () => {
    const start = wrongWayAt(graph, [-76.5545734, 39.2809347]);
    const end = nodeNear(graph, [-76.5381476, 39.3049572]);
    const destination = graph.snapper.snap(nodeAt(graph, end));
    const nodeToNode = referenceCosts(graph.data, nodeNear(graph, [-76.5545734, 39.2809347]))[end]! / 1000;
    expect(nodeToNode).toBeCloseTo(208.3, 1);
    for (const engine of ENGINES) {
      expect(manyToOne(graph, [start], destination, { engine })[0]).toBe(nodeToNode);
      expect(oneToMany(graph, start, [destination], { engine })[0]).toBe(nodeToNode);
      expect(route(graph, start, destination, { engine }).time).toBe(nodeToNode);
    }
    expect(new PreparedOrigins(graph, [start]).manyToOne(destination)[0]).toBe(nodeToNode);
  });

  it('a point moved by 0.1 m never changes an ETA by more than a second, as a start or a destination', () => {
    const junctions = junctionsWithOneWay(graph);
    expect(junctions.length).toBeGreaterThan(500);
    const random = seededRandom(17);
    const sample = Array.from({ length: 150 }, () => junctions[Math.floor(random() * junctions.length)]!);
    const others = Array.from({ length: 20 }, () => graph.snapper.snap(nodeAt(graph, junctions[Math.floor(random() * junctions.length)]!, 30, random() * 7)));
    const failures: string[] = [];
    for (const [i, node] of sample.entries()) {
      // The hierarchy for all of them, Dijkstra for every fifth (the same endpoints feed both).
      const engine: Engine = i % 5 === 0 ? 'dijkstra' : 'ch';
      const at = graph.snapper.snap(nodeAt(graph, node));
      const fromNode = oneToMany(graph, at, others, { engine });
      const toNode = manyToOne(graph, others, at, { engine });
      for (let k = 0; k < 8; k++) {
        const moved = graph.snapper.snap(nodeAt(graph, node, 0.1, (k * Math.PI) / 4));
        const fromMoved = oneToMany(graph, moved, others, { engine });
        const toMoved = manyToOne(graph, others, moved, { engine });
        for (let j = 0; j < others.length; j++) {
          if (!(Math.abs(fromMoved[j]! - fromNode[j]!) <= 1)) failures.push(`${engine} from node ${node} (${k}) to ${j}: ${fromNode[j]} s -> ${fromMoved[j]} s`);
          if (!(Math.abs(toMoved[j]! - toNode[j]!) <= 1)) failures.push(`${engine} to node ${node} (${k}) from ${j}: ${toNode[j]} s -> ${toMoved[j]} s`);
        }
      }
    }
    expect(failures).toEqual([]);
  });

  it('a closed edge at a junction does not trap a point snapped onto it there', () => {
    const start = wrongWayAt(graph, [-76.5545734, 39.2809347]);
    const destination = graph.snapper.snap(nodeAt(graph, 1857));
    const live = new LiveChanges(graph);
    const closure = live.closeEdges([start.edge]);
    try {
      const expected = referenceCosts(graph.data, nodeNear(graph, [-76.5545734, 39.2809347]), new Set([start.edge]))[1857]! / 1000;
      expect(expected).toBeLessThan(Infinity);
      expect(manyToOne(graph, [start], destination)[0]).toBe(expected);
      expect(route(graph, start, destination).time).toBe(expected);
    } finally {
      live.lift(closure);
    }
  });
});

/**
 * The point on the junction as the issue found it: on the lowest-id edge there that is a one-way
 * the wrong way (it can only arrive at the junction). (Snapping now prefers a local road at this
 * junction — the one-way there is a motorway (link), which now counts 10 m farther — so the tie
 * at the node no longer lands on it by itself; the position must still work.)
 */
function wrongWayAt(graph: RoadGraph, at: LonLat): Snapped {
  const node = nodeNear(graph, at);
  const snapped = graph.snapper.snap(at);
  const { edgeSource, edgeTarget } = graph.data;
  for (let e = 0; e < graph.edgeCount; e++) {
    const atSource = edgeSource[e] === node;
    if (!atSource && edgeTarget[e] !== node) continue;
    // Cannot leave the junction along it, only arrive.
    if (graph.edgeCost(e, !atSource) < Infinity || graph.edgeCost(e, atSource) === Infinity) continue;
    return { ...snapped, edge: edgeId(e), source: nodeId(edgeSource[e]!), target: nodeId(edgeTarget[e]!), fraction: atSource ? 0 : 1, point: [graph.data.nodeLon[node]!, graph.data.nodeLat[node]!] };
  }
  throw new Error('no one-way arriving at the junction');
}

/** Nodes of the main network with three or more edges, at least one of them one-way. */
function junctionsWithOneWay(graph: RoadGraph): number[] {
  const { edgeSource, edgeTarget, edgeForwardMs, edgeBackwardMs } = graph.data;
  const degree = new Int32Array(graph.nodeCount);
  const oneWay = new Uint8Array(graph.nodeCount);
  for (let e = 0; e < graph.edgeCount; e++) {
    const s = edgeSource[e]!, t = edgeTarget[e]!;
    if (!graph.mainNetwork[s] || !graph.mainNetwork[t]) continue;
    degree[s]!++;
    degree[t]!++;
    if (edgeForwardMs[e]! < 0 || edgeBackwardMs[e]! < 0) oneWay[s] = oneWay[t] = 1;
  }
  const nodes: number[] = [];
  for (let v = 0; v < graph.nodeCount; v++) if (degree[v]! >= 3 && oneWay[v]) nodes.push(v);
  return nodes;
}

describe('a point on a node of a small graph', () => {
  // 0 -> 1 one-way, 1 <-> 2, 2 -> 0 one-way: a point on node 0, given on edge 0 (leaving it) or
  // edge 2 (arriving at it), is the same place.
  const graph = new RoadGraph(graphData(3, [
    { source: 0, target: 1, forwardMs: 10_000, backwardMs: -1 },
    { source: 1, target: 2, forwardMs: 10_000, backwardMs: 10_000 },
    { source: 2, target: 0, forwardMs: 10_000, backwardMs: -1 },
  ]));
  const at = (edge: number, fraction: number): Snapped => ({
    input: [0, 0], point: [0, 0], distance: 0 as never, edge: edge as never,
    source: graph.data.edgeSource[edge] as never, target: graph.data.edgeTarget[edge] as never, fraction,
  });

  it('leaves and is reached by every edge at the node, whichever edge it was snapped onto', () => {
    for (const onNode0 of [at(0, 0), at(2, 1)]) {
      expect(Array.from(oneToMany(graph, onNode0, [at(1, 0), at(1, 1)]))).toEqual([10, 20]);
      expect(Array.from(manyToOne(graph, [at(1, 0), at(1, 1)], onNode0))).toEqual([20, 10]);
      expect(manyToOne(graph, [at(0, 0)], onNode0)[0]).toBe(0);
      expect(manyToOne(graph, [at(2, 1)], onNode0)[0]).toBe(0);
    }
  });

  it('still drives a one-way only forward away from its ends', () => {
    expect(manyToOne(graph, [at(0, 0.5)], at(0, 0))[0]).toBe(25);
    expect(manyToOne(graph, [at(0, 0)], at(0, 0.5))[0]).toBe(5);
  });

  it(`takes a point within ${ON_NODE_METRES} m of a node for the node, and not one farther in`, () => {
    const length = graph.data.edgeLengthM[0]!;
    const near = at(0, (0.9 * ON_NODE_METRES) / length), far = at(0, (1.5 * ON_NODE_METRES) / length);
    expect(manyToOne(graph, [near], at(2, 1))[0]).toBe(0);
    expect(manyToOne(graph, [far], at(2, 1))[0]).toBeGreaterThan(29);
    expect(manyToOne(graph, [at(1, 0)], near)[0]).toBe(20);
    expect(manyToOne(graph, [at(1, 0)], far)[0]).toBeGreaterThan(20);
  });
});
