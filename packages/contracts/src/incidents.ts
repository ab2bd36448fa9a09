import { z } from 'zod';
import { Id, JurisdictionPath, Latitude, Longitude, Timestamp } from './common.js';
import { MutualAidMark } from './mutual-aid.js';
import { UnitKind, UnitStatus } from './units.js';

/** The incident taxonomy (documented in docs/incident-types.md). */
export const INCIDENT_TYPES = [
  'traffic_accident',
  'fire',
  'explosion',
  'hazmat_leak',
  'violent_crime',
  'campus_incident',
  'medical',
  'public_disorder',
  'rescue',
  'other',
] as const;
export const IncidentType = z.enum(INCIDENT_TYPES);
export type IncidentType = z.infer<typeof IncidentType>;

/** P1 life-threatening now … P4 no urgency. */
export const PRIORITIES = ['P1', 'P2', 'P3', 'P4'] as const;
export const Priority = z.enum(PRIORITIES);
export type Priority = z.infer<typeof Priority>;

/** Where an incident comes from: taken here (live), imported from a past CAD export (historical), or made up by the simulator. */
export const INCIDENT_ORIGINS = ['live', 'historical', 'simulated'] as const;
export const IncidentOrigin = z.enum(INCIDENT_ORIGINS);
export type IncidentOrigin = z.infer<typeof IncidentOrigin>;

export const INCIDENT_STATES = ['open', 'closed'] as const;
export const IncidentState = z.enum(INCIDENT_STATES);

/** How an incident ended, said when it is closed (CAD "disposition"). */
export const INCIDENT_DISPOSITIONS = ['resolved', 'false_alarm', 'cancelled_by_caller', 'no_action_needed', 'referred'] as const;
export const IncidentDisposition = z.enum(INCIDENT_DISPOSITIONS);
export type IncidentDisposition = z.infer<typeof IncidentDisposition>;

/**
 * One tier of the response clock: by `minutes` after the call, `units` units have `responded`
 * (acknowledged, en route or on scene) or are `on_scene`.
 */
export const ResponseTier = z.strictObject({
  tier: z.number().int().min(1).max(9),
  label: z.string().min(1).max(100),
  minutes: z.number().positive().max(24 * 60),
  requirement: z.enum(['responded', 'on_scene']),
  units: z.number().int().min(1).max(50),
});
export type ResponseTier = z.infer<typeof ResponseTier>;

/** The 1-3-5 standard: the nearest on-duty force responds within 1 minute, patrol on scene by 3, reinforcements by 5. */
export const DEFAULT_RESPONSE_TIERS: readonly ResponseTier[] = [
  { tier: 1, label: 'nearest on-duty force responded', minutes: 1, requirement: 'responded', units: 1 },
  { tier: 2, label: 'patrol on scene', minutes: 3, requirement: 'on_scene', units: 1 },
  { tier: 3, label: 'reinforcements on scene', minutes: 5, requirement: 'on_scene', units: 2 },
];

export const ResponseTiers = z
  .array(ResponseTier)
  .min(1)
  .max(9)
  .refine((ts) => ts.every((t, i) => t.tier === i + 1), 'tiers are numbered 1, 2, 3… in order')
  .refine((ts) => ts.every((t, i) => i === 0 || t.minutes >= ts[i - 1]!.minutes), 'deadlines do not decrease from one tier to the next');

export const TierStatus = z.object({
  tier: z.number().int(),
  label: z.string(),
  minutes: z.number(),
  requirement: z.enum(['responded', 'on_scene']),
  units: z.number().int(),
  deadlineAt: Timestamp,
  metAt: Timestamp.nullable(),
  missedAt: Timestamp.nullable(),
});
export type TierStatus = z.infer<typeof TierStatus>;

const LonLat = z.tuple([Longitude, Latitude]);

export const Incident = z.object({
  id: Id,
  type: IncidentType,
  priority: Priority,
  state: IncidentState,
  jurisdictionId: Id,
  jurisdictionPath: JurisdictionPath,
  /** Null only for an imported (historical) call whose export gave no place: kept off every map. */
  location: LonLat.nullable(),
  address: z.string().nullable(),
  /** Null once purged, or when the caller left none. */
  callerNumber: z.string().nullable(),
  callerPurgedAt: Timestamp.nullable(),
  narrative: z.string().nullable(),
  receivedAt: Timestamp,
  tiers: z.array(TierStatus),
  /** live, historical (imported) or simulated; reports count live incidents unless asked otherwise. */
  origin: IncidentOrigin,
  /** The incident's number in the system it was imported from; null for live incidents. */
  externalRef: z.string().nullable(),
  closedAt: Timestamp.nullable(),
  /** How it ended; null while open (and for imported history that did not say). */
  disposition: IncidentDisposition.nullable(),
  /** The incident this one was linked to as a duplicate (its own clock stops); null when none. */
  duplicateOf: Id.nullable(),
  version: z.number().int(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type Incident = z.infer<typeof Incident>;

export const CreateIncidentBody = z.strictObject({
  type: IncidentType,
  priority: Priority,
  location: LonLat,
  address: z.string().trim().min(1).max(500).optional(),
  callerNumber: z.string().trim().regex(/^\+?[0-9 ()-]{3,30}$/, 'a telephone number').optional(),
  narrative: z.string().trim().min(1).max(8000).optional(),
  /** When the call was received (the clock starts here); default now. */
  receivedAt: Timestamp.optional(),
});
export type CreateIncidentBody = z.infer<typeof CreateIncidentBody>;

/** Closing ends the incident: every unit must have cleared or been cancelled; the clock stops. */
export const CloseIncidentBody = z.strictObject({
  disposition: IncidentDisposition,
  note: z.string().trim().min(1).max(2000).optional(),
});
export type CloseIncidentBody = z.infer<typeof CloseIncidentBody>;

export const IncidentListQuery = z.strictObject({
  jurisdictionId: Id.optional(),
  state: IncidentState.optional(),
  /** Only incidents of this origin; unset = the operational ones (live and simulated), not imported history. */
  origin: IncidentOrigin.optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  cursor: Id.optional(),
});
export type IncidentListQuery = z.infer<typeof IncidentListQuery>;
export const IncidentPage = z.object({ items: z.array(Incident), nextCursor: Id.nullable() });

export const TimelineEntry = z.object({
  at: Timestamp,
  action: z.string(),
  actorName: z.string().nullable(),
  before: z.unknown(),
  after: z.unknown(),
});

export const ASSIGNMENT_STATES = ['assigned', 'acknowledged', 'en_route', 'on_scene', 'cleared', 'cancelled'] as const;
export const AssignmentState = z.enum(ASSIGNMENT_STATES);
export type AssignmentState = z.infer<typeof AssignmentState>;

/** How an arrival became known: the unit's status button (or a dispatcher), or its AVL fixes entering the scene's radius. */
export const ArrivalSource = z.enum(['status', 'avl']);
export type ArrivalSource = z.infer<typeof ArrivalSource>;

/**
 * Why an on-scene status is doubtful: pressed `too_soon` (before half the road ETA recorded at
 * dispatch had passed) and/or `far_from_scene` (the unit's last fresh fix lies well outside the
 * arrival radius). Kept with the assignment; the status itself is accepted (the crew may be right).
 */
export const ArrivalDoubt = z.object({
  reasons: z.array(z.enum(['too_soon', 'far_from_scene'])).min(1),
  secondsSinceDispatch: z.number(),
  etaSeconds: z.number().nullable(),
  /** Metres from the unit's last fix to the scene, when a fresh fix was held. */
  lastFixMetres: z.number().nullable(),
  lastFixAgeSeconds: z.number().nullable(),
});
export type ArrivalDoubt = z.infer<typeof ArrivalDoubt>;

export const Assignment = z.object({
  id: Id,
  incidentId: Id,
  unitId: Id,
  callSign: z.string(),
  state: AssignmentState,
  /** Road travel time when it was sent, when known. */
  etaSeconds: z.number().nullable(),
  assignedAt: Timestamp,
  acknowledgedAt: Timestamp.nullable(),
  enRouteAt: Timestamp.nullable(),
  onSceneAt: Timestamp.nullable(),
  clearedAt: Timestamp.nullable(),
  cancelledAt: Timestamp.nullable(),
  /** Set with onSceneAt: by status or detected from AVL fixes. */
  arrivalSource: ArrivalSource.nullable(),
  /** An on-scene status that does not fit the unit's fixes or its ETA (null: none). */
  arrivalDoubt: ArrivalDoubt.nullable(),
});
export type Assignment = z.infer<typeof Assignment>;

export const AssignUnitsBody = z.strictObject({
  unitIds: z.array(Id).min(1).max(20),
  /**
   * The units the recommendation offered when these were picked (what the dispatcher saw), kept in
   * the audit trail for the accountability trace: recommended and sent, recommended and passed over.
   */
  recommendedUnitIds: z.array(Id).max(50).optional(),
});
export type AssignUnitsBody = z.infer<typeof AssignUnitsBody>;

export const AssignmentActionBody = z.strictObject({ action: z.enum(['acknowledge', 'en_route', 'on_scene', 'clear', 'cancel']) });
export type AssignmentActionBody = z.infer<typeof AssignmentActionBody>;

export const Recommendation = z.object({
  unitId: Id,
  callSign: z.string(),
  kind: UnitKind,
  status: UnitStatus,
  jurisdictionPath: JurisdictionPath,
  /** Road travel time from the unit's position; null when no road leads there within the cutoff. */
  etaSeconds: z.number().nullable(),
  arrivesAt: Timestamp.nullable(),
  positionSource: z.enum(['avl', 'avl_stale', 'home']),
  /** Tiers with an on-scene requirement whose deadline this unit would make. */
  makesTiers: z.array(z.number().int()),
  /** The slot of the response plan this unit fills (fastest first, earliest tier first); null when none. */
  planSlot: z.object({ tier: z.number().int(), kind: UnitKind, capability: z.string().optional() }).nullable(),
  /** Set when the unit belongs to a neighbouring jurisdiction and may be sent only under a mutual aid agreement. */
  mutualAid: MutualAidMark.nullable(),
  /**
   * Set when the unit is another jurisdiction's, lent for this incident only by a granted
   * reinforcement request (absent or null: not lent).
   */
  lent: z.object({ requestId: Id, lendingJurisdictionPath: JurisdictionPath }).nullable().optional(),
});
export type Recommendation = z.infer<typeof Recommendation>;

export const RecommendationQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(200).default(20),
  kind: UnitKind.optional(),
});
/**
 * A slot of a run card: `units` units of a kind, or carrying a capability (any kind that carries
 * it: `technical_rescue` for a person trapped), or of a kind carrying a capability.
 */
export const ResponsePlanSlot = z.strictObject({
  kind: UnitKind.optional(),
  capability: z.string().trim().min(1).max(50).regex(/^[a-z0-9_]+$/, 'lowercase letters, digits and _').optional(),
  units: z.number().int().min(1).max(50),
}).refine((slot) => slot.kind !== undefined || slot.capability !== undefined, { message: 'name a unit kind, a capability, or both', path: ['kind'] });
/** What a slot asks for, as one key: `fire_engine`, `+technical_rescue`, `fire_engine+water`. */
export const slotKey = (slot: { kind?: string | null | undefined; capability?: string | null | undefined }): string => `${slot.kind ?? ''}${slot.capability ? `+${slot.capability}` : ''}`;
export const ResponsePlanTier = z.strictObject({ tier: z.number().int().min(1).max(10), slots: z.array(ResponsePlanSlot).min(1).max(20) });

/** A run card: for an incident type and priority in a jurisdiction (and below, unless overridden), the units wanted per tier. */
export const SetResponsePlanBody = z.strictObject({
  jurisdictionId: Id,
  incidentType: IncidentType,
  priority: Priority,
  tiers: z.array(ResponsePlanTier).min(1).max(10)
    .refine((tiers) => new Set(tiers.map((t) => t.tier)).size === tiers.length, 'each tier at most once')
    .refine((tiers) => tiers.every((t) => new Set(t.slots.map(slotKey)).size === t.slots.length), 'each unit kind (or capability) at most once per tier'),
});
export type SetResponsePlanBody = z.infer<typeof SetResponsePlanBody>;

export const ResponsePlan = z.object({
  id: Id,
  jurisdictionId: Id,
  jurisdictionPath: JurisdictionPath,
  incidentType: IncidentType,
  priority: Priority,
  tiers: z.array(ResponsePlanTier),
  version: z.number().int(),
  updatedAt: Timestamp,
});
export type ResponsePlan = z.infer<typeof ResponsePlan>;

export const ResponsePlanQuery = z.strictObject({ jurisdictionId: Id, incidentType: IncidentType, priority: Priority });
/** The plan in force at a jurisdiction: its own, else the nearest ancestor's; null when none. */
export const ResponsePlanInForce = z.object({ plan: ResponsePlan.nullable() });

/** The run cards set in a jurisdiction's subtree (default: all I see), optionally of one incident type and/or priority. */
export const ResponsePlanListQuery = z.strictObject({ jurisdictionId: Id.optional(), incidentType: IncidentType.optional(), priority: Priority.optional() });
export type ResponsePlanListQuery = z.infer<typeof ResponsePlanListQuery>;

/** A slot of the plan no recommended unit fills: `missing` units of the kind for the tier. */
export const UnfilledSlot = z.object({ tier: z.number().int(), kind: UnitKind.nullable(), capability: z.string().optional(), missing: z.number().int() });

/**
 * Why a slot of the run card is short: no unit of the kind the dispatcher may send exists at all
 * (`none_in_scope`: neither own nor lent), all of them are busy, off duty or off the road network
 * (`none_available`), or the nearest ones cannot be on scene by the deadline of the tier
 * (`too_far_for_tier_N`: they are offered, but arrive late).
 */
export const ShortfallReason = z.union([z.enum(['none_in_scope', 'none_available']), z.templateLiteral(['too_far_for_tier_', z.number().int()])]).meta({
  description: "Why the slot is short: `none_in_scope` (no unit of the kind the dispatcher may send, own or lent), `none_available` (all busy, off duty or off the road network), or `too_far_for_tier_N` (N: the run card's tier; the nearest units are offered but arrive after that tier's deadline)",
});
export type ShortfallReason = z.infer<typeof ShortfallReason>;

/**
 * A slot of the run card (or, without one, of the incident type's default card) that the units the
 * dispatcher may send cannot fill within its tier's time: `missing` units of `kind`, and why.
 * `fastestEtaSeconds`: for `too_far_for_tier_N`, the soonest of the late units filling it; else null.
 */
export const ShortfallSlot = z.object({
  tier: z.number().int(),
  /** The kind the slot asks for; null for a slot that asks only for a capability. */
  kind: UnitKind.nullable(),
  /** Set when the slot asks for a capability (any unit carrying it). */
  capability: z.string().optional(),
  missing: z.number().int(),
  reason: ShortfallReason,
  fastestEtaSeconds: z.number().nullable().meta({
    description: 'For `too_far_for_tier_N`: the soonest ETA (s) of the late units filling the slot, timed as every offered ETA is (with turn costs where the server uses them, never a lower bound); else null',
  }),
});
export type ShortfallSlot = z.infer<typeof ShortfallSlot>;

/**
 * Where units are sent when the call lies inside a cordon that closes the roads (issue 15 §3): the
 * road ETA is to the major incident's staging area (else its nearest access point), not the scene,
 * which no road reaches while the cordon stands. `point` is null when the commander has set
 * neither: no road ETA then, until one is added.
 */
export const RoutedTo = z.object({
  majorIncidentId: Id,
  majorIncidentTitle: z.string(),
  cordon: z.enum(['inner', 'outer']),
  point: z.object({ id: Id, kind: z.enum(['staging', 'access']), name: z.string(), location: z.tuple([z.number(), z.number()]) }).nullable(),
});
export type RoutedTo = z.infer<typeof RoutedTo>;

export const Recommendations = z.object({
  incidentId: Id,
  computedAt: Timestamp,
  items: z.array(Recommendation),
  plan: ResponsePlan.nullable(),
  unfilled: z.array(UnfilledSlot),
  /**
   * The run card the ranking followed: the plan in force, else the incident type's built-in default
   * card (`INCIDENT_TYPE_NEEDS` and docs/incident-types.md), so a missing plan never ranks a patrol
   * car first for a fire.
   */
  card: z.enum(['plan', 'type_default']),
  /** Every slot of that card not filled in time, with the reason: shown before anyone presses Enter. */
  shortfall: z.array(ShortfallSlot),
  /** Set when the call is inside a closed cordon: the ETAs are to this point (RoutedTo). */
  routedTo: RoutedTo.nullable().optional(),
});
export type Recommendations = z.infer<typeof Recommendations>;

/** A period of incidents (by call receipt, `from` inclusive, `to` exclusive) in a jurisdiction's subtree. */
export const ResponseTimesQuery = z.strictObject({
  jurisdictionId: Id,
  from: Timestamp,
  to: Timestamp,
  /** Which incidents: live (default), historical (imported) or simulated; never a mix. */
  origin: IncidentOrigin.default('live'),
});
export type ResponseTimesQuery = z.infer<typeof ResponseTimesQuery>;

/** An interval over the incidents that have both ends, in whole seconds (percentile_cont, rounded); null when none have. */
export const IntervalStats = z.object({ count: z.number().int(), p50Seconds: z.number().nullable(), p90Seconds: z.number().nullable() });

export const TierCompliance = z.object({
  tier: z.number().int(),
  met: z.number().int(),
  missed: z.number().int(),
  /** Not settled yet: deadline still ahead. */
  open: z.number().int(),
  /** met / (met + missed), rounded to 0.001; null when none is settled. */
  complianceRate: z.number().nullable(),
});

/**
 * Response times the way NFPA 1710 / 1225 report them, from the first unit per incident:
 * call-to-dispatch (receipt to first assignment), dispatch-to-arrival (first assignment to first
 * on scene) and call-to-arrival, at the 50th and 90th percentiles.
 */
export const ResponseTimesReport = z.object({
  jurisdictionId: Id,
  jurisdictionPath: JurisdictionPath,
  from: Timestamp,
  to: Timestamp,
  origin: IncidentOrigin,
  counts: z.object({ incidents: z.number().int(), dispatched: z.number().int(), arrived: z.number().int() }),
  /**
   * Imported incidents with a local time in an hour a daylight-saving change repeats or skips:
   * counted in `incidents`, left out of every interval and tier (their durations may be an hour off).
   */
  doubtfulTimes: z.number().int(),
  callToDispatch: IntervalStats,
  dispatchToArrival: IntervalStats,
  callToArrival: IntervalStats,
  tiers: z.array(TierCompliance),
});
export type ResponseTimesReport = z.infer<typeof ResponseTimesReport>;

/** Move the assignment's unit to another incident (`incidentId`), or put another unit in its place (`unitId`). */
export const ReassignBody = z
  .strictObject({ incidentId: Id.optional(), unitId: Id.optional() })
  .refine((b) => (b.incidentId === undefined) !== (b.unitId === undefined), { message: 'give either incidentId or unitId', path: ['incidentId'] });
export type ReassignBody = z.infer<typeof ReassignBody>;

/** A reassignment: the assignment it ended (cancelled, or cleared if the unit was on scene) and the one it began. */
export const Reassignment = z.object({ ended: Assignment, started: Assignment });
export type Reassignment = z.infer<typeof Reassignment>;

export const LinkDuplicateBody = z.strictObject({ duplicateOf: Id });
export type LinkDuplicateBody = z.infer<typeof LinkDuplicateBody>;

/** Intake: possible duplicates of a call not yet taken (same type, nearby, close in time). */
export const PossibleDuplicatesQuery = z.strictObject({
  type: IncidentType,
  lon: z.coerce.number().min(-180).max(180),
  lat: z.coerce.number().min(-90).max(90),
  receivedAt: Timestamp.optional(),
});
export type PossibleDuplicatesQuery = z.infer<typeof PossibleDuplicatesQuery>;

export const PossibleDuplicate = z.object({
  id: Id,
  type: IncidentType,
  priority: Priority,
  state: IncidentState,
  jurisdictionPath: JurisdictionPath,
  location: LonLat,
  address: z.string().nullable(),
  receivedAt: Timestamp,
  distanceMetres: z.number(),
  minutesApart: z.number(),
});
export type PossibleDuplicate = z.infer<typeof PossibleDuplicate>;
/** The search radius and time window used, so the screen can say what "nearby" meant. */
export const PossibleDuplicates = z.object({ radiusMetres: z.number(), windowMinutes: z.number(), items: z.array(PossibleDuplicate) });
export type PossibleDuplicates = z.infer<typeof PossibleDuplicates>;
