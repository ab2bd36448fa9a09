import fc from 'fast-check';
import { FIXED_SCALE, haversine } from '../geo.js';
import { NOT_ALLOWED, type GraphData } from '../graph-data.js';
import { EDGE_TRACK } from '../profile.js';
import { TURN_CAR, TURN_EMERGENCY, TURN_ONLY } from '../turns.js';

export interface EdgeSpec {
  source: number;
  target: number;
  forwardMs: number;
  backwardMs: number;
  /** The emergency profile's costs; the car's when left out. */
  emergencyForwardMs?: number;
  emergencyBackwardMs?: number;
  /**
   * A `highway=track` edge: its car and emergency costs are then ignored (-1 both ways) and these
   * are its costs for a vehicle that can drive tracks.
   */
  track?: { forwardMs: number; backwardMs: number };
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
    edgeForwardMs: Int32Array.from(edges, (e) => (e.track ? NOT_ALLOWED : e.forwardMs)),
    edgeBackwardMs: Int32Array.from(edges, (e) => (e.track ? NOT_ALLOWED : e.backwardMs)),
    emergencyForwardMs: Int32Array.from(edges, (e) => (e.track ? NOT_ALLOWED : e.emergencyForwardMs ?? e.forwardMs)),
    emergencyBackwardMs: Int32Array.from(edges, (e) => (e.track ? NOT_ALLOWED : e.emergencyBackwardMs ?? e.backwardMs)),
    edgeLengthM: Float32Array.from(edges, (e) => haversine(nodeLon[e.source]!, nodeLat[e.source]!, nodeLon[e.target]!, nodeLat[e.target]!)),
    geomStart: Int32Array.from({ length: edges.length + 1 }, (_, i) => 2 * i),
    geomCoords: Int32Array.from(geomCoords),
    turnRestrictions: new Int32Array(0),
    viaWayRestrictions: new Int32Array(0),
    edgeFlags: Uint8Array.from(edges, (e) => (e.track ? EDGE_TRACK : 0)),
    edgeLimits: new Int32Array(0),
    trackCosts: Int32Array.from(edges.flatMap((e, i) => (e.track ? [i, e.track.forwardMs, e.track.backwardMs] : []))),
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

/** A random turn restriction pick: via node, from and to among the edges at it, only or no. */
export const arbitraryRestrictions = fc.array(
  fc.record({ via: fc.nat(), from: fc.nat(), to: fc.nat(), only: fc.boolean(), emergencyFree: fc.boolean() }),
  { maxLength: 12 },
);

/** Resolves picks against the graph's edges into GraphData.turnRestrictions quadruples. */
export function restrictionsFor(data: GraphData, picks: readonly { via: number; from: number; to: number; only: boolean; emergencyFree: boolean }[]): Int32Array {
  const n = data.nodeLon.length;
  const out: number[] = [];
  for (const p of picks) {
    const via = p.via % n;
    const at: number[] = [];
    for (let e = 0; e < data.edgeSource.length; e++) if (data.edgeSource[e] === via || data.edgeTarget[e] === via) at.push(e);
    if (at.length === 0) continue;
    out.push(via, at[p.from % at.length]!, at[p.to % at.length]!, (p.only ? TURN_ONLY : 0) | TURN_CAR | (p.emergencyFree ? 0 : TURN_EMERGENCY));
  }
  return Int32Array.from(out);
}

/**
 * Node-to-node costs with turn restrictions by an edge-based Bellman-Ford over arcs: slow,
 * obvious, and independent of the turn expansion the engines use.
 */
export function referenceTurnCosts(data: GraphData, source: number, flag = TURN_CAR): Float64Array {
  const m = data.edgeSource.length;
  const cost = (code: number) => (code & 1 ? data.edgeBackwardMs[code >> 1]! : data.edgeForwardMs[code >> 1]!);
  const tail = (code: number) => (code & 1 ? data.edgeTarget[code >> 1]! : data.edgeSource[code >> 1]!);
  const head = (code: number) => (code & 1 ? data.edgeSource[code >> 1]! : data.edgeTarget[code >> 1]!);
  const r = data.turnRestrictions;
  const allowed = (a: number, d: number): boolean => {
    const via = head(a);
    for (let i = 0; i < r.length; i += 4) {
      if (r[i] !== via || (r[i + 3]! & flag) === 0 || r[i + 1] !== a >> 1) continue;
      const only = (r[i + 3]! & TURN_ONLY) !== 0;
      if (only ? r[i + 2] !== d >> 1 : r[i + 2] === d >> 1) return false;
    }
    return true;
  };
  const arc = new Float64Array(2 * m).fill(Infinity);
  for (let c = 0; c < 2 * m; c++) if (cost(c) >= 0 && tail(c) === source) arc[c] = cost(c);
  for (let changed = true; changed;) {
    changed = false;
    for (let a = 0; a < 2 * m; a++) {
      if (arc[a] === Infinity) continue;
      for (let d = 0; d < 2 * m; d++) {
        if (cost(d) < 0 || tail(d) !== head(a) || !allowed(a, d)) continue;
        if (arc[a]! + cost(d) < arc[d]!) { arc[d] = arc[a]! + cost(d); changed = true; }
      }
    }
  }
  const dist = new Float64Array(data.nodeLon.length).fill(Infinity);
  dist[source] = 0;
  for (let c = 0; c < 2 * m; c++) if (arc[c]! < dist[head(c)]!) dist[head(c)] = arc[c]!;
  return dist;
}
