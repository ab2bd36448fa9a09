import type { GraphData, ProfileCosts } from './graph-data.js';
import { TURN_ARC, noTurns, type TurnExpansion } from './turns.js';

/**
 * Compressed sparse rows of directed arcs. Arc `a` of node u goes to head[a] (forward
 * adjacency) or comes from head[a] (backward adjacency); edge[a] is (edge id << 1 | reversed),
 * where reversed means the arc runs target -> source of the edge, or TURN_ARC for a connector
 * between copies of a restricted junction (turns.ts). Nodes are the routing nodes: the graph's,
 * then the copies.
 */
export interface Adjacency {
  start: Int32Array;
  head: Int32Array;
  /**
   * Live cost in ms (Infinity when closed), kept in step with closures and slow-downs. Float32:
   * costs are whole milliseconds, exact up to 2^24 ms (4.6 h on one arc); sums are kept in
   * Float64 by the searches. Half the memory of Float64 (issue 17: <= 300 MB per 1 M nodes).
   */
  cost: Float32Array;
  edge: Int32Array;
}

export function buildAdjacency(data: GraphData, costs: ProfileCosts, backward: boolean, turns: TurnExpansion = noTurns(data.nodeLon.length)): Adjacency {
  const n = turns.nodeCount;
  const { edgeSource, edgeTarget } = data;
  const { forwardMs: edgeForwardMs, backwardMs: edgeBackwardMs } = costs;
  const { headOf, tailOf, connectors } = turns;
  const m = edgeSource.length;
  // Only arcs of edges at a split junction look up their copy (a few per restriction); every
  // other arc runs between the edge's own nodes, read straight from the arrays.
  const split = new Uint8Array(m);
  for (const code of headOf.keys()) split[code >> 1] = 1;
  for (const code of tailOf.keys()) split[code >> 1] = 1;
  const tail = (c: number) => (split[c >> 1] === 1 ? tailOf.get(c) : undefined) ?? (c & 1 ? edgeTarget[c >> 1]! : edgeSource[c >> 1]!);
  const head = (c: number) => (split[c >> 1] === 1 ? headOf.get(c) : undefined) ?? (c & 1 ? edgeSource[c >> 1]! : edgeTarget[c >> 1]!);
  const owner = backward ? head : tail;
  const other = backward ? tail : head;
  const start = new Int32Array(n + 1);
  for (let e = 0; e < m; e++) {
    if (edgeForwardMs[e]! >= 0) start[owner(e << 1) + 1]!++;
    if (edgeBackwardMs[e]! >= 0) start[owner((e << 1) | 1) + 1]!++;
  }
  for (let i = 0; i < connectors.length; i += 2) start[connectors[backward ? i + 1 : i]! + 1]!++;
  for (let i = 0; i < n; i++) start[i + 1]! += start[i]!;
  const arcs = start[n]!;
  const heads = new Int32Array(arcs);
  const cost = new Float32Array(arcs);
  const edge = new Int32Array(arcs);
  const fill = start.slice(0, n);
  for (let e = 0; e < m; e++) {
    for (let k = 0; k < 2; k++) {
      const code = (e << 1) | k;
      const ms = code & 1 ? edgeBackwardMs[e]! : edgeForwardMs[e]!;
      if (ms < 0) continue;
      const a = fill[owner(code)]!++;
      heads[a] = other(code);
      cost[a] = ms;
      edge[a] = code;
    }
  }
  for (let i = 0; i < connectors.length; i += 2) {
    const a = fill[connectors[backward ? i + 1 : i]!]!++;
    heads[a] = connectors[backward ? i : i + 1]!;
    cost[a] = 0;
    edge[a] = TURN_ARC;
  }
  return { start, head: heads, cost, edge };
}

/** Index of the arc of edge code `code` in `owner`'s row, or -1 (the row is a node's few arcs). */
export function findArc(adjacency: Adjacency, owner: number, code: number): number {
  for (let a = adjacency.start[owner]!, end = adjacency.start[owner + 1]!; a < end; a++) if (adjacency.edge[a] === code) return a;
  return -1;
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
