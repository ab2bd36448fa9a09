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
  /** Live cost in ms (Infinity when closed), kept in step with closures and slow-downs. */
  cost: Float64Array;
  edge: Int32Array;
}

export function buildAdjacency(data: GraphData, costs: ProfileCosts, backward: boolean, turns: TurnExpansion = noTurns(data.nodeLon.length)): Adjacency {
  const n = turns.nodeCount;
  const { edgeSource, edgeTarget } = data;
  const { forwardMs: edgeForwardMs, backwardMs: edgeBackwardMs } = costs;
  const { headOf, tailOf, connectors } = turns;
  const m = edgeSource.length;
  const hasCopies = headOf.size + tailOf.size > 0;
  // Arc code c runs tail -> head; going forwards the tail owns it, backwards the head does.
  const tail = (c: number) => (hasCopies ? tailOf.get(c) : undefined) ?? (c & 1 ? edgeTarget[c >> 1]! : edgeSource[c >> 1]!);
  const head = (c: number) => (hasCopies ? headOf.get(c) : undefined) ?? (c & 1 ? edgeSource[c >> 1]! : edgeTarget[c >> 1]!);
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
  const cost = new Float64Array(arcs);
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

/** For each edge code (e << 1 | reversed), the arc index holding it, or -1. */
export function arcIndexByEdgeCode(adjacency: Adjacency, edgeCount: number): Int32Array {
  const index = new Int32Array(edgeCount * 2).fill(-1);
  for (let a = 0; a < adjacency.edge.length; a++) {
    const code = adjacency.edge[a]!;
    if (code >= 0) index[code] = a;
  }
  return index;
}
