import { materialise, type Adjacency } from '../adjacency.js';
import type { ProfileCosts } from '../graph-data.js';
import type { Profile } from '../profile.js';
import { contract, type ChArc } from './contract.js';

/**
 * A contraction hierarchy with nodes renumbered by rank, so that PHAST sweeps read memory in
 * order. up: arcs r -> higher rank (forward); down: arcs higher rank -> r, stored at r.
 * via[a] is the rank of a shortcut's middle node (>= 0), or the original arc's edge code encoded
 * as `-3 - code` (see viaOf/edgeCodeOf): one array where two were (issue 17, memory).
 */
export interface Hierarchy {
  nodeCount: number;
  /** The profile whose costs it was built over. */
  profile: Profile;
  /** rank of each graph node, and the graph node of each rank. */
  rankOf: Int32Array;
  nodeOf: Int32Array;
  up: RankAdjacency;
  down: RankAdjacency;
}

export interface RankAdjacency {
  start: Int32Array;
  /** The other end's rank (head of an up arc, tail of a down arc). */
  other: Int32Array;
  /** Base cost in whole ms (a hierarchy holds no live change): Int32, half of a Float64. */
  cost: Int32Array;
  via: Int32Array;
}

/** The `via` of an original arc with edge code `code` (e << 1 | reversed, or TURN_ARC = -2). */
export function viaOfEdgeCode(code: number): number {
  return -3 - code;
}

/** The edge code of an original arc's `via` (< 0). */
export function edgeCodeOfVia(via: number): number {
  return -3 - via;
}

/** Builds the hierarchy over the graph's base costs (live closures are not baked in). */
export function buildHierarchy(forward: Adjacency, costs: ProfileCosts, profile: Profile): Hierarchy {
  const n = forward.start.length - 1; // routing nodes: the graph's and copies at restricted junctions
  // Base costs, whatever is live now: the hierarchy never holds a live change.
  const base = materialise(forward);
  const cost = baseCost(costs);
  for (let a = 0; a < base.edge.length; a++) if (base.edge[a]! >= 0) base.cost[a] = cost(base.edge[a]!);
  const { rank, arcs } = contract(base, n);
  const nodeOf = new Int32Array(n);
  for (let v = 0; v < n; v++) nodeOf[rank[v]!] = v;
  const upArcs: ChArc[] = [];
  const downArcs: ChArc[] = [];
  for (const arc of arcs) {
    const ranked = { ...arc, from: rank[arc.from]!, to: rank[arc.to]!, middle: arc.middle >= 0 ? rank[arc.middle]! : -1 };
    if (ranked.to > ranked.from) upArcs.push(ranked);
    else downArcs.push(ranked);
  }
  return {
    nodeCount: n,
    profile,
    rankOf: rank,
    nodeOf,
    up: rankAdjacency(n, upArcs, (a) => a.from, (a) => a.to),
    down: rankAdjacency(n, downArcs, (a) => a.to, (a) => a.from),
  };
}

function baseCost(costs: ProfileCosts): (code: number) => number {
  return (code) => (code & 1 ? costs.backwardMs[code >> 1]! : costs.forwardMs[code >> 1]!);
}

function rankAdjacency(n: number, arcs: ChArc[], owner: (a: ChArc) => number, other: (a: ChArc) => number): RankAdjacency {
  const start = new Int32Array(n + 1);
  for (const a of arcs) start[owner(a) + 1]!++;
  for (let i = 0; i < n; i++) start[i + 1]! += start[i]!;
  const fill = start.slice(0, n);
  const adj: RankAdjacency = {
    start,
    other: new Int32Array(arcs.length),
    cost: new Int32Array(arcs.length),
    via: new Int32Array(arcs.length),
  };
  for (const a of arcs) {
    const i = fill[owner(a)]!++;
    adj.other[i] = other(a);
    adj.cost[i] = a.cost;
    adj.via[i] = a.middle >= 0 ? a.middle : viaOfEdgeCode(a.edgeCode);
  }
  return adj;
}
