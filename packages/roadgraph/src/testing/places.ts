import type { RoadGraph } from '../road-graph.js';
import type { Snapped } from '../snap.js';
import { seededRandom } from './factories.js';

/**
 * Seeded places beside roads of the main network, snapped: a random edge whose both ends are on it
 * (a point by a piece a barrier or a ban cuts off is snapped elsewhere, maybe past 500 m), at its
 * first shape point, up to ~10 m off. The same graph, count and seed give the same places.
 */
export function placesBesideMainRoads(graph: RoadGraph, count: number, seed: number): Snapped[] {
  const random = seededRandom(seed);
  const main = graph.mainNetwork;
  return Array.from({ length: count }, () => {
    let e = Math.floor(random() * graph.edgeCount);
    while (!main[graph.data.edgeSource[e]!] || !main[graph.data.edgeTarget[e]!]) e = Math.floor(random() * graph.edgeCount);
    const p = graph.data.geomStart[e]!;
    return graph.snapper.snap([graph.data.geomCoords[2 * p]! / 1e7 + (random() - 0.5) * 2e-4, graph.data.geomCoords[2 * p + 1]! / 1e7 + (random() - 0.5) * 2e-4]);
  });
}

/** Seeded places near junctions of the main network, up to ~100 m off, snapped (further off than `placesBesideMainRoads`: some snap to side streets). */
export function placesNearMainJunctions(graph: RoadGraph, count: number, seed: number): Snapped[] {
  const random = seededRandom(seed);
  const main = graph.mainNetwork;
  const nodes: number[] = [];
  for (let v = 0; v < graph.graphNodeCount; v++) if (main[v]) nodes.push(v);
  return Array.from({ length: count }, () => {
    const v = nodes[Math.floor(random() * nodes.length)]!;
    return graph.snapper.snap([graph.data.nodeLon[v]! + (random() - 0.5) * 0.002, graph.data.nodeLat[v]! + (random() - 0.5) * 0.002]);
  });
}
