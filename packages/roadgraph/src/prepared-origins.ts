import { OriginSweep } from './ch/restricted.js';
import { costFromPoint, destinationSeeds, originSeeds, sameEdgeCost } from './endpoints.js';
import type { RoadGraph } from './road-graph.js';
import type { Snapped } from './snap.js';
import { cutoffToMs, hierarchyFor, manyToOne, type CutoffOptions } from './travel-times.js';
import { refineManyToOne, searchBound } from './turn-refine.js';

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
    return (model ? this.refine(model, destination, ms, cutoffMs) : ms).map((m) => (m <= cutoffMs ? m / 1000 : Infinity));
  }

  /**
   * With turn costs: the restricted sweep's node-based costs are the shortlist; the refinement's
   * heuristic is one backward Dijkstra from the destination, bounded by the farthest origin on
   * the shortlist (the sweep knows costs only at the nodes the origins reach upwards).
   */
  private refine(model: NonNullable<RoadGraph['turnModel']>, destination: Snapped, ms: Float64Array, cutoffMs: number): Float64Array {
    let farthest = -1;
    for (const m of ms) if (m <= cutoffMs && m > farthest) farthest = m;
    if (farthest < 0) return ms.map(() => Infinity);
    const graph = this.graph;
    const search = graph.acquireSearch();
    try {
      // Nodes past `farthest` are not settled: their cost is at least it, an admissible floor.
      search.run(graph.backward, destinationSeeds(graph, destination), farthest);
      return refineManyToOne(graph, model, this.origins, destination, ms, searchBound(search, farthest), cutoffMs);
    } finally {
      graph.releaseSearch(search);
    }
  }
}
