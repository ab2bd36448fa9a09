import { arcOwner } from './adjacency.js';
import { destinationSeeds, originSeeds, sameEdgeCost } from './endpoints.js';
import type { RoadGraph } from './road-graph.js';
import type { Seed } from './search.js';
import type { Snapped } from './snap.js';
import { cutoffToMs, type CutoffOptions } from './travel-times.js';

export interface NearestOrigins {
  /** Seconds from the nearest origin to each destination, Infinity when none reaches it (within the cutoff). */
  seconds: Float64Array;
  /** Index (in `origins`) of that nearest origin, -1 when none reaches it. */
  origin: Int32Array;
}

/**
 * For each destination, the travel time from the nearest of many origins and which origin that
 * is ("how soon can any available unit be at each school"): ONE forward Dijkstra seeded from
 * every origin at once, so its cost is one search over the area reached within the cutoff,
 * whatever the number of origins — where a table() would run one search per origin. Each
 * settled node inherits the origin of the arc that settled it, so the nearest origin comes at
 * no extra search. Always Dijkstra over the live adjacency: closures and slow-downs count.
 */
export function nearestOrigins(graph: RoadGraph, origins: readonly Snapped[], destinations: readonly Snapped[], opts: Pick<CutoffOptions, 'cutoff'> = {}): NearestOrigins {
  const cutoffMs = cutoffToMs(opts.cutoff);
  const seeds: Seed[] = [];
  // The origin a node is seeded from: the cheapest seed wins, the first one on a tie (as Search keeps it).
  const seedOrigin = new Map<number, { origin: number; cost: number }>();
  origins.forEach((o, i) => {
    for (const s of originSeeds(graph, o)) {
      seeds.push(s);
      const best = seedOrigin.get(s.node);
      if (!best || s.cost < best.cost) seedOrigin.set(s.node, { origin: i, cost: s.cost });
    }
  });
  const label = new Int32Array(graph.nodeCount).fill(-1);
  const search = graph.acquireSearch();
  try {
    search.run(graph.forward, seeds, cutoffMs, (node) => {
      const arc = search.parent[node]!;
      // A seed keeps its origin; any other node the origin of the node whose arc settled it (connector arcs of
      // restricted junctions included: they have no edge, so the arc's row names its tail).
      label[node] = arc < 0 ? seedOrigin.get(node)!.origin : label[arcOwner(graph.forward.start, arc)]!;
      return false;
    });
    const costFrom = (node: number) => (search.isSettled(node) ? search.dist[node]! : Infinity);
    // Origins on a destination's own edge may drive there without reaching a junction.
    const onEdge = new Map<number, number[]>();
    origins.forEach((o, i) => onEdge.set(o.edge, [...(onEdge.get(o.edge) ?? []), i]));
    const seconds = new Float64Array(destinations.length);
    const origin = new Int32Array(destinations.length);
    destinations.forEach((d, j) => {
      let best = Infinity, who = -1;
      for (const seed of destinationSeeds(graph, d)) {
        const cost = costFrom(seed.node) + seed.cost;
        if (cost < best) { best = cost; who = label[seed.node]!; }
      }
      for (const i of onEdge.get(d.edge) ?? []) {
        const direct = sameEdgeCost(graph, origins[i]!, d);
        if (direct < best || (direct === best && who === -1)) { best = direct; who = i; }
      }
      const inTime = best <= cutoffMs;
      seconds[j] = inTime ? best / 1000 : Infinity;
      origin[j] = inTime ? who : -1;
    });
    return { seconds, origin };
  } finally {
    graph.releaseSearch(search);
  }
}
