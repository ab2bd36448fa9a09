import type { UnitKind } from '@firebreak/contracts';
import { PreparedOrigins, type Profile, type RoadGraph, type Snapped } from '@firebreak/roadgraph';
import { travelGraphOf } from './travel-profile.js';

/**
 * The fleet view's positions prepared for many-to-one (fleet.ts): per graph (a profile's, or a
 * vehicle's within its limits), the units that drive it, each at its index among the origins.
 */
export type PreparedFleet = Map<RoadGraph, { origins: PreparedOrigins; indexOf: Map<string, number> }>;

/** What `timesByPrepared` answers (see there). */
export interface PreparedTimes {
  seconds: (number | null)[];
  uncovered: number[];
  moved: number;
  exact: boolean[];
}

/**
 * Prepares the positions, grouped by each unit's travel graph, in steps: yields between slices of
 * the restricted sweeps' build (`PreparedOrigins.prepareInSteps`), so the fleet view can run it
 * between requests.
 */
export function* prepareFleet(graphs: Readonly<Record<Profile, RoadGraph>>, positions: readonly { id: string; kind: UnitKind; snapped: Snapped }[]): Generator<void, PreparedFleet> {
  const groups = new Map<RoadGraph, { ids: string[]; origins: Snapped[] }>();
  for (const p of positions) {
    const travel = travelGraphOf(graphs, p.kind);
    let group = groups.get(travel);
    if (!group) groups.set(travel, (group = { ids: [], origins: [] }));
    group.ids.push(p.id);
    group.origins.push(p.snapped);
  }
  const prepared: PreparedFleet = new Map();
  for (const [travel, { ids, origins }] of groups) {
    const fleet = new PreparedOrigins(travel, origins);
    // The restricted sweep is built now, not in a request.
    yield* fleet.prepareInSteps();
    prepared.set(travel, { origins: fleet, indexOf: new Map(ids.map((id, i) => [id, i])) });
  }
  return prepared;
}

/**
 * Seconds from each unit (at `snapped`, from the fleet view's positionOf) to the destination by
 * the prepared sweeps, each on the unit's profile (null: off the road network or beyond the
 * cutoff). A unit that moved since its sweep was prepared is timed by the same query from where it
 * stands now (`PreparedOrigins.manyToOne`'s extra points: one refinement over all); `moved` counts
 * them. `uncovered` lists the units no sweep of their profile covers (indexes into `units`), whose
 * seconds are left null for the caller to search. `exact`: per unit, whether its seconds are its
 * turn-aware time and not the lower bound `nearest` leaves (roadgraph `CutoffOptions.exact`);
 * `nearest` may be given per graph (recommend.ts `turnAwareCounts`).
 */
export function timesByPrepared(prepared: PreparedFleet, graphs: Readonly<Record<Profile, RoadGraph>>, units: readonly { id: string; kind: UnitKind }[], snapped: readonly (Snapped | null)[], destination: Snapped, cutoff: number, nearest?: number | ((graph: RoadGraph) => number)): PreparedTimes {
  // Per unit, its index in its graph's query: a prepared origin's, or after them an extra point's.
  const index = new Int32Array(units.length);
  const travels: RoadGraph[] = [];
  const uncovered: number[] = [];
  const extras = new Map<RoadGraph, Snapped[]>();
  let moved = 0;
  for (let i = 0; i < units.length; i++) {
    const s = snapped[i];
    const travel = travelGraphOf(graphs, units[i]!.kind);
    travels.push(travel);
    index[i] = -1;
    if (!s) continue;
    const p = prepared.get(travel);
    if (!p) {
      uncovered.push(i);
      continue;
    }
    const k = p.indexOf.get(units[i]!.id);
    if (k !== undefined && p.origins.origins[k] === s) {
      index[i] = k;
      continue;
    }
    let list = extras.get(travel);
    if (!list) extras.set(travel, (list = []));
    index[i] = p.origins.origins.length + list.push(s) - 1;
    moved++;
  }
  const seconds = new Map<RoadGraph, Float64Array>();
  const exactOf = new Map<RoadGraph, Uint8Array>();
  // A sweep none of whose units is a candidate is not run.
  const used = new Set<RoadGraph>();
  for (let i = 0; i < units.length; i++) if (index[i]! >= 0) used.add(travels[i]!);
  for (const travel of used) {
    const origins = prepared.get(travel)!.origins;
    const extra = extras.get(travel) ?? [];
    const exact = new Uint8Array(origins.origins.length + extra.length);
    // Only the candidates are timed (and counted toward `nearest`): not the busy units, those out
    // of scope, nor a moved unit's old position, all of which the fleet prepared too.
    const wanted = new Uint8Array(exact.length);
    for (let i = 0; i < units.length; i++) if (index[i]! >= 0 && travels[i] === travel) wanted[index[i]!] = 1;
    const k = typeof nearest === 'function' ? nearest(travel) : nearest;
    seconds.set(travel, origins.manyToOne(destination, k === undefined ? { cutoff, exact, wanted } : { cutoff, nearest: k, exact, wanted }, extra));
    exactOf.set(travel, exact);
  }
  const out = Array.from(index, (k, i) => {
    const t = k < 0 ? undefined : seconds.get(travels[i]!)?.[k];
    return t === undefined || !Number.isFinite(t) ? null : t;
  });
  const exact = out.map((t, i) => t !== null && exactOf.get(travels[i]!)![index[i]!] === 1);
  return { seconds: out, uncovered, moved, exact };
}
