import { OriginSweep } from './ch/restricted.js';
import { costFromPoint, destinationSeeds, originSeeds, sameEdgeCost } from './endpoints.js';
import type { RoadGraph } from './road-graph.js';
import type { Snapped } from './snap.js';
import { cutoffToMs, hierarchyFor, manyToOne, type CutoffOptions } from './travel-times.js';

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
    return Float64Array.from(this.origins, (o) => {
      const ms = Math.min(sameEdgeCost(this.graph, o, destination), costFromPoint(this.graph, o, costTo));
      return ms <= cutoffMs ? ms / 1000 : Infinity;
    });
  }
}
