import { destinationSeeds, originSeeds, sameEdgeCost, type OnEdge } from './endpoints.js';
import { IndexedHeap } from './indexed-heap.js';
import type { RoadGraph } from './road-graph.js';
import type { Seed } from './search.js';
import type { Snapped } from './snap.js';
import { edgeId } from './types.js';

interface Origin { at: Snapped; seeds: Seed[] }

/** Edge changes logged before the log says "everything" instead (see `takeChanges`). */
const MAX_CHANGED_EDGES = 1 << 16;
/** Bits of an edge's flags byte: an origin stands on it; it is in the change log already. */
const HAS_ORIGIN = 1, LOGGED = 2;

/** A destination's routing-node costs, read once per live version of the graph (`destinationCosts`). */
export interface DestinationCosts { nodes: Int32Array; costs: Float64Array; version: number }

/**
 * Many destinations as flat arrays (coverage's 200,000 places: no object per place, issue 16).
 * Row r's seeds (`destinationSeeds`) are `nodes`/`costs` from `start[r]` for `count[r]`; its
 * snapped edge and fraction along it tell whether an origin on the same edge reaches it
 * directly; `edge[r]` is -1 for a destination off the network (never reached).
 */
export interface DestinationTable {
  start: Int32Array; count: Uint16Array; nodes: Int32Array; costs: Float64Array;
  edge: Int32Array; fraction: Float64Array;
}

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
 * 8 (time) + 4 (owner) + 4 (heap position; its slots grow with the frontier) + 1 (mark) + 1 (changed)
 * = 18 bytes a routing node, about 18 MB per 1 M nodes, and 1 byte an edge (whether an origin stands on it).
 */
export class MaintainedOrigins {
  /** Bytes held per routing node (time, owner, heap position, mark, changed): see the class comment. */
  static readonly BYTES_PER_NODE = 18;
  /** Bytes held per edge (whether an origin stands on it, whether it is in the change log). */
  static readonly BYTES_PER_EDGE = 1;
  readonly dist: Float64Array;
  readonly owner: Int32Array;
  /** Queued nodes by (time, owner): the pair order of the labels. */
  private readonly heap: IndexedHeap;
  private readonly mark: Uint8Array;
  private readonly origins = new Map<number, Origin>();
  /** Origin ids seeded at a node (to refill a removed cell) and on an edge (a destination on it is reached directly). */
  private readonly seededAt = new Map<number, Set<number>>();
  private readonly onEdge = new Map<number, Set<number>>();
  /**
   * Per edge: HAS_ORIGIN on the edges `onEdge` holds (a destination row asks the map only when an
   * origin is on its edge), LOGGED on those in the change log (each logged once between two reads).
   */
  private readonly edgeFlags: Uint8Array;
  private version: number;
  readonly cutoffMs: number;
  /** Nodes whose label the last update changed (for the bench: the work done). */
  touched = 0;
  /**
   * What changed since the last `takeChanges` (a reader keeping answers per destination re-reads
   * only those on these nodes and edges): nodes whose label changed (marked once each), edges an
   * origin came to or left, or everything (a rebuild after a live change of the graph).
   */
  private changedNodes: number[] = [];
  private readonly changedMark: Uint8Array;
  private changedEdges: number[] = [];
  private changedAll = false;

  constructor(readonly graph: RoadGraph, cutoffSeconds: number) {
    const n = graph.nodeCount;
    this.cutoffMs = cutoffSeconds * 1000;
    this.dist = new Float64Array(n).fill(Infinity);
    this.owner = new Int32Array(n).fill(-1);
    this.heap = new IndexedHeap(n);
    this.mark = new Uint8Array(n);
    this.edgeFlags = new Uint8Array(graph.edgeCount);
    this.changedMark = new Uint8Array(n);
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
      this.addOnEdge(at.edge, id);
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
    this.edgeChanged(origin.at.edge);
    if (!this.onEdge.has(origin.at.edge)) this.edgeFlags[origin.at.edge]! &= ~HAS_ORIGIN;
    const cell = this.cellOf(id, origin.seeds);
    this.touched = cell.length;
    const { dist, owner, mark } = this;
    for (const v of cell) { dist[v] = Infinity; owner[v] = -1; this.changed(v); }
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

  /**
   * `nearest` for many destinations at once, merged into running bests: for each k, row
   * `rows[k]` of the table; where its time (ms) beats `ms[k]`, or equals it from a lower origin
   * id, `ms[k]` and `origin[k]` take it. A caller with several states (one per travel graph)
   * passes the same arrays to each. Allocates nothing per row.
   */
  nearestInto(table: DestinationTable, rows: Int32Array, ms: Float64Array, origin: Int32Array): void {
    this.fresh();
    const { dist, owner, cutoffMs, edgeFlags } = this;
    const { start, count, nodes, costs, edge, fraction } = table;
    const at: Pick<Snapped, 'edge' | 'fraction'> = { edge: edgeId(0), fraction: 0 };
    for (let k = 0; k < rows.length; k++) {
      const r = rows[k]!;
      const e = edge[r]!;
      if (e < 0) continue;
      let best = Infinity, who = -1;
      for (let s = start[r]!, end = s + count[r]!; s < end; s++) {
        const node = nodes[s]!;
        const c = dist[node]! + costs[s]!;
        if (c < best || (c === best && c !== Infinity && owner[node]! < who)) { best = c; who = owner[node]!; }
      }
      if ((edgeFlags[e]! & HAS_ORIGIN) !== 0) {
        at.edge = edgeId(e); at.fraction = fraction[r]!;
        for (const o of this.onEdge.get(e)!) {
          const c = sameEdgeCost(this.graph, this.origins.get(o)!.at, at);
          if (c < best || (c === best && c !== Infinity && o < who)) { best = c; who = o; }
        }
      }
      if (best > cutoffMs) continue;
      if (best < ms[k]! || (best === ms[k]! && who < origin[k]!)) { ms[k] = best; origin[k] = who; }
    }
  }

  /** A destination's seeds for `nearest`, valid while the graph's live costs stay as they are. */
  destinationCosts(d: OnEdge): DestinationCosts {
    const seeds = destinationSeeds(this.graph, d);
    return { nodes: Int32Array.from(seeds, (s) => s.node), costs: Float64Array.from(seeds, (s) => s.cost), version: this.graph.liveVersion };
  }

  private addOnEdge(edge: number, id: number): void {
    addTo(this.onEdge, edge, id);
    this.edgeFlags[edge]! |= HAS_ORIGIN;
    this.edgeChanged(edge);
  }

  private edgeChanged(edge: number): void {
    // Logged once until read: units stepping to and fro on the same streets between two questions
    // (10,000 units' AVL fixes for a minute) used to fill the log past its limit with repeats, and a
    // full log means every answer read again (~170 ms at 200,000 places; issue 16).
    if (this.changedAll || (this.edgeFlags[edge]! & LOGGED) !== 0) return;
    this.edgeFlags[edge]! |= LOGGED;
    this.changedEdges.push(edge);
    // Unread for long (a set not asked while its units move): "everything" is cheaper to hold.
    if (this.changedEdges.length > MAX_CHANGED_EDGES) this.everythingChanged();
  }

  private everythingChanged(): void {
    this.unlogEdges();
    for (const v of this.changedNodes) this.changedMark[v] = 0;
    this.changedNodes = [];
    this.changedEdges = [];
    this.changedAll = true;
  }

  private changed(v: number): void {
    if (this.changedMark[v] === 1 || this.changedAll) return;
    this.changedMark[v] = 1;
    this.changedNodes.push(v);
  }

  private unlogEdges(): void {
    for (const e of this.changedEdges) this.edgeFlags[e]! &= ~LOGGED;
  }

  /** What changed since the last `takeChanges` (see `changedNodes`), the state brought current first; the log is kept. */
  peekChanges(): { all: boolean; nodes: readonly number[]; edges: readonly number[] } {
    this.fresh();
    return { all: this.changedAll, nodes: this.changedNodes, edges: this.changedEdges };
  }

  /**
   * The rows of `rows` whose answer may differ since the last `takeChanges`: a seed on a routing
   * node whose label changed, or an origin came to or left the row's edge (everything, after a
   * rebuild). One pass over the rows' seeds testing a byte per node (the log's marks, 1 MB per
   * million nodes: cache-resident) instead of a look-up per changed node in an index of places
   * by node: after 1,000 units moved between two questions, 100,000+ nodes changed, and the
   * index's random reads over multi-megabyte arrays cost more than scanning every place (issue 16).
   */
  forChangedRows(table: DestinationTable, rows: Int32Array, each: (row: number) => void): void {
    this.fresh();
    const all = this.changedAll, mark = this.changedMark, flags = this.edgeFlags;
    const { start, count, nodes, edge } = table;
    for (let k = 0; k < rows.length; k++) {
      const r = rows[k]!, e = edge[r]!;
      if (e < 0) continue;
      let hit = all || (flags[e]! & LOGGED) !== 0;
      for (let j = start[r]!, end = j + count[r]!; j < end && !hit; j++) hit = mark[nodes[j]!] === 1;
      if (hit) each(r);
    }
  }

  /** What changed since the last call (see `changedNodes`), the state brought current first; the log starts again. */
  takeChanges(): { all: boolean; nodes: readonly number[]; edges: readonly number[] } {
    const out = this.peekChanges();
    this.unlogEdges();
    for (const v of this.changedNodes) this.changedMark[v] = 0;
    this.changedNodes = [];
    this.changedEdges = [];
    this.changedAll = false;
    return out;
  }

  /** After a live change of the graph (closure, slow-down): every label again from all origins, once. */
  private fresh(): void {
    if (this.version === this.graph.liveVersion) return;
    this.version = this.graph.liveVersion;
    // Every label is recomputed: the log says so once instead of listing them.
    this.everythingChanged();
    this.dist.fill(Infinity);
    this.owner.fill(-1);
    const all = [...this.origins.entries()];
    this.origins.clear(); this.seededAt.clear(); this.onEdge.clear(); this.edgeFlags.fill(0);
    for (const [id, o] of all) {
      const origin = { at: o.at, seeds: originSeeds(this.graph, o.at) };
      this.origins.set(id, origin);
      for (const s of origin.seeds) addTo(this.seededAt, s.node, id);
      this.addOnEdge(o.at.edge, id);
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
    this.changed(v);
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
