import { IndexedHeap } from './indexed-heap.js';
import type { RoadGraph } from './road-graph.js';
import type { TurnModel } from './turn-costs.js';
import { exitsOf, type TurnArrival, type TurnSeed } from './turn-search.js';
import { TURN_ARC } from './turns.js';

/** A seed of one origin (turn-refine.ts `originTurnSeeds`), with the origin it belongs to. */
export interface OriginSeed extends TurnSeed {
  origin: number;
}

/**
 * One turn-aware search from the destination backwards for many origins at once: the costs the
 * forward A* (turn-search.ts) finds from each origin, by one Dijkstra over *states* of the
 * reversed graph instead of one A* per origin. A state is a routing node and the edge code the
 * drive leaves it by (or the arrival it ends at), with how far the drive's edges read backwards
 * are into a via-way restriction (`TurnModel.viaWaysBackward`): the turn at a node depends on
 * the arc the drive came in by, which a backward search learns only on its next step, so a
 * state's cost is the cost from *leaving* its node and the turn there is charged when the arc
 * before it is relaxed (or, at an origin, its seed's arc: ramp-scaled, as the forward search
 * charges a seed's first turn). Costs are the forward search's to the millisecond (the same
 * integer turns, rounded the same way; tests against it on random graphs and real OSM data).
 *
 * Stops once `nearest` origins are certain (the queue's minimum is at least the k-th found) or
 * past the bound: an origin's cost is certain once the minimum reaches it, because every state
 * still queued costs at least that from where it leaves.
 */
export class BackwardTurnSearch {
  /** Plain states (a real arc's tail, no via-way progress, no arrival's share) by edge code: a sparse set. */
  private readonly codeState: Int32Array;
  private readonly keyOf = new Map<number | string, number>();
  private size = 0;
  private node = new Int32Array(256);
  /** Edge code the drive leaves the node by next (-1: it ends here, at the destination on the junction). */
  private next = new Int32Array(256);
  private progress = new Int32Array(256);
  /** Share of the turn at this node charged: below 1 only on the arrival of a point near a junction. */
  private share = new Float64Array(256);
  private g = new Float64Array(256);
  private readonly heap = new IndexedHeap(256, 256);

  constructor(private readonly graph: RoadGraph, private readonly model: TurnModel) {
    this.codeState = new Int32Array(graph.edgeCount * 2);
  }

  /**
   * Turn-aware cost (ms) from each origin (its seeds by routing node in `seedsAt`) to the
   * destination (`arrivals`: where drives end, by routing node), written into `best` over the
   * bounds it holds (a cost not below its bound is left at the bound). With `nearest` = k the
   * search stops once k origins are certain; `certain[i]` is set to 1 for every origin whose
   * cost is final (below its bound or proved not to be), and the queue's minimum then is
   * returned: a lower bound of every other origin's cost. Infinity when it ran out.
   */
  run(arrivals: ReadonlyMap<number, readonly TurnArrival[]>, seedsAt: ReadonlyMap<number, readonly OriginSeed[]>, best: Float64Array, certain: Uint8Array, nearest = Infinity): number {
    this.reset();
    const { graph, model, heap } = this;
    const forward = graph.forward, backward = graph.backward;
    const viaWays = model.viaWaysBackward;
    let worstBound = -Infinity;
    for (let i = 0; i < best.length; i++) if (best[i]! > worstBound) worstBound = best[i]!;
    for (const [node, ends] of arrivals) {
      for (const end of ends) {
        const code = end.code ?? -1;
        const progress = viaWays === undefined || code < 0 ? 0 : viaWays.at(0, code);
        this.reach(node, code, progress, end.scale ?? 1, end.cost, true);
      }
    }
    // Origins met so far (their seeds reached): the k-th of their costs stops the search.
    const met: number[] = [];
    const isMet = new Uint8Array(best.length);
    let kth = nearest <= 0 ? -Infinity : Infinity;
    while (heap.size > 0) {
      const key = heap.peekKey();
      if (key >= worstBound || key >= kth) break;
      const s = heap.pop();
      const gs = this.g[s]!;
      const u = this.node[s]!, next = this.next[s]!, progress = this.progress[s]!, share = this.share[s]!;
      const v = graph.junctionOf(u);
      const roads = next >= 0 ? model.roadsAt(v) : 0;
      const viaAt = viaWays === undefined ? 0 : viaWays.at(progress, next);
      const seeds = seedsAt.get(u);
      if (seeds !== undefined) {
        let improved = false;
        for (const seed of seeds) {
          const code = seed.code ?? -1;
          let turn = 0;
          if (code >= 0 && next >= 0) {
            turn = this.turn(roads, v, code, next);
            if (turn === Infinity) continue;
          }
          // The seed's edge is the first of the drive, the last read backwards: a ban ends there too.
          if (viaWays !== undefined && code >= 0 && viaWays.step(viaAt, code) < 0) continue;
          const part = share * (seed.scale ?? 1);
          const cost = gs + seed.cost + (part === 1 ? turn : Math.round(part * turn));
          const i = seed.origin;
          if (cost < best[i]!) {
            best[i] = cost;
            improved = true;
            if (isMet[i] === 0) {
              isMet[i] = 1;
              met.push(i);
            }
          }
        }
        if (improved && nearest !== Infinity && met.length >= nearest) kth = kthOf(best, met, nearest);
      }
      for (let a = backward.start[u]!, end = backward.start[u + 1]!; a < end; a++) {
        const code = backward.codeOf(a);
        const tail = backward.headOf(a);
        if (code === TURN_ARC) {
          this.reach(tail, next, progress, share, gs, false, u);
          continue;
        }
        const cost = forward.codeCost(code);
        if (cost === Infinity) continue;
        let turn = 0;
        if (next >= 0) {
          turn = this.turn(roads, v, code, next);
          if (turn === Infinity) continue;
          if (share !== 1) turn = Math.round(share * turn);
        }
        const after = viaWays === undefined ? 0 : viaWays.step(viaAt, code);
        if (after < 0) continue;
        this.reach(tail, code, after, 1, gs + cost + turn, false);
      }
    }
    const floor = heap.size > 0 ? heap.peekKey() : Infinity;
    for (let i = 0; i < best.length; i++) if (best[i]! <= floor) certain[i] = 1;
    return floor;
  }

  /** The turn from arriving by `arrive` to leaving by `leave` at junction v of `roads` roads. */
  private turn(roads: number, v: number, arrive: number, leave: number): number {
    this.exitsAt = v;
    this.exitsExcept = arrive ^ 1;
    return this.model.turnMs(roads, this.exits, arrive, this.model.headingIn(arrive), leave);
  }

  private exitsAt = 0;
  private exitsExcept = 0;
  /** Ways out of the junction other than straight back (asked for U-turns at bends). */
  private readonly exits = (): number => exitsOf(this.graph, this.exitsAt, this.exitsExcept);

  /**
   * A state arriving at (node, next): plain ones (the tail of a real arc, no via-way progress, the
   * full turn) by their code, the others (arrivals, the in copy behind a connector, inside a
   * via-way pattern) by a key naming all their fields.
   */
  private reach(node: number, next: number, progress: number, share: number, g: number, arrival: boolean, from = -1): void {
    const plain = !arrival && from < 0 && progress === 0 && next >= 0;
    let known = -1;
    let key: number | string = 0;
    if (plain) {
      const s = this.codeState[next]!;
      if (s < this.size && this.next[s] === next && this.node[s] === node && this.progress[s] === 0 && this.share[s] === 1) known = s;
    } else {
      key = `${node}:${next}:${progress}:${share}`;
      known = this.keyOf.get(key) ?? -1;
    }
    if (known >= 0) {
      if (g >= this.g[known]!) return;
      this.g[known] = g;
      this.heap.decrease(known, g);
      return;
    }
    if (this.size === this.node.length) this.grow();
    const s = this.size++;
    if (plain) this.codeState[next] = s;
    else this.keyOf.set(key, s);
    this.node[s] = node;
    this.next[s] = next;
    this.progress[s] = progress;
    this.share[s] = share;
    this.g[s] = g;
    this.heap.decrease(s, g);
  }

  private grow(): void {
    const n = this.node.length * 2;
    const int = (a: Int32Array) => { const b = new Int32Array(n); b.set(a); return b; };
    const float = (a: Float64Array) => { const b = new Float64Array(n); b.set(a); return b; };
    this.node = int(this.node);
    this.next = int(this.next);
    this.progress = int(this.progress);
    this.share = float(this.share);
    this.g = float(this.g);
    this.heap.reserve(n);
  }

  private reset(): void {
    this.keyOf.clear();
    this.size = 0;
    this.heap.clear();
  }
}

/** The k-th smallest cost among the origins met (k <= met.length; met is small: a sort). */
function kthOf(best: Float64Array, met: readonly number[], k: number): number {
  const costs = met.map((i) => best[i]!).sort((a, b) => a - b);
  return costs[k - 1]!;
}
