import type { UnitStatus } from '@firebreak/contracts';

/**
 * The unit status lifecycle, pure: no I/O. Commands load a unit, ask `decide` with the time of
 * the step, and store what it returns.
 *
 *   available / at_station ──dispatch──> dispatched ──en_route──> en_route ──on_scene──> on_scene ──transport──> transporting
 *        ^   ^                               │  └────────on_scene─────────────────^        │                        │
 *        │   └──────────────── clear (any committed state) ───────────────────────────────┴────────────────────────┘
 *        └── in_service ── out_of_service <── out_of_service (when not committed)
 *
 * Only an on-duty unit that is not committed to an incident can be dispatched; a committed unit
 * cannot go off duty or out of service until it is cleared. A unit dispatched, en route or on
 * scene can be reassigned to another incident (back to dispatched, for the new one).
 */
export const COMMITTED: readonly UnitStatus[] = ['dispatched', 'en_route', 'on_scene', 'transporting'];
export const DISPATCHABLE: readonly UnitStatus[] = ['available', 'at_station'];
/** A committed unit that may be sent on to another incident without clearing first. */
export const REASSIGNABLE: readonly UnitStatus[] = ['dispatched', 'en_route', 'on_scene'];

export interface UnitFacts {
  status: UnitStatus;
  statusChangedAt: Date;
  onDuty: boolean;
  dutyChangedAt: Date;
  incidentId: string | null;
}

export type UnitCommand =
  | { type: 'dispatch'; incidentId: string }
  | { type: 'reassign'; incidentId: string }
  | { type: 'en_route' }
  | { type: 'on_scene' }
  | { type: 'transport' }
  | { type: 'clear' }
  | { type: 'at_station' }
  | { type: 'out_of_service' }
  | { type: 'in_service' }
  | { type: 'on_duty' }
  | { type: 'off_duty' };

export type Decision = { ok: true; next: UnitFacts } | { ok: false; reason: string };

const refuse = (reason: string): Decision => ({ ok: false, reason });

function move(u: UnitFacts, to: UnitStatus, at: Date, incidentId: string | null = u.incidentId): Decision {
  return { ok: true, next: { ...u, status: to, statusChangedAt: at, incidentId } };
}

export const isCommitted = (s: UnitStatus): boolean => COMMITTED.includes(s);
export const canBeDispatched = (u: Pick<UnitFacts, 'status' | 'onDuty'>): boolean => u.onDuty && DISPATCHABLE.includes(u.status);

export function decide(u: UnitFacts, cmd: UnitCommand, at: Date): Decision {
  switch (cmd.type) {
    case 'dispatch':
      if (!u.onDuty) return refuse('the unit is off duty');
      if (!DISPATCHABLE.includes(u.status)) return refuse(`the unit is ${u.status.replace('_', ' ')}`);
      return move(u, 'dispatched', at, cmd.incidentId);
    case 'reassign':
      // Diverted on the way, or released from one scene straight to another; a unit carrying a
      // patient (transporting) is not free to go elsewhere, and a free unit is dispatched, not reassigned.
      if (!u.onDuty) return refuse('the unit is off duty');
      if (!REASSIGNABLE.includes(u.status)) return refuse(`a unit that is ${u.status.replace('_', ' ')} cannot be reassigned`);
      if (u.incidentId === cmd.incidentId) return refuse('the unit is already on that incident');
      return move(u, 'dispatched', at, cmd.incidentId);
    case 'en_route':
      if (u.status !== 'dispatched') return refuse(`a unit that is ${u.status} cannot set off`);
      return move(u, 'en_route', at);
    case 'on_scene':
      if (u.status !== 'dispatched' && u.status !== 'en_route') return refuse(`a unit that is ${u.status} cannot arrive on scene`);
      return move(u, 'on_scene', at);
    case 'transport':
      if (u.status !== 'on_scene') return refuse(`a unit that is ${u.status} cannot start transporting`);
      return move(u, 'transporting', at);
    case 'clear':
      if (!isCommitted(u.status)) return refuse(`a unit that is ${u.status} has nothing to clear`);
      return move(u, 'available', at, null);
    case 'at_station':
      if (u.status !== 'available') return refuse(`a unit that is ${u.status} cannot report at station`);
      return move(u, 'at_station', at);
    case 'out_of_service':
      if (isCommitted(u.status)) return refuse('a committed unit must be cleared first');
      if (u.status === 'out_of_service') return refuse('the unit is already out of service');
      return move(u, 'out_of_service', at);
    case 'in_service':
      if (u.status !== 'out_of_service') return refuse('the unit is in service');
      return move(u, 'available', at);
    case 'on_duty':
      if (u.onDuty) return refuse('the unit is already on duty');
      return { ok: true, next: { ...u, onDuty: true, dutyChangedAt: at } };
    case 'off_duty':
      if (!u.onDuty) return refuse('the unit is already off duty');
      if (isCommitted(u.status)) return refuse('a committed unit must be cleared before going off duty');
      return { ok: true, next: { ...u, onDuty: false, dutyChangedAt: at } };
  }
}
