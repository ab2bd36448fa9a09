import { z } from 'zod';
import { Id, JurisdictionPath, Latitude, Longitude, Timestamp } from './common.js';
import { csvOf, PlaceCategory } from './places.js';
import { UnitKind } from './units.js';

/** The 1-3-5 standard's tiers, in minutes: the nearest force within 1, patrols within 3, reinforcements within 5. */
export const COVERAGE_TIERS = [1, 3, 5] as const;
/** The most places listed one by one in a coverage answer (the shares count them all). */
export const COVERAGE_MAX_LISTED = 5_000;

/** Weekdays in OSM `opening_hours` spelling. */
export const WEEKDAYS = ['Mo', 'Tu', 'We', 'Th', 'Fr', 'Sa', 'Su'] as const;
export const Weekday = z.enum(WEEKDAYS);
export type Weekday = z.infer<typeof Weekday>;
/** "School days" as the window selector offers them: Monday to Friday (school holidays are not known). */
export const SCHOOL_DAYS: readonly Weekday[] = ['Mo', 'Tu', 'We', 'Th', 'Fr'];

const HHMM = /^([01]\d|2[0-3]):([0-5]\d)$/;
const minutesOf = (hhmm: string): number => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/**
 * A time window of the day, local wall-clock time: `HH:MM-HH:MM`, start before end (a window
 * over midnight is asked as two). `24:00` may end it.
 */
export const TimeWindowText = z.string().max(11).superRefine((s, ctx) => {
  const [from, to, ...rest] = s.split('-');
  const end = to === '24:00' ? 1440 : to !== undefined && HHMM.test(to) ? minutesOf(to) : NaN;
  if (rest.length > 0 || from === undefined || !HHMM.test(from) || Number.isNaN(end)) {
    ctx.addIssue({ code: 'custom', message: 'a window is HH:MM-HH:MM, e.g. 07:30-08:30' });
  } else if (minutesOf(from) >= end) {
    ctx.addIssue({ code: 'custom', message: 'the window must start before it ends (ask a window over midnight as two)' });
  }
});

/** A window in minutes of the day on some weekdays. */
export interface CoverageWindow { fromMinute: number; toMinute: number; days: Weekday[] }
/** The parsed form of a checked TimeWindowText and its days (every day when none given). */
export function coverageWindowOf(text: string, days: readonly Weekday[] | undefined): CoverageWindow {
  const [from, to] = text.split('-') as [string, string];
  return { fromMinute: minutesOf(from), toMinute: to === '24:00' ? 1440 : minutesOf(to), days: days && days.length > 0 ? [...new Set(days)] : [...WEEKDAYS] };
}

/** Unit kinds that give a visible police presence: the default for schools and kindergartens. */
export const PATROL_UNIT_KINDS = ['patrol_car', 'foot_patrol', 'bicycle_patrol', 'motorcycle', 'fixed_post', 'special_police'] as const satisfies readonly UnitKind[];
/** Place categories whose coverage is about patrol presence (prevention), not fire or medical response. */
export const PRESENCE_CATEGORIES = ['school', 'kindergarten'] as const satisfies readonly PlaceCategory[];

export const CoverageWindowEcho = z.object({ hours: z.string(), days: z.array(Weekday), date: z.iso.date().optional() });

export const LiveCoverageQuery = z.strictObject({
  /** Key places in this jurisdiction's subtree (default: every place I may see). */
  jurisdictionId: Id.optional(),
  /** One category or several, comma-separated (default: every category). */
  category: csvOf(PlaceCategory).optional(),
  /** Count only available units of this kind (default: every kind). */
  unitKind: UnitKind.optional(),
  /**
   * Count only available units of these kinds, comma-separated. Default: the patrol kinds
   * (PATROL_UNIT_KINDS) when every category asked for is a school or kindergarten (their
   * coverage is about police presence), else every kind.
   */
  unitKinds: csvOf(UnitKind).optional(),
  /** Only the places open at some time in this window of the day (`07:30-08:30`), on `days`. */
  window: TimeWindowText.optional(),
  /** Weekdays of the window, comma-separated (`Mo,Tu,We,Th,Fr` for school days); default every day. */
  days: csvOf(Weekday).optional(),
  /**
   * The window on this date (`YYYY-MM-DD`, local) instead of on `days`: its weekday, and the places
   * a closed day (public or school holiday, `/coverage/closed-days`) closes that day do not count.
   */
  date: z.iso.date().optional(),
});
export type LiveCoverageQuery = z.infer<typeof LiveCoverageQuery>;

/** The best reach tier of a place: 1, 3 or 5 minutes, or null when no available unit reaches it within 5. */
export const CoverageTier = z.union([z.literal(1), z.literal(3), z.literal(5)]).nullable();
export type CoverageTier = z.infer<typeof CoverageTier>;

export const CoveredPlace = z.object({
  id: Id,
  name: z.string(),
  category: PlaceCategory,
  jurisdictionPath: JurisdictionPath,
  location: z.tuple([Longitude, Latitude]),
  /** Road travel time in seconds from the nearest available unit; null when none reaches it at all (or it is off the road network). */
  seconds: z.number().nullable(),
  tier: CoverageTier,
  /** The available unit that reaches it first. */
  nearestUnit: z.object({ id: Id, callSign: z.string() }).nullable(),
  /** True when the place is too far from any road to be reached by road. */
  offRoad: z.boolean(),
  /** Opening hours used for the window (OSM syntax); null when the place always counts. */
  hours: z.string().nullable(),
  /** Where the hours come from: the place's own (OSM `opening_hours`), its jurisdiction's default for the category, the built-in default, or none (always). */
  hoursSource: z.enum(['place', 'jurisdiction', 'default', 'always']),
});
export type CoveredPlace = z.infer<typeof CoveredPlace>;

export const CoverageShare = z.object({
  minutes: z.number().int(),
  /** Places reached within `minutes` (cumulative: a place within 1 minute counts for 3 and 5 too). */
  covered: z.number().int(),
  /** covered / places, 0..1; 0 when there are no places. */
  share: z.number(),
});

export const LiveCoverage = z.object({
  computedAt: Timestamp,
  jurisdiction: z.object({ id: Id, path: JurisdictionPath, name: z.string() }).nullable(),
  categories: z.array(PlaceCategory).nullable(),
  /** The unit kinds counted; null = every kind. */
  unitKinds: z.array(UnitKind).nullable(),
  /** The window asked for; null = at any time. */
  window: CoverageWindowEcho.nullable(),
  /** Places of the categories left out because they are closed throughout the window. */
  outsideWindow: z.number().int(),
  /** Available units (on duty, available or at station) whose positions the times are from. */
  units: z.number().int(),
  places: z.number().int(),
  tiers: z.array(CoverageShare),
  /** Places beyond the last tier (or unreachable). */
  uncovered: z.number().int(),
  /** Places, the worst covered first (unreachable, then longest time); at most COVERAGE_MAX_LISTED. */
  items: z.array(CoveredPlace),
  truncated: z.boolean(),
});
export type LiveCoverage = z.infer<typeof LiveCoverage>;

/** Placement: where p patrol posts should stand (issue 16 §2). */
export const PLACEMENT_LIMITS = { maxDemand: 10_000, maxCandidates: 1_000, maxCells: 10_000_000, maxExactCells: 50_000, maxTimeLimitSeconds: 30 } as const;
/** A placement planned over dates weighs at most this many days (a month). */
export const PLACEMENT_MAX_DATES = 31;

export const PlacementRequest = z.strictObject({
  /** `mclp`: cover the most demand weight within `minutes`; `p-median`: the least weighted travel time. */
  kind: z.enum(['mclp', 'p-median']),
  /** Number of posts. */
  p: z.number().int(),
  /** MCLP: the covering time in minutes (default 3). */
  minutes: z.number().optional(),
  /** Demand and candidate places in this jurisdiction's subtree (default: all I may see). */
  jurisdictionId: Id.optional(),
  demand: z.strictObject({
    /** Key places that are the demand (default: schools and kindergartens). */
    categories: z.array(PlaceCategory).min(1).max(20).optional(),
    /** Weight per category (default 1). */
    weights: z.partialRecord(PlaceCategory, z.number()).optional(),
    /**
     * Only demand open in this window (`07:30-08:30`), each place's weight times the share of the
     * window it is open (a school open for half the window counts half).
     */
    window: TimeWindowText.optional(),
    /**
     * Weekdays of the window (default every day). With `date`: only the dates of the range on these
     * weekdays are weighed.
     */
    days: z.array(Weekday).min(1).max(7).optional(),
    /**
     * Plan for this local date (`YYYY-MM-DD`), or the first of a range up to `until`: the window
     * (default the whole day) on each date's weekday, and a place closed on a date by a closed day
     * (public or school holiday, `/coverage/closed-days`) is not open that date. Each place weighs
     * its category weight times the mean over the dates of the share of the window it is open (a
     * school closed one day of a school week weighs 4/5).
     */
    date: z.iso.date().optional(),
    /** The last date of the range (inclusive; at most PLACEMENT_MAX_DATES days from `date`). Needs `date`. */
    until: z.iso.date().optional(),
  }).default({}),
  candidates: z.strictObject({
    /** `stations`: fire and police stations; `places`: the demand places themselves. */
    sources: z.array(z.enum(['stations', 'places'])).max(2).default(['stations', 'places']),
    /** Points drawn on the map. */
    points: z.array(z.tuple([Longitude, Latitude])).max(1000).default([]),
  }).default({ sources: ['stations', 'places'], points: [] }),
  /**
   * The kind of unit that will stand at the posts: travel times are on its road profile (a patrol
   * car under lights and sirens, a foot or bicycle patrol as a car), as live coverage times it.
   */
  unitKind: UnitKind.default('patrol_car'),
  /** `auto`: exact when the model is small enough to solve in a few seconds, else the heuristic. */
  method: z.enum(['auto', 'exact', 'heuristic', 'greedy']).default('auto'),
  timeLimitSeconds: z.number().min(1).max(PLACEMENT_LIMITS.maxTimeLimitSeconds).default(10),
});
export type PlacementRequest = z.infer<typeof PlacementRequest>;

export const PlacementPost = z.object({
  location: z.tuple([Longitude, Latitude]),
  source: z.enum(['station', 'place', 'point']),
  placeId: Id.nullable(),
  name: z.string().nullable(),
  /** Demand points nearest this post (p-median) or covered by it (MCLP). */
  serves: z.number().int(),
});

export const PlacementResult = z.object({
  kind: z.enum(['mclp', 'p-median']),
  method: z.enum(['exact', 'heuristic', 'greedy']),
  p: z.number().int(),
  minutes: z.number().nullable(),
  /** The unit kind whose road profile timed the model. */
  unitKind: UnitKind,
  demand: z.number().int(),
  candidates: z.number().int(),
  /** MCLP: weight covered; p-median: weighted travel time in seconds. */
  objective: z.number(),
  /** A proven bound on the optimum (upper for MCLP, lower for p-median). */
  bound: z.number(),
  /** Relative gap between the solution and the bound; 0 = proven optimal. */
  gap: z.number(),
  /** The time limit stopped the solver: the best solution found, with its gap. */
  timedOut: z.boolean(),
  /** MCLP: covered weight / total weight; p-median: weighted mean travel time in seconds. */
  summary: z.number(),
  milliseconds: z.number(),
  posts: z.array(PlacementPost),
  /** The dates the demand was weighed on (asked with `demand.date`); absent otherwise. */
  dates: z.array(z.iso.date()).optional(),
});
export type PlacementResult = z.infer<typeof PlacementResult>;


/** Built-in opening hours per category, when neither the place nor its jurisdiction says (OSM syntax). */
export const DEFAULT_CATEGORY_HOURS: Partial<Record<PlaceCategory, string>> = {
  school: 'Mo-Fr 07:00-17:00',
  kindergarten: 'Mo-Fr 07:00-18:00',
};
export const DEFAULT_MOVE_UP = { threshold: 0.8, minutes: 3 } as const;

export const CoverageSettings = z.object({
  jurisdictionId: Id,
  jurisdictionPath: JurisdictionPath,
  /** The jurisdiction whose settings are in force here (this one or an ancestor); null = built-in defaults. */
  setAt: JurisdictionPath.nullable(),
  /** Default opening hours per category in force here, built-in ones included. */
  categoryHours: z.partialRecord(PlaceCategory, z.string()),
  moveUpThreshold: z.number(),
  moveUpMinutes: z.number().int(),
  /** Version of this jurisdiction's own settings row; null when it has none. */
  version: z.number().int().nullable(),
});
export type CoverageSettings = z.infer<typeof CoverageSettings>;

export const SetCoverageSettingsBody = z.strictObject({
  /** Default opening hours per category (OSM `opening_hours` syntax); a category left out keeps the built-in default. */
  categoryHours: z.partialRecord(PlaceCategory, z.string().min(1).max(500)).default({}),
  /** Recommend a move-up when the share of key places within `moveUpMinutes` falls below this (0..1). */
  moveUpThreshold: z.number().min(0).max(1),
  moveUpMinutes: z.union([z.literal(1), z.literal(3), z.literal(5)]),
  /** The version you read (optimistic lock); omit to create. */
  expectedVersion: z.number().int().optional(),
});
export type SetCoverageSettingsBody = z.infer<typeof SetCoverageSettingsBody>;

export const MOVE_UP_MAX_MOVES = 5;

export const MoveUpQuery = z.strictObject({
  jurisdictionId: Id,
  category: csvOf(PlaceCategory).optional(),
  unitKinds: csvOf(UnitKind).optional(),
  window: TimeWindowText.optional(),
  days: csvOf(Weekday).optional(),
  /** At most this many units moved (default 2). */
  maxMoves: z.coerce.number().int().min(1).max(MOVE_UP_MAX_MOVES).default(2),
});
export type MoveUpQuery = z.infer<typeof MoveUpQuery>;

export const MoveUpMove = z.object({
  unitId: Id,
  callSign: z.string(),
  kind: UnitKind,
  from: z.tuple([Longitude, Latitude]),
  to: z.tuple([Longitude, Latitude]),
  /** The post: a station or key place (its name and id), or null for a bare road point. */
  postName: z.string().nullable(),
  postPlaceId: Id.nullable(),
  /** Road time from the unit to the post. */
  etaSeconds: z.number().nullable(),
});
export type MoveUpMove = z.infer<typeof MoveUpMove>;

export const MoveUpRecommendation = z.object({
  computedAt: Timestamp,
  jurisdiction: z.object({ id: Id, path: JurisdictionPath, name: z.string() }),
  threshold: z.number(),
  minutes: z.number().int(),
  places: z.number().int(),
  /** Share of the places within `minutes` now (units with an open move-up order counted at their post). */
  before: z.number(),
  /** Share once the moves are made (the units at their posts). */
  after: z.number(),
  /** True when `before` is below the threshold: the dispatcher is alerted. */
  below: z.boolean(),
  /** Units counted at the post of their open move-up order rather than where they are now (on their way there). */
  ordered: z.number().int(),
  /** Empty when coverage is at the threshold or no move improves it. */
  moves: z.array(MoveUpMove),
  /**
   * The time window the places were counted in: the one asked for (`asked: true`), else the
   * minute in force now in the deployment's time zone — a school counts while it is open.
   */
  window: z.object({ hours: z.string(), days: z.array(Weekday), asked: z.boolean() }),
  /** Places of the categories asked for left out because they are closed throughout the window. */
  outsideWindow: z.number().int(),
  /** The unit kinds counted (null = every kind). Each unit is timed on its kind's road profile. */
  unitKinds: z.array(UnitKind).nullable(),
  milliseconds: z.number(),
});
export type MoveUpRecommendation = z.infer<typeof MoveUpRecommendation>;

export const AcceptMoveUpBody = z.strictObject({
  jurisdictionId: Id,
  moves: z.array(z.strictObject({
    unitId: Id,
    to: z.tuple([Longitude, Latitude]),
    postName: z.string().max(200).nullable().default(null),
    postPlaceId: Id.nullable().default(null),
    etaSeconds: z.number().min(0).nullable().default(null),
  })).min(1).max(MOVE_UP_MAX_MOVES),
  shareBefore: z.number().min(0).max(1).nullable().default(null),
  shareAfter: z.number().min(0).max(1).nullable().default(null),
});
export type AcceptMoveUpBody = z.infer<typeof AcceptMoveUpBody>;

export const CoverageMove = z.object({
  id: Id,
  jurisdictionPath: JurisdictionPath,
  unitId: Id,
  callSign: z.string(),
  state: z.enum(['ordered', 'superseded', 'cancelled', 'completed']),
  /** When the order was superseded, cancelled or completed; null while it stands. */
  endedAt: Timestamp.nullable(),
  to: z.tuple([Longitude, Latitude]),
  postName: z.string().nullable(),
  postPlaceId: Id.nullable(),
  etaSeconds: z.number().nullable(),
  shareBefore: z.number().nullable(),
  shareAfter: z.number().nullable(),
  orderedBy: Id.nullable(),
  orderedAt: Timestamp,
});
export type CoverageMove = z.infer<typeof CoverageMove>;
