import { COVERAGE_MAX_LISTED, COVERAGE_TIERS, type LiveCoverage, type CoveredPlace, type PlaceCategory } from '@firebreak/contracts';
import { nearestOrigins, type RoadGraph, type Snapped } from '@firebreak/roadgraph';
import type { KeyPlacePoint } from '../places/index.js';
import { sharesOf, tierOf, worstFirst } from './model.js';
import { snapOrNull } from './snap.js';
import type { HoursSource } from './windows.js';

/** How far an uncovered place is gets searched up to this; beyond it the answer is "more than 30 minutes" (null). */
export const FAR_SECONDS = 30 * 60;

export interface UnitAt { id: string; callSign: string; lon: number; lat: number }

/** A key place with the opening hours its window was judged by (none: it always counts). */
export type PlaceAt = KeyPlacePoint & { hours?: string | null; hoursSource?: HoursSource };


/**
 * How soon the nearest available unit reaches each key place by road, and the 1-3-5 shares.
 * One multi-source search from every unit at once (nearestOrigins), cut at the last tier: its
 * cost is the area within 5 minutes of the units, whatever their number. Places farther than
 * that get a time from a second search, cut at FAR_SECONDS, over those places only,
 * so "how far" is known for the uncovered ones too (up to FAR_SECONDS).
 */
export function liveCoverage(graph: RoadGraph, unitsAt: readonly UnitAt[], placePoints: readonly PlaceAt[]): Pick<LiveCoverage, 'units' | 'places' | 'tiers' | 'uncovered' | 'items' | 'truncated'> {
  const units = unitsAt.map((u) => ({ unit: u, at: snapOrNull(graph, u.lon, u.lat) })).filter((u): u is { unit: UnitAt; at: Snapped } => u.at !== null);
  const origins = units.map((u) => u.at);
  const snapped = placePoints.map((p) => snapOrNull(graph, p.lon, p.lat));
  const onRoad = snapped.flatMap((s, i) => (s ? [i] : []));
  const lastTier = COVERAGE_TIERS.at(-1)! * 60;
  const near = nearestOrigins(graph, origins, onRoad.map((i) => snapped[i]!), { cutoff: lastTier });
  const seconds = new Float64Array(placePoints.length).fill(Infinity);
  const origin = new Int32Array(placePoints.length).fill(-1);
  onRoad.forEach((i, k) => { seconds[i] = near.seconds[k]!; origin[i] = near.origin[k]!; });
  // Beyond the last tier: how far, from a wider search for the ones that are not covered.
  const beyond = onRoad.filter((i) => seconds[i] === Infinity);
  if (beyond.length > 0 && origins.length > 0) {
    const far = nearestOrigins(graph, origins, beyond.map((i) => snapped[i]!), { cutoff: FAR_SECONDS });
    beyond.forEach((i, k) => { seconds[i] = far.seconds[k]!; origin[i] = far.origin[k]!; });
  }
  const items: CoveredPlace[] = placePoints.map((p, i) => {
    const s = seconds[i]! === Infinity ? null : Math.round(seconds[i]! * 10) / 10;
    const u = origin[i]! >= 0 ? units[origin[i]!]!.unit : null;
    return {
      id: p.id, name: p.name, category: p.category as PlaceCategory, jurisdictionPath: p.jurisdictionPath,
      location: [p.lon, p.lat], seconds: s, tier: tierOf(s), nearestUnit: u ? { id: u.id, callSign: u.callSign } : null,
      offRoad: snapped[i] === null, hours: p.hours ?? null, hoursSource: p.hoursSource ?? 'always',
    };
  });
  // Tiers from the exact times (rounding for display must not move a place across a limit).
  const exact = Array.from(seconds, (s) => ({ seconds: s === Infinity ? null : s }));
  items.forEach((item, i) => { item.tier = tierOf(exact[i]!.seconds); });
  const sorted = items.sort(worstFirst);
  return {
    units: origins.length, places: placePoints.length, ...sharesOf(exact),
    items: sorted.slice(0, COVERAGE_MAX_LISTED), truncated: sorted.length > COVERAGE_MAX_LISTED,
  };
}
