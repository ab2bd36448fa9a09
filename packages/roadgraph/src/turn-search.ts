import { IndexedHeap } from './indexed-heap.js';
import type { RoadGraph } from './road-graph.js';
import type { TurnModel } from './turn-costs.js';
import type { LowerBound } from './turn-refine.js';
import { TURN_ARC } from './turns.js';

/** Where a drive may end: the routing node it reaches, the target it serves and the cost from there. */
export interface TurnArrival {
  target: number;
  cost: number;
  /** The edge code it drives on to the point (-1: the point is on this junction, no turn). */
  code?: number;
  /** Share of that last turn charged (see `TurnSeed.scale`). */
  scale?: number;
}

/** Where a drive starts: a routing node, the cost to it, and the edge code it arrives by (-1: none, the first turn is free). */
export interface TurnSeed {
  node: number;
  cost: number;
  code?: number;
  /**
   * Share of the first turn charged (0..1): a point near a junction may stand on either road
   * there and its heading is not known, so the turn counts in full only 50 m or more from the
   * junction, less nearer it (turn-refine.ts): an ETA never jumps by a turn as the point moves.
   */
  scale?: number;
}

/**
 * The best drives found by a refinement, per target: cost and the state each ended in. The
 * search's own scratch, reused by its next run (no allocation per A*: refining a unit is a
 * query's inner loop): read indices below the number of targets, before running it again.
 */
export interface TurnResult {
  cost: Float64Array;
  /** Index of each target's last state (for `pathCodes`), -1 when none beat its bound. */
  last: Int32Array;
  /** States settled: how tight the bound was. */
  settled: number;
}

/**
 * The turn-aware refinement (ADR 0013): an A* over *states* — a routing node and the edge the
 * drive arrived by (and how far it is into a via-way restriction) — charging each turn its cost
 * (TurnModel). Its heuristic `h.at(node)` is the node-based cost from the node to the destination
 * (exact where the caller's search settled it, a lower bound elsewhere): admissible, because a
 * turn never costs less than nothing and the node-based graph allows every drive the turn-aware
 * one does; and so tight that the search settles little more than the route itself. States live
 * in maps and growing arrays of this object, reused: nothing per node or edge is held.
 *
 * The first turn from an origin and the last onto the destination's edge are free: a unit's
 * heading is not known, and a point near a junction flips between the roads there as it moves
 * (an ETA must not jump by a turn when the point moves 0.1 m).
 */
export class TurnSearch {
  /**
   * States arriving by a real arc with no via-way progress, by edge code: found without a map.
   * Never cleared: an entry counts only if it names a state of this search that is that code's
   * (a sparse set), so one random read per arc instead of a stamp and an index.
   */
  private readonly codeState: Int32Array;
  /** The other states (at a seed, after a connector, inside a via-way restriction). */
  private readonly keyOf = new Map<number | string, number>();
  private size = 0;
  private node = new Int32Array(256);
  private code = new Int32Array(256);
  /** Last real edge code driven (-1: none yet, the first turn is free). */
  private last = new Int32Array(256);
  private progress = new Int32Array(256);
  /** Share of the next turn charged: below 1 only for a seed near a junction. */
  private scale = new Float64Array(256);
  private g = new Float64Array(256);
  private h = new Float64Array(256);
  private parent = new Int32Array(256);
  /** States by g + h, one entry each (decrease-key): the package's one indexed heap. */
  private readonly heap = new IndexedHeap(256, 256);
  /** Origins waiting to be refined, by node-based cost (turn-refine.ts): reused, not allocated per query. */
  readonly candidates = new IndexedHeap(0);
  private readonly result: TurnResult = { cost: new Float64Array(4), last: new Int32Array(4), settled: 0 };
  /** A one-target bound for `run` (turn-refine.ts: one per unit refined), reused. */
  readonly oneBound = new Float64Array(1);
  private readonly scratches = new Map<number, Float64Array>();
  private readonly codeSpan: number;

  constructor(private readonly graph: RoadGraph, private readonly model: TurnModel) {
    this.codeSpan = graph.edgeCount * 2 + 1;
    this.codeState = new Int32Array(graph.edgeCount * 2);
  }

  /**
   * Costs from the origin seeds to each target (`arrive`: routing node -> the targets reached
   * there and the cost from it to each target's point), with turn costs; `bounds[t]` when nothing
   * beats it. `h.at` gives a lower bound of the cost from a routing node to the nearest target still
   * wanted, Infinity when it reaches none: the search stops once no state can beat any target.
   */
  run(origins: readonly TurnSeed[], arrive: ReadonlyMap<number, readonly TurnArrival[]>, h: LowerBound, bounds: Float64Array): TurnResult {
    this.reset();
    const { graph, model, heap, result } = this;
    const forward = graph.forward;
    const viaWays = model.viaWays;
    const targets = bounds.length;
    if (result.cost.length < targets) {
      result.cost = new Float64Array(targets);
      result.last = new Int32Array(targets);
    }
    const best = result.cost, lastState = result.last;
    let worst = -Infinity;
    for (let t = 0; t < targets; t++) {
      best[t] = bounds[t]!;
      lastState[t] = -1;
      if (best[t]! > worst) worst = best[t]!;
    }
    let settled = 0;
    for (const s of origins) this.reach(s.node, -1, s.code ?? -1, 0, s.cost, -1, h, true, s.scale ?? 1);
    while (heap.size > 0) {
      if (heap.peekKey() >= worst) break;
      const s = heap.pop();
      const gs = this.g[s]!;
      settled++;
      const u = this.node[s]!;
      const lastCode = this.last[s]!, progress = this.progress[s]!, scale = this.scale[s]!;
      const v = graph.junctionOf(u);
      // What every turn from here shares, worked out once per settled state.
      const roads = lastCode >= 0 ? model.roadsAt(v) : 0;
      const inHeading = lastCode >= 0 ? model.headingIn(lastCode) : 0;
      // Where the drive stands in the via-way restrictions, worked out once for all its moves.
      const viaAt = viaWays === undefined ? 0 : viaWays.at(progress, lastCode);
      this.exitsAt = v;
      this.exitsExcept = lastCode ^ 1;
      const ends = arrive.get(u);
      if (ends !== undefined) {
        let improved = false;
        for (const end of ends) {
          const { target } = end;
          const code = end.code ?? -1;
          const turn = lastCode >= 0 && code >= 0 ? model.turnMs(roads, this.exits, lastCode, inHeading, code) : 0;
          if (turn === Infinity) continue;
          // Driving on to the point's edge is a move like any other: a via-way ban holds there too.
          if (viaWays !== undefined && code >= 0 && viaWays.step(viaAt, code) < 0) continue;
          const share = scale * (end.scale ?? 1);
          const cost = end.cost + (share === 1 ? turn : Math.round(share * turn));
          if (gs + cost < best[target]!) {
            best[target] = gs + cost;
            lastState[target] = s;
            improved = true;
          }
        }
        if (improved) {
          worst = -Infinity;
          for (let t = 0; t < targets; t++) if (best[t]! > worst) worst = best[t]!;
        }
      }
      for (let a = forward.start[u]!, end = forward.start[u + 1]!; a < end; a++) {
        const code = forward.codeOf(a);
        const head = forward.headOf(a);
        if (code === TURN_ARC) {
          this.reach(head, TURN_ARC, lastCode, progress, gs, s, h, true, scale);
          continue;
        }
        const cost = forward.codeCost(code);
        if (cost === Infinity) continue;
        let turn = 0;
        if (lastCode >= 0) {
          turn = model.turnMs(roads, this.exits, lastCode, inHeading, code);
          if (turn === Infinity) continue;
          if (scale !== 1) turn = Math.round(scale * turn);
        }
        const next = viaWays === undefined ? 0 : viaWays.step(viaAt, code);
        if (next < 0) continue;
        this.reach(head, code, code, next, gs + turn + cost, s, h, false, 1);
      }
    }
    result.settled = settled;
    return result;
  }

  /** A Float64Array of `length` owned by this search (turn-refine.ts: the k best so far), reused across queries. */
  scratch(length: number): Float64Array {
    let a = this.scratches.get(length);
    if (a === undefined) this.scratches.set(length, (a = new Float64Array(length)));
    return a;
  }

  /** Edge codes (TURN_ARC for connectors) driven from the origin to the state, in order. */
  pathCodes(state: number): number[] {
    const codes: number[] = [];
    for (let s = state; s >= 0 && this.code[s] !== -1; s = this.parent[s]!) codes.push(this.code[s]!);
    return codes.reverse();
  }

  /** Routing node of a state. */
  nodeOf(state: number): number {
    return this.node[state]!;
  }

  private exitsAt = 0;
  private exitsExcept = 0;
  /** Ways out of the junction being expanded other than straight back (asked for U-turns at bends). */
  private readonly exits = (): number => exitsOf(this.graph, this.exitsAt, this.exitsExcept);

  private reach(node: number, code: number, last: number, progress: number, g: number, parent: number, h: LowerBound, byNode: boolean, scale: number): void {
    // A state arriving by a real arc is named by its code (its head is fixed); one at a seed or
    // after a connector by its node and the code it carries.
    const plain = !byNode && progress === 0;
    let known = -1;
    let key: number | string = 0;
    if (plain) {
      // A byNode state's code is negative (a seed or a connector) and a via-way state's progress
      // is not 0: only the plain state of this code matches both.
      const s = this.codeState[code]!;
      if (s < this.size && this.code[s] === code && this.progress[s] === 0) known = s;
    } else {
      const base = byNode ? (node + 1) * this.codeSpan + (last + 1) : code;
      key = progress === 0 ? base : `${base}:${progress}`;
      known = this.keyOf.get(key) ?? -1;
    }
    if (known >= 0) {
      if (g >= this.g[known]!) return;
      this.g[known] = g;
      this.parent[known] = parent;
      this.code[known] = code;
      this.heap.decrease(known, g + this.h[known]!);
      return;
    }
    const hv = h.at(node);
    if (hv === Infinity) return;
    if (this.size === this.node.length) this.grow();
    const s = this.size++;
    if (plain) {
      this.codeState[code] = s;
    } else {
      this.keyOf.set(key, s);
    }
    this.node[s] = node;
    this.code[s] = code;
    this.last[s] = last;
    this.progress[s] = progress;
    this.scale[s] = scale;
    this.g[s] = g;
    this.h[s] = hv;
    this.parent[s] = parent;
    this.heap.decrease(s, g + hv);
  }

  private grow(): void {
    const n = this.node.length * 2;
    const int = (a: Int32Array) => { const b = new Int32Array(n); b.set(a); return b; };
    const float = (a: Float64Array) => { const b = new Float64Array(n); b.set(a); return b; };
    this.node = int(this.node);
    this.code = int(this.code);
    this.last = int(this.last);
    this.progress = int(this.progress);
    this.parent = int(this.parent);
    this.g = float(this.g);
    this.scale = float(this.scale);
    this.h = float(this.h);
    this.heap.reserve(n);
  }

  private reset(): void {
    this.keyOf.clear();
    this.size = 0;
    this.heap.clear();
  }
}

/**
 * Ways out of junction v (its out copies when split) other than edge code `except` and closed
 * roads: whether a U-turn at a bend is allowed (`TurnModel.turnMs`). A loop over the arcs, not
 * `departuresFrom(v)`, which would allocate [v] for a junction that is not split.
 */
export function exitsOf(graph: RoadGraph, v: number, except: number): number {
  const split = graph.turns.departures.get(v);
  if (split === undefined) return exitsFrom(graph, v, except);
  let count = 0;
  for (const u of split) count += exitsFrom(graph, u, except);
  return count;
}

function exitsFrom(graph: RoadGraph, u: number, except: number): number {
  const forward = graph.forward;
  let count = 0;
  for (let a = forward.start[u]!, end = forward.start[u + 1]!; a < end; a++) {
    const code = forward.codeOf(a);
    if (code >= 0 && code !== except && forward.codeCost(code) !== Infinity) count++;
  }
  return count;
}
