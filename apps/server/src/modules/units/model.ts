import { UNIT_COMMITTED_STATUSES, UNIT_DISPATCHABLE_STATUSES, UNIT_REASSIGNABLE_STATUSES, unitStepRefusal, type UnitStatus } from '@firebreak/contracts';

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
 *
 * Whether a step is allowed (and the reason when not) is the shared rule in contracts
 * (`unitStepRefusal`, also what the web app's unit menu offers); this file says what each step does.
 */
export const COMMITTED: readonly UnitStatus[] = UNIT_COMMITTED_STATUSES;
export const DISPATCHABLE: readonly UnitStatus[] = UNIT_DISPATCHABLE_STATUSES;
/** A committed unit that may be sent on to another incident without clearing first. */
export const REASSIGNABLE: readonly UnitStatus[] = UNIT_REASSIGNABLE_STATUSES;

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
  const reason = unitStepRefusal(u, cmd.type, 'incidentId' in cmd ? cmd.incidentId : undefined);
  if (reason !== null) return refuse(reason);
  switch (cmd.type) {
    case 'dispatch':
    case 'reassign':
      return move(u, 'dispatched', at, cmd.incidentId);
    case 'en_route':
      return move(u, 'en_route', at);
    case 'on_scene':
      return move(u, 'on_scene', at);
    case 'transport':
      return move(u, 'transporting', at);
    case 'clear':
      return move(u, 'available', at, null);
    case 'at_station':
      return move(u, 'at_station', at);
    case 'out_of_service':
      return move(u, 'out_of_service', at);
    case 'in_service':
      return move(u, 'available', at);
    case 'on_duty':
      return { ok: true, next: { ...u, onDuty: true, dutyChangedAt: at } };
    case 'off_duty':
      return { ok: true, next: { ...u, onDuty: false, dutyChangedAt: at } };
  }
}
