import { costFromPoint, costToPoint, destinationSeeds, originSeeds, pushSeedNodes, sameEdgeCost } from './endpoints.js';
import type { Hierarchy } from './ch/hierarchy.js';
import type { Phast } from './ch/phast.js';
import { RoadGraphError } from './errors.js';
import type { RoadGraph } from './road-graph.js';
import type { Search } from './search.js';
import type { Snapped } from './snap.js';
import { allDestinationSeeds, phastBound, potentialBound, refineManyToOne, refineOneToMany, searchBound, type LowerBound } from './turn-refine.js';

export interface CutoffOptions {
  /** Stop searching past this many seconds; farther points read Infinity. */
  cutoff?: number;
  /**
   * 'auto' (default): the contraction hierarchy when the graph has one and no live change,
   * except many-to-one/one-to-many with a cutoff on graphs above PHAST_MAX_NODES (many-to-one
   * with turn costs there: the hierarchy's costs where asked, manyToOneByPotential); else
   * Dijkstra. The others force one engine (the hierarchy still yields to live changes).
   */
  engine?: Engine;
  /**
   * With turn costs on (RoadGraphOptions.turnCosts), many-to-one refines only until the `nearest`
   * origins by turn-aware time are certain; the others keep their node-based time, a lower bound
   * that ranks them after (ADR 0013). Default: every origin.
   */
  nearest?: number;
  /**
   * Written when given (as long as the origins): 1 where the time returned is the origin's own
   * (turn-aware with turn costs on), 0 where `nearest` left a lower bound, which may equal the k-th
   * time: on a tie the ranking puts the unit timed first (recommend.ts).
   */
  exact?: Uint8Array;
}

export type Engine = 'auto' | 'dijkstra' | 'ch';

export function hierarchyFor(graph: RoadGraph, engine: Engine = 'auto'): Hierarchy | undefined {
  return engine === 'dijkstra' ? undefined : graph.usableHierarchy;
}

/**
 * PHAST sweeps every node, whatever the cutoff; Dijkstra with a cutoff visits only the ball.
 * On large graphs with a cutoff the ball is the cheaper of the two (measured: bench/roadgraph).
 */
export const PHAST_MAX_NODES = 200_000;

function phastFor(graph: RoadGraph, engine: Engine | undefined, cutoffMs: number): Hierarchy | undefined {
  const ch = hierarchyFor(graph, engine);
  if (!ch || engine === 'ch') return ch;
  return cutoffMs === Infinity || graph.nodeCount <= PHAST_MAX_NODES ? ch : undefined;
}

/**
 * Travel times in seconds from each origin to one destination (units -> incident), Infinity
 * where unreachable or beyond the cutoff. One backward search from the destination.
 */
export function manyToOne(graph: RoadGraph, origins: readonly Snapped[], destination: Snapped, opts: CutoffOptions = {}): Float64Array {
  const cutoffMs = cutoffToMs(opts.cutoff);
  const ch = phastFor(graph, opts.engine, cutoffMs);
  const finish = (ms: Float64Array, h: LowerBound) => {
    // With turn costs, the node-based costs are the shortlist and the bound of the refinement.
    const model = graph.turnModel;
    // In place: a query allocates no array past the one it returns (fewer young-generation
    // collections in the tail of a fleet's queries).
    if (model) refineManyToOne(graph, model, origins, destination, ms, h, cutoffMs, opts.nearest, opts.exact);
    else opts.exact?.fill(1, 0, ms.length);
    for (let i = 0; i < ms.length; i++) ms[i] = toSeconds(ms[i]!, cutoffMs);
    return ms;
  };
  if (ch) {
    return withPhast(graph, ch, (phast) => {
      const dist = phast.toSeeds(destinationSeeds(graph, destination));
      const costTo = (node: number) => dist[ch.rankOf[node]!]!;
      const ms = Float64Array.from(origins, (o) => Math.min(sameEdgeCost(graph, o, destination), costFromPoint(graph, o, costTo)));
      return finish(ms, phastBound(ch, dist));
    });
  }
  // Large graph, cutoff, turn costs: the refinement needs the heuristic where its A* goes, not a ball.
  const lazy = graph.turnModel ? hierarchyFor(graph, opts.engine) : undefined;
  if (lazy) return manyToOneByPotential(graph, lazy, origins, destination, opts);
  const search = graph.acquireSearch();
  try {
    const stop = stopWhenAllSettled(graph, origins, false);
    let radius: number | undefined;
    search.run(graph.backward, destinationSeeds(graph, destination), cutoffMs, (node, cost) => (stop(node) ? ((radius = cost), true) : false));
    const costTo = settledCost(search);
    const ms = Float64Array.from(origins, (o) => Math.min(sameEdgeCost(graph, o, destination), costFromPoint(graph, o, costTo)));
    return finish(ms, searchBound(search, radius));
  } finally {
    graph.releaseSearch(search);
  }
}

/**
 * manyToOne with turn costs on a graph too large for PHAST: the hierarchy's exact node-based costs
 * worked out only at the origins and where the refinement's A* asks (ChPotential), instead of a
 * Dijkstra ball as far as the farthest origin. On the 14x14 metro with 25 refined units: 3.2 ms
 * of CPU for 25 origins within 900 s (12.7 by the ball), 7.6 for 100 (14.5), 13 for one origin
 * 3600 s away (125), but 28 for all 1,000 (22): the case of a recommendation before the fleet
 * is first prepared. Exported for its test (large graphs are too slow to build in one).
 */
export function manyToOneByPotential(graph: RoadGraph, ch: Hierarchy, origins: readonly Snapped[], destination: Snapped, opts: CutoffOptions = {}): Float64Array {
  const cutoffMs = cutoffToMs(opts.cutoff);
  const potential = graph.acquirePotential(ch);
  try {
    const costTo = potential.toSeeds(destinationSeeds(graph, destination));
    const ms = Float64Array.from(origins, (o) => Math.min(sameEdgeCost(graph, o, destination), costFromPoint(graph, o, costTo)));
    const model = graph.turnModel;
    if (!model) opts.exact?.fill(1, 0, ms.length);
    const refined = model ? refineManyToOne(graph, model, origins, destination, ms, potentialBound(costTo), cutoffMs, opts.nearest, opts.exact) : ms;
    return refined.map((m) => toSeconds(m, cutoffMs));
  } finally {
    graph.releasePotential(potential);
  }
}

/** Travel times in seconds from one origin to each destination; one forward search. */
export function oneToMany(graph: RoadGraph, origin: Snapped, destinations: readonly Snapped[], opts: CutoffOptions = {}): Float64Array {
  const cutoffMs = cutoffToMs(opts.cutoff);
  const ch = phastFor(graph, opts.engine, cutoffMs);
  const model = graph.turnModel;
  if (model) {
    // One backward search from every destination bounds the cost to the nearest; one A* refines.
    const seeds = allDestinationSeeds(graph, destinations);
    const refine = (h: LowerBound) => refineOneToMany(graph, model, origin, destinations, h, cutoffMs).map((m) => toSeconds(m, cutoffMs));
    if (ch) return withPhast(graph, ch, (phast) => refine(phastBound(ch, phast.toSeeds(seeds))));
    const search = graph.acquireSearch();
    try {
      search.run(graph.backward, seeds, cutoffMs);
      return refine(searchBound(search, undefined));
    } finally {
      graph.releaseSearch(search);
    }
  }
  if (ch) {
    return withPhast(graph, ch, (phast) => {
      const dist = phast.fromSeeds(originSeeds(graph, origin));
      const costFrom = (node: number) => dist[ch.rankOf[node]!]!;
      return Float64Array.from(destinations, (d) =>
        toSeconds(Math.min(sameEdgeCost(graph, origin, d), costToPoint(graph, d, costFrom)), cutoffMs));
    });
  }
  const search = graph.acquireSearch();
  try {
    search.run(graph.forward, originSeeds(graph, origin), cutoffMs, stopWhenAllSettled(graph, destinations, true));
    const costFrom = settledCost(search);
    return Float64Array.from(destinations, (d) =>
      toSeconds(Math.min(sameEdgeCost(graph, origin, d), costToPoint(graph, d, costFrom)), cutoffMs));
  } finally {
    graph.releaseSearch(search);
  }
}

/** rows[i][j] = seconds from origins[i] to destinations[j]. */
export function table(graph: RoadGraph, origins: readonly Snapped[], destinations: readonly Snapped[], opts: CutoffOptions = {}): Float64Array[] {
  return origins.map((o) => oneToMany(graph, o, destinations, opts));
}

export function cutoffToMs(cutoff: number | undefined): number {
  if (cutoff === undefined) return Infinity;
  if (!(cutoff >= 0)) throw new RoadGraphError('ROADGRAPH_BAD_ARGUMENT', `cutoff must be >= 0 seconds, got ${cutoff}`);
  return cutoff * 1000;
}

function withPhast<T>(graph: RoadGraph, ch: Hierarchy, use: (phast: Phast) => T): T {
  const phast = graph.acquirePhast(ch);
  try {
    return use(phast);
  } finally {
    graph.releasePhast(phast);
  }
}

function toSeconds(ms: number, cutoffMs: number): number {
  return ms <= cutoffMs ? ms / 1000 : Infinity;
}

function settledCost(search: Search): (node: number) => number {
  return (node) => (search.isSettled(node) ? search.dist[node]! : Infinity);
}

/**
 * Early exit once every seed node of the points (the ends of their edges) is settled. Asked for
 * every node a search settles (a metro's ten-minute ball: about a hundred thousand), so the
 * wanted nodes sit in an open-addressing table of one typed array rather than a Set (a node is
 * settled once: its slot is emptied as it is found, so a repeat never counts twice).
 */
function stopWhenAllSettled(graph: RoadGraph, points: readonly Snapped[], arriving: boolean): (node: number) => boolean {
  const nodes: number[] = [];
  for (const p of points) pushSeedNodes(graph, p, arriving, nodes);
  let bits = 4;
  while (1 << bits < 2 * nodes.length) bits++;
  const mask = (1 << bits) - 1;
  const slots = new Int32Array(1 << bits).fill(-1);
  const slotOf = (node: number) => {
    let i = Math.imul(node, 0x9e3779b1) >>> (32 - bits);
    while (slots[i] !== -1 && slots[i] !== node) i = (i + 1) & mask;
    return i;
  };
  let left = 0;
  for (const node of nodes) {
    const i = slotOf(node);
    if (slots[i] === -1) {
      slots[i] = node;
      left++;
    }
  }
  return (node) => {
    const i = slotOf(node);
    if (slots[i] !== node) return false;
    slots[i] = -2; // found: a tombstone keeps later probes going past it
    return --left === 0;
  };
}
