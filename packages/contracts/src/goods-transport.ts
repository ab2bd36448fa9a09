import { z } from 'zod';
import { Id, JurisdictionPath, Position, Timestamp } from './common.js';
import { Quantity } from './goods.js';

/** The corridor a permitted vehicle must keep to: metres either side of the approved route. */
export const CORRIDOR_METRES = { min: 50, max: 2000, default: 200 } as const;
/** How long a vehicle may stand still outside an approved stop (the two sites). */
export const MAX_STOP_MINUTES = { min: 1, max: 240, default: 10 } as const;
/** After how many minutes without a fix a vehicle is reported dark. */
export const DARK_AFTER_MINUTES = { min: 1, max: 120, default: 5 } as const;
/** How long a vehicle may stand at an approved stop (a rest area, a customs yard), per stop. */
export const APPROVED_STOP_MINUTES = { min: 1, max: 720 } as const;
/** How near an approved stop's point a standing vehicle counts as standing there. */
export const APPROVED_STOP_METRES = { min: 20, max: 500, default: 100 } as const;
export const MAX_APPROVED_STOPS = 10;
/** Arrival: within this of the receiving site… */
export const ARRIVAL_METRES = { min: 30, max: 1000, default: 150 } as const;
/** …for this long (0: the first fix there), so that a route driving past the receiver does not arrive early. */
export const ARRIVAL_MINUTES = { min: 0, max: 60, default: 2 } as const;

/** A place on the way where the vehicle may stand for up to `maxMinutes` (outside it, `maxStopMinutes` holds). */
export const ApprovedStop = z.strictObject({
  name: z.string().trim().min(1).max(120),
  location: Position,
  maxMinutes: z.number().int().min(APPROVED_STOP_MINUTES.min).max(APPROVED_STOP_MINUTES.max),
  radiusMeters: z.number().int().min(APPROVED_STOP_METRES.min).max(APPROVED_STOP_METRES.max).default(APPROVED_STOP_METRES.default),
});
export type ApprovedStop = z.infer<typeof ApprovedStop>;

/** The longest a permit's time window may be. */
export const MAX_PERMIT_HOURS = 72;

/**
 * A transport permit: one load of one item from one licensed site to another, by one vehicle,
 * within a time window. The goods leave the sender's stock for its in-transit account when the
 * permit is issued; the receiving site takes them in when it confirms receipt.
 */
export const IssuePermitBody = z.strictObject({
  fromSiteId: Id,
  toSiteId: Id,
  itemKey: z.string().trim().min(1).max(40),
  quantity: Quantity,
  /** The vehicle's registration; it reports with an API token holding `avl:report` (as units' terminals do). */
  vehicle: z.string().trim().min(2).max(20),
  window: z.strictObject({ from: Timestamp, until: Timestamp }),
  corridorMeters: z.number().int().min(CORRIDOR_METRES.min).max(CORRIDOR_METRES.max).default(CORRIDOR_METRES.default),
  maxStopMinutes: z.number().int().min(MAX_STOP_MINUTES.min).max(MAX_STOP_MINUTES.max).default(MAX_STOP_MINUTES.default),
  darkAfterMinutes: z.number().int().min(DARK_AFTER_MINUTES.min).max(DARK_AFTER_MINUTES.max).default(DARK_AFTER_MINUTES.default),
  /** Approved stops on the way, each within the route's corridor. */
  stops: z.array(ApprovedStop).max(MAX_APPROVED_STOPS).default([]),
  arrivalMeters: z.number().int().min(ARRIVAL_METRES.min).max(ARRIVAL_METRES.max).default(ARRIVAL_METRES.default),
  arrivalMinutes: z.number().int().min(ARRIVAL_MINUTES.min).max(ARRIVAL_MINUTES.max).default(ARRIVAL_MINUTES.default),
  note: z.string().trim().min(1).max(2000).optional(),
  /**
   * The device account of the vehicle's terminal. Named, only that account may report the permit's
   * fixes over HTTP; left out, any account holding `avl:report` where the permit is supervised or a
   * site lies may (a unit's terminal or crew there too): name it (docs/security.md).
   */
  terminalId: Id.optional(),
}).refine((b) => b.toSiteId !== b.fromSiteId, { message: 'a transport goes to another site', path: ['toSiteId'] })
  .refine((b) => Date.parse(b.window.until) > Date.parse(b.window.from), { message: 'the window ends after it begins', path: ['window', 'until'] })
  .refine((b) => Date.parse(b.window.until) - Date.parse(b.window.from) <= MAX_PERMIT_HOURS * 3_600_000, { message: `a window is at most ${MAX_PERMIT_HOURS} hours`, path: ['window', 'until'] });
export type IssuePermitBody = z.infer<typeof IssuePermitBody>;

/** Issued: not moving yet; in transit: fixes arrive; arrived: at the receiving site; received: its stock took the goods in; cancelled: back in the sender's stock. */
export const PERMIT_STATES = ['issued', 'in_transit', 'arrived', 'received', 'cancelled'] as const;
export const PermitState = z.enum(PERMIT_STATES);
export type PermitState = z.infer<typeof PermitState>;

export const PROTECTED_ZONE_KINDS = ['school', 'kindergarten', 'cordon'] as const;
export const ProtectedZoneKind = z.enum(PROTECTED_ZONE_KINDS);
export type ProtectedZoneKind = z.infer<typeof ProtectedZoneKind>;

/** A zone the route avoids and the vehicle may not enter: a school or kindergarten in its hours, a major incident's cordon. */
export const ProtectedZone = z.object({
  id: z.string(),
  kind: ProtectedZoneKind,
  name: z.string(),
  /** When a school or kindergarten is protected: the hours it keeps (OSM `opening_hours`, per the coverage module); null for a cordon (always). Absent on permits issued before hours were kept: the built-in category default. */
  hours: z.string().nullable().optional(),
  /** Local dates in the permit's window on which the place is closed (a public or school holiday, `/coverage/closed-days`): not protected then. */
  closedDates: z.array(z.iso.date()).optional(),
  area: z.object({ type: z.literal('Polygon'), coordinates: z.array(z.array(Position)) }),
});
export type ProtectedZone = z.infer<typeof ProtectedZone>;

export const TRANSPORT_ALERT_KINDS = ['left_corridor', 'rejoined_corridor', 'entered_zone', 'stopped', 'dark', 'arrived'] as const;
export const TransportAlertKind = z.enum(TRANSPORT_ALERT_KINDS);
export type TransportAlertKind = z.infer<typeof TransportAlertKind>;

export const TransportAlert = z.object({
  id: Id,
  permitId: Id,
  /** 1, 2, 3… per permit: the order they were raised in. */
  seq: z.number().int(),
  kind: TransportAlertKind,
  at: Timestamp,
  location: Position.nullable(),
  /** The zone entered, the minutes stood still or dark, the metres off the route. */
  detail: z.object({
    zoneId: z.string().optional(), zoneName: z.string().optional(), zoneKind: ProtectedZoneKind.optional(), minutes: z.number().optional(), metersOff: z.number().optional(),
    /** A stop beyond the allowance at an approved stop: its name and what it allowed. */
    stopName: z.string().optional(), allowedMinutes: z.number().optional(),
  }),
  vehicle: z.string(),
  supervisingPath: JurisdictionPath,
});
export type TransportAlert = z.infer<typeof TransportAlert>;

export const TransportPermit = z.object({
  id: Id,
  state: PermitState,
  item: z.object({ key: z.string(), name: z.string(), unit: z.string(), unNumber: z.string().nullable(), hazardClass: z.string().nullable() }),
  quantity: z.number().int(),
  vehicle: z.string(),
  from: z.object({ siteId: Id, name: z.string(), location: Position }),
  to: z.object({ siteId: Id, name: z.string(), location: Position }),
  window: z.object({ from: Timestamp, until: Timestamp }),
  corridorMeters: z.number().int(),
  maxStopMinutes: z.number().int(),
  darkAfterMinutes: z.number().int(),
  stops: z.array(ApprovedStop),
  arrivalMeters: z.number().int(),
  arrivalMinutes: z.number().int(),
  /** The local time zone the zones' hours were read in when issued (the deployment's, FIREBREAK_TIME_ZONE). */
  timeZone: z.string(),
  route: z.object({ type: z.literal('LineString'), coordinates: z.array(Position) }),
  distanceMeters: z.number(),
  durationSeconds: z.number(),
  corridor: z.object({ type: z.string(), coordinates: z.array(z.unknown()) }),
  /** What the route was made to avoid. */
  zones: z.array(ProtectedZone),
  supervisingPath: JurisdictionPath,
  lastFix: z.object({ location: Position, at: Timestamp, speedKmh: z.number().nullable() }).nullable(),
  dispatchTransferId: Id,
  deliveryTransferId: Id.nullable(),
  note: z.string().nullable(),
  issuedBy: z.object({ id: Id.nullable(), name: z.string() }),
  issuedAt: Timestamp,
  version: z.number().int(),
  /** The device account bound to report the fixes (null: not bound). */
  terminalId: Id.nullable(),
});
export type TransportPermit = z.infer<typeof TransportPermit>;

export const PermitListQuery = z.strictObject({ state: PermitState.optional(), active: z.enum(['true', 'false']).optional() });
export type PermitListQuery = z.infer<typeof PermitListQuery>;

/** A fix of a permitted vehicle: the same as a unit's AVL fix, without the unit. */
export const TransportFix = z.strictObject({
  location: Position,
  at: Timestamp,
  speedKmh: z.number().min(0).max(400).optional(),
  heading: z.number().min(0).max(360).optional(),
});
export type TransportFix = z.infer<typeof TransportFix>;

export const TransportFixesBody = z.strictObject({ fixes: z.array(TransportFix).min(1).max(5000) });
export type TransportFixesBody = z.infer<typeof TransportFixesBody>;

export const TransportFixesResult = z.object({
  accepted: z.number().int(),
  /** Fixes not newer than the last one held (a retry, or late): kept out of the watch. */
  ignored: z.number().int(),
  alerts: z.array(TransportAlert),
  state: PermitState,
});
export type TransportFixesResult = z.infer<typeof TransportFixesResult>;

export const TrailPoint = z.object({ location: Position, at: Timestamp, speedKmh: z.number().nullable() });
export type TrailPoint = z.infer<typeof TrailPoint>;

/** Binds a permit issued without one to its vehicle's terminal (a device account): then the only HTTP reporter of its fixes. */
export const BindPermitTerminalBody = z.strictObject({ terminalId: Id });
export type BindPermitTerminalBody = z.infer<typeof BindPermitTerminalBody>;

export const PermitActionBody = z.strictObject({ note: z.string().trim().min(1).max(2000).optional() });
export type PermitActionBody = z.infer<typeof PermitActionBody>;

/** What a licensed site near a major incident holds per its ledger (§4: firefighters need to know before they enter). */
export const SiteHoldingsNear = z.object({
  siteId: Id,
  name: z.string(),
  location: Position,
  distanceMeters: z.number(),
  licenceState: z.string(),
  holdings: z.array(z.object({ itemKey: z.string(), name: z.string(), kind: z.enum(['chemical', 'controlled']), unNumber: z.string().nullable(), hazardClass: z.string().nullable(), category: z.string().nullable(), unit: z.string(), balance: z.number().int() })),
});
export type SiteHoldingsNear = z.infer<typeof SiteHoldingsNear>;
