import type { RoadGraph } from './road-graph.js';
import type { Seed } from './search.js';
import type { Snapped } from './snap.js';

/**
 * Partial costs (ms) between a snapped point P on edge s -> t and the edge's end nodes, with
 * live factors applied; Infinity where the direction is barred or the edge is closed.
 */
export interface PartialCosts {
  pointToTarget: number;
  pointToSource: number;
  sourceToPoint: number;
  targetToPoint: number;
}

export function partialCosts(graph: RoadGraph, p: Snapped): PartialCosts {
  const forward = graph.edgeCost(p.edge, false);
  const backward = graph.edgeCost(p.edge, true);
  const sourceToPoint = share(p.fraction, forward);
  const pointToSource = share(p.fraction, backward);
  return {
    sourceToPoint,
    pointToTarget: rest(forward, sourceToPoint),
    targetToPoint: rest(backward, pointToSource),
    pointToSource,
  };
}

/**
 * Whole milliseconds, so that every sum is exact and any engine's order of adding gives the
 * same number; the two parts of an edge add up to its cost.
 */
function share(fraction: number, cost: number): number {
  return cost === Infinity ? Infinity : Math.round(fraction * cost);
}

function rest(cost: number, part: number): number {
  return cost === Infinity ? Infinity : cost - part;
}

/** Seeds of a search leaving P (forward adjacency). */
export function originSeeds(graph: RoadGraph, p: Snapped): Seed[] {
  const c = partialCosts(graph, p);
  return finiteSeeds([{ node: p.target, cost: c.pointToTarget }, { node: p.source, cost: c.pointToSource }]);
}

/** Seeds of a search arriving at P (backward adjacency): the cost from each end node to P. */
export function destinationSeeds(graph: RoadGraph, p: Snapped): Seed[] {
  const c = partialCosts(graph, p);
  return finiteSeeds([{ node: p.source, cost: c.sourceToPoint }, { node: p.target, cost: c.targetToPoint }]);
}

function finiteSeeds(seeds: Seed[]): Seed[] {
  return seeds.filter((s) => Number.isFinite(s.cost));
}

/** Cost of driving along one edge from A to B without leaving it, Infinity if not possible. */
export function sameEdgeCost(graph: RoadGraph, a: Snapped, b: Snapped): number {
  if (a.edge !== b.edge) return Infinity;
  if (b.fraction >= a.fraction) return share(b.fraction - a.fraction, graph.edgeCost(a.edge, false));
  return share(a.fraction - b.fraction, graph.edgeCost(a.edge, true));
}

/** Cost from P to a destination whose end-node costs are given by `costTo(node)`. */
export function costFromPoint(graph: RoadGraph, p: Snapped, costTo: (node: number) => number): number {
  const c = partialCosts(graph, p);
  return Math.min(c.pointToTarget + costTo(p.target), c.pointToSource + costTo(p.source));
}

/** Cost to P from an origin whose end-node costs are given by `costFrom(node)`. */
export function costToPoint(graph: RoadGraph, p: Snapped, costFrom: (node: number) => number): number {
  const c = partialCosts(graph, p);
  return Math.min(costFrom(p.source) + c.sourceToPoint, costFrom(p.target) + c.targetToPoint);
}
