import type { UnitStatus } from './units.js';

/**
 * Which unit steps are allowed from which status and duty: the one rule the server's unit model
 * (`decide`) enforces and the web app's unit menu offers. Pure TypeScript without zod, so the
 * browser can import the values (`@firebreak/contracts/unit-lifecycle`) without the schemas.
 *
 *   available / at_station ──dispatch──> dispatched ──en_route──> en_route ──on_scene──> on_scene ──transport──> transporting
 *   any committed state ──clear──> available;  out_of_service <──> available (when not committed)
 */

/** Statuses of a unit busy on an incident: it must be cleared before going off duty or out of service. */
export const UNIT_COMMITTED_STATUSES: readonly UnitStatus[] = ['dispatched', 'en_route', 'on_scene', 'transporting'];
/** Statuses from which an on-duty unit may be dispatched. */
export const UNIT_DISPATCHABLE_STATUSES: readonly UnitStatus[] = ['available', 'at_station'];
/** A committed unit that may be sent on to another incident without clearing first (not while transporting). */
export const UNIT_REASSIGNABLE_STATUSES: readonly UnitStatus[] = ['dispatched', 'en_route', 'on_scene'];

export const UNIT_STEPS = ['dispatch', 'reassign', 'en_route', 'on_scene', 'transport', 'clear', 'at_station', 'out_of_service', 'in_service', 'on_duty', 'off_duty'] as const;
export type UnitStep = (typeof UNIT_STEPS)[number];
/** The steps a unit or its dispatcher records outside an assignment (`POST /units/:id/actions`). */
export const UNIT_ACTIONS = ['on_duty', 'off_duty', 'at_station', 'out_of_service', 'in_service'] as const satisfies readonly UnitStep[];
export type UnitActionStep = (typeof UNIT_ACTIONS)[number];

/** What the rule looks at: the unit's status, duty and (for a reassignment) its current incident. */
export interface UnitStanding {
  status: UnitStatus;
  onDuty: boolean;
  incidentId?: string | null;
}

export const isCommittedStatus = (s: UnitStatus): boolean => UNIT_COMMITTED_STATUSES.includes(s);

/**
 * Why `step` is refused for this unit now, or null when it is allowed. `incidentId` is the
 * incident a reassignment sends the unit to. The reasons are the server's problem+json details.
 */
export function unitStepRefusal(u: UnitStanding, step: UnitStep, incidentId?: string): string | null {
  switch (step) {
    case 'dispatch':
      if (!u.onDuty) return 'the unit is off duty';
      if (!UNIT_DISPATCHABLE_STATUSES.includes(u.status)) return `the unit is ${u.status.replace('_', ' ')}`;
      return null;
    case 'reassign':
      // Diverted on the way, or released from one scene straight to another; a unit carrying a
      // patient (transporting) is not free to go elsewhere, and a free unit is dispatched, not reassigned.
      if (!u.onDuty) return 'the unit is off duty';
      if (!UNIT_REASSIGNABLE_STATUSES.includes(u.status)) return `a unit that is ${u.status.replace('_', ' ')} cannot be reassigned`;
      if (incidentId !== undefined && u.incidentId === incidentId) return 'the unit is already on that incident';
      return null;
    case 'en_route':
      return u.status === 'dispatched' ? null : `a unit that is ${u.status} cannot set off`;
    case 'on_scene':
      return u.status === 'dispatched' || u.status === 'en_route' ? null : `a unit that is ${u.status} cannot arrive on scene`;
    case 'transport':
      return u.status === 'on_scene' ? null : `a unit that is ${u.status} cannot start transporting`;
    case 'clear':
      return isCommittedStatus(u.status) ? null : `a unit that is ${u.status} has nothing to clear`;
    case 'at_station':
      return u.status === 'available' ? null : `a unit that is ${u.status} cannot report at station`;
    case 'out_of_service':
      if (isCommittedStatus(u.status)) return 'a committed unit must be cleared first';
      if (u.status === 'out_of_service') return 'the unit is already out of service';
      return null;
    case 'in_service':
      return u.status === 'out_of_service' ? null : 'the unit is in service';
    case 'on_duty':
      return u.onDuty ? 'the unit is already on duty' : null;
    case 'off_duty':
      if (!u.onDuty) return 'the unit is already off duty';
      if (isCommittedStatus(u.status)) return 'a committed unit must be cleared before going off duty';
      return null;
  }
}

/** The steps outside an assignment this unit may take now, in menu order. */
export const allowedUnitActions = (u: UnitStanding): UnitActionStep[] => UNIT_ACTIONS.filter((a) => unitStepRefusal(u, a) === null);
