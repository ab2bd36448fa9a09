import { destinationSeeds, originSeeds, sameEdgeCost } from './endpoints.js';
import type { RoadGraph } from './road-graph.js';
import type { Snapped } from './snap.js';
import { cutoffToMs } from './travel-times.js';

/** The destinations one origin reaches within the cutoff: their indexes (ascending) and seconds. */
export interface Reach {
  index: Int32Array;
  seconds: Float64Array;
}

/**
 * For each origin, which of the destinations it reaches within `cutoff` seconds ("which schools
 * does each unit and each post cover within 3 minutes"): one Dijkstra per origin over the ball
 * within the cutoff, the destinations hung once on the routing nodes they are reached from. Its
 * cost per origin is the ball and the destinations in it — where oneToMany looks up every
 * destination for every origin (most of the work when the destinations are many and the ball
 * small). The times are oneToMany's (same seeds, same sums); over the live adjacency, so
 * closures and slow-downs count.
 */
export function reachWithin(graph: RoadGraph, origins: readonly Snapped[], destinations: readonly Snapped[], cutoff: number): Reach[] {
  return origins.map(reachIndex(graph, destinations, cutoff, 'from'));
}

/**
 * The mirror of reachWithin: for each point, which of the others reach IT within `cutoff`
 * seconds ("which posts cover this school"), by one backward search per point over its ball.
 * The times are manyToOne's.
 */
export function reachedWithin(graph: RoadGraph, points: readonly Snapped[], others: readonly Snapped[], cutoff: number): Reach[] {
  return points.map(reachIndex(graph, others, cutoff, 'to'));
}

/**
 * The destinations hung on their routing nodes once, for origins asked one at a time (when
 * which origins matter is known only as a computation goes): `way` 'from' answers what an
 * origin reaches (reachWithin), 'to' what reaches it (reachedWithin).
 */
export function reachIndex(graph: RoadGraph, destinations: readonly Snapped[], cutoff: number, way: 'from' | 'to'): (origin: Snapped) => Reach {
  const cutoffMs = cutoffToMs(cutoff);
  const [startSeeds, endSeeds] = way === 'from' ? [originSeeds, destinationSeeds] : [destinationSeeds, originSeeds];
  const adjacency = way === 'from' ? graph.forward : graph.backward;
  // Routing node -> (destination, cost between the node and it), flattened; and destinations by edge.
  const hung = new Map<number, number[]>();
  const onEdge = new Map<number, number[]>();
  destinations.forEach((d, k) => {
    for (const s of endSeeds(graph, d)) {
      const list = hung.get(s.node);
      if (list) list.push(k, s.cost);
      else hung.set(s.node, [k, s.cost]);
    }
    const same = onEdge.get(d.edge);
    if (same) same.push(k);
    else onEdge.set(d.edge, [k]);
  });
  const best = new Float64Array(destinations.length).fill(Infinity);
  const touched: number[] = [];
  const reachOne = (k: number, ms: number) => {
    if (ms > cutoffMs || ms >= best[k]!) return;
    if (best[k] === Infinity) touched.push(k);
    best[k] = ms;
  };
  return (o) => {
    const search = graph.acquireSearch();
    try {
      search.run(adjacency, startSeeds(graph, o), cutoffMs, (node, cost) => {
        const list = hung.get(node);
        if (list) for (let x = 0; x < list.length; x += 2) reachOne(list[x]!, cost + list[x + 1]!);
        return false;
      });
      for (const k of onEdge.get(o.edge) ?? []) reachOne(k, way === 'from' ? sameEdgeCost(graph, o, destinations[k]!) : sameEdgeCost(graph, destinations[k]!, o));
      touched.sort((a, b) => a - b);
      const out: Reach = { index: Int32Array.from(touched), seconds: Float64Array.from(touched, (k) => best[k]! / 1000) };
      for (const k of touched) best[k] = Infinity;
      touched.length = 0;
      return out;
    } finally {
      graph.releaseSearch(search);
    }
  };
}
