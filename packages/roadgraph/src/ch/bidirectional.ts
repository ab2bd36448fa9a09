import type { Seed } from '../search.js';
import type { Hierarchy, RankAdjacency } from './hierarchy.js';
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
  readonly parent: Int32Array;
  readonly stamp: Uint32Array;
  readonly heap = new MinHeap();

  /** adj: the arcs this side relaxes; opposite: arcs into this side's nodes from above, for stalling. */
  constructor(n: number, readonly adj: RankAdjacency, readonly opposite: RankAdjacency) {
    this.dist = new Float64Array(n);
    this.parent = new Int32Array(n);
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
        side.heap.push(nd, w);
      }
    }
  }

  private unpackAt(meet: number): Omit<ChPath, 'cost'> {
    const codes: number[] = [];
    // Forward parents: up arc a stored at its tail; walk back from meet to the origin seed.
    const up: number[] = [];
    let r = meet;
    for (let a = this.forward.parent[r]!; a >= 0; a = this.forward.parent[r]!) {
      const tail = tailOfUpArc(this.ch.up, a);
      up.push(a);
      r = tail;
    }
    const firstRank = r;
    for (let i = up.length - 1; i >= 0; i--) unpackUp(this.ch, up[i]!, codes);
    r = meet;
    for (let a = this.backward.parent[r]!; a >= 0; a = this.backward.parent[r]!) {
      const head = headOfDownArc(this.ch.down, a);
      unpackDown(this.ch, a, codes);
      r = head;
    }
    return { edgeCodes: codes, firstNode: this.ch.nodeOf[firstRank]!, lastNode: this.ch.nodeOf[r]! };
  }
}

/** The rank owning arc a in a CSR (binary search over start). */
function ownerOf(adj: RankAdjacency, a: number): number {
  let lo = 0;
  let hi = adj.start.length - 2;
  while (lo < hi) {
    const mid = (lo + hi + 1) >>> 1;
    if (adj.start[mid]! <= a) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

const tailOfUpArc = ownerOf;
const headOfDownArc = ownerOf;

function unpackUp(ch: Hierarchy, a: number, out: number[]): void {
  unpack(ch, ownerOf(ch.up, a), ch.up.other[a]!, ch.up.middle[a]!, ch.up.edgeCode[a]!, ch.up.cost[a]!, out);
}

function unpackDown(ch: Hierarchy, a: number, out: number[]): void {
  unpack(ch, ch.down.other[a]!, ownerOf(ch.down, a), ch.down.middle[a]!, ch.down.edgeCode[a]!, ch.down.cost[a]!, out);
}

/** Expands arc from -> to (ranks) into original edge codes, appended in driving order. */
function unpack(ch: Hierarchy, from: number, to: number, middle: number, edgeCode: number, cost: number, out: number[]): void {
  if (middle < 0) {
    out.push(edgeCode);
    return;
  }
  // from -> middle is a down arc stored at middle; middle -> to is an up arc stored at middle.
  const first = findArc(ch.down, middle, from);
  const second = findArc(ch.up, middle, to);
  if (first < 0 || second < 0 || ch.down.cost[first]! + ch.up.cost[second]! !== cost) {
    throw new Error(`Corrupt hierarchy: cannot unpack shortcut ${from} -> ${to} via ${middle}`);
  }
  unpackDown(ch, first, out);
  unpackUp(ch, second, out);
}

function findArc(adj: RankAdjacency, owner: number, other: number): number {
  for (let a = adj.start[owner]!; a < adj.start[owner + 1]!; a++) if (adj.other[a] === other) return a;
  return -1;
}
