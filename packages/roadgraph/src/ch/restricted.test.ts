import { beforeAll, describe, expect, it } from 'vitest';
import { RoadGraph } from '../road-graph.js';
import { BALTIMORE_PBF, extract } from '../testing/extracts.js';
import { seededRandom } from '../testing/factories.js';
import { Phast } from './phast.js';
import { OriginSweep, sweepParts, type SweepParts } from './restricted.js';

describe('the restricted sweep built in slices (the fleet view prepares between requests)', () => {
  let graph: RoadGraph;
  beforeAll(async () => {
    graph = new RoadGraph(await extract(BALTIMORE_PBF), 'car');
    graph.buildHierarchy();
  });

  it('bounds the work between two yields by the slice, counted in arcs, and sweeps as the sweep built in one piece', () => {
    const ch = graph.hierarchy!;
    const random = seededRandom(5);
    const nodes = Array.from({ length: 200 }, () => Math.floor(random() * graph.graphNodeCount));
    let maxDegree = 0;
    for (let r = 0; r < ch.nodeCount; r++) maxDegree = Math.max(maxDegree, ch.up.start[r + 1]! - ch.up.start[r]!);
    let finite = 0;
    for (const slice of [64, 1024]) {
      const steps = sweepParts(ch, nodes, slice);
      let yields = 0;
      let step = steps.next();
      for (; !step.done; step = steps.next()) yields++;
      const parts: SweepParts = step.value;
      // The walk up and the copy each read every selected node's arcs: at most slice + one node's arcs a step.
      const work = 2 * (parts.ranks.length + parts.head.length);
      expect(yields).toBeGreaterThanOrEqual(Math.floor(work / (slice + 1 + maxDegree)));
      const sliced = new OriginSweep(ch, parts);
      const whole = new OriginSweep(ch, nodes);
      const phast = new Phast(ch);
      for (let d = 0; d < 5; d++) {
        const seeds = [{ node: Math.floor(random() * graph.graphNodeCount), cost: 0 }];
        sliced.sweepTo(seeds);
        const a = nodes.map((v) => sliced.costOf(v));
        whole.sweepTo(seeds);
        const b = nodes.map((v) => whole.costOf(v));
        expect(a).toEqual(b);
        const full = phast.toSeeds(seeds);
        expect(a).toEqual(nodes.map((v) => full[ch.rankOf[v]!]));
        finite += a.filter(Number.isFinite).length;
      }
    }
    expect(finite).toBeGreaterThan(1000);
  });
});
