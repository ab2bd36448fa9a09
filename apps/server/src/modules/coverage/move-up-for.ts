import type { CoverageWindow, Jurisdiction, MoveUpRecommendation, UnitKind } from '@firebreak/contracts';
import { AppError } from '../../errors.js';
import type { Platform } from '../../platform/kernel.js';
import { deploymentRoadNetwork } from '../dispatch/index.js';
import { keyPlaceListOf } from '../places/index.js';
import { listUnitRows, livePositionsOf, type UnitRow } from '../units/index.js';
import { orderedPosts } from './accept-move-up.js';
import { closedOn } from './closed-days-model.js';
import { closedDayRules, localDate } from './closed-days.js';
import { categoryHoursByPath, settingsInForce } from './coverage-settings.js';
import { planMoveUp } from './plan-move-up.js';
import { placesInWindow, windowAt, windowText } from './windows.js';

/** A national fleet; past this the answer would leave units out, so it is refused rather than silently partial. */
const MAX_UNITS = 20_000;

export interface AvailableUnit { row: UnitRow; id: string; callSign: string; kind: UnitKind; lon: number; lat: number }

/** Available units under `roots`, of the kinds asked, at their live AVL position else their home. */
export async function availableUnits(platform: Platform, roots: string[], kinds: UnitKind[] | null): Promise<AvailableUnit[]> {
  const live = livePositionsOf(platform);
  const { rows, nextCursor } = await listUnitRows(platform.db, { roots, dispatchable: true, kinds: kinds ?? undefined, limit: MAX_UNITS });
  if (nextCursor !== null) throw new AppError('PAYLOAD_TOO_LARGE', `More than ${MAX_UNITS} available units in scope; ask for some unit kinds (unitKinds)`);
  return rows.map((u) => {
    const fix = live.get(u.id);
    return { row: u, id: u.id, callSign: u.callSign, kind: u.kind, lon: fix ? fix.lon : Number(u.homeLon), lat: fix ? fix.lat : Number(u.homeLat) };
  });
}

export interface MoveUpAsk {
  j: Jurisdiction;
  /** Where the places and the units may come from (the caller's scope; everything for the server's own watch). */
  placeRoots: string[];
  unitRoots: string[];
  categories: readonly string[] | undefined;
  kinds: UnitKind[] | null;
  /** The window asked for; null: the minute in force now (in the deployment's time zone). */
  window: CoverageWindow | null;
  maxMoves: number;
  /** The units the recommendation may move (the caller's to dispatch, under the jurisdiction). */
  movable: (u: UnitRow) => boolean;
}

/**
 * The move-up of a jurisdiction: its key places open in the window (the one asked, else now), their share within the
 * threshold's minutes from the available units (a unit with an open order counted at its post),
 * and, below the threshold, the moves that restore it. One computation for the page's question
 * and for the recommendation the server pushes after a dispatch.
 */
export async function moveUpFor(platform: Platform, ask: MoveUpAsk): Promise<MoveUpRecommendation> {
  const started = performance.now();
  const { j } = ask;
  const [{ byProfile }, inJurisdiction, byPath, settings, orderedTo] = await Promise.all([
    deploymentRoadNetwork(platform.config),
    // The node's key-place list (as the live question): the server's watch asks after every dispatch.
    keyPlaceListOf(platform).inScope({ roots: ask.placeRoots, underPath: j.path }),
    categoryHoursByPath(platform.db),
    settingsInForce(platform.db, j),
    orderedPosts(platform.db),
    livePositionsOf(platform).ready(),
  ]);
  const asked = ask.categories ? new Set<string>(ask.categories) : null;
  const window = ask.window ?? windowAt(platform.clock(), platform.config.timeZone);
  // "Now" is a date: a school closed today (a public or school holiday) is not open now. A window asked on weekdays has no date.
  const today = ask.window === null ? localDate(platform.clock(), platform.config.timeZone) : null;
  const rules = today === null ? [] : await closedDayRules(platform.db, today, today);
  const { counted, outside } = placesInWindow(inJurisdiction.filter((p) => !asked || asked.has(p.category)), byPath, window,
    today === null || rules.length === 0 ? undefined : (p, hours) => closedOn(p, hours, today, rules));
  // A unit ordered to a post counts there: the gap it is driving to fill is not a gap to fill twice.
  const unitsAt = (await availableUnits(platform, ask.unitRoots, ask.kinds)).map((u) => {
    const to = orderedTo.get(u.id);
    return to ? { ...u, lon: to[0], lat: to[1] } : u;
  });
  const plan = planMoveUp(byProfile, {
    demand: counted.map((c) => c.place), posts: inJurisdiction,
    units: unitsAt.map((u) => ({ ...u, movable: ask.movable(u.row) })),
    minutes: settings.moveUpMinutes, threshold: settings.moveUpThreshold, maxMoves: ask.maxMoves,
  });
  const below = plan.places > 0 && plan.before < settings.moveUpThreshold;
  return {
    computedAt: platform.clock().toISOString(), jurisdiction: { id: j.id, path: j.path, name: j.name },
    threshold: settings.moveUpThreshold, minutes: settings.moveUpMinutes, places: plan.places,
    before: plan.before, after: below ? plan.after : plan.before, below, moves: below ? plan.moves : [],
    ordered: unitsAt.filter((u) => orderedTo.has(u.id)).length,
    window: { hours: windowText(window), days: window.days, asked: ask.window !== null }, outsideWindow: outside, unitKinds: ask.kinds,
    milliseconds: Math.round(performance.now() - started),
  };
}
