import type { Adjacency } from './adjacency.js';
import { IndexedHeap } from './indexed-heap.js';

export interface Seed {
  node: number;
  cost: number;
}

/**
 * Dijkstra over one adjacency with the indexed binary heap (indexed-heap.ts), reusing its typed arrays across
 * searches: a node's label is valid only when its stamp equals the current search's.
 */
export class Search {
  readonly dist: Float64Array;
  /** Arc index that settled the node last, -1 for a seed. */
  readonly parent: Int32Array;
  private readonly stamp: Uint32Array;
  private readonly done: Uint8Array;
  private readonly heap: IndexedHeap;
  private round = 0;
  settledCount = 0;

  constructor(readonly nodeCount: number) {
    this.dist = new Float64Array(nodeCount);
    this.parent = new Int32Array(nodeCount);
    this.stamp = new Uint32Array(nodeCount);
    this.done = new Uint8Array(nodeCount);
    this.heap = new IndexedHeap(nodeCount);
  }

  /** Cost to the node in the last search, Infinity if it was not reached. */
  costOf(node: number): number {
    return this.stamp[node] === this.round ? this.dist[node]! : Infinity;
  }

  /** True when the last search settled the node (its cost is final). */
  isSettled(node: number): boolean {
    return this.stamp[node] === this.round && this.done[node] === 1;
  }

  /**
   * Settles nodes in cost order up to `cutoff` (inclusive); `onSettle` returning true stops early.
   * Returns the number of settled nodes.
   */
  run(adj: Adjacency, seeds: readonly Seed[], cutoff = Infinity, onSettle?: (node: number, cost: number) => boolean): number {
    this.begin();
    for (const seed of seeds) if (seed.cost <= cutoff) this.relax(seed.node, seed.cost, -1);
    const { start, edge, extraHead, extraCode, even, odd, forwardMs, backwardMs, live } = adj;
    const { dist, done, heap } = this;
    let settled = 0;
    while (heap.size > 0) {
      const u = heap.pop();
      const du = dist[u]!;
      done[u] = 1;
      settled++;
      if (onSettle !== undefined && onSettle(u, du)) break;
      // Adjacency.headOf / codeCost inlined: this loop is the hot path of every Dijkstra.
      for (let a = start[u]!, end = start[u + 1]!; a < end; a++) {
        let code = edge[a]!;
        let v: number;
        if (code >= 0) {
          v = code & 1 ? odd[code >> 1]! : even[code >> 1]!;
        } else {
          v = extraHead[-1 - code]!;
          code = extraCode[-1 - code]!;
        }
        const c = code < 0 ? 0 : live !== undefined ? live[code]! : code & 1 ? backwardMs[code >> 1]! : forwardMs[code >> 1]!;
        const d = du + c;
        if (d <= cutoff) this.relax(v, d, a);
      }
    }
    this.settledCount = settled;
    return settled;
  }

  private begin(): void {
    this.round++;
    if (this.round === 0xffffffff) {
      this.stamp.fill(0);
      this.round = 1;
    }
    // A search stopped early (onSettle) leaves nodes queued.
    this.heap.clear();
  }

  private relax(v: number, d: number, arc: number): void {
    if (this.stamp[v] !== this.round) {
      this.stamp[v] = this.round;
      this.done[v] = 0;
    } else if (this.done[v] === 1 || d >= this.dist[v]!) return;
    this.dist[v] = d;
    this.parent[v] = arc;
    this.heap.decrease(v, d);
  }
}
