import { z } from 'zod';
import { Id, JurisdictionPath, Latitude, Longitude, Timestamp } from './common.js';

/** Limits of one patrol plan: a shift of posts, each with the windows it must be held. */
export const PATROL_PLAN_MAX_POSTS = 50;
export const PATROL_POST_MAX_WINDOWS = 12;
/** A plan covers one shift: at most a day. */
export const PATROL_SHIFT_MAX_HOURS = 24;
/** Within this distance of its post a unit counts as present (default), bounds included. */
export const PATROL_RADIUS_DEFAULT_METRES = 150;
export const PATROL_RADIUS_MIN_METRES = 25;
export const PATROL_RADIUS_MAX_METRES = 1_000;

/** A window a post must be held in: absolute instants inside the plan's shift, start before end. */
export const PatrolWindow = z.strictObject({ start: Timestamp, end: Timestamp });
export type PatrolWindow = z.infer<typeof PatrolWindow>;

// Not exported as a schema: a named component with defaults would differ between request and response (one name, two shapes).
const PatrolPostInput = z.strictObject({
  name: z.string().trim().min(1).max(200),
  location: z.tuple([Longitude, Latitude]),
  /** The key place the post stands at, when it is one (a placement's post often is). */
  placeId: Id.nullable().default(null),
  /** How many key places the post reaches within the plan's minutes (from the placement), for the record. */
  serves: z.number().int().min(0).nullable().default(null),
  windows: z.array(PatrolWindow).min(1).max(PATROL_POST_MAX_WINDOWS),
  /** The unit that holds the post; assignable later (`PUT /coverage/patrol-plans/:id/assignments`). */
  unitId: Id.nullable().default(null),
});
export type PatrolPostInput = z.infer<typeof PatrolPostInput>;

export const CreatePatrolPlanBody = z.strictObject({
  jurisdictionId: Id,
  title: z.string().trim().min(1).max(200),
  shiftStart: Timestamp,
  shiftEnd: Timestamp,
  /** The reach the posts were chosen for (e.g. each school within 3 minutes of a post). */
  minutes: z.number().positive().max(60).nullable().default(null),
  radiusMetres: z.number().int().min(PATROL_RADIUS_MIN_METRES).max(PATROL_RADIUS_MAX_METRES).default(PATROL_RADIUS_DEFAULT_METRES),
  posts: z.array(PatrolPostInput).min(1).max(PATROL_PLAN_MAX_POSTS),
});
export type CreatePatrolPlanBody = z.infer<typeof CreatePatrolPlanBody>;

export const AssignPatrolUnitsBody = z.strictObject({
  /** Post by post: the unit that holds it, or null to leave it unassigned. */
  assignments: z.array(z.strictObject({ postId: Id, unitId: Id.nullable() })).min(1).max(PATROL_PLAN_MAX_POSTS),
});
export type AssignPatrolUnitsBody = z.infer<typeof AssignPatrolUnitsBody>;

/** Calling a plan off: why, in the commander's words (kept with who and when). */
export const CancelPatrolPlanBody = z.strictObject({ reason: z.string().trim().min(1).max(500) });
export type CancelPatrolPlanBody = z.infer<typeof CancelPatrolPlanBody>;

// A post as edited: `id` keeps an existing post (its unit, and its place and reach unless given); without it, a new post, unassigned.
const EditPatrolPostInput = z.strictObject({
  id: Id.optional(),
  name: z.string().trim().min(1).max(200),
  location: z.tuple([Longitude, Latitude]),
  placeId: Id.nullable().optional(),
  serves: z.number().int().min(0).nullable().optional(),
  windows: z.array(PatrolWindow).min(1).max(PATROL_POST_MAX_WINDOWS),
});
export type EditPatrolPostInput = z.infer<typeof EditPatrolPostInput>;

/**
 * Editing a plan: what is given replaces what is there (`posts`: the whole list, in order; a post
 * left out is removed). `expectedVersion` is the version the editor saw: an edit made on a stale
 * copy is refused (409 `PATROL_PLAN_STALE`), so two commanders editing at once cannot overwrite
 * each other unknowingly. Once the shift has started, only what has not begun may change.
 */
export const EditPatrolPlanBody = z.strictObject({
  expectedVersion: z.number().int().min(1),
  title: z.string().trim().min(1).max(200).optional(),
  shiftStart: Timestamp.optional(),
  shiftEnd: Timestamp.optional(),
  posts: z.array(EditPatrolPostInput).min(1).max(PATROL_PLAN_MAX_POSTS).optional(),
});
export type EditPatrolPlanBody = z.infer<typeof EditPatrolPlanBody>;

export const PatrolPost = z.object({
  id: Id,
  ordinal: z.number().int(),
  name: z.string(),
  location: z.tuple([Longitude, Latitude]),
  placeId: Id.nullable(),
  serves: z.number().int().nullable(),
  windows: z.array(PatrolWindow),
  unitId: Id.nullable(),
  callSign: z.string().nullable(),
  assignedAt: Timestamp.nullable(),
});
export type PatrolPost = z.infer<typeof PatrolPost>;

export const PATROL_PLAN_STATES = ['active', 'cancelled'] as const;

export const PatrolPlan = z.object({
  id: Id,
  jurisdictionId: Id,
  jurisdictionPath: JurisdictionPath,
  title: z.string(),
  state: z.enum(PATROL_PLAN_STATES),
  shiftStart: Timestamp,
  shiftEnd: Timestamp,
  minutes: z.number().nullable(),
  radiusMetres: z.number().int(),
  posts: z.array(PatrolPost),
  createdBy: Id.nullable(),
  createdAt: Timestamp,
  version: z.number().int(),
  /** A cancelled plan: who called it off, when and why (null while active). */
  cancelledBy: Id.nullable(),
  /** The canceller's display name (their account's, as it reads now), null while active. */
  cancelledByName: z.string().nullable(),
  cancelledAt: Timestamp.nullable(),
  cancelReason: z.string().nullable(),
});
export type PatrolPlan = z.infer<typeof PatrolPlan>;

export const PatrolPlanListQuery = z.strictObject({ jurisdictionId: Id });

export const PatrolPlanSummary = PatrolPlan.omit({ posts: true }).extend({ posts: z.number().int(), assigned: z.number().int() });
export type PatrolPlanSummary = z.infer<typeof PatrolPlanSummary>;

/**
 * How a window went: `held` (present at least the held share of it), `short` (present, less than
 * that), `missed` (never present), `pending` (not begun), `running` (begun, not ended: judged on
 * what has passed), `unassigned` (no unit to measure).
 */
export const WINDOW_VERDICTS = ['held', 'short', 'missed', 'pending', 'running', 'unassigned'] as const;
export const WindowVerdict = z.enum(WINDOW_VERDICTS);
export type WindowVerdict = z.infer<typeof WindowVerdict>;

export const WindowPresence = PatrolWindow.extend({
  requiredMinutes: z.number(),
  /** Minutes of the window the assigned unit's AVL track put it within the radius of the post. */
  presentMinutes: z.number(),
  verdict: WindowVerdict,
});
export type WindowPresence = z.infer<typeof WindowPresence>;

export const PatrolPresence = z.object({
  planId: Id,
  computedAt: Timestamp,
  radiusMetres: z.number().int(),
  /** A window is held when the unit was present at least this share of it. */
  heldShare: z.number(),
  /** A gap between two track points longer than this is not counted as presence (the unit went silent). */
  maxGapSeconds: z.number(),
  posts: z.array(z.object({
    postId: Id, name: z.string(), unitId: Id.nullable(), callSign: z.string().nullable(),
    requiredMinutes: z.number(), presentMinutes: z.number(), missedWindows: z.number().int(),
    windows: z.array(WindowPresence),
  })),
  missedWindows: z.number().int(),
});
export type PatrolPresence = z.infer<typeof PatrolPresence>;

/** Ending a move-up order: called off before it did its work, or done (the gap it filled is closed). */
export const EndMoveUpBody = z.strictObject({ outcome: z.enum(['cancelled', 'completed']), reason: z.string().trim().max(500).nullable().default(null) });
export type EndMoveUpBody = z.infer<typeof EndMoveUpBody>;
