import { TURN_CAR, TURN_EMERGENCY, TURN_ONLY } from './turns.js';

/**
 * Restrictions whose via is one or more ways (OSM `type=restriction` with `via` members that are
 * ways): stored in the graph file, and the automaton the turn-aware search steps through. ADR 0013.
 *
 * A via way is usually cut into several edges by the junctions along it (a crossover of a dual
 * carriageway meets the side street in its middle), so a restriction is an edge sequence:
 * `from`, every edge of the via in driving order, then `to`.
 */
export interface ViaWayRestriction {
  from: number;
  /** Edge ids in the order they are driven; at least one. */
  via: readonly number[];
  to: number;
  /** `only_*`: after from and via nothing but `to`; else (`no_*`) `to` is banned there. */
  only: boolean;
  /** TURN_CAR | TURN_EMERGENCY (turns.ts): the profiles it binds. */
  profiles: number;
}

/**
 * Flat records in `GraphData.viaWayRestrictions`: (flags, from, to, via count, via edges...), the
 * flags those of node-via restrictions (TURN_ONLY | TURN_CAR | TURN_EMERGENCY).
 */
export function encodeViaWays(list: readonly ViaWayRestriction[]): Int32Array {
  const out: number[] = [];
  for (const r of list) out.push((r.only ? TURN_ONLY : 0) | r.profiles, r.from, r.to, r.via.length, ...r.via);
  return Int32Array.from(out);
}

export function decodeViaWays(flat: Int32Array): ViaWayRestriction[] {
  const out: ViaWayRestriction[] = [];
  for (let i = 0; i < flat.length; i += 4 + flat[i + 3]!) {
    const flags = flat[i]!;
    out.push({ from: flat[i + 1]!, to: flat[i + 2]!, via: Array.from(flat.subarray(i + 4, i + 4 + flat[i + 3]!)), only: (flags & TURN_ONLY) !== 0, profiles: flags & (TURN_CAR | TURN_EMERGENCY) });
  }
  return out;
}

/**
 * Why the flat records are unusable, or undefined when every record is whole, names edges of the
 * graph and is a drivable chain (each edge meets the next). The file loader checks this.
 */
export function viaWayFault(flat: Int32Array, edgeSource: Int32Array, edgeTarget: Int32Array): string | undefined {
  const m = edgeSource.length;
  const meets = (a: number, b: number) => edgeSource[a] === edgeSource[b] || edgeSource[a] === edgeTarget[b] || edgeTarget[a] === edgeSource[b] || edgeTarget[a] === edgeTarget[b];
  for (let i = 0, k = 0; i < flat.length; k++) {
    const count = flat[i + 3];
    if (count === undefined || !(count >= 1) || i + 4 + count > flat.length) return `via-way restriction ${k} is cut short`;
    const chain = [flat[i + 1]!, ...flat.subarray(i + 4, i + 4 + count), flat[i + 2]!];
    if (chain.some((e) => !(e >= 0 && e < m))) return `via-way restriction ${k} refers to a missing edge`;
    for (let j = 1; j < chain.length; j++) if (!meets(chain[j - 1]!, chain[j]!)) return `via-way restriction ${k} is not a chain of edges`;
    i += 4 + count;
  }
  return undefined;
}

interface Output {
  to: number;
  only: boolean;
}

/**
 * The via-way restrictions of one profile as an Aho-Corasick automaton over edge ids: patterns
 * `from, via...`, each ending in a node that says which next edges are banned. A drive's state is
 * the node of the longest suffix of its edges that is a pattern's prefix, so restrictions that
 * share their from and via (a `no_u_turn` and a `no_left_turn` across the same crossover) or
 * start inside another's via are all followed at once. States of depth 0 and 1 are not stored:
 * depth 1 is just "the last edge is some pattern's from", which the search's state already says
 * (its last edge code); so a drive outside every restriction has state 0, the common case.
 */
export class ViaWayAutomaton {
  readonly size: number;
  private readonly child = new Map<number, number>();
  private readonly fail: number[] = [0];
  private readonly depth: number[] = [0];
  private readonly outputs: (Output[] | undefined)[] = [undefined];
  private readonly span: number;

  /** The first restriction (turn-refine.ts warms the search's via-way moves on it). */
  readonly first: ViaWayRestriction | undefined;

  constructor(restrictions: readonly ViaWayRestriction[], edgeCount: number) {
    this.span = edgeCount;
    this.first = restrictions[0];
    const children: [number, number][][] = [[]];
    for (const r of restrictions) {
      let node = 0;
      for (const e of [r.from, ...r.via]) {
        let next = this.child.get(node * this.span + e);
        if (next === undefined) {
          next = this.depth.length;
          this.child.set(node * this.span + e, next);
          this.depth.push(this.depth[node]! + 1);
          this.fail.push(0);
          this.outputs.push(undefined);
          children.push([]);
          children[node]!.push([e, next]);
        }
        node = next;
      }
      (this.outputs[node] ??= []).push({ to: r.to, only: r.only });
    }
    // Failure links breadth first; a node's outputs include those of its failure chain.
    const queue = children[0]!.map(([, v]) => v);
    for (let q = 0; q < queue.length; q++) {
      const u = queue[q]!;
      for (const [e, v] of children[u]!) {
        let f = this.fail[u]!;
        while (f !== 0 && this.child.get(f * this.span + e) === undefined) f = this.fail[f]!;
        const target = this.child.get(f * this.span + e);
        this.fail[v] = target !== undefined && target !== v ? target : 0;
        const inherited = this.outputs[this.fail[v]!];
        if (inherited) this.outputs[v] = [...(this.outputs[v] ?? []), ...inherited];
        queue.push(v);
      }
    }
    this.size = this.depth.length;
  }

  /** The state of a drive in `state` (0: derived from the last edge) whose last edge code is `last` (-1: none). */
  at(state: number, last: number): number {
    if (state !== 0 || last < 0) return state;
    return this.child.get(last >> 1) ?? 0;
  }

  /**
   * The state after driving edge code `next` from state `at` (from `at(...)`), -1 when a
   * restriction bans that move.
   */
  step(at: number, next: number): number {
    const e = next >> 1;
    const out = this.outputs[at];
    if (out !== undefined) for (const o of out) if (o.only ? o.to !== e : o.to === e) return -1;
    let s = at;
    while (s !== 0 && this.child.get(s * this.span + e) === undefined) s = this.fail[s]!;
    const t = this.child.get(s * this.span + e) ?? 0;
    return this.depth[t]! >= 2 ? t : 0;
  }
}

/** What resolving a relation's ways into edges needs from the graph being built. */
export interface WayEdges {
  /** The edges an OSM way was cut into. */
  edgesOf(wayId: number): readonly number[];
  source(edge: number): number;
  target(edge: number): number;
}

/**
 * The edge chain (from, via edges in driving order, to) of a restriction given by OSM ways, or
 * undefined when the ways do not make one unambiguous chain: the from way must meet the first via
 * way at exactly one node and end there (one piece of it touches the node), each via way is
 * driven along its pieces to the one other node where the next way (via, or the to way) meets it,
 * and one piece of the to way leaves from there. Via ways are tried in the relation's member
 * order and, failing that, reversed (mappers list them either way); a via way cut by a barrier
 * has no chain (its pieces do not meet) and is dropped, like a broken relation.
 */
export function viaWayChain(fromWay: number, viaWays: readonly number[], toWay: number, graph: WayEdges): number[] | undefined {
  const orders = viaWays.length > 1 ? [viaWays, [...viaWays].reverse()] : [viaWays];
  for (const order of orders) {
    const chain = chainInOrder(fromWay, order, toWay, graph);
    if (chain) return chain;
  }
  return undefined;
}

function chainInOrder(fromWay: number, order: readonly number[], toWay: number, graph: WayEdges): number[] | undefined {
  const nodesOf = (way: number) => new Set(graph.edgesOf(way).flatMap((e) => [graph.source(e), graph.target(e)]));
  const touching = (way: number, node: number) => graph.edgesOf(way).filter((e) => graph.source(e) === node || graph.target(e) === node);
  const fromNodes = nodesOf(fromWay);
  const starts = [...nodesOf(order[0]!)].filter((v) => fromNodes.has(v));
  if (starts.length !== 1) return undefined;
  let at = starts[0]!;
  const from = touching(fromWay, at);
  if (from.length !== 1) return undefined;
  const chain = [from[0]!];
  for (let k = 0; k < order.length; k++) {
    const nextNodes = nodesOf(k + 1 < order.length ? order[k + 1]! : toWay);
    const exits = [...nodesOf(order[k]!)].filter((v) => v !== at && nextNodes.has(v));
    if (exits.length !== 1) return undefined;
    const path = pathAlong(graph, graph.edgesOf(order[k]!), at, exits[0]!);
    if (!path) return undefined;
    chain.push(...path);
    at = exits[0]!;
  }
  const to = touching(toWay, at);
  if (to.length !== 1) return undefined;
  chain.push(to[0]!);
  return chain;
}

/** Edges of one way from node a to node b along the way (breadth first: a way is a chain), or undefined. */
function pathAlong(graph: WayEdges, edges: readonly number[], a: number, b: number): number[] | undefined {
  const cameBy = new Map<number, number>([[a, -1]]);
  const queue = [a];
  for (let q = 0; q < queue.length && !cameBy.has(b); q++) {
    const v = queue[q]!;
    for (const e of edges) {
      const s = graph.source(e), t = graph.target(e);
      const other = s === v ? t : t === v ? s : -1;
      if (other < 0 || cameBy.has(other)) continue;
      cameBy.set(other, e);
      queue.push(other);
    }
  }
  if (!cameBy.has(b)) return undefined;
  const path: number[] = [];
  for (let v = b; v !== a;) {
    const e = cameBy.get(v)!;
    path.push(e);
    v = graph.source(e) === v ? graph.target(e) : graph.source(e);
  }
  return path.reverse();
}

/**
 * The restrictions read backwards, for a search that runs from the destination (turn-backward.ts):
 * a drive's edges reversed contain `to, via reversed, from` exactly when the drive contains
 * `from, via..., to`, so each `no_*` becomes that pattern. An `only_*` bans every edge but `to`
 * after its via: one `no_*` pattern per other edge that can follow the via's last edge, i.e. every
 * edge at either end of it (the automaton matches edge ids, not directions: an edge at the far
 * end of the last via edge follows it only on a drive that reaches that end, which is one the
 * forward automaton bans too), U-turn onto the via's last edge included.
 */
export function reversedViaWays(list: readonly ViaWayRestriction[], edgeSource: Int32Array, edgeTarget: Int32Array): ViaWayRestriction[] {
  const out: ViaWayRestriction[] = [];
  const ends = new Map<number, number[]>();
  for (const r of list) {
    if (!r.only) continue;
    const last = r.via[r.via.length - 1]!;
    ends.set(edgeSource[last]!, []);
    ends.set(edgeTarget[last]!, []);
  }
  if (ends.size > 0) {
    for (let e = 0; e < edgeSource.length; e++) {
      ends.get(edgeSource[e]!)?.push(e);
      if (edgeTarget[e] !== edgeSource[e]) ends.get(edgeTarget[e]!)?.push(e);
    }
  }
  for (const r of list) {
    const via = [...r.via].reverse();
    if (!r.only) {
      out.push({ from: r.to, via, to: r.from, only: false, profiles: r.profiles });
      continue;
    }
    const last = r.via[r.via.length - 1]!;
    const next = new Set([...ends.get(edgeSource[last]!)!, ...ends.get(edgeTarget[last]!)!]);
    next.delete(r.to);
    for (const x of next) out.push({ from: x, via, to: r.from, only: false, profiles: r.profiles });
  }
  return out;
}
