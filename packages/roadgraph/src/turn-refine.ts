import type { Hierarchy } from './ch/hierarchy.js';
import { ON_NODE_METRES, destinationSeeds, onNodeOf, partialCosts, placeOnEdge, sameEdgeCost } from './endpoints.js';
import type { RoadGraph } from './road-graph.js';
import type { Search, Seed } from './search.js';
import type { Snapped } from './snap.js';
import type { TurnModel } from './turn-costs.js';
import type { TurnArrival, TurnSearch, TurnSeed } from './turn-search.js';
import { edgeId, metres, nodeId, type LonLat } from './types.js';

/**
 * A point this far (metres along its edge) or farther from a junction pays the full turn there
 * onto or off its edge; nearer, a share growing from none at ON_NODE_METRES (where the point
 * *is* the junction, and leaves or arrives by any road at no turn) to all of it here. Without
 * the ramp a point crossing ON_NODE_METRES, or flipping from one road to the next beside the
 * junction, would change an ETA by a whole turn (up to 27 s for a U-turn); with it 0.1 m changes
 * a turn by at most a fortieth (0.7 s). Beyond it the full turn counts: so a point on a junction
 * reached along any of its roads pays the turn at that road's far end in full, whichever road
 * the snap tie put it on.
 */
export const TURN_RAMP_METRES = 5;

function ramp(metres: number): number {
  return Math.min(1, Math.max(0, (metres - ON_NODE_METRES) / (TURN_RAMP_METRES - ON_NODE_METRES)));
}

/** Seeds of a turn-aware drive leaving P: the ends of its edge with the edge code arriving there. */
export function originTurnSeeds(graph: RoadGraph, p: Snapped): TurnSeed[] {
  const c = partialCosts(graph, p);
  const e = p.edge;
  const length = graph.data.edgeLengthM[e]!;
  const fraction = placeOnEdge(graph, p);
  const seeds: TurnSeed[] = [];
  // Every seed (and arrival) has the same four fields: one object shape keeps the search's
  // reads monomorphic (a missing field was a "wrong map" deopt of TurnSearch.run, --trace-deopt).
  if (Number.isFinite(c.pointToTarget)) seeds.push({ node: graph.arcHead(e << 1), cost: c.pointToTarget, code: e << 1, scale: ramp((1 - fraction) * length) });
  if (Number.isFinite(c.pointToSource)) seeds.push({ node: graph.arcHead((e << 1) | 1), cost: c.pointToSource, code: (e << 1) | 1, scale: ramp(fraction * length) });
  const onNode = onNodeOf(graph, p);
  if (onNode >= 0) for (const node of graph.departuresFrom(onNode)) seeds.push({ node, cost: 0, code: -1, scale: 1 });
  return seeds;
}

/**
 * Node-based costs to the destination(s) as the turn-aware search's heuristic (ADR 0013): the
 * lower bound of the cost from a routing node to the nearest wanted point.
 */
export class LowerBound {
  /**
   * One class whatever the source, read through one method: the A* calls `at` for every state it
   * makes, and with a closure per source that call site sees two functions once both kinds have
   * run (a city's PHAST, a metro's Dijkstra, or oneToMany next to manyToOne), which V8 handles
   * by deoptimising the search and no longer inlining the call.
   */
  private constructor(
    private readonly dist: Float64Array,
    /** PHAST: dist is by rank. */
    private readonly rankOf: Int32Array | undefined,
    /** Dijkstra: dist holds only what it settled. */
    private readonly search: Search | undefined,
    private readonly floor: number,
    /** A hierarchy's potentials (`ChPotential.toSeeds`): exact, worked out for the nodes asked. */
    private readonly cost?: (node: number) => number,
  ) {}

  /** Exact for every node: a PHAST sweep's costs (indexed by rank). */
  static phast(ch: Hierarchy, dist: Float64Array): LowerBound {
    return new LowerBound(dist, ch.rankOf, undefined, Infinity);
  }

  /**
   * A Dijkstra's costs: exact where it settled the node; elsewhere the search's radius when it
   * stopped early (no unsettled node is nearer), Infinity when it ran out (beyond its cutoff).
   */
  static search(search: Search, radius: number | undefined): LowerBound {
    return new LowerBound(search.dist, undefined, search, radius ?? Infinity);
  }

  /** Exact for every node, computed when asked: a hierarchy's potentials (`ChPotential.toSeeds`). */
  static potential(cost: (node: number) => number): LowerBound {
    return new LowerBound(new Float64Array(0), undefined, undefined, Infinity, cost);
  }

  /** 0 everywhere: the A* is then Dijkstra (the warm-up's). */
  static none(): LowerBound {
    return new LowerBound(new Float64Array(0), undefined, undefined, 0);
  }

  at(node: number): number {
    if (this.rankOf !== undefined) return this.dist[this.rankOf[node]!]!;
    if (this.cost !== undefined) return this.cost(node);
    if (this.search !== undefined && this.search.isSettled(node)) return this.dist[node]!;
    return this.floor;
  }
}

/** Exact for every node: a PHAST sweep's costs (indexed by rank). */
export function phastBound(ch: Hierarchy, dist: Float64Array): LowerBound {
  return LowerBound.phast(ch, dist);
}

/** A hierarchy's potentials (LowerBound.potential). */
export function potentialBound(cost: (node: number) => number): LowerBound {
  return LowerBound.potential(cost);
}

/** A Dijkstra's costs (LowerBound.search). */
export function searchBound(search: Search, radius: number | undefined): LowerBound {
  return LowerBound.search(search, radius);
}

/** Runs `use` with one of the graph's turn-aware searches. */
function withTurnSearch<T>(graph: RoadGraph, model: TurnModel, use: (search: TurnSearch) => T): T {
  const search = graph.acquireTurnSearch(model);
  try {
    return use(search);
  } finally {
    graph.releaseTurnSearch(search);
  }
}

/** Where a drive to each point may end: the ends of its edge with the edge code driven on to it, or the junction it is on. */
export function arrivalsOf(graph: RoadGraph, points: readonly Snapped[]): Map<number, TurnArrival[]> {
  const arrive = new Map<number, TurnArrival[]>();
  const add = (node: number, a: TurnArrival) => {
    if (!Number.isFinite(a.cost)) return;
    const list = arrive.get(node);
    if (list) list.push(a);
    else arrive.set(node, [a]);
  };
  points.forEach((p, target) => {
    const c = partialCosts(graph, p);
    const e = p.edge;
    const length = graph.data.edgeLengthM[e]!;
    const fraction = placeOnEdge(graph, p);
    add(graph.arcTail(e << 1), { target, cost: c.sourceToPoint, code: e << 1, scale: ramp(fraction * length) });
    add(graph.arcTail((e << 1) | 1), { target, cost: c.targetToPoint, code: (e << 1) | 1, scale: ramp((1 - fraction) * length) });
    const onNode = onNodeOf(graph, p);
    if (onNode >= 0) for (const node of graph.arrivalsAt(onNode)) add(node, { target, cost: 0, code: -1, scale: 1 });
  });
  return arrive;
}

/**
 * Origins whose entry in `ms` is only a lower bound of their node-based cost (say the straight
 * line at the graph's top speed), the cost itself worked out by `cost(i)` when the refinement
 * reaches them: a unit far from the incident never needs it. `pending` is cleared as they are.
 */
export interface Deferred {
  pending: Uint8Array;
  cost: (i: number) => number;
}

/**
 * Turn-aware costs (ms) from each origin to the destination, written over the node-based costs
 * `ms` it is given (an origin whose node-based cost is past the cutoff is past it with turns too) and
 * the heuristic `h`. One A* per origin, each settling little beyond its route, in order of
 * node-based cost; with `nearest` = k, only until the k nearest by turn-aware cost are certain
 * (no origin left has a node-based cost below the k-th turn-aware one): the others keep their
 * node-based cost, a lower bound that ranks them after those k. Once k are found, each further
 * A* is bounded by the k-th cost so far (it only has to tell whether the unit beats it): a unit
 * that does not gets that bound, also a lower bound of its time ranking it after the k.
 * `exact` (optional, written): 1 where the cost is the turn-aware time, 0 where it is such a lower
 * bound. A bound can *equal* the k-th time, so the value alone does not tell them apart: a ranking
 * needs the flag to put a unit timed with its turns first on a tie (recommend.ts).
 * `later`: origins given only a lower bound of their node-based cost (Deferred); one the search
 * never reaches keeps that bound, which ranks it after the k all the same.
 */
export function refineManyToOne(graph: RoadGraph, model: TurnModel, origins: readonly Snapped[], destination: Snapped, ms: Float64Array, h: LowerBound, cutoffMs: number, nearest = Infinity, exact?: Uint8Array, later?: Deferred): Float64Array {
  const arrive = arrivalsOf(graph, [destination]);
  const out = ms;
  // Past the cutoff (no time) counts as known; every candidate is a bound until it is timed.
  exact?.fill(1, 0, out.length);
  withTurnSearch(graph, model, (search) => {
    // Candidates in order of node-based cost, popped lazily from a heap the search keeps: with
    // `nearest` only a few are ever taken, and sorting a thousand with a comparator was a fifth
    // of the query's CPU (node --cpu-prof, bench/roadgraph/turns.ts).
    const order = search.candidates;
    order.clear();
    order.reserve(out.length);
    for (let i = 0; i < out.length; i++) {
      const lower = out[i]!;
      out[i] = lower <= cutoffMs ? lower : Infinity;
      if (lower <= cutoffMs) {
        order.decrease(i, lower);
        if (exact !== undefined) exact[i] = 0;
      }
    }
    // The k nearest turn-aware costs so far, ascending (k small: insertion).
    const best = nearest === Infinity ? undefined : search.scratch(Math.min(Math.max(0, Math.ceil(nearest)), order.size));
    let found = 0;
    const bound = search.oneBound;
    // Nothing to refine (nearest = 0, or no candidate): every one keeps its lower bound. Without
    // this the k-th below read best[-1] (undefined), the bound became NaN and every origin Infinity.
    if (best !== undefined && best.length === 0) return;
    while (order.size > 0) {
      const lower = order.peekKey();
      if (best !== undefined && found >= best.length && lower >= best[best.length - 1]!) break;
      const i = order.pop();
      if (later !== undefined && later.pending[i] === 1) {
        // Its key was a bound below its node-based cost: work that out now and queue it again.
        later.pending[i] = 0;
        const cost = later.cost(i);
        out[i] = cost <= cutoffMs ? cost : Infinity;
        if (cost <= cutoffMs) order.decrease(i, cost);
        else if (exact !== undefined) exact[i] = 1;
        continue;
      }
      const o = origins[i]!;
      // Whole milliseconds: half a one above the cutoff lets a drive of exactly the cutoff count.
      // Once k are found, a unit need only be timed if it beats the k-th: the search stops at
      // that bound, and a unit that does not beat it gets the bound, a lower bound of its time
      // (nothing cheaper exists) that ranks it after the k (test: turn-refine.test.ts).
      const kth = best !== undefined && found >= best.length ? best[best.length - 1]! : Infinity;
      bound[0] = Math.min(sameEdgeCost(graph, o, destination), cutoffMs + 0.5, kth);
      const cost = search.run(originTurnSeeds(graph, o), arrive, h, bound).cost[0]!;
      out[i] = cost <= cutoffMs ? cost : Infinity;
      // At the k-th bound the search found nothing cheaper: the unit's time is that bound or more.
      if (exact !== undefined && (cost < kth || kth === Infinity)) exact[i] = 1;
      if (best !== undefined) found = insertSorted(best, found, out[i]!);
    }
  });
  return out;
}

/** Inserts x into the ascending first `count` of `best` (dropping the largest when full); the new count. */
function insertSorted(best: Float64Array, count: number, x: number): number {
  if (best.length === 0) return 0;
  let j = Math.min(count, best.length - 1);
  if (count === best.length && x >= best[j]!) return count;
  while (j > 0 && best[j - 1]! > x) {
    best[j] = best[j - 1]!;
    j--;
  }
  best[j] = x;
  return Math.min(count + 1, best.length);
}

/**
 * Turn-aware costs (ms) from one origin to each destination: one A* towards all of them, whose
 * heuristic `h` is the node-based cost to the nearest destination (one backward search seeded
 * at every destination).
 */
export function refineOneToMany(graph: RoadGraph, model: TurnModel, origin: Snapped, destinations: readonly Snapped[], h: LowerBound, cutoffMs: number): Float64Array {
  const bounds = Float64Array.from(destinations, (d) => Math.min(sameEdgeCost(graph, origin, d), cutoffMs + 0.5));
  return withTurnSearch(graph, model, (search) => {
    const { cost } = search.run(originTurnSeeds(graph, origin), arrivalsOf(graph, destinations), h, bounds);
    return Float64Array.from(bounds, (_, t) => (cost[t]! <= cutoffMs ? cost[t]! : Infinity));
  });
}

/** The fastest drive with turn costs: its cost and edge codes (TURN_ARC for connectors), or none. */
export function turnAwarePath(graph: RoadGraph, model: TurnModel, origin: Snapped, destination: Snapped, h: LowerBound): { cost: number; codes: number[]; lastNode: number } | undefined {
  return withTurnSearch(graph, model, (search) => {
    const result = search.run(originTurnSeeds(graph, origin), arrivalsOf(graph, [destination]), h, Float64Array.of(Infinity));
    const last = result.last[0]!;
    if (last < 0) return undefined;
    return { cost: result.cost[0]!, codes: search.pathCodes(last), lastNode: search.nodeOf(last) };
  });
}

/** All destination seeds of many points at once: a backward search from them bounds the cost to the nearest. */
export function allDestinationSeeds(graph: RoadGraph, points: readonly Snapped[]): Seed[] {
  return points.flatMap((p) => destinationSeeds(graph, p));
}

/**
 * A point on edge e at `fraction` along it, placed (point and input) on the junction nearer that
 * end: the warm-up's points. Node coordinates are degrees already (before, they were divided by
 * FIXED_SCALE, the geometry's unit, and stood off the coast of Africa: only display fields, but wrong).
 */
export function snappedAtJunction(graph: RoadGraph, e: number, fraction: number): Snapped {
  const { edgeSource, edgeTarget, nodeLon, nodeLat } = graph.data;
  const v = fraction < 0.5 ? edgeSource[e]! : edgeTarget[e]!;
  const point: LonLat = [nodeLon[v]!, nodeLat[v]!];
  return { input: point, point, distance: metres(0), edge: edgeId(e), source: nodeId(edgeSource[e]!), target: nodeId(edgeTarget[e]!), fraction };
}

/**
 * Runs the turn-aware search through the moves only a split junction (turn restriction) or a
 * point on a junction makes, before any query does: connector arcs, states keyed by node, a
 * junction's copies, arrivals with no last turn. Without it V8 may optimise `TurnSearch.run` on
 * queries that never met one, and the first query that does deoptimises it (no type feedback
 * for those branches) and compiles it again: the session before found such a recompile in
 * slow Baltimore queries. Bounded searches (a minute), at most `junctions` junctions: well under
 * a millisecond on a city, on any graph. Called once per graph, with its first turn search.
 * Returns the states it settled.
 */
export function warmTurnPaths(graph: RoadGraph, model: TurnModel, search: TurnSearch, junctions = 2): number {
  const at = (e: number, fraction: number) => snappedAtJunction(graph, e, fraction);
  const into: Snapped[] = [], outOf: Snapped[] = [];
  for (const code of graph.turns.headOf.keys()) {
    if (into.length >= 2 * junctions) break;
    into.push(at(code >> 1, 0.5), at(code >> 1, code & 1 ? 0 : 1)); // along the edge, and on the junction itself
  }
  for (const code of graph.turns.tailOf.keys()) {
    if (outOf.length >= 2 * junctions) break;
    outOf.push(at(code >> 1, 0.5), at(code >> 1, code & 1 ? 1 : 0));
  }
  // Via-way restrictions: from the first one's from edge on to its to edge.
  const rule = model.viaWays?.first;
  if (rule) { into.push(at(rule.from, 0.5)); outOf.push(at(rule.to, 0.5)); }
  const flat = LowerBound.none();
  let settled = 0;
  for (const o of into) {
    for (const d of outOf) {
      search.oneBound[0] = 60_000;
      settled += search.run(originTurnSeeds(graph, o), arrivalsOf(graph, [d]), flat, search.oneBound).settled;
    }
  }
  return settled;
}
