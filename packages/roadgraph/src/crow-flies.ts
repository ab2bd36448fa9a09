import { ON_NODE_METRES } from './endpoints.js';
import { haversine } from './geo.js';
import type { ProfileCosts } from './graph-data.js';
import type { RoadGraph } from './road-graph.js';
import type { Snapped } from './snap.js';

/**
 * Per profile's base costs, the fewest ms any edge takes per metre of its length: no drive covers
 * a straight line of d metres in less than d times that (an edge's length, along its geometry, is
 * at least the straight line between its ends, and a turn or a closure only adds). Base costs,
 * not live ones: a lifted closure must not make the bound too high, and the hierarchy (whose
 * queries use the bound) answers only when no closure or slow-down is live.
 */
const fastest = new WeakMap<ProfileCosts, number>();

/** Headroom for how a snapped point's place along its edge and Float32 lengths are rounded. */
const SLACK = 0.99;

function msPerMetre(graph: RoadGraph): number {
  const costs = graph.costs;
  let r = fastest.get(costs);
  if (r !== undefined) return r;
  r = Infinity;
  const length = graph.data.edgeLengthM;
  for (let e = 0; e < length.length; e++) {
    const m = length[e]!;
    if (!(m > 0)) continue;
    const f = costs.forwardMs[e]!, b = costs.backwardMs[e]!;
    if (f >= 0 && f / m < r) r = f / m;
    if (b >= 0 && b / m < r) r = b / m;
  }
  r = Number.isFinite(r) ? r * SLACK : 0;
  fastest.set(costs, r);
  return r;
}

/**
 * A lower bound (ms) of the drive from `a` to `b` on this graph's base costs: the straight line
 * at the graph's top speed. A point within ON_NODE_METRES of a junction leaves or arrives there
 * at no cost, and the point costs are whole ms (endpoints.ts): both taken off. Cheap enough to
 * rank a thousand points before working out any of their road costs (prepared-origins.ts).
 */
export function crowFliesMs(graph: RoadGraph, a: Snapped, b: Snapped): number {
  const d = haversine(a.point[0], a.point[1], b.point[0], b.point[1]) - 2 * ON_NODE_METRES;
  return Math.max(0, d * msPerMetre(graph) - 1);
}
