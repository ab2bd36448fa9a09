import fc from 'fast-check';
import { FIXED_SCALE, haversine } from '../geo.js';
import { NOT_ALLOWED, type GraphData } from '../graph-data.js';

export interface EdgeSpec {
  source: number;
  target: number;
  forwardMs: number;
  backwardMs: number;
  /** The emergency profile's costs; the car's when left out. */
  emergencyForwardMs?: number;
  emergencyBackwardMs?: number;
}

/** Graph data for nodes on a 0.001-degree grid near Baltimore, straight edges between them. */
export function graphData(nodeCount: number, edges: readonly EdgeSpec[]): GraphData {
  const side = Math.ceil(Math.sqrt(nodeCount));
  const nodeLon = Float64Array.from({ length: nodeCount }, (_, i) => -76.6 + (i % side) * 0.001);
  const nodeLat = Float64Array.from({ length: nodeCount }, (_, i) => 39.29 + Math.floor(i / side) * 0.001);
  const geomCoords: number[] = [];
  for (const e of edges) {
    geomCoords.push(Math.round(nodeLon[e.source]! * FIXED_SCALE), Math.round(nodeLat[e.source]! * FIXED_SCALE));
    geomCoords.push(Math.round(nodeLon[e.target]! * FIXED_SCALE), Math.round(nodeLat[e.target]! * FIXED_SCALE));
  }
  return {
    nodeLon,
    nodeLat,
    edgeSource: Int32Array.from(edges, (e) => e.source),
    edgeTarget: Int32Array.from(edges, (e) => e.target),
    edgeForwardMs: Int32Array.from(edges, (e) => e.forwardMs),
    edgeBackwardMs: Int32Array.from(edges, (e) => e.backwardMs),
    emergencyForwardMs: Int32Array.from(edges, (e) => e.emergencyForwardMs ?? e.forwardMs),
    emergencyBackwardMs: Int32Array.from(edges, (e) => e.emergencyBackwardMs ?? e.backwardMs),
    edgeLengthM: Float64Array.from(edges, (e) => haversine(nodeLon[e.source]!, nodeLat[e.source]!, nodeLon[e.target]!, nodeLat[e.target]!)),
    geomStart: Int32Array.from({ length: edges.length + 1 }, (_, i) => 2 * i),
    geomCoords: Int32Array.from(geomCoords),
    turnRestrictions: new Int32Array(0),
  };
}

/** Random road-like graphs: some oneways, some zero costs, parallel edges and self-loops allowed. */
export const arbitraryGraph = fc.integer({ min: 2, max: 40 }).chain((n) =>
  fc.record({
    nodeCount: fc.constant(n),
    edges: fc.array(
      fc.record({
        source: fc.integer({ min: 0, max: n - 1 }),
        target: fc.integer({ min: 0, max: n - 1 }),
        forwardMs: fc.oneof(fc.integer({ min: 0, max: 100_000 }), fc.constant(NOT_ALLOWED)),
        backwardMs: fc.oneof(fc.integer({ min: 0, max: 100_000 }), fc.constant(NOT_ALLOWED)),
      }),
      { minLength: 1, maxLength: 3 * n },
    ),
  }));

/** Node-to-node costs by Bellman-Ford: slow, obvious, independent of the engine. */
export function referenceCosts(data: GraphData, source: number, closed: ReadonlySet<number> = new Set()): Float64Array {
  const dist = new Float64Array(data.nodeLon.length).fill(Infinity);
  dist[source] = 0;
  for (let changed = true; changed;) {
    changed = false;
    for (let e = 0; e < data.edgeSource.length; e++) {
      if (closed.has(e)) continue;
      const s = data.edgeSource[e]!, t = data.edgeTarget[e]!;
      const f = data.edgeForwardMs[e]!, b = data.edgeBackwardMs[e]!;
      if (f >= 0 && dist[s]! + f < dist[t]!) { dist[t] = dist[s]! + f; changed = true; }
      if (b >= 0 && dist[t]! + b < dist[s]!) { dist[s] = dist[t]! + b; changed = true; }
    }
  }
  return dist;
}

/** A deterministic pseudo-random generator, so failures reproduce. */
export function seededRandom(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
