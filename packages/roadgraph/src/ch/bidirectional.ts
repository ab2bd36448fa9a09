import type { Seed } from '../search.js';
import { edgeCodeOfVia, type Hierarchy, type RankAdjacency } from './hierarchy.js';
import { MinHeap } from './min-heap.js';

export interface ChPath {
  cost: number;
  /** Original edge codes (e << 1 | reversed) in driving order. */
  edgeCodes: number[];
  /** Graph node where the path starts and where it ends (the seeds it joined). */
  firstNode: number;
  lastNode: number;
}

/** One side of the search: labels by rank, valid when stamped with the current round. */
class Side {
  readonly dist: Float64Array;
  /** Arc that last improved the node (-1 for a seed) and the rank it came from. */
  readonly parent: Int32Array;
  readonly parentRank: Int32Array;
  readonly stamp: Uint32Array;
  readonly heap = new MinHeap();

  /** adj: the arcs this side relaxes; opposite: arcs into this side's nodes from above, for stalling. */
  constructor(n: number, readonly adj: RankAdjacency, readonly opposite: RankAdjacency) {
    this.dist = new Float64Array(n);
    this.parent = new Int32Array(n);
    this.parentRank = new Int32Array(n);
    this.stamp = new Uint32Array(n);
  }

  costOf(r: number, round: number): number {
    return this.stamp[r] === round ? this.dist[r]! : Infinity;
  }

  seed(r: number, cost: number, round: number): void {
    if (cost >= this.costOf(r, round)) return;
    this.stamp[r] = round;
    this.dist[r] = cost;
    this.parent[r] = -1;
    this.heap.push(cost, r);
  }
}

/** Bidirectional upward Dijkstra on the hierarchy; Infinity cost when there is no path. */
export class ChRouter {
  private readonly forward: Side;
  private readonly backward: Side;
  private round = 0;

  constructor(private readonly ch: Hierarchy) {
    this.forward = new Side(ch.nodeCount, ch.up, ch.down);
    this.backward = new Side(ch.nodeCount, ch.down, ch.up);
  }

  route(originSeeds: readonly Seed[], destinationSeeds: readonly Seed[], bound = Infinity): ChPath {
    const round = ++this.round;
    const { forward, backward } = this;
    forward.heap.clear();
    backward.heap.clear();
    for (const s of originSeeds) forward.seed(this.ch.rankOf[s.node]!, s.cost, round);
    for (const s of destinationSeeds) backward.seed(this.ch.rankOf[s.node]!, s.cost, round);
    let best = bound;
    let meet = -1;
    for (;;) {
      const fKey = forward.heap.peekKey();
      const bKey = backward.heap.peekKey();
      if (Math.min(fKey, bKey) >= best) break;
      const side = fKey <= bKey ? forward : backward;
      const other = side === forward ? backward : forward;
      const d = side.heap.peekKey();
      const r = side.heap.pop();
      if (d > side.dist[r]!) continue;
      const through = d + other.costOf(r, round);
      if (through < best) {
        best = through;
        meet = r;
      }
      if (!this.stalled(side, r, d, round)) this.relax(side, r, d, round);
    }
    if (meet < 0) return { cost: Infinity, edgeCodes: [], firstNode: -1, lastNode: -1 };
    return { cost: best, ...this.unpackAt(meet) };
  }

  /**
   * Stall-on-demand: a higher node already reached this one more cheaply, so this label is not a
   * shortest upward distance and nothing found through it can be part of the answer.
   */
  private stalled(side: Side, r: number, d: number, round: number): boolean {
    const { start, other, cost } = side.opposite;
    for (let a = start[r]!, end = start[r + 1]!; a < end; a++) {
      if (side.costOf(other[a]!, round) + cost[a]! < d) return true;
    }
    return false;
  }

  private relax(side: Side, r: number, d: number, round: number): void {
    const { start, other, cost } = side.adj;
    for (let a = start[r]!, end = start[r + 1]!; a < end; a++) {
      const w = other[a]!;
      const nd = d + cost[a]!;
      if (nd < side.costOf(w, round)) {
        side.stamp[w] = round;
        side.dist[w] = nd;
        side.parent[w] = a;
        side.parentRank[w] = r;
        side.heap.push(nd, w);
      }
    }
  }

  private unpackAt(meet: number): Omit<ChPath, 'cost'> {
    const { ch, forward, backward } = this;
    const codes: number[] = [];
    // Forward side: up arcs from the origin seed to the meeting node, collected backwards.
    const upArcs: number[] = [];
    let r = meet;
    for (let a = forward.parent[r]!; a >= 0; a = forward.parent[r]!) {
      upArcs.push(a, forward.parentRank[r]!, r);
      r = forward.parentRank[r]!;
    }
    const firstRank = r;
    for (let i = upArcs.length - 3; i >= 0; i -= 3) unpackArc(ch, ch.up, upArcs[i]!, upArcs[i + 1]!, upArcs[i + 2]!, codes);
    // Backward side: down arcs from the meeting node to the destination seed, in order.
    r = meet;
    for (let a = backward.parent[r]!; a >= 0; a = backward.parent[r]!) {
      const next = backward.parentRank[r]!;
      unpackArc(ch, ch.down, a, r, next, codes);
      r = next;
    }
    return { edgeCodes: codes, firstNode: ch.nodeOf[firstRank]!, lastNode: ch.nodeOf[r]! };
  }
}

/** Expands arc a (from -> to, ranks) of `adj` into original edge codes, in driving order. */
function unpackArc(ch: Hierarchy, adj: RankAdjacency, a: number, from: number, to: number, out: number[]): void {
  const middle = adj.via[a]!;
  if (middle < 0) {
    out.push(edgeCodeOfVia(middle));
    return;
  }
  // from -> middle is a down arc stored at middle; middle -> to is an up arc stored at middle.
  const first = findArc(ch.down, middle, from);
  const second = findArc(ch.up, middle, to);
  if (first < 0 || second < 0 || ch.down.cost[first]! + ch.up.cost[second]! !== adj.cost[a]) {
    throw new Error(`Corrupt hierarchy: cannot unpack shortcut ${from} -> ${to} via ${middle}`);
  }
  unpackArc(ch, ch.down, first, from, middle, out);
  unpackArc(ch, ch.up, second, middle, to, out);
}

function findArc(adj: RankAdjacency, owner: number, other: number): number {
  for (let a = adj.start[owner]!; a < adj.start[owner + 1]!; a++) if (adj.other[a] === other) return a;
  return -1;
}
