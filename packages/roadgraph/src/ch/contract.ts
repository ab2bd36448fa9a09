import type { ArcArrays } from '../adjacency.js';
import { MinHeap } from './min-heap.js';

/** A directed arc of the hierarchy: middle >= 0 for a shortcut (via that node), else edgeCode. */
export interface ChArc {
  from: number;
  to: number;
  cost: number;
  middle: number;
  edgeCode: number;
}

export interface Contraction {
  /** rank[node]: contraction order, 0 first. */
  rank: Int32Array;
  arcs: ChArc[];
}

// Witness searches give up after this many settled nodes: a missed witness only adds a shortcut.
const WITNESS_SETTLE_LIMIT = 60;
// Above this degree a neighbour's re-evaluation costs more than it gains; the lazy check covers it.
const NEIGHBOUR_UPDATE_MAX_DEGREE = 24;

/**
 * Contracts nodes by lazy-updated priority (edge difference + contracted neighbours + depth),
 * adding a shortcut u -> w through v only when a bounded witness search finds no path of equal
 * or lower cost that avoids v. Costs are the graph's base costs (integer ms).
 */
export function contract(forward: ArcArrays, nodeCount: number): Contraction {
  const graph = new DynamicGraph(forward, nodeCount);
  const witness = new WitnessSearch(nodeCount);
  const rank = new Int32Array(nodeCount).fill(-1);
  const deletedNeighbours = new Int32Array(nodeCount);
  const depth = new Int32Array(nodeCount);
  const queue = new MinHeap();
  const priority = (v: number, shortcuts: number[]) => shortcuts.length / 3 - graph.degree(v) + deletedNeighbours[v]! + depth[v]!;
  // The queue may hold several entries per node; only the one matching `queued` counts.
  const queued = new Float64Array(nodeCount);
  const enqueue = (v: number, p: number) => {
    queued[v] = p;
    queue.push(p, v);
  };
  for (let v = 0; v < nodeCount; v++) enqueue(v, priority(v, graph.shortcutsFor(v, witness)));

  let next = 0;
  while (queue.size > 0) {
    const key = queue.peekKey();
    const v = queue.pop();
    if (rank[v]! >= 0 || key !== queued[v]) continue;
    const shortcuts = graph.shortcutsFor(v, witness);
    const p = priority(v, shortcuts);
    if (p > queue.peekKey()) {
      enqueue(v, p);
      continue;
    }
    rank[v] = next++;
    const neighbours = new Set(graph.neighbours(v));
    for (const u of neighbours) {
      deletedNeighbours[u]!++;
      depth[u] = Math.max(depth[u]!, depth[v]! + 1);
    }
    graph.remove(v);
    for (let i = 0; i < shortcuts.length; i += 3) graph.addShortcut(shortcuts[i]!, shortcuts[i + 1]!, shortcuts[i + 2]!, v);
    // Fresh priorities for the neighbours keep the order good (the queue keeps stale entries,
    // which the lazy check above discards).
    for (const u of neighbours) if (graph.degree(u) <= NEIGHBOUR_UPDATE_MAX_DEGREE) enqueue(u, priority(u, graph.shortcutsFor(u, witness)));
  }
  return { rank, arcs: graph.allArcs };
}

/**
 * Adjacency that grows shortcuts. Every arc ever present is kept in `allArcs` (the hierarchy
 * needs original arcs and shortcuts alike); out/in lists index the arcs between live nodes.
 */
class DynamicGraph {
  readonly allArcs: ChArc[] = [];
  private readonly out: number[][];
  private readonly in: number[][];
  private readonly removed: Uint8Array;

  constructor(forward: ArcArrays, n: number) {
    this.out = Array.from({ length: n }, () => []);
    this.in = Array.from({ length: n }, () => []);
    this.removed = new Uint8Array(n);
    for (let u = 0; u < n; u++) {
      for (let a = forward.start[u]!; a < forward.start[u + 1]!; a++) {
        const w = forward.head[a]!;
        if (w === u) continue; // a self-loop never shortens a path
        this.upsert(u, w, forward.cost[a]!, -1, forward.edge[a]!);
      }
    }
  }

  degree(v: number): number {
    return this.out[v]!.length + this.in[v]!.length;
  }

  neighbours(v: number): number[] {
    return [...this.out[v]!.map((a) => this.allArcs[a]!.to), ...this.in[v]!.map((a) => this.allArcs[a]!.from)];
  }

  /** Flat triples (u, w, cost) of the shortcuts contracting v would need. */
  shortcutsFor(v: number, witness: WitnessSearch): number[] {
    const result: number[] = [];
    const ins = this.in[v]!;
    const outs = this.out[v]!;
    if (ins.length === 0 || outs.length === 0) return result;
    let maxOut = 0;
    for (const a of outs) maxOut = Math.max(maxOut, this.allArcs[a]!.cost);
    for (const ai of ins) {
      const { from: u, cost: cu } = this.allArcs[ai]!;
      witness.run(this, u, v, cu + maxOut);
      for (const ao of outs) {
        const { to: w, cost: cw } = this.allArcs[ao]!;
        if (w === u) continue;
        if (witness.costOf(w) > cu + cw) result.push(u, w, cu + cw);
      }
    }
    return result;
  }

  outArcs(u: number): readonly number[] {
    return this.out[u]!;
  }

  remove(v: number): void {
    this.removed[v] = 1;
    for (const a of this.out[v]!) removeFrom(this.in[this.allArcs[a]!.to]!, a);
    for (const a of this.in[v]!) removeFrom(this.out[this.allArcs[a]!.from]!, a);
  }

  addShortcut(u: number, w: number, cost: number, middle: number): void {
    this.upsert(u, w, cost, middle, -1);
  }

  /** Keeps one arc per (u, w): the cheapest. */
  private upsert(u: number, w: number, cost: number, middle: number, edgeCode: number): void {
    for (const a of this.out[u]!) {
      const arc = this.allArcs[a]!;
      if (arc.to !== w) continue;
      if (cost < arc.cost) {
        arc.cost = cost;
        arc.middle = middle;
        arc.edgeCode = edgeCode;
      }
      return;
    }
    const index = this.allArcs.length;
    this.allArcs.push({ from: u, to: w, cost, middle, edgeCode });
    this.out[u]!.push(index);
    this.in[w]!.push(index);
  }
}

function removeFrom(list: number[], value: number): void {
  const i = list.indexOf(value);
  if (i >= 0) {
    list[i] = list[list.length - 1]!;
    list.pop();
  }
}

class WitnessSearch {
  private readonly dist: Float64Array;
  private readonly stamp: Uint32Array;
  private round = 0;
  private readonly heap = new MinHeap();

  constructor(n: number) {
    this.dist = new Float64Array(n);
    this.stamp = new Uint32Array(n);
  }

  costOf(v: number): number {
    return this.stamp[v] === this.round ? this.dist[v]! : Infinity;
  }

  /** Dijkstra from u over live nodes avoiding `avoid`, up to maxCost or the settle limit. */
  run(graph: DynamicGraph, u: number, avoid: number, maxCost: number): void {
    this.round++;
    const heap = this.heap;
    heap.clear();
    this.stamp[u] = this.round;
    this.dist[u] = 0;
    heap.push(0, u);
    let settled = 0;
    while (heap.size > 0 && settled < WITNESS_SETTLE_LIMIT) {
      const d = heap.peekKey();
      const x = heap.pop();
      if (d > this.dist[x]!) continue;
      if (d > maxCost) break;
      settled++;
      for (const a of graph.outArcs(x)) {
        const arc = graph.allArcs[a]!;
        const y = arc.to;
        if (y === avoid) continue;
        const nd = d + arc.cost;
        if (this.stamp[y] !== this.round || nd < this.dist[y]!) {
          this.stamp[y] = this.round;
          this.dist[y] = nd;
          heap.push(nd, y);
        }
      }
    }
  }
}
