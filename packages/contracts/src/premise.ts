import { z } from 'zod';
import { Id, Latitude, Longitude, Position, Timestamp } from './common.js';
import { IncidentState, IncidentType, PossibleDuplicates, Priority } from './incidents.js';
import { PLACE_CATEGORIES } from './places.js';
import { UNIT_STATUSES } from './units.js';

/** How far around the caller's location key places and open hazards are listed (metres). */
export const PREMISE_NEARBY_METRES = 200;
/** How close a previous incident must be to count as "at or near the address" (metres)… */
export const PREMISE_HISTORY_METRES = 50;
/** …and how far back (days). */
export const PREMISE_HISTORY_DAYS = 30;

export const PremiseQuery = z.strictObject({
  lon: z.coerce.number().pipe(Longitude),
  lat: z.coerce.number().pipe(Latitude),
  /** The call's type, once chosen: adds the possible duplicates (same type, nearby, close in time). */
  type: IncidentType.optional(),
});
export type PremiseQuery = z.infer<typeof PremiseQuery>;

/**
 * What is known about a place while a call about it is taken, in one answer: the jurisdiction
 * and who is on duty there, key places and open hazards within 200 m, earlier incidents within
 * 50 m in the last 30 days, and possible duplicates. Each list is limited to the caller's scope.
 */
/** Licensed goods are shown farther out than key places: a tank or a magazine matters beyond the block (ERG initial isolation distances run to 800 m). */
export const PREMISE_GOODS_RADIUS_M = 500;

export const Premise = z.object({
  location: Position,
  /** The deepest jurisdiction whose boundary holds the point (public geography, like the geocoder's). */
  jurisdiction: z.object({ id: Id, path: z.string(), name: z.string(), level: z.string() }).nullable(),
  onDuty: z.object({
    /** Duty posts of the jurisdiction and the levels above it, with who holds them now. */
    posts: z.array(z.object({ id: Id, title: z.string(), jurisdictionPath: z.string(), holder: z.string().nullable() })),
    /** On-duty units of the jurisdiction, free ones first (at most 12). */
    units: z.array(z.object({ id: Id, callSign: z.string(), status: z.enum(UNIT_STATUSES) })),
  }),
  keyPlaces: z.array(z.object({
    id: Id, name: z.string(), category: z.enum(PLACE_CATEGORIES), location: Position, distanceMetres: z.number(),
  })),
  hazards: z.array(z.object({
    id: Id, title: z.string(), grade: z.enum(['general', 'major']), state: z.string(), placeId: Id, placeName: z.string(),
    distanceMetres: z.number(), raisedAt: Timestamp, ageDays: z.number().int(), dueAt: Timestamp, overdue: z.boolean(),
  })),
  recentIncidents: z.array(z.object({
    id: Id, type: IncidentType, priority: Priority, state: IncidentState, receivedAt: Timestamp, address: z.string().nullable(), distanceMetres: z.number(),
  })),
  /**
   * Licensed sites within PREMISE_GOODS_RADIUS_M and what their ledgers say they hold now (issue 18 §4):
   * firefighters need to know before they enter. Nearest first.
   */
  dangerousGoods: z.array(z.object({
    siteId: Id, name: z.string(), distanceMetres: z.number(), licenceState: z.enum(['not_yet_valid', 'valid', 'expiring', 'lapsed']),
    items: z.array(z.object({ key: z.string(), unNumber: z.string().nullable(), hazardClass: z.string().nullable(), category: z.string().nullable(), name: z.string(), unit: z.string(), balance: z.number() })),
  })),
  /** Null until the call's type is known. */
  duplicates: PossibleDuplicates.nullable(),
});
export type Premise = z.infer<typeof Premise>;
