import type { Hierarchy } from './ch/hierarchy.js';
import { OriginSweep } from './ch/restricted.js';
import { costFromPoint, destinationSeeds, originSeeds, sameEdgeCost } from './endpoints.js';
import type { RoadGraph } from './road-graph.js';
import type { Snapped } from './snap.js';
import { PHAST_MAX_NODES, cutoffToMs, hierarchyFor, manyToOne, type CutoffOptions } from './travel-times.js';
import { phastBound, potentialBound, refineManyToOne } from './turn-refine.js';

/**
 * A fixed set of origins (a fleet's current positions) prepared for many destinations: with a
 * hierarchy, the PHAST sweep is restricted once to the nodes these origins reach upwards
 * (RPHAST), which makes each many-to-one a fraction of a full sweep on large graphs. Prepare
 * again when the positions change; without a usable hierarchy it is plain manyToOne.
 */
export class PreparedOrigins {
  private sweep: OriginSweep | undefined;

  constructor(private readonly graph: RoadGraph, readonly origins: readonly Snapped[]) {}

  /** Seconds from each origin to the destination, as manyToOne. */
  manyToOne(destination: Snapped, opts: CutoffOptions = {}): Float64Array {
    const ch = hierarchyFor(this.graph, opts.engine);
    if (!ch) return manyToOne(this.graph, this.origins, destination, opts);
    const cutoffMs = cutoffToMs(opts.cutoff);
    if (this.sweep?.hierarchy !== ch) this.sweep = new OriginSweep(ch, this.origins.flatMap((o) => originSeeds(this.graph, o).map((s) => s.node)));
    const sweep = this.sweep;
    sweep.sweepTo(destinationSeeds(this.graph, destination));
    const costTo = (node: number) => sweep.costOf(node);
    const ms = Float64Array.from(this.origins, (o) => Math.min(sameEdgeCost(this.graph, o, destination), costFromPoint(this.graph, o, costTo)));
    const model = this.graph.turnModel;
    return (model ? this.refine(ch, model, destination, ms, cutoffMs, opts.nearest) : ms).map((m) => (m <= cutoffMs ? m / 1000 : Infinity));
  }

  /**
   * With turn costs: the restricted sweep's node-based costs are the shortlist; the refinement's
   * heuristic is a full PHAST sweep on a city, else the same exact costs worked out only at the
   * nodes the A* asks for (`ChPotential`; the restricted sweep knows costs only at the nodes the
   * origins reach upwards). Before, large graphs ran one backward Dijkstra from the destination as
   * far as the farthest origin it would likely refine: on the 14x14 metro that ball was most of a
   * recommendation's CPU (bench:dispatch profile, docs/benchmarks.md). Either heuristic is
   * admissible, so the times are the same.
   */
  private refine(ch: Hierarchy, model: NonNullable<RoadGraph['turnModel']>, destination: Snapped, ms: Float64Array, cutoffMs: number, nearest = Infinity): Float64Array {
    const graph = this.graph;
    if (graph.nodeCount <= PHAST_MAX_NODES) {
      // On a city a full PHAST sweep is cheap, and reused by every A* without a lookup.
      const phast = graph.acquirePhast(ch);
      try {
        return refineManyToOne(graph, model, this.origins, destination, ms, phastBound(ch, phast.toSeeds(destinationSeeds(graph, destination))), cutoffMs, nearest);
      } finally {
        graph.releasePhast(phast);
      }
    }
    const potential = graph.acquirePotential(ch);
    try {
      return refineManyToOne(graph, model, this.origins, destination, ms, potentialBound(potential.toSeeds(destinationSeeds(graph, destination))), cutoffMs, nearest);
    } finally {
      graph.releasePotential(potential);
    }
  }
}
