import { destinationSeeds, originSeeds, sameEdgeCost } from './endpoints.js';
import { IndexedHeap } from './indexed-heap.js';
import type { RoadGraph } from './road-graph.js';
import type { Seed } from './search.js';
import type { Snapped } from './snap.js';

interface Origin { at: Snapped; seeds: Seed[] }

/** A destination's routing-node costs, read once per live version of the graph (`destinationCosts`). */
export interface DestinationCosts { nodes: Int32Array; costs: Float64Array; version: number }

/**
 * What `nearestOrigins` answers, kept current as origins come, move and go instead of searched
 * again per question (issue 16: 10,000 units over a national graph). Per routing node: the best
 * time from any origin (ms, within the cutoff, else Infinity) and the origin that has it, ties to
 * the lowest origin id — `(time, id)` compared as a pair, so the answer does not depend on the
 * order origins came in. This is a dynamic Voronoi diagram of the graph:
 *
 * - an origin placed: one Dijkstra from its seeds that only goes where it improves a node (it
 *   stops at the border of its own cell, so its cost is the cell, not the graph);
 * - an origin removed: the nodes it owned (found by walking its cell from its seeds: every owned
 *   node's shortest-path parent is owned too) are reset, then a multi-source Dijkstra seeded from
 *   the cell's border (the best neighbour outside plus any other origin seeded inside) fills it
 *   again — "decremental" repair, its cost the cell;
 * - a move is a removal then a placement;
 * - a live change of the graph (closure, slow-down: `liveVersion`) rebuilds everything once.
 *
 * Same arcs, costs and seeds as `nearestOrigins` (node-based over the routing nodes, so turn
 * restrictions count as there): the times are identical (whole milliseconds, exact sums). Memory:
 * 8 (time) + 4 (owner) + 4 (heap position; its slots grow with the frontier) + 1 (mark) = 17 bytes
 * a routing node, about 17 MB per 1 M nodes.
 */
export class MaintainedOrigins {
  /** Bytes held per routing node (time, owner, heap position, mark): see the class comment. */
  static readonly BYTES_PER_NODE = 17;
  readonly dist: Float64Array;
  readonly owner: Int32Array;
  /** Queued nodes by (time, owner): the pair order of the labels. */
  private readonly heap: IndexedHeap;
  private readonly mark: Uint8Array;
  private readonly origins = new Map<number, Origin>();
  /** Origin ids seeded at a node (to refill a removed cell) and on an edge (a destination on it is reached directly). */
  private readonly seededAt = new Map<number, Set<number>>();
  private readonly onEdge = new Map<number, Set<number>>();
  private version: number;
  readonly cutoffMs: number;
  /** Nodes whose label the last update changed (for the bench: the work done). */
  touched = 0;

  constructor(readonly graph: RoadGraph, cutoffSeconds: number) {
    const n = graph.nodeCount;
    this.cutoffMs = cutoffSeconds * 1000;
    this.dist = new Float64Array(n).fill(Infinity);
    this.owner = new Int32Array(n).fill(-1);
    this.heap = new IndexedHeap(n);
    this.mark = new Uint8Array(n);
    this.version = graph.liveVersion;
  }

  get size(): number {
    return this.origins.size;
  }

  has(id: number): boolean {
    return this.origins.has(id);
  }

  /** Places (or moves) origin `id` (a non-negative integer; the lower id wins a tie) at a snapped point. */
  set(id: number, at: Snapped): void {
    this.setMany([{ id, at }]);
  }

  /**
   * Places (or moves) several origins: the moved ones removed first, then one search from all the
   * new positions at once (a fleet placed from nothing costs one multi-source search, not one per unit).
   */
  setMany(list: readonly { id: number; at: Snapped }[]): void {
    const last = new Map<number, Snapped>();
    for (const { id, at } of list) {
      if (!Number.isInteger(id) || id < 0) throw new RangeError(`origin id ${id}`);
      last.set(id, at);
    }
    this.fresh();
    let touched = 0;
    for (const id of last.keys()) if (this.origins.has(id)) { this.remove(id); touched += this.touched; }
    this.touched = touched;
    for (const [id, at] of last) {
      const origin = { at, seeds: originSeeds(this.graph, at) };
      this.origins.set(id, origin);
      for (const s of origin.seeds) addTo(this.seededAt, s.node, id);
      addTo(this.onEdge, at.edge, id);
      for (const s of origin.seeds) if (s.cost <= this.cutoffMs) this.offer(s.node, s.cost, id);
    }
    this.settle();
  }

  /** Removes origin `id` (no-op when absent) and repairs the nodes it owned. */
  remove(id: number): void {
    this.fresh();
    const origin = this.origins.get(id);
    if (!origin) return;
    this.origins.delete(id);
    for (const s of origin.seeds) dropFrom(this.seededAt, s.node, id);
    dropFrom(this.onEdge, origin.at.edge, id);
    const cell = this.cellOf(id, origin.seeds);
    this.touched = cell.length;
    const { dist, owner, mark } = this;
    for (const v of cell) { dist[v] = Infinity; owner[v] = -1; }
    // Refill from the border: the best way in from a node outside the cell, and other origins seeded inside.
    const { start, edge, extraHead, extraCode, even, odd, forwardMs, backwardMs, live } = this.graph.backward;
    for (const v of cell) {
      for (let a = start[v]!, end = start[v + 1]!; a < end; a++) {
        let code = edge[a]!;
        let u: number;
        if (code >= 0) u = code & 1 ? odd[code >> 1]! : even[code >> 1]!;
        else { u = extraHead[-1 - code]!; code = extraCode[-1 - code]!; }
        if (mark[u] === 1 || dist[u] === Infinity) continue;
        const c = code < 0 ? 0 : live !== undefined ? live[code]! : code & 1 ? backwardMs[code >> 1]! : forwardMs[code >> 1]!;
        const d = dist[u]! + c;
        if (d <= this.cutoffMs) this.offer(v, d, owner[u]!);
      }
      for (const o of this.seededAt.get(v) ?? []) {
        for (const s of this.origins.get(o)!.seeds) if (s.node === v && s.cost <= this.cutoffMs) this.offer(v, s.cost, o);
      }
    }
    for (const v of cell) mark[v] = 0;
    this.settle();
  }

  /**
   * The nearest origin of a destination and its time (ms; Infinity and -1 beyond the cutoff), as
   * `nearestOrigins` computes it: through its routing nodes, or directly along its own edge.
   */
  nearest(d: Snapped, costs: DestinationCosts = this.destinationCosts(d)): { ms: number; origin: number } {
    this.fresh();
    let best = Infinity, who = -1;
    const { dist, owner } = this;
    for (let k = 0; k < costs.nodes.length; k++) {
      const node = costs.nodes[k]!;
      const c = dist[node]! + costs.costs[k]!;
      if (c < best || (c === best && c !== Infinity && owner[node]! < who)) { best = c; who = owner[node]!; }
    }
    const direct = this.onEdge.get(d.edge);
    if (direct) {
      for (const o of direct) {
        const c = sameEdgeCost(this.graph, this.origins.get(o)!.at, d);
        if (c < best || (c === best && c !== Infinity && o < who)) { best = c; who = o; }
      }
    }
    return best <= this.cutoffMs ? { ms: best, origin: who } : { ms: Infinity, origin: -1 };
  }

  /** A destination's seeds for `nearest`, valid while the graph's live costs stay as they are. */
  destinationCosts(d: Snapped): DestinationCosts {
    const seeds = destinationSeeds(this.graph, d);
    return { nodes: Int32Array.from(seeds, (s) => s.node), costs: Float64Array.from(seeds, (s) => s.cost), version: this.graph.liveVersion };
  }

  /** After a live change of the graph (closure, slow-down): every label again from all origins, once. */
  private fresh(): void {
    if (this.version === this.graph.liveVersion) return;
    this.version = this.graph.liveVersion;
    this.dist.fill(Infinity);
    this.owner.fill(-1);
    const all = [...this.origins.entries()];
    this.origins.clear(); this.seededAt.clear(); this.onEdge.clear();
    for (const [id, o] of all) {
      const origin = { at: o.at, seeds: originSeeds(this.graph, o.at) };
      this.origins.set(id, origin);
      for (const s of origin.seeds) addTo(this.seededAt, s.node, id);
      addTo(this.onEdge, o.at.edge, id);
      for (const s of origin.seeds) if (s.cost <= this.cutoffMs) this.offer(s.node, s.cost, id);
    }
    this.settle();
  }

  /** The nodes origin `id` owns, marked: its cell, walked forward from its seeds. */
  private cellOf(id: number, seeds: readonly Seed[]): number[] {
    const { owner, mark } = this;
    const cell: number[] = [];
    for (const s of seeds) if (owner[s.node] === id && mark[s.node] === 0) { mark[s.node] = 1; cell.push(s.node); }
    const { start, edge, extraHead, even, odd } = this.graph.forward;
    for (let i = 0; i < cell.length; i++) {
      const u = cell[i]!;
      for (let a = start[u]!, end = start[u + 1]!; a < end; a++) {
        const code = edge[a]!;
        const v = code >= 0 ? (code & 1 ? odd[code >> 1]! : even[code >> 1]!) : extraHead[-1 - code]!;
        if (owner[v] === id && mark[v] === 0) { mark[v] = 1; cell.push(v); }
      }
    }
    return cell;
  }

  /** Lowers node v's label to (d, o) when that is better as a pair, queueing it. */
  private offer(v: number, d: number, o: number): void {
    const dv = this.dist[v]!;
    if (d > dv || (d === dv && o >= this.owner[v]! && this.owner[v]! !== -1)) return;
    this.dist[v] = d;
    this.owner[v] = o;
    this.touched++;
    this.heap.decrease(v, d, o);
  }

  /** Dijkstra from the queued nodes, relaxing only where a label improves (as a pair), within the cutoff. */
  private settle(): void {
    const { start, edge, extraHead, extraCode, even, odd, forwardMs, backwardMs, live } = this.graph.forward;
    const { dist, owner, cutoffMs, heap } = this;
    while (heap.size > 0) {
      const u = heap.pop();
      const du = dist[u]!, ou = owner[u]!;
      for (let a = start[u]!, end = start[u + 1]!; a < end; a++) {
        let code = edge[a]!;
        let v: number;
        if (code >= 0) v = code & 1 ? odd[code >> 1]! : even[code >> 1]!;
        else { v = extraHead[-1 - code]!; code = extraCode[-1 - code]!; }
        const c = code < 0 ? 0 : live !== undefined ? live[code]! : code & 1 ? backwardMs[code >> 1]! : forwardMs[code >> 1]!;
        const d = du + c;
        if (d <= cutoffMs && (d < dist[v]! || (d === dist[v]! && ou < owner[v]!))) this.offer(v, d, ou);
      }
    }
  }
}

function addTo(index: Map<number, Set<number>>, key: number, id: number): void {
  const set = index.get(key);
  if (set) set.add(id);
  else index.set(key, new Set([id]));
}

function dropFrom(index: Map<number, Set<number>>, key: number, id: number): void {
  const set = index.get(key);
  if (!set) return;
  set.delete(id);
  if (set.size === 0) index.delete(key);
}
