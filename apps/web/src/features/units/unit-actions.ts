import type { Unit, UnitActionBody } from '@firebreak/contracts';
// The lifecycle rule itself, shared with the server's unit model: a zod-free entry of contracts.
import { allowedUnitActions } from '@firebreak/contracts/unit-lifecycle';

export type UnitAction = UnitActionBody['action'];

/**
 * The steps `POST /units/:id/actions` would accept for this unit now: the server's own rule
 * (contracts `unit-lifecycle.ts`), so the menu offers only what works. The server still decides:
 * a unit that changed meanwhile gets a problem+json refusal.
 */
export const unitActions = (u: Pick<Unit, 'status' | 'onDuty'>): UnitAction[] => allowedUnitActions(u);

/** `units:manage` or `dispatch:respond` lets a dispatcher record these steps (the server checks the jurisdiction). */
export const mayChangeUnitStatus = (permissions: readonly string[]): boolean =>
  permissions.includes('units:manage') || permissions.includes('dispatch:respond');
