import { z } from 'zod';
import { Id, JurisdictionPath, PrintQueryFields, Timestamp } from './common.js';
import { HazardGrade, HazardState } from './hazards.js';
import { IncidentType, Priority } from './incidents.js';
import { PostKind } from './posts.js';

/**
 * The accountability trace is asked for an incident (at the time the call was received), or for a
 * place over a time window. `radiusM` is how far around the incident's point or the place's
 * location a hazard's place counts as "near".
 */
export const TraceQuery = z.strictObject({
  incidentId: Id.optional(),
  placeId: Id.optional(),
  from: Timestamp.optional(),
  to: Timestamp.optional(),
  radiusM: z.coerce.number().int().min(0).max(5000).default(300),
});
export type TraceQuery = z.infer<typeof TraceQuery>;

/**
 * The trace's exports (CSV, printable page) in the reader's language and time zone: a download or a new
 * tab carries no UI language, so the web app sends its own with the link.
 */
export const TraceExportQuery = TraceQuery.extend(PrintQueryFields);
export type TraceExportQuery = z.infer<typeof TraceExportQuery>;

const AuditIds = z.array(Id).describe('The audit-chain entries this line is read from (GET /audit?entityId=… shows them)');

export const TraceHazard = z.object({
  id: Id,
  title: z.string(),
  grade: HazardGrade,
  placeId: Id.nullable(),
  placeName: z.string().nullable(),
  distanceM: z.number().nullable(),
  jurisdictionPath: JurisdictionPath,
  raisedAt: Timestamp,
  /** Hours from being raised to the end of the window (or to when it stopped being open, if earlier). */
  ageHours: z.number(),
  /** Its state at the end of the window, and the deadline then in force. */
  state: HazardState,
  dueAt: Timestamp,
  /** The deadline its fix was past, while still owed, at some instant of the window; null if it never was. */
  overdueSince: Timestamp.nullable(),
  auditIds: AuditIds,
});

export const TraceTask = z.object({
  id: Id,
  title: z.string(),
  /** Null for a task from a campaign or a standing duty. */
  directiveId: Id.nullable(),
  /** Why it is listed: about a place near by, about the category of one, or a task of a jurisdiction responsible for the place. */
  concern: z.enum(['place', 'category', 'jurisdiction']),
  placeId: Id.nullable(),
  category: z.string().nullable(),
  jurisdictionPath: JurisdictionPath,
  /** Its owner post, status and due date at the end of the window. */
  ownerPostId: Id,
  status: z.string(),
  dueAt: Timestamp,
  /** The deadline it was past, unfinished, at some instant of the window. */
  overdueSince: Timestamp,
  auditIds: AuditIds,
});

export const TraceDirective = z.object({
  directiveId: Id,
  title: z.string(),
  jurisdictionPath: JurisdictionPath,
  missed: z.enum(['acknowledgement', 'report']),
  dueAt: Timestamp,
  /** When the answer came, if it came at all (after the deadline). */
  answeredAt: Timestamp.nullable(),
  auditIds: AuditIds,
});

export const TraceTier = z.object({
  incidentId: Id,
  tier: z.number().int(),
  /** The deployment's words for the tier (RESPONSE_TIERS); the web says it in the user's language from the three below. */
  label: z.string(),
  minutes: z.number().nullable(),
  requirement: z.enum(['responded', 'on_scene']).nullable(),
  units: z.number().int().nullable(),
  deadlineAt: Timestamp,
  missedAt: Timestamp,
  auditIds: AuditIds,
});

export const TracePost = z.object({
  postId: Id,
  title: z.string(),
  kind: PostKind,
  jurisdictionPath: JurisdictionPath,
  /** Whoever held it at some instant of the window (for an incident: the holder at the time of the call). */
  holders: z.array(z.object({ userId: Id, displayName: z.string(), from: Timestamp, to: Timestamp.nullable() })),
  auditIds: AuditIds,
});

/**
 * One unit of an incident's dispatch: recommended (when the dispatcher's screen said so), sent (by
 * whom, when, with the ETA it was sent with), and how it went (on scene, the actual travel time
 * to set beside the ETA, cleared or cancelled).
 */
export const TraceDispatch = z.object({
  /** The incident: its audit entries are the ones cited. */
  incidentId: Id,
  unitId: Id,
  callSign: z.string(),
  /** Offered by the recommendation when units were sent; null when the dispatch did not say what was offered. */
  recommended: z.boolean().nullable(),
  sent: z.object({
    assignmentId: Id,
    at: Timestamp,
    byUserId: Id.nullable(),
    byName: z.string().nullable(),
    state: z.string(),
    etaSeconds: z.number().nullable(),
    onSceneAt: Timestamp.nullable(),
    /** From sent to on scene: the actual against `etaSeconds`. */
    actualSeconds: z.number().int().nullable(),
    clearedAt: Timestamp.nullable(),
    cancelledAt: Timestamp.nullable(),
  }).nullable(),
  auditIds: AuditIds,
});

export const AccountabilityTrace = z.object({
  reference: z.object({
    kind: z.enum(['incident', 'place']),
    id: Id,
    /** The place's name, or the incident's type, priority and address as stored (the web words them from `incident`). */
    name: z.string(),
    incident: z.object({ type: IncidentType, priority: Priority, address: z.string().nullable() }).nullable(),
    jurisdictionPath: JurisdictionPath,
    location: z.tuple([z.number(), z.number()]),
    from: Timestamp,
    to: Timestamp,
    radiusM: z.number().int(),
  }),
  generatedAt: Timestamp,
  hazards: z.array(TraceHazard),
  tasks: z.array(TraceTask),
  directives: z.array(TraceDirective),
  tiers: z.array(TraceTier),
  posts: z.array(TracePost),
  /** The incident's units (an incident's trace only; a place's is empty): recommended, sent, by whom, ETA against actual. */
  dispatch: z.array(TraceDispatch),
  /** Lines that exist but lie outside the caller's scope, left out (counted so that the gap is visible). */
  omittedOutsideScope: z.number().int(),
});
export type AccountabilityTrace = z.infer<typeof AccountabilityTrace>;
