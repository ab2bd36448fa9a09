import type { Seed } from '../search.js';
import type { Hierarchy } from './hierarchy.js';
import { MinHeap } from './min-heap.js';

/**
 * RPHAST for many-to-one: the sweep restricted to the nodes the origins can reach upwards,
 * chosen once per set of origin nodes (a fleet's positions) and reused for every destination.
 * Local index i holds the i-th selected node in descending rank, so a sweep in index order sees
 * every higher neighbour first.
 */
export class OriginSweep {
  /** Local index of each selected rank, -1 elsewhere. */
  private readonly localOf: Int32Array;
  private readonly ranks: Int32Array;
  private readonly start: Int32Array;
  private readonly head: Int32Array;
  private readonly cost: Int32Array;
  readonly dist: Float64Array;
  private readonly upward: UpwardSearch;

  constructor(readonly hierarchy: Hierarchy, originNodes: Iterable<number>) {
    const ch = hierarchy;
    const selected = selectUpwards(ch, originNodes);
    this.ranks = selected.sort().reverse();
    this.localOf = new Int32Array(ch.nodeCount).fill(-1);
    this.ranks.forEach((r, i) => (this.localOf[r] = i));
    const { start, other, cost } = ch.up;
    this.start = new Int32Array(this.ranks.length + 1);
    this.ranks.forEach((r, i) => (this.start[i + 1] = this.start[i]! + start[r + 1]! - start[r]!));
    this.head = new Int32Array(this.start[this.ranks.length]!);
    this.cost = new Int32Array(this.head.length);
    this.ranks.forEach((r, i) => {
      let k = this.start[i]!;
      for (let a = start[r]!; a < start[r + 1]!; a++, k++) {
        this.head[k] = this.localOf[other[a]!]!;
        this.cost[k] = cost[a]!;
      }
    });
    this.dist = new Float64Array(this.ranks.length);
    this.upward = new UpwardSearch(ch);
  }

  get size(): number {
    return this.ranks.length;
  }

  /** Cost from a graph node of the origin set to the seeds of the last sweep. */
  costOf(node: number): number {
    const i = this.localOf[this.hierarchy.rankOf[node]!]!;
    return i >= 0 ? this.dist[i]! : Infinity;
  }

  /** Seeds: destination end nodes with their node -> destination costs. */
  sweepTo(seeds: readonly Seed[]): void {
    const up = this.upward.run(seeds);
    const { ranks, start, head, cost, dist } = this;
    for (let i = 0; i < ranks.length; i++) {
      let d = up(ranks[i]!);
      for (let a = start[i]!, end = start[i + 1]!; a < end; a++) {
        const c = cost[a]! + dist[head[a]!]!;
        if (c < d) d = c;
      }
      dist[i] = d;
    }
  }
}

function selectUpwards(ch: Hierarchy, originNodes: Iterable<number>): Int32Array {
  const seen = new Uint8Array(ch.nodeCount);
  const stack: number[] = [];
  const out: number[] = [];
  for (const node of originNodes) {
    const r = ch.rankOf[node]!;
    if (!seen[r]) {
      seen[r] = 1;
      stack.push(r);
    }
  }
  const { start, other } = ch.up;
  while (stack.length > 0) {
    const r = stack.pop()!;
    out.push(r);
    for (let a = start[r]!; a < start[r + 1]!; a++) {
      const w = other[a]!;
      if (!seen[w]) {
        seen[w] = 1;
        stack.push(w);
      }
    }
  }
  return Int32Array.from(out);
}

/** Backward upward search from the seeds over down arcs; labels valid for the current round. */
export class UpwardSearch {
  private readonly dist: Float64Array;
  private readonly stamp: Uint32Array;
  private readonly heap = new MinHeap();
  private round = 0;

  constructor(private readonly ch: Hierarchy) {
    this.dist = new Float64Array(ch.nodeCount);
    this.stamp = new Uint32Array(ch.nodeCount);
  }

  run(seeds: readonly Seed[]): (rank: number) => number {
    const round = ++this.round;
    const { dist, stamp, heap } = this;
    const label = (r: number) => (stamp[r] === round ? dist[r]! : Infinity);
    heap.clear();
    for (const s of seeds) {
      const r = this.ch.rankOf[s.node]!;
      if (s.cost < label(r)) {
        stamp[r] = round;
        dist[r] = s.cost;
        heap.push(s.cost, r);
      }
    }
    const { start, other, cost } = this.ch.down;
    while (heap.size > 0) {
      const d = heap.peekKey();
      const r = heap.pop();
      if (d > dist[r]!) continue;
      for (let a = start[r]!, end = start[r + 1]!; a < end; a++) {
        const w = other[a]!;
        const nd = d + cost[a]!;
        if (nd < label(w)) {
          stamp[w] = round;
          dist[w] = nd;
          heap.push(nd, w);
        }
      }
    }
    return label;
  }
}
