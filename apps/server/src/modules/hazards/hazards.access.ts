import type { Permission } from '@firebreak/contracts';
import { AppError, notFound } from '../../errors.js';
import { can, type Actor } from '../../platform/auth/access.js';
import type { Queryable } from '../../platform/db/client.js';
import { findHazardRow, type HazardRow } from './hazards.queries.js';
import type { Decision } from './model.js';

/** A hazard the actor may act on with `permission`, locked for the command; unseen ones do not exist. */
export async function hazardFor(q: Queryable, actor: Actor, id: string, permission: Permission): Promise<HazardRow> {
  const row = await findHazardRow(q, id, { lock: true });
  if (!row || !can(actor, 'hazards:read', row.jurisdictionPath)) throw notFound('Hazard');
  if (!can(actor, permission, row.jurisdictionPath)) throw new AppError('FORBIDDEN', `You need ${permission} in ${row.jurisdictionPath}`);
  return row;
}

/** The model's refusal as a problem: the field at fault is a 400, a wrong state a 409. */
export function refused(d: Extract<Decision, { ok: false }>): AppError {
  if (d.field) return new AppError('VALIDATION_FAILED', `${d.field}: ${d.reason}`, { fields: [{ path: d.field, message: d.reason }] });
  return new AppError('HAZARD_TRANSITION_NOT_ALLOWED', d.reason);
}
