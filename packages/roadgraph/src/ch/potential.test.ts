import { beforeAll, describe, expect, it } from 'vitest';
import { costFromPoint, destinationSeeds, sameEdgeCost } from '../endpoints.js';
import { RoadGraph } from '../road-graph.js';
import type { Snapped } from '../snap.js';
import { BALTIMORE_PBF, extract } from '../testing/extracts.js';
import { seededRandom } from '../testing/factories.js';
import { placesNearMainJunctions } from '../testing/places.js';
import { manyToOne, manyToOneByPotential } from '../travel-times.js';
import { phastBound, potentialBound, refineManyToOne, searchBound } from '../turn-refine.js';
import { Phast } from './phast.js';
import { ChPotential } from './potential.js';

describe('ChPotential (exact costs to a destination, only where asked)', () => {
  let graph: RoadGraph;
  beforeAll(async () => {
    graph = new RoadGraph(await extract(BALTIMORE_PBF), 'car', { turnCosts: true });
    graph.buildHierarchy();
  });

  const places = (seed: number, count: number): Snapped[] => placesNearMainJunctions(graph, count, seed);

  it('gives every node the cost a full PHAST sweep gives, asked in any order, round after round', () => {
    const ch = graph.hierarchy!;
    const potential = new ChPotential(ch);
    const phast = new Phast(ch);
    const random = seededRandom(3);
    for (const destination of places(1, 6)) {
      const seeds = destinationSeeds(graph, destination);
      const exact = phastBound(ch, phast.toSeeds(seeds));
      const lazy = potential.toSeeds(seeds);
      // A random order: memoised values from earlier nodes must not leak into later ones.
      const order = Array.from({ length: graph.nodeCount }, (_, i) => i).sort(() => random() - 0.5);
      let finite = 0;
      for (const node of order) {
        expect(lazy(node)).toBe(exact.at(node));
        if (Number.isFinite(exact.at(node))) finite++;
      }
      expect(finite).toBeGreaterThan(graph.nodeCount / 2);
    }
  });

  it('as the turn-aware refinement\'s heuristic, gives the same times as a PHAST sweep and as the Dijkstra ball large graphs ran before', () => {
    const ch = graph.hierarchy!;
    const model = graph.turnModel!;
    const phast = new Phast(ch);
    const potential = new ChPotential(ch);
    const origins = places(5, 120);
    const cutoffMs = 900_000;
    let compared = 0;
    for (const [d, destination] of places(6, 8).entries()) {
      const seeds = destinationSeeds(graph, destination);
      const exact = phastBound(ch, phast.toSeeds(seeds));
      const lower = Float64Array.from(origins, (o) => Math.min(sameEdgeCost(graph, o, destination), costFromPoint(graph, o, (n) => exact.at(n))));
      const nearest = [1, 5, 28, Infinity][d % 4]!;
      const byPhast = refineManyToOne(graph, model, origins, destination, lower, exact, cutoffMs, nearest);
      const byPotential = refineManyToOne(graph, model, origins, destination, lower, potentialBound(potential.toSeeds(seeds)), cutoffMs, nearest);
      // The old large-graph heuristic: a backward ball as far as the k-th nearest and two minutes beyond.
      const finite = lower.filter((m) => m <= cutoffMs).sort();
      const farthest = nearest >= finite.length ? finite[finite.length - 1]! : Math.min(finite[finite.length - 1]!, finite[nearest - 1]! + 120_000);
      const search = graph.acquireSearch();
      search.run(graph.backward, seeds, farthest);
      const byBall = refineManyToOne(graph, model, origins, destination, lower, searchBound(search, farthest), cutoffMs, nearest);
      graph.releaseSearch(search);
      expect(Array.from(byPotential)).toEqual(Array.from(byPhast));
      expect(Array.from(byPotential)).toEqual(Array.from(byBall));
      compared += byPotential.filter(Number.isFinite).length;
    }
    expect(compared).toBeGreaterThan(400);
  });

  it('many-to-one by the potential (large graphs with turn costs) gives the times of the PHAST and the Dijkstra engines', () => {
    const ch = graph.hierarchy!;
    const origins = places(9, 60);
    let compared = 0;
    for (const [d, destination] of places(10, 8).entries()) {
      const opts = { cutoff: [300, 900, 3600][d % 3]!, nearest: [1, 25, undefined][d % 3] };
      const lazy = Array.from(manyToOneByPotential(graph, ch, origins, destination, opts));
      expect(lazy).toEqual(Array.from(manyToOne(graph, origins, destination, { ...opts, engine: 'ch' })));
      expect(lazy).toEqual(Array.from(manyToOne(graph, origins, destination, { ...opts, engine: 'dijkstra' })));
      compared += lazy.filter(Number.isFinite).length;
    }
    expect(compared).toBeGreaterThan(100);
  });
});
