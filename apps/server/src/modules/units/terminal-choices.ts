import type { StaffMember, UnitTerminalChoices } from '@firebreak/contracts';
import { AppError, notFound } from '../../errors.js';
import { can, canOnUnit, mayBeTerminal, scopeRoots, type Actor } from '../../platform/auth/access.js';
import type { Queryable } from '../../platform/db/client.js';
import { findStaff, listStaff } from '../identity/index.js';
import { findUnitRow } from './units.queries.js';

/** More device accounts than any one agency's fleet has terminals and gateways: the picker's ceiling. */
const MAX_CANDIDATES = 2000;

/**
 * What the bind dialog offers for one unit: the account bound now, and the device accounts
 * `PUT /units/{id}/terminal` would accept (the same rule, `mayBeTerminal`, over the accounts homed
 * where the caller manages units). Its own query, not `GET /staff`: a duty officer manages units
 * without `staff:read`, and should see the fleet's terminals, not the staff list.
 */
export async function terminalChoices(q: Queryable, actor: Actor, unitId: string): Promise<UnitTerminalChoices> {
  const row = await findUnitRow(q, unitId);
  if (!row || !canOnUnit(actor, 'units:read', row)) throw notFound('Unit');
  if (!can(actor, 'units:manage', row.jurisdictionPath)) throw new AppError('FORBIDDEN', `You may not change units of ${row.jurisdictionPath}`);
  const devices = await listStaff(q, scopeRoots(actor, 'units:manage'), { kind: 'device', limit: MAX_CANDIDATES, offset: 0 });
  const pick = (a: StaffMember) => ({ id: a.id, username: a.username, displayName: a.displayName });
  // The bound account may lie outside the caller's reach now (bound by the region): named all the same, so the dialog says what it replaces.
  const bound = row.terminalId === null ? null : devices.find((d) => d.id === row.terminalId) ?? await findStaff(q, row.terminalId);
  return {
    unitId,
    bound: bound ? pick(bound) : null,
    candidates: devices.filter((d) => mayBeTerminal(d, [row.jurisdictionPath])).map(pick),
  };
}
