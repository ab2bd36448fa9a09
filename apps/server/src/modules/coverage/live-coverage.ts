import { COVERAGE_MAX_LISTED, COVERAGE_TIERS, type LiveCoverage, type CoveredPlace, type PlaceCategory, type UnitKind } from '@firebreak/contracts';
import { nearestOrigins, type RoadGraph, type Snapped } from '@firebreak/roadgraph';
import { travelGraphOf, type ProfileGraphs } from '../dispatch/index.js';
import type { KeyPlacePoint } from '../places/index.js';
import { sharesOf, tierOf, worstFirst } from './model.js';
import { snapOrNull } from './snap.js';
import type { HoursSource } from './windows.js';

/** How far an uncovered place is gets searched up to this; beyond it the answer is "more than 30 minutes" (null). */
export const FAR_SECONDS = 30 * 60;

export interface UnitAt { id: string; callSign: string; kind: UnitKind; lon: number; lat: number }

/** A key place with the opening hours its window was judged by (none: it always counts). */
export type PlaceAt = KeyPlacePoint & { hours?: string | null; hoursSource?: HoursSource };

/**
 * How soon the nearest available unit reaches each key place by road, and the 1-3-5 shares.
 * Each unit is timed on its kind's graph (`travelGraphOf`: a patrol car under lights and sirens,
 * a ladder kept off low bridges, a rescue unit up the tracks), as its recommendation ETA is:
 * one multi-source search per graph present (nearestOrigins), cut at the last tier, the best
 * per place kept; its cost is the area within 5 minutes of the units, whatever their number.
 * Places farther than that get a time from a second search, cut at FAR_SECONDS, over those
 * places only, so "how far" is known for the uncovered ones too (up to FAR_SECONDS).
 * Positions are snapped on the car's graph, which every kind drives.
 */
export function liveCoverage(graphs: ProfileGraphs, unitsAt: readonly UnitAt[], placePoints: readonly PlaceAt[]): Pick<LiveCoverage, 'units' | 'places' | 'tiers' | 'uncovered' | 'items' | 'truncated'> {
  const graph = graphs.car;
  const units = unitsAt.map((u) => ({ unit: u, at: snapOrNull(graph, u.lon, u.lat) })).filter((u): u is { unit: UnitAt; at: Snapped } => u.at !== null);
  const snapped = placePoints.map((p) => snapOrNull(graph, p.lon, p.lat));
  const onRoad = snapped.flatMap((s, i) => (s ? [i] : []));
  const lastTier = COVERAGE_TIERS.at(-1)! * 60;
  const seconds = new Float64Array(placePoints.length).fill(Infinity);
  const origin = new Int32Array(placePoints.length).fill(-1);
  const groups = byTravelGraph(graphs, units.map((u) => u.unit.kind));
  nearestByGroup(groups, units.map((u) => u.at), onRoad, snapped, lastTier, seconds, origin);
  // Beyond the last tier: how far, from a wider search for the ones that are not covered.
  const beyond = onRoad.filter((i) => seconds[i] === Infinity);
  if (beyond.length > 0 && units.length > 0) nearestByGroup(groups, units.map((u) => u.at), beyond, snapped, FAR_SECONDS, seconds, origin);
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
    units: units.length, places: placePoints.length, ...sharesOf(exact),
    items: sorted.slice(0, COVERAGE_MAX_LISTED), truncated: sorted.length > COVERAGE_MAX_LISTED,
  };
}

/** Indexes of the units by the graph their kind drives. */
function byTravelGraph(graphs: ProfileGraphs, kinds: readonly UnitKind[]): Map<RoadGraph, number[]> {
  const groups = new Map<RoadGraph, number[]>();
  kinds.forEach((kind, i) => {
    const graph = travelGraphOf(graphs, kind);
    const list = groups.get(graph);
    if (list) list.push(i);
    else groups.set(graph, [i]);
  });
  return groups;
}

/** For each place asked, the best time (and its unit) over every group's search, into seconds/origin. */
function nearestByGroup(groups: ReadonlyMap<RoadGraph, readonly number[]>, origins: readonly Snapped[], places: readonly number[], snapped: readonly (Snapped | null)[], cutoff: number, seconds: Float64Array, origin: Int32Array): void {
  const targets = places.map((i) => snapped[i]!);
  for (const [graph, members] of groups) {
    const near = nearestOrigins(graph, members.map((u) => origins[u]!), targets, { cutoff });
    places.forEach((i, k) => {
      const s = near.seconds[k]!;
      // Ties go to the first unit listed, as one search over them all would.
      if (s < seconds[i]! || (s === seconds[i]! && s !== Infinity && members[near.origin[k]!]! < origin[i]!)) {
        seconds[i] = s;
        origin[i] = members[near.origin[k]!]!;
      }
    });
  }
}
