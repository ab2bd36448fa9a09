import { z } from 'zod';
import { Id, JurisdictionPath, Latitude, Longitude, Timestamp } from './common.js';
import { csvOf, PlaceCategory } from './places.js';
import { UnitKind } from './units.js';

/** The 1-3-5 standard's tiers, in minutes: the nearest force within 1, patrols within 3, reinforcements within 5. */
export const COVERAGE_TIERS = [1, 3, 5] as const;
/** The most places listed one by one in a coverage answer (the shares count them all). */
export const COVERAGE_MAX_LISTED = 5_000;

export const LiveCoverageQuery = z.strictObject({
  /** Key places in this jurisdiction's subtree (default: every place I may see). */
  jurisdictionId: Id.optional(),
  /** One category or several, comma-separated (default: every category). */
  category: csvOf(PlaceCategory).optional(),
  /** Count only available units of this kind (default: every kind). */
  unitKind: UnitKind.optional(),
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
  }).default({}),
  candidates: z.strictObject({
    /** `stations`: fire and police stations; `places`: the demand places themselves. */
    sources: z.array(z.enum(['stations', 'places'])).max(2).default(['stations', 'places']),
    /** Points drawn on the map. */
    points: z.array(z.tuple([Longitude, Latitude])).max(1000).default([]),
  }).default({ sources: ['stations', 'places'], points: [] }),
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
});
export type PlacementResult = z.infer<typeof PlacementResult>;
