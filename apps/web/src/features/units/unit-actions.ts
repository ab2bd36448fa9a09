import type { Unit, UnitActionBody } from '@firebreak/contracts';

export type UnitAction = UnitActionBody['action'];

/** Statuses of a unit busy on an incident: it must be cleared (on the incident) before these steps. */
const COMMITTED: readonly string[] = ['dispatched', 'en_route', 'on_scene', 'transporting'];

/**
 * The steps `POST /units/:id/actions` would accept for this unit now, mirroring the server's unit
 * model (`apps/server/src/modules/units/model.ts` `decide`), so the menu offers only what works.
 * The server still decides: a unit that changed meanwhile gets a problem+json refusal.
 */
export function unitActions(u: Pick<Unit, 'status' | 'onDuty'>): UnitAction[] {
  const committed = COMMITTED.includes(u.status);
  const out: UnitAction[] = [];
  if (!u.onDuty) out.push('on_duty');
  if (u.onDuty && !committed) out.push('off_duty');
  if (u.status === 'available') out.push('at_station');
  if (u.status === 'out_of_service') out.push('in_service');
  else if (!committed) out.push('out_of_service');
  return out;
}

/** `units:manage` or `dispatch:respond` lets a dispatcher record these steps (the server checks the jurisdiction). */
export const mayChangeUnitStatus = (permissions: readonly string[]): boolean =>
  permissions.includes('units:manage') || permissions.includes('dispatch:respond');
