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
  /** Local index + 1 of each selected rank, 0 elsewhere. */
  private readonly localOf: Int32Array;
  private readonly ranks: Int32Array;
  private readonly start: Int32Array;
  private readonly head: Int32Array;
  private readonly cost: Int32Array;
  readonly dist: Float64Array;
  private readonly upward: UpwardSearch;

  constructor(readonly hierarchy: Hierarchy, originNodes: Iterable<number> | SweepParts) {
    const parts = originNodes instanceof SweepParts ? originNodes : drain(sweepParts(hierarchy, originNodes));
    this.ranks = parts.ranks;
    this.localOf = parts.localOf;
    this.start = parts.start;
    this.head = parts.head;
    this.cost = parts.cost;
    this.dist = new Float64Array(this.ranks.length);
    this.upward = sharedUpward(hierarchy);
  }

  /**
   * The sweep built in steps: the generator yields after each slice of work (a few thousand
   * nodes), so the caller can build it between other work on the event loop. On the 14x14 metro a
   * fleet of 1,000 selects some 10^5 nodes: tens of ms in one piece, which a request arriving
   * meanwhile waited for (bench:dispatch, units moving).
   */
  static *inSteps(hierarchy: Hierarchy, originNodes: Iterable<number>, slice = SWEEP_SLICE): Generator<void, OriginSweep> {
    return new OriginSweep(hierarchy, yield* sweepParts(hierarchy, originNodes, slice));
  }

  get size(): number {
    return this.ranks.length;
  }

  /** Cost from a graph node of the origin set to the seeds of the last sweep. */
  costOf(node: number): number {
    const i = this.localOf[this.hierarchy.rankOf[node]!]!;
    return i > 0 ? this.dist[i - 1]! : Infinity;
  }

  /**
   * Seeds: destination end nodes with their node -> destination costs. Returns the upward
   * search's labels (by rank, valid until the next sweep): `ChPotential.fromUpward` reuses them.
   */
  sweepTo(seeds: readonly Seed[]): (rank: number) => number {
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
    return up;
  }
}

/**
 * One upward search per hierarchy for every sweep on it: its two arrays are the size of the graph
 * (13 MB on the 14x14 metro), and the fleet view builds a sweep every second while units move.
 * Sharing is safe because a sweep's labels are read only until the query that ran it returns.
 */
const upwardSearches = new WeakMap<Hierarchy, UpwardSearch>();

function sharedUpward(ch: Hierarchy): UpwardSearch {
  let search = upwardSearches.get(ch);
  if (!search) upwardSearches.set(ch, (search = new UpwardSearch(ch)));
  return search;
}

/**
 * Units of work between two yields of `sweepParts`: a node visited or an arc read or copied
 * counts one, and so does every 16 ranks of a scan. Slices of 7-11 ms were seen on the 14x14
 * metro against the fleet view's 4 ms (fleet.ts PREPARE_SLICE_MS): a step was 32,768 *nodes* with
 * all their arcs, and some work between yields was not counted at all (the starts of every
 * selected node, an index the size of the graph filled with -1, now zeroed at allocation). The
 * caller checks the clock after each step, so a step must be a small part of its slice.
 */
export const SWEEP_SLICE = 16_384;

/** The arrays of an OriginSweep. */
export class SweepParts {
  constructor(
    readonly ranks: Int32Array,
    /** Local index + 1 of each selected rank, 0 elsewhere (a zeroed array needs no fill). */
    readonly localOf: Int32Array,
    readonly start: Int32Array,
    readonly head: Int32Array,
    readonly cost: Int32Array,
  ) {}
}

/** Runs a stepwise build to its end. */
function drain<T>(steps: Generator<void, T>): T {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/**
 * The nodes the origins reach upwards, in descending rank (a scan of the marks from the top: no
 * sort), with their upward arcs in local indexes; yields after every `slice` units of work.
 */
export function* sweepParts(ch: Hierarchy, originNodes: Iterable<number>, slice = SWEEP_SLICE): Generator<void, SweepParts> {
  const seen = new Uint8Array(ch.nodeCount);
  const stack: number[] = [];
  let count = 0;
  let work = 0;
  for (const node of originNodes) {
    const r = ch.rankOf[node]!;
    if (!seen[r]) {
      seen[r] = 1;
      stack.push(r);
      count++;
    }
    if (++work >= slice) {
      work = 0;
      yield;
    }
  }
  const { start, other, cost } = ch.up;
  while (stack.length > 0) {
    const r = stack.pop()!;
    const end = start[r + 1]!;
    for (let a = start[r]!; a < end; a++) {
      const w = other[a]!;
      if (!seen[w]) {
        seen[w] = 1;
        stack.push(w);
        count++;
      }
    }
    work += 1 + end - start[r]!;
    if (work >= slice) {
      work = 0;
      yield;
    }
  }
  const ranks = new Int32Array(count);
  const localOf = new Int32Array(ch.nodeCount);
  const scan = 16 * slice;
  for (let r = ch.nodeCount - 1, i = 0; r >= 0; r--) {
    if (seen[r]) {
      ranks[i] = r;
      localOf[r] = ++i;
    }
    if (r % scan === 0) yield;
  }
  const starts = new Int32Array(count + 1);
  for (let i = 0; i < count; i++) {
    starts[i + 1] = starts[i]! + start[ranks[i]! + 1]! - start[ranks[i]!]!;
    if (++work >= slice) {
      work = 0;
      yield;
    }
  }
  const head = new Int32Array(starts[count]!);
  const arcCost = new Int32Array(head.length);
  for (let i = 0, k = 0; i < count; i++) {
    const r = ranks[i]!;
    const end = start[r + 1]!;
    for (let a = start[r]!; a < end; a++, k++) {
      head[k] = localOf[other[a]!]! - 1;
      arcCost[k] = cost[a]!;
    }
    work += 1 + end - start[r]!;
    if (work >= slice) {
      work = 0;
      yield;
    }
  }
  return new SweepParts(ranks, localOf, starts, head, arcCost);
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
