import type { UnitKind } from '@firebreak/contracts';
import { route, type Route } from '@firebreak/roadgraph';
import { travelGraphOf, type ProfileGraphs } from '../dispatch/index.js';
import { pointAlong } from './along-route.js';

type LonLat = [number, number];

/** A unit driving a road route: it set off at `startedAt` and takes `seconds` (the route's time x a travel factor). */
export interface Movement {
  route: Route;
  line: LonLat[];
  startedAt: number;
  seconds: number;
}

/**
 * The road route from `from` to `to` on the profile a unit of `kind` drives (snapped on the car's
 * graph, which every profile shares), in its time x `factor`; null when no road leads there.
 */
export function drive(graphs: ProfileGraphs, kind: UnitKind, from: LonLat, to: LonLat, startedAt: number, factor: number): Movement | null {
  try {
    const snapper = graphs.car.snapper;
    const r = route(travelGraphOf(graphs, kind), snapper.snap(from), snapper.snap(to));
    return { route: r, line: r.geometry.coordinates as LonLat[], startedAt, seconds: r.time * factor };
  } catch {
    return null;
  }
}

/**
 * Where the unit is at `now` (the same share of the route's length as of its time), and, once
 * there, the exact time it arrived (`startedAt + seconds`, which lies before `now` by up to a tick).
 */
export function positionAt(m: Movement, now: number): { at: LonLat; arrivedAt: number | null } {
  const share = m.seconds > 0 ? (now - m.startedAt) / 1000 / m.seconds : 1;
  if (share >= 1) return { at: m.line.at(-1)!, arrivedAt: m.startedAt + m.seconds * 1000 };
  return { at: pointAlong(m.line, share), arrivedAt: null };
}
