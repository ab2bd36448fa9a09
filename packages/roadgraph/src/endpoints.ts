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

/** What the endpoint functions read of a snapped point: its edge, the edge's ends, and where along it. */
export type OnEdge = Pick<Snapped, 'edge' | 'source' | 'target' | 'fraction'>;

export function partialCosts(graph: RoadGraph, p: OnEdge): PartialCosts {
  const forward = graph.edgeCost(p.edge, false);
  const backward = graph.edgeCost(p.edge, true);
  const fraction = placeOnEdge(graph, p);
  // A point on a node *is* the node: it leaves and is reached by every edge there at cost 0,
  // whatever the direction (or closure) of the one edge the snap tie happened to pick.
  if (fraction === 0) return { sourceToPoint: 0, pointToSource: 0, pointToTarget: forward, targetToPoint: backward };
  if (fraction === 1) return { sourceToPoint: forward, pointToSource: backward, pointToTarget: 0, targetToPoint: 0 };
  const sourceToPoint = share(fraction, forward);
  const pointToSource = share(fraction, backward);
  return {
    sourceToPoint,
    pointToTarget: rest(forward, sourceToPoint),
    targetToPoint: rest(backward, pointToSource),
    pointToSource,
  };
}

/**
 * A snapped point this close (metres along its edge) to an end node is on that node. A point on
 * a junction is snapped to the lowest-id edge of the tie, and one moved a few centimetres lands on
 * whichever edge points its way: if that is a one-way the wrong way, a strict reading sends the
 * unit round the block (issue 17: +330 s). One metre is below GPS error and well inside the
 * junction's own area, and costs at most 0.36 s at the slowest default speed (10 km/h).
 */
export const ON_NODE_METRES = 1;

/** The point's fraction along its edge, 0 or 1 when it is within ON_NODE_METRES of an end. */
export function placeOnEdge(graph: RoadGraph, p: Pick<Snapped, 'edge' | 'fraction'>): number {
  const length = graph.data.edgeLengthM[p.edge]!;
  const fromSource = p.fraction * length;
  const toTarget = (1 - p.fraction) * length;
  if (fromSource <= ON_NODE_METRES && fromSource <= toTarget) return 0;
  if (toTarget <= ON_NODE_METRES) return 1;
  return p.fraction;
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

/**
 * Seeds of a search leaving P (forward adjacency), as routing nodes: the arc heads P reaches
 * along its edge (an in copy where the junction has a turn restriction: the route arrived by
 * this edge), and for a point on a junction every way out of it at cost 0.
 */
export function originSeeds(graph: RoadGraph, p: Snapped): Seed[] {
  const c = partialCosts(graph, p);
  const e = p.edge;
  const seeds = [{ node: graph.arcHead(e << 1), cost: c.pointToTarget }, { node: graph.arcHead((e << 1) | 1), cost: c.pointToSource }];
  const onNode = onNodeOf(graph, p);
  if (onNode >= 0) for (const node of graph.departuresFrom(onNode)) seeds.push({ node, cost: 0 });
  return finiteSeeds(seeds);
}

/** Seeds of a search arriving at P (backward adjacency): the cost from each routing node to P. */
export function destinationSeeds(graph: RoadGraph, p: OnEdge): Seed[] {
  const c = partialCosts(graph, p);
  const e = p.edge;
  const seeds = [{ node: graph.arcTail(e << 1), cost: c.sourceToPoint }, { node: graph.arcTail((e << 1) | 1), cost: c.targetToPoint }];
  const onNode = onNodeOf(graph, p);
  if (onNode >= 0) for (const node of graph.arrivalsAt(onNode)) seeds.push({ node, cost: 0 });
  return finiteSeeds(seeds);
}

/** Pushes the routing nodes of `originSeeds(graph, p)` (or `destinationSeeds` when `arriving`) onto `into`, allocating no seed. */
export function pushSeedNodes(graph: RoadGraph, p: Snapped, arriving: boolean, into: number[]): void {
  const c = partialCosts(graph, p);
  const e = p.edge;
  if (arriving) {
    if (Number.isFinite(c.sourceToPoint)) into.push(graph.arcTail(e << 1));
    if (Number.isFinite(c.targetToPoint)) into.push(graph.arcTail((e << 1) | 1));
  } else {
    if (Number.isFinite(c.pointToTarget)) into.push(graph.arcHead(e << 1));
    if (Number.isFinite(c.pointToSource)) into.push(graph.arcHead((e << 1) | 1));
  }
  const onNode = onNodeOf(graph, p);
  if (onNode >= 0) for (const node of arriving ? graph.arrivalsAt(onNode) : graph.departuresFrom(onNode)) into.push(node);
}

/** The graph node P is on (within ON_NODE_METRES), or -1. */
export function onNodeOf(graph: RoadGraph, p: OnEdge): number {
  const fraction = placeOnEdge(graph, p);
  return fraction === 0 ? p.source : fraction === 1 ? p.target : -1;
}

function finiteSeeds(seeds: Seed[]): Seed[] {
  return seeds.filter((s) => Number.isFinite(s.cost));
}

/** Cost of driving along one edge from A to B without leaving it, Infinity if not possible. */
export function sameEdgeCost(graph: RoadGraph, a: Pick<Snapped, 'edge' | 'fraction'>, b: Pick<Snapped, 'edge' | 'fraction'>): number {
  if (a.edge !== b.edge) return Infinity;
  const from = placeOnEdge(graph, a), to = placeOnEdge(graph, b);
  // Both on the same end node: already there, even if the edge is a one-way or closed.
  if (from === to && (from === 0 || from === 1)) return 0;
  if (to >= from) return share(to - from, graph.edgeCost(a.edge, false));
  return share(from - to, graph.edgeCost(a.edge, true));
}

/**
 * Cost from P to a destination whose routing-node costs are given by `costTo(node)`: the best
 * of `originSeeds`, read in place. A many-to-one asks this for every unit of a fleet, so it
 * allocates no seed list (the lists were a tenth of a metro query's CPU, node --cpu-prof).
 */
export function costFromPoint(graph: RoadGraph, p: Snapped, costTo: (node: number) => number): number {
  const c = partialCosts(graph, p);
  const e = p.edge;
  let best = Infinity;
  if (Number.isFinite(c.pointToTarget)) best = c.pointToTarget + costTo(graph.arcHead(e << 1));
  if (Number.isFinite(c.pointToSource)) best = Math.min(best, c.pointToSource + costTo(graph.arcHead((e << 1) | 1)));
  const onNode = onNodeOf(graph, p);
  if (onNode >= 0) for (const node of graph.departuresFrom(onNode)) best = Math.min(best, costTo(node));
  return best;
}

/** Cost to P from an origin whose routing-node costs are given by `costFrom(node)`: the best of `destinationSeeds`, read in place. */
export function costToPoint(graph: RoadGraph, p: Snapped, costFrom: (node: number) => number): number {
  const c = partialCosts(graph, p);
  const e = p.edge;
  let best = Infinity;
  if (Number.isFinite(c.sourceToPoint)) best = costFrom(graph.arcTail(e << 1)) + c.sourceToPoint;
  if (Number.isFinite(c.targetToPoint)) best = Math.min(best, costFrom(graph.arcTail((e << 1) | 1)) + c.targetToPoint);
  const onNode = onNodeOf(graph, p);
  if (onNode >= 0) for (const node of graph.arrivalsAt(onNode)) best = Math.min(best, costFrom(node));
  return best;
}
