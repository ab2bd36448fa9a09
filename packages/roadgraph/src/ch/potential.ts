import type { Seed } from '../search.js';
import type { Hierarchy } from './hierarchy.js';
import { UpwardSearch } from './restricted.js';

/**
 * Exact node-based costs from any node to the seeds, worked out only for the nodes asked for
 * ("CH potentials", Strasser & Zeitz 2021): one backward upward search from the seeds, then each
 * node's cost is the best of its own label and, over its upward arcs, the arc plus the higher
 * node's cost, memoised for the round. Its costs are those of a PHAST sweep (`Phast.toSeeds`),
 * but a turn-aware A* asks for a few thousand nodes along its routes, not all of them: on a
 * 1.1M-node metro a full sweep, or a Dijkstra ball as far as the answer's farthest unit, costs far
 * more than the upward closure of the nodes the A* touches.
 */
export class ChPotential {
  private readonly dist: Float64Array;
  private readonly stamp: Uint32Array;
  private readonly upward: UpwardSearch;
  private readonly stack: number[] = [];
  private round = 0;

  constructor(readonly hierarchy: Hierarchy) {
    this.dist = new Float64Array(hierarchy.nodeCount);
    this.stamp = new Uint32Array(hierarchy.nodeCount);
    this.upward = new UpwardSearch(hierarchy);
  }

  /**
   * Starts a round for these seeds (node -> target point costs, as `Phast.toSeeds`); the
   * returned function gives the cost from a graph node to the nearest seed, Infinity when none is
   * reachable. Valid until the next `toSeeds`.
   */
  toSeeds(seeds: readonly Seed[]): (node: number) => number {
    return this.fromUpward(this.upward.run(seeds));
  }

  /**
   * As `toSeeds`, from the labels of an upward search from the seeds already run (an
   * `OriginSweep.sweepTo`'s, for the same destination): the labels must stay valid while the
   * returned function is used.
   */
  fromUpward(label: (rank: number) => number): (node: number) => number {
    const round = ++this.round;
    const { dist, stamp, stack } = this;
    const { rankOf } = this.hierarchy;
    const { start, other, cost } = this.hierarchy.up;
    return (node) => {
      const rank = rankOf[node]!;
      if (stamp[rank] === round) return dist[rank]!;
      // Depth first over upward arcs (ranks only rise: no cycle), each node computed once its
      // higher neighbours are; a node pushed twice is skipped when it comes up done.
      stack.push(rank);
      while (stack.length > 0) {
        const r = stack[stack.length - 1]!;
        if (stamp[r] === round) {
          stack.pop();
          continue;
        }
        let ready = true;
        for (let a = start[r]!, end = start[r + 1]!; a < end; a++) {
          const w = other[a]!;
          if (stamp[w] !== round) {
            stack.push(w);
            ready = false;
          }
        }
        if (!ready) continue;
        let d = label(r);
        for (let a = start[r]!, end = start[r + 1]!; a < end; a++) {
          const c = cost[a]! + dist[other[a]!]!;
          if (c < d) d = c;
        }
        dist[r] = d;
        stamp[r] = round;
        stack.pop();
      }
      return dist[rank]!;
    };
  }
}
