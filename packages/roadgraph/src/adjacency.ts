import type { GraphData, ProfileCosts } from './graph-data.js';
import { TURN_ARC, noTurns, type TurnExpansion } from './turns.js';

/**
 * Compressed sparse rows of one profile's directed arcs. Arc `a` of node u goes to `headOf(a)`
 * (forward adjacency) or comes from it (backward adjacency); `codeOf(a)` is its edge code
 * (edge id << 1 | reversed, where reversed means the arc runs target -> source of the edge), or
 * TURN_ARC for a connector between copies of a restricted junction (turns.ts). Nodes are the
 * routing nodes: the graph's, then the copies.
 *
 * Why only `start` and `edge` per arc (issue 17, memory: <= 300 MB per 1 M nodes for two
 * profiles): almost every arc runs between its edge's own end nodes and costs its edge's base
 * cost, both already in the graph data, so the other end and the cost are read through the edge
 * code (`even`/`odd` are the end node arrays for either direction, the cost arrays the profile's)
 * instead of being copied into per-arc `head` and `cost` arrays (8 bytes an arc, twice per
 * profile). The few arcs that end at a copy of a split junction, and the connectors, are *extra*
 * arcs: `edge[a] = -1 - k`, their other end `extraHead[k]`, their code `extraCode[k]`.
 * Live closures and slow-downs are `live` costs per edge code, held only while a change is live.
 */
export class Adjacency {
  /** Live cost in ms per edge code (Infinity when closed) while a change is live, else undefined. */
  live: Float32Array | undefined = undefined;

  constructor(
    readonly start: Int32Array,
    /** Edge code of arc a (>= 0), or -1 - k for extra arc k. */
    readonly edge: Int32Array,
    readonly extraHead: Int32Array,
    /** Edge code of extra arc k, or TURN_ARC (cost 0). */
    readonly extraCode: Int32Array,
    /** The other end of an arc with an even (forward) / odd (reversed) edge code, by edge id. */
    readonly even: Int32Array,
    readonly odd: Int32Array,
    readonly forwardMs: Int32Array,
    readonly backwardMs: Int32Array,
  ) {}

  get arcCount(): number {
    return this.edge.length;
  }

  /** The node at the other end of arc a (its head forward, its tail backward). */
  headOf(a: number): number {
    const code = this.edge[a]!;
    return code >= 0 ? (code & 1 ? this.odd[code >> 1]! : this.even[code >> 1]!) : this.extraHead[-1 - code]!;
  }

  /** Edge code of arc a, or TURN_ARC. */
  codeOf(a: number): number {
    const code = this.edge[a]!;
    return code >= 0 ? code : this.extraCode[-1 - code]!;
  }

  /** Live cost of arc a in ms (Infinity when closed). */
  costOf(a: number): number {
    return this.codeCost(this.codeOf(a));
  }

  /** Live cost in ms of an edge code's arc (0 for a connector). */
  codeCost(code: number): number {
    if (code < 0) return 0;
    if (this.live !== undefined) return this.live[code]!;
    return code & 1 ? this.backwardMs[code >> 1]! : this.forwardMs[code >> 1]!;
  }

  /** Bytes held by this adjacency's own arrays (the graph data's are shared). */
  get byteLength(): number {
    return this.start.byteLength + this.edge.byteLength + this.extraHead.byteLength + this.extraCode.byteLength;
  }
}

export function buildAdjacency(data: GraphData, costs: ProfileCosts, backward: boolean, turns: TurnExpansion = noTurns(data.nodeLon.length)): Adjacency {
  const n = turns.nodeCount;
  const { edgeSource, edgeTarget } = data;
  const { forwardMs: edgeForwardMs, backwardMs: edgeBackwardMs } = costs;
  const { headOf, tailOf, connectors } = turns;
  const m = edgeSource.length;
  // Forward, an arc's other end is its edge's target (source when reversed); backward, its tail.
  const even = backward ? edgeSource : edgeTarget;
  const odd = backward ? edgeTarget : edgeSource;
  // Only arcs of edges at a split junction look up their copy (a few per restriction).
  const split = new Uint8Array(m);
  for (const code of headOf.keys()) split[code >> 1] = 1;
  for (const code of tailOf.keys()) split[code >> 1] = 1;
  const tail = (c: number) => (split[c >> 1] === 1 ? tailOf.get(c) : undefined) ?? (c & 1 ? edgeTarget[c >> 1]! : edgeSource[c >> 1]!);
  const head = (c: number) => (split[c >> 1] === 1 ? headOf.get(c) : undefined) ?? (c & 1 ? edgeSource[c >> 1]! : edgeTarget[c >> 1]!);
  const owner = backward ? head : tail;
  const other = backward ? tail : head;
  // Forward, an even arc leaves the edge's source and an odd one its target; backward, the reverse.
  const evenOwner = backward ? edgeTarget : edgeSource;
  const oddOwner = backward ? edgeSource : edgeTarget;
  const start = new Int32Array(n + 1);
  // The plain path reads the arrays straight: a million-node graph loads in one pass without a
  // call per arc (the closures are for the few arcs at split junctions).
  for (let e = 0; e < m; e++) {
    if (split[e] === 1) {
      if (edgeForwardMs[e]! >= 0) start[owner(e << 1) + 1]!++;
      if (edgeBackwardMs[e]! >= 0) start[owner((e << 1) | 1) + 1]!++;
      continue;
    }
    if (edgeForwardMs[e]! >= 0) start[evenOwner[e]! + 1]!++;
    if (edgeBackwardMs[e]! >= 0) start[oddOwner[e]! + 1]!++;
  }
  for (let i = 0; i < connectors.length; i += 2) start[connectors[backward ? i + 1 : i]! + 1]!++;
  for (let i = 0; i < n; i++) start[i + 1]! += start[i]!;
  const edge = new Int32Array(start[n]!);
  const extraHead: number[] = [];
  const extraCode: number[] = [];
  const fill = start.slice(0, n);
  for (let e = 0; e < m; e++) {
    if (split[e] === 0) {
      if (edgeForwardMs[e]! >= 0) edge[fill[evenOwner[e]!]!++] = e << 1;
      if (edgeBackwardMs[e]! >= 0) edge[fill[oddOwner[e]!]!++] = (e << 1) | 1;
      continue;
    }
    for (let k = 0; k < 2; k++) {
      const code = (e << 1) | k;
      const ms = code & 1 ? edgeBackwardMs[e]! : edgeForwardMs[e]!;
      if (ms < 0) continue;
      const a = fill[owner(code)]!++;
      const v = other(code);
      if (v === (k ? odd[e]! : even[e]!)) {
        edge[a] = code;
      } else {
        edge[a] = -1 - extraHead.length;
        extraHead.push(v);
        extraCode.push(code);
      }
    }
  }
  for (let i = 0; i < connectors.length; i += 2) {
    const a = fill[connectors[backward ? i + 1 : i]!]!++;
    edge[a] = -1 - extraHead.length;
    extraHead.push(connectors[backward ? i : i + 1]!);
    extraCode.push(TURN_ARC);
  }
  return new Adjacency(start, edge, Int32Array.from(extraHead), Int32Array.from(extraCode), even, odd, edgeForwardMs, edgeBackwardMs);
}

/** Arc arrays materialised (head, base cost, code per arc): what contraction works on, at build time only. */
export interface ArcArrays {
  start: Int32Array;
  head: Int32Array;
  cost: Float32Array;
  edge: Int32Array;
}

export function materialise(adjacency: Adjacency): ArcArrays {
  const count = adjacency.arcCount;
  const head = new Int32Array(count);
  const cost = new Float32Array(count);
  const edge = new Int32Array(count);
  for (let a = 0; a < count; a++) {
    head[a] = adjacency.headOf(a);
    edge[a] = adjacency.codeOf(a);
    cost[a] = adjacency.costOf(a);
  }
  return { start: adjacency.start, head, cost, edge };
}

/** The node whose row holds arc a (binary search over the CSR row starts). */
export function arcOwner(start: Int32Array, a: number): number {
  let lo = 0, hi = start.length - 2;
  while (lo < hi) {
    const mid = (lo + hi + 1) >>> 1;
    if (start[mid]! <= a) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}
