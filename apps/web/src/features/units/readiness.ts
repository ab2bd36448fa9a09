import type { Unit } from '@firebreak/contracts';
// The server's own rule of what may be sent (a zod-free entry of contracts).
import { UNIT_DISPATCHABLE_STATUSES } from '@firebreak/contracts/unit-lifecycle';

/**
 * What a dispatcher needs to read off a unit at a glance. `available` and `stale` can both be
 * sent (the server sends any on-duty unit that is available or at its station); `stale` says its
 * position, and so its ETA, is old. `off_duty` reserves and `out_of_service` units cannot be sent
 * whatever their last status says; `committed` ones are on an incident.
 */
export type Readiness = 'available' | 'stale' | 'committed' | 'off_duty' | 'out_of_service';

export const READINESS_ORDER: readonly Readiness[] = ['available', 'stale', 'committed', 'off_duty', 'out_of_service'];

export const READINESS_COLOR: Record<Readiness, string> = {
  available: 'green', stale: 'yellow', committed: 'orange', off_duty: 'gray', out_of_service: 'dark',
};

export function readinessOf(u: Pick<Unit, 'status' | 'onDuty' | 'incidentId' | 'position'>): Readiness {
  if (u.status === 'out_of_service') return 'out_of_service';
  if (u.incidentId !== null || !UNIT_DISPATCHABLE_STATUSES.includes(u.status)) return 'committed';
  if (!u.onDuty) return 'off_duty';
  return u.position?.stale ? 'stale' : 'available';
}

/** Can the unit be sent now (what the board counts as ready)? */
export const canBeSent = (r: Readiness): boolean => r === 'available' || r === 'stale';

export function readinessCounts(units: readonly Pick<Unit, 'status' | 'onDuty' | 'incidentId' | 'position'>[]): Record<Readiness, number> & { sendable: number } {
  const c = { available: 0, stale: 0, committed: 0, off_duty: 0, out_of_service: 0, sendable: 0 };
  for (const u of units) {
    const r = readinessOf(u);
    c[r]++;
    if (canBeSent(r)) c.sendable++;
  }
  return c;
}
