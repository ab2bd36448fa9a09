import type { Hierarchy } from './ch/hierarchy.js';
import { OriginSweep } from './ch/restricted.js';
import { crowFliesMs } from './crow-flies.js';
import { costFromPoint, destinationSeeds, originSeeds, sameEdgeCost } from './endpoints.js';
import type { RoadGraph } from './road-graph.js';
import type { Seed } from './search.js';
import type { Snapped } from './snap.js';
import { PHAST_MAX_NODES, cutoffToMs, hierarchyFor, manyToOne, type CutoffOptions } from './travel-times.js';
import { phastBound, potentialBound, refineManyToOne, type LowerBound } from './turn-refine.js';

/** A prepared many-to-one's options. */
export interface PreparedQuery extends CutoffOptions {
  /**
   * Per origin (prepared ones, then the extra points), 1 to time it; any other origin reads
   * Infinity and does not count toward `nearest`. The fleet view prepares every unit, busy and out
   * of the actor's scope too, and a moved unit's old position stays among the prepared: without
   * it those took places of the k refined, and candidates behind them kept lower-bound ETAs.
   */
  wanted?: Uint8Array;
}

/**
 * A fixed set of origins (a fleet's current positions) prepared for many destinations: with a
 * hierarchy, the PHAST sweep is restricted once to the nodes these origins reach upwards
 * (RPHAST), which makes each many-to-one a fraction of a full sweep on large graphs. Prepare
 * again when the positions change; without a usable hierarchy it is plain manyToOne.
 */
export class PreparedOrigins {
  private sweep: OriginSweep | undefined;

  /**
   * `phastMaxNodes`: above this many nodes the refinement reads the hierarchy's potentials instead
   * of a full PHAST sweep (default PHAST_MAX_NODES; tests take both paths on a city).
   */
  constructor(private readonly graph: RoadGraph, readonly origins: readonly Snapped[], private readonly phastMaxNodes = PHAST_MAX_NODES) {}

  /**
   * Seconds from each origin to the destination, as manyToOne; then from each of `extra` (points
   * not prepared: units that moved since), at the indexes after the origins. An extra point's
   * node-based cost comes from the same destination sweep the refinement's heuristic reads (a
   * city's PHAST, a metro's potentials), and one refinement ranks them all: before, the moved
   * units took a search of their own from the incident, with a second upward search and up to
   * `nearest` more A*s (bench:dispatch, units moving).
   */
  manyToOne(destination: Snapped, opts: PreparedQuery = {}, extra: readonly Snapped[] = []): Float64Array {
    const graph = this.graph;
    const all = extra.length === 0 ? this.origins : [...this.origins, ...extra];
    const ch = hierarchyFor(graph, opts.engine);
    const wanted = opts.wanted;
    if (!ch) return wanted === undefined ? manyToOne(graph, all, destination, opts) : this.searchWanted(all, destination, opts, wanted);
    const cutoffMs = cutoffToMs(opts.cutoff);
    const sweep = this.sweepOf(ch);
    const seeds = destinationSeeds(graph, destination);
    const upward = sweep.sweepTo(seeds);
    const prepared = this.origins.length;
    const costTo = (node: number) => sweep.costOf(node);
    const model = graph.turnModel;
    const toSeconds = (m: number) => (m <= cutoffMs ? m / 1000 : Infinity);
    // An origin not wanted is past any cutoff: not timed, and not one of the `nearest` refined.
    const skip = (i: number) => wanted !== undefined && wanted[i] !== 1;
    if (!model && extra.length === 0) {
      opts.exact?.fill(1, 0, prepared);
      return Float64Array.from(this.origins, (o, i) => (skip(i) ? Infinity : toSeconds(Math.min(sameEdgeCost(graph, o, destination), costFromPoint(graph, o, costTo)))));
    }
    return this.withCosts(ch, seeds, upward, (anywhere, h, lazy) => {
      const cost = (i: number) => Math.min(sameEdgeCost(graph, all[i]!, destination), costFromPoint(graph, all[i]!, i < prepared ? costTo : anywhere));
      // A moved unit's cost by the potentials is an upward closure of its own (a prepared unit's
      // is a lookup in the sweep): with a few hundred moved across a metro that was most of what
      // moving added to a query. So, with turns to refine, each starts with its crow-flies bound
      // and its cost is worked out only if the refinement comes to it (near the incident).
      const later = lazy && model && extra.length > 0 ? { pending: new Uint8Array(all.length), cost } : undefined;
      const ms = new Float64Array(all.length);
      for (let i = 0; i < all.length; i++) {
        if (skip(i)) ms[i] = Infinity;
        else if (later !== undefined && i >= prepared) {
          ms[i] = crowFliesMs(graph, all[i]!, destination);
          later.pending[i] = 1;
        } else ms[i] = cost(i);
      }
      if (model) refineManyToOne(graph, model, all, destination, ms, h, cutoffMs, opts.nearest, opts.exact, later);
      else opts.exact?.fill(1, 0, ms.length);
      return ms.map(toSeconds);
    });
  }

  /** Without a hierarchy: manyToOne over the wanted origins only, the others Infinity (and exact: known to be none). */
  private searchWanted(all: readonly Snapped[], destination: Snapped, opts: PreparedQuery, wanted: Uint8Array): Float64Array {
    const indexes: number[] = [];
    for (let i = 0; i < all.length; i++) if (wanted[i] === 1) indexes.push(i);
    const exact = opts.exact === undefined ? undefined : new Uint8Array(indexes.length);
    const { wanted: _, ...rest } = opts;
    const times = manyToOne(this.graph, indexes.map((i) => all[i]!), destination, exact === undefined ? rest : { ...rest, exact });
    const out = new Float64Array(all.length).fill(Infinity);
    opts.exact?.fill(1, 0, all.length);
    indexes.forEach((i, k) => {
      out[i] = times[k]!;
      if (exact !== undefined) opts.exact![i] = exact[k]!;
    });
    return out;
  }

  /**
   * Builds the restricted sweep now (on the hierarchy queries would use), not in the first
   * query: the fleet view prepares in the background. Before, it ran a query to the first origin
   * for this, whose destination sweep and refinement were thrown away.
   */
  prepare(engine?: CutoffOptions['engine']): void {
    const ch = hierarchyFor(this.graph, engine);
    if (ch) this.sweepOf(ch);
  }

  /** As `prepare`, in steps: yields after each slice of the work (`OriginSweep.inSteps`). */
  *prepareInSteps(engine?: CutoffOptions['engine']): Generator<void, void> {
    const ch = hierarchyFor(this.graph, engine);
    if (!ch || this.sweep?.hierarchy === ch) return;
    const sweep = yield* OriginSweep.inSteps(ch, this.origins.flatMap((o) => originSeeds(this.graph, o).map((s) => s.node)));
    // A query meanwhile may have built it in one piece: either is the same sweep.
    if (this.sweep?.hierarchy !== ch) this.sweep = sweep;
  }

  private sweepOf(ch: Hierarchy): OriginSweep {
    if (this.sweep?.hierarchy !== ch) this.sweep = new OriginSweep(ch, this.origins.flatMap((o) => originSeeds(this.graph, o).map((s) => s.node)));
    return this.sweep;
  }

  /**
   * Runs `use` with the exact node-based cost from any node to the destination's seeds and the
   * same as the refinement's heuristic: a full PHAST sweep on a city (cheap, and reused by every
   * A* without a lookup), else the same costs worked out only at the nodes asked for
   * (`ChPotential`; the restricted sweep knows costs only at the nodes the origins reach upwards).
   * Before, large graphs ran one backward Dijkstra from the destination as far as the farthest
   * origin it would likely refine: on the 14x14 metro that ball was most of a recommendation's CPU
   * (bench:dispatch profile, docs/benchmarks.md). Either is exact, so the times are the same.
   */
  private withCosts<T>(ch: Hierarchy, seeds: readonly Seed[], upward: (rank: number) => number, use: (anywhere: (node: number) => number, h: LowerBound, lazy: boolean) => T): T {
    const graph = this.graph;
    if (graph.nodeCount <= this.phastMaxNodes) {
      const phast = graph.acquirePhast(ch);
      try {
        const dist = phast.toSeeds(seeds);
        return use((node) => dist[ch.rankOf[node]!]!, phastBound(ch, dist), false);
      } finally {
        graph.releasePhast(phast);
      }
    }
    const potential = graph.acquirePotential(ch);
    try {
      // The sweep's upward search from the destination is the potentials' too: not run twice
      // (it was a tenth of a metro recommendation's samples, node --cpu-prof).
      const cost = potential.fromUpward(upward);
      return use(cost, potentialBound(cost), true);
    } finally {
      graph.releasePotential(potential);
    }
  }
}
