import type { Seed } from '../search.js';
import type { Hierarchy, RankAdjacency } from './hierarchy.js';
import { MinHeap } from './min-heap.js';

/**
 * PHAST: one upward search from the seeds, then one sweep over all nodes in descending rank
 * that pulls each node's cost from its higher neighbours. Exact costs to (or from) every node.
 */
export class Phast {
  /** Cost per rank after a run. */
  readonly dist: Float64Array;
  private readonly heap = new MinHeap();

  constructor(private readonly ch: Hierarchy) {
    this.dist = new Float64Array(ch.nodeCount);
  }

  /** dist[rank] = cost from each node to the seeds (seed costs are node -> target point). */
  toSeeds(seeds: readonly Seed[]): Float64Array {
    this.upward(this.ch.down, seeds);
    sweep(this.dist, this.ch.up);
    return this.dist;
  }

  /** dist[rank] = cost from the seeds (seed costs are origin point -> node) to each node. */
  fromSeeds(seeds: readonly Seed[]): Float64Array {
    this.upward(this.ch.up, seeds);
    sweep(this.dist, this.ch.down);
    return this.dist;
  }

  private upward(adj: RankAdjacency, seeds: readonly Seed[]): void {
    const dist = this.dist;
    dist.fill(Infinity);
    const heap = this.heap;
    heap.clear();
    for (const s of seeds) {
      const r = this.ch.rankOf[s.node]!;
      if (s.cost < dist[r]!) {
        dist[r] = s.cost;
        heap.push(s.cost, r);
      }
    }
    const { start, other, cost } = adj;
    while (heap.size > 0) {
      const d = heap.peekKey();
      const r = heap.pop();
      if (d > dist[r]!) continue;
      for (let a = start[r]!, end = start[r + 1]!; a < end; a++) {
        const w = other[a]!;
        const nd = d + cost[a]!;
        if (nd < dist[w]!) {
          dist[w] = nd;
          heap.push(nd, w);
        }
      }
    }
  }
}

function sweep(dist: Float64Array, adj: RankAdjacency): void {
  const { start, other, cost } = adj;
  for (let r = dist.length - 1; r >= 0; r--) {
    let d = dist[r]!;
    for (let a = start[r]!, end = start[r + 1]!; a < end; a++) {
      const c = cost[a]! + dist[other[a]!]!;
      if (c < d) d = c;
    }
    dist[r] = d;
  }
}
