import { z } from 'zod';
import { Id, JurisdictionPath, Latitude, Longitude, Timestamp } from './common.js';

/** What a unit is: it decides which tier and run-card slot it can fill. */
export const UNIT_KINDS = [
  'patrol_car',
  'foot_patrol',
  'bicycle_patrol',
  'motorcycle',
  'fixed_post',
  'special_police',
  'fire_engine',
  'ladder',
  'ambulance',
  'hazmat',
  'rescue',
  'command',
  'other',
] as const;
export const UnitKind = z.enum(UNIT_KINDS);
export type UnitKind = z.infer<typeof UnitKind>;

/**
 * Where a unit is in its lifecycle. `available` and `at_station` can be dispatched; the four
 * committed states hold an incident.
 */
export const UNIT_STATUSES = ['available', 'at_station', 'dispatched', 'en_route', 'on_scene', 'transporting', 'out_of_service'] as const;
export const UnitStatus = z.enum(UNIT_STATUSES);
export type UnitStatus = z.infer<typeof UnitStatus>;

const LonLat = z.tuple([Longitude, Latitude]);
const Capability = z.string().trim().min(1).max(50).regex(/^[a-z0-9_]+$/, 'lowercase letters, digits and _');

export const UnitPosition = z.object({
  location: LonLat,
  at: Timestamp,
  speedKmh: z.number().nullable(),
  heading: z.number().nullable(),
  /** No report for longer than the configured stale time. */
  stale: z.boolean(),
});
export type UnitPosition = z.infer<typeof UnitPosition>;

export const Unit = z.object({
  id: Id,
  callSign: z.string(),
  kind: UnitKind,
  jurisdictionId: Id,
  jurisdictionPath: JurisdictionPath,
  homeStationId: Id.nullable(),
  /** Where the unit waits when it has no live position: its station, or a post. */
  homeLocation: LonLat,
  crewSize: z.number().int(),
  capabilities: z.array(z.string()),
  status: UnitStatus,
  statusChangedAt: Timestamp,
  onDuty: z.boolean(),
  dutyChangedAt: Timestamp,
  /** The incident the unit is committed to, while dispatched, en route, on scene or transporting. */
  incidentId: Id.nullable(),
  /** The device account bound to report its fixes (`PUT /units/{id}/terminal`); null: unbound, any `avl:report` holder there may. */
  terminalId: Id.nullable(),
  position: UnitPosition.nullable(),
  version: z.number().int(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type Unit = z.infer<typeof Unit>;

export const RegisterUnitBody = z
  .strictObject({
    callSign: z.string().trim().min(1).max(50),
    kind: UnitKind,
    jurisdictionId: Id,
    /** A fire or police station (a place); its location is the home location unless one is given. */
    homeStationId: Id.optional(),
    homeLocation: LonLat.optional(),
    crewSize: z.number().int().min(0).max(100),
    capabilities: z.array(Capability).max(30).default([]),
    onDuty: z.boolean().default(false),
  })
  .refine((b) => b.homeStationId !== undefined || b.homeLocation !== undefined, {
    message: 'give a home station or a home location',
    path: ['homeLocation'],
  });
export type RegisterUnitBody = z.infer<typeof RegisterUnitBody>;

export const UpdateUnitBody = z.strictObject({
  crewSize: z.number().int().min(0).max(100).optional(),
  capabilities: z.array(Capability).max(30).optional(),
  homeLocation: LonLat.optional(),
});
export type UpdateUnitBody = z.infer<typeof UpdateUnitBody>;

/**
 * Binds a unit to the device account that reports its fixes (the vehicle's terminal, or the AVL
 * gateway that reports it), or unbinds it (`null`). Bound, the unit takes HTTP fixes from that
 * account alone, and the account reports for its bound units alone.
 */
export const BindUnitTerminalBody = z.strictObject({ terminalId: Id.nullable() });
export type BindUnitTerminalBody = z.infer<typeof BindUnitTerminalBody>;

export const UnitTerminal = z.strictObject({ unitId: Id, terminalId: Id.nullable() });
export type UnitTerminal = z.infer<typeof UnitTerminal>;

/** A device account as a terminal picker shows it. */
export const TerminalAccount = z.object({ id: Id, username: z.string(), displayName: z.string() });
export type TerminalAccount = z.infer<typeof TerminalAccount>;

/**
 * For whoever manages a unit: the account bound to it (if any) and the device accounts it may be
 * bound to (enabled, holding `avl:report` on its jurisdiction, homed where the caller manages units).
 */
export const UnitTerminalChoices = z.object({ unitId: Id, bound: TerminalAccount.nullable(), candidates: z.array(TerminalAccount) });
export type UnitTerminalChoices = z.infer<typeof UnitTerminalChoices>;

/** Status changes a unit or its dispatcher reports outside an assignment. */
export const UnitActionBody = z.discriminatedUnion('action', [
  z.strictObject({ action: z.literal('on_duty') }),
  z.strictObject({ action: z.literal('off_duty') }),
  z.strictObject({ action: z.literal('out_of_service') }),
  z.strictObject({ action: z.literal('in_service') }),
  z.strictObject({ action: z.literal('at_station') }),
]);
export type UnitActionBody = z.infer<typeof UnitActionBody>;

export const UnitListQuery = z.strictObject({
  jurisdictionId: Id.optional(),
  status: z.preprocess((v) => (typeof v === 'string' ? v.split(',') : v), z.array(UnitStatus).min(1)).optional(),
  onDuty: z.enum(['true', 'false']).transform((v) => v === 'true').optional(),
  kind: UnitKind.optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(200),
  cursor: Id.optional(),
});
export type UnitListQuery = z.infer<typeof UnitListQuery>;

export const UnitPage = z.object({ items: z.array(Unit), nextCursor: Id.nullable() });

/** One AVL fix; a batch may hold fixes of several units, in any order. */
export const AvlFix = z.strictObject({
  unitId: Id,
  location: LonLat,
  at: Timestamp,
  speedKmh: z.number().min(0).max(400).optional(),
  heading: z.number().min(0).max(360).optional(),
});
export type AvlFix = z.infer<typeof AvlFix>;

export const AvlBatchBody = z.strictObject({ fixes: z.array(AvlFix).min(1).max(5000) });
export type AvlBatchBody = z.infer<typeof AvlBatchBody>;

export const AvlBatchResult = z.object({
  accepted: z.number().int(),
  /** Fixes older than the unit's latest known position (they only extend the track). */
  outOfOrder: z.number().int(),
  /** Track points written (the track is downsampled). */
  stored: z.number().int(),
});

export const TrackQuery = z.strictObject({ from: Timestamp, to: Timestamp });
export const TrackPoint = z.object({ location: LonLat, at: Timestamp, speedKmh: z.number().nullable(), heading: z.number().nullable() });
