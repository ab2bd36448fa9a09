import { z } from 'zod';
import { Id, JurisdictionPath, Position, Timestamp } from './common.js';
import { IncidentType, Priority } from './incidents.js';
import { UnitKind } from './units.js';

/**
 * Capabilities units carry that a request (or a run card slot) may ask for by name. A deployment
 * may give its units others: a capability also counts as known once any unit carries it.
 */
export const KNOWN_CAPABILITIES = [
  'water', 'pump', 'breathing_apparatus', 'technical_rescue', 'high_rescue', 'aerial_ladder', 'hazmat',
  'als', 'bls', 'patient_transport', 'first_aid', 'traffic_control',
] as const;

export const CapabilityName = z.string().trim().min(1).max(50).regex(/^[a-z0-9_]+$/, 'lowercase letters, digits and _');

/** Refusing or not answering in time sends the request one level up: 30 s to 1 h, 2 min unless said. */
export const REINFORCEMENT_TIMEOUT = { min: 30, max: 3600, default: 120 } as const;

/**
 * Where a reinforcement request goes first: the level above the incident's jurisdiction, or a
 * named neighbour (a jurisdiction beside it: same parent, or a boundary within ~50 m).
 */
export const ReinforcementTarget = z.discriminatedUnion('to', [
  z.strictObject({ to: z.literal('above') }),
  z.strictObject({ to: z.literal('neighbour'), jurisdictionId: Id }),
]);
export type ReinforcementTarget = z.infer<typeof ReinforcementTarget>;

/** Ask for `count` units of a kind, or carrying a capability (or both: a unit of the kind that carries it). */
export const CreateReinforcementBody = z.strictObject({
  kind: UnitKind.optional(),
  capability: CapabilityName.optional(),
  count: z.number().int().min(1).max(20),
  target: ReinforcementTarget.default({ to: 'above' }),
  /** Seconds each level has to answer before the request goes a level up. */
  timeoutSeconds: z.number().int().min(REINFORCEMENT_TIMEOUT.min).max(REINFORCEMENT_TIMEOUT.max).default(REINFORCEMENT_TIMEOUT.default),
  note: z.string().trim().min(1).max(2000).optional(),
}).refine((b) => b.kind !== undefined || b.capability !== undefined, { message: 'name a unit kind, a capability, or both', path: ['kind'] });
export type CreateReinforcementBody = z.infer<typeof CreateReinforcementBody>;

export const GrantReinforcementBody = z.strictObject({
  unitIds: z.array(Id).min(1).max(20).refine((ids) => new Set(ids).size === ids.length, 'each unit at most once'),
  note: z.string().trim().min(1).max(2000).optional(),
});
export type GrantReinforcementBody = z.infer<typeof GrantReinforcementBody>;

export const RefuseReinforcementBody = z.strictObject({ reason: z.string().trim().min(1).max(2000) });
export type RefuseReinforcementBody = z.infer<typeof RefuseReinforcementBody>;

export const CancelReinforcementBody = z.strictObject({ reason: z.string().trim().min(1).max(2000).optional() });
export type CancelReinforcementBody = z.infer<typeof CancelReinforcementBody>;

/**
 * open: waiting for the current target's answer; fulfilled: every unit asked for was lent;
 * exhausted: the top of the tree refused or did not answer (what was lent stays lent);
 * cancelled: by the requester, or because the incident closed.
 */
export const REINFORCEMENT_STATES = ['open', 'fulfilled', 'exhausted', 'cancelled'] as const;
export const ReinforcementState = z.enum(REINFORCEMENT_STATES);
export type ReinforcementState = z.infer<typeof ReinforcementState>;

export const LentUnit = z.object({ unitId: Id, callSign: z.string(), kind: UnitKind, jurisdictionPath: JurisdictionPath });
export type LentUnit = z.infer<typeof LentUnit>;

/** One step of a request's life, oldest first. */
export const ReinforcementStep = z.object({
  at: Timestamp,
  step: z.enum(['asked', 'granted', 'refused', 'timed_out', 'exhausted', 'cancelled']),
  /** The jurisdiction asked (asked), or answering (granted, refused, timed_out). */
  jurisdictionPath: JurisdictionPath.nullable(),
  by: z.object({ id: Id, name: z.string() }).nullable(),
  units: z.array(LentUnit).optional(),
  reason: z.string().nullable().optional(),
});
export type ReinforcementStep = z.infer<typeof ReinforcementStep>;

export const ReinforcementRequest = z.object({
  id: Id,
  incident: z.object({ id: Id, type: IncidentType, priority: Priority, jurisdictionPath: JurisdictionPath, location: Position.nullable(), address: z.string().nullable() }),
  kind: UnitKind.nullable(),
  capability: z.string().nullable(),
  count: z.number().int(),
  granted: z.number().int(),
  state: ReinforcementState,
  /** Who is asked now (null once the request is no longer open). */
  targetPath: JurisdictionPath.nullable(),
  /** When the current target must answer by, else the request goes up a level. */
  answerDueAt: Timestamp.nullable(),
  timeoutSeconds: z.number().int(),
  requestedBy: z.object({ id: Id, name: z.string() }),
  note: z.string().nullable(),
  createdAt: Timestamp,
  closedAt: Timestamp.nullable(),
  lent: z.array(LentUnit),
  steps: z.array(ReinforcementStep),
  /**
   * The name of every jurisdiction the request mentions (incident, asked, answering, lending), by
   * path: the two sides rarely see each other's part of the tree.
   */
  names: z.record(z.string(), z.string()),
  version: z.number().int(),
});
export type ReinforcementRequest = z.infer<typeof ReinforcementRequest>;

export const ReinforcementListQuery = z.strictObject({
  /** Requests addressed to my level now (`mine`), or every request of my scope's incidents (`all`). */
  addressed: z.enum(['mine', 'all']).default('mine'),
  state: ReinforcementState.optional(),
});
export type ReinforcementListQuery = z.infer<typeof ReinforcementListQuery>;

/** A unit the granter could lend, with its road time to the incident (null: unknown or out of reach). */
export const ReinforcementCandidate = z.object({
  unitId: Id, callSign: z.string(), kind: UnitKind, jurisdictionPath: JurisdictionPath, capabilities: z.array(z.string()), etaSeconds: z.number().nullable(),
});
export type ReinforcementCandidate = z.infer<typeof ReinforcementCandidate>;


const TargetJurisdiction = z.object({ id: Id, path: JurisdictionPath, name: z.string(), names: z.record(z.string(), z.string()) });

/** Whom an incident's dispatcher may ask: the level above its jurisdiction, and its neighbours (by name). */
export const ReinforcementTargets = z.object({ above: TargetJurisdiction.nullable(), neighbours: z.array(TargetJurisdiction) });
export type ReinforcementTargets = z.infer<typeof ReinforcementTargets>;
