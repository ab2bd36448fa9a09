import type { GraphData, ProfileCosts } from './graph-data.js';

/**
 * Compressed sparse rows of directed arcs. Arc `a` of node u goes to head[a] (forward
 * adjacency) or comes from head[a] (backward adjacency); edge[a] is (edge id << 1 | reversed),
 * where reversed means the arc runs target -> source of the edge.
 */
export interface Adjacency {
  start: Int32Array;
  head: Int32Array;
  /** Live cost in ms (Infinity when closed), kept in step with closures and slow-downs. */
  cost: Float64Array;
  edge: Int32Array;
}

export function buildAdjacency(data: GraphData, costs: ProfileCosts, backward: boolean): Adjacency {
  const n = data.nodeLon.length;
  const { edgeSource, edgeTarget } = data;
  const { forwardMs: edgeForwardMs, backwardMs: edgeBackwardMs } = costs;
  const m = edgeSource.length;
  // Arc along the edge (source -> target) is owned by source going forwards, target backwards.
  const alongOwner = backward ? edgeTarget : edgeSource;
  const againstOwner = backward ? edgeSource : edgeTarget;
  const start = new Int32Array(n + 1);
  for (let e = 0; e < m; e++) {
    if (edgeForwardMs[e]! >= 0) start[alongOwner[e]! + 1]!++;
    if (edgeBackwardMs[e]! >= 0) start[againstOwner[e]! + 1]!++;
  }
  for (let i = 0; i < n; i++) start[i + 1]! += start[i]!;
  const arcs = start[n]!;
  const head = new Int32Array(arcs);
  const cost = new Float64Array(arcs);
  const edge = new Int32Array(arcs);
  const fill = start.slice(0, n);
  for (let e = 0; e < m; e++) {
    const f = edgeForwardMs[e]!;
    if (f >= 0) {
      const a = fill[alongOwner[e]!]!++;
      head[a] = againstOwner[e]!;
      cost[a] = f;
      edge[a] = e << 1;
    }
    const b = edgeBackwardMs[e]!;
    if (b >= 0) {
      const a = fill[againstOwner[e]!]!++;
      head[a] = alongOwner[e]!;
      cost[a] = b;
      edge[a] = (e << 1) | 1;
    }
  }
  return { start, head, cost, edge };
}

/** For each edge code (e << 1 | reversed), the arc index holding it, or -1. */
export function arcIndexByEdgeCode(adjacency: Adjacency, edgeCount: number): Int32Array {
  const index = new Int32Array(edgeCount * 2).fill(-1);
  for (let a = 0; a < adjacency.edge.length; a++) index[adjacency.edge[a]!] = a;
  return index;
}
