import { AppError, notFound } from '../../errors.js';
import { can, type Actor } from '../../platform/auth/access.js';
import type { Queryable } from '../../platform/db/client.js';
import { findJurisdiction as findById } from '../jurisdictions/index.js';
import { findStaff } from './staff.queries.js';

/** A staff member the actor may see; one outside the actor's scope does not exist for them. */
export async function visibleStaff(q: Queryable, actor: Actor, id: string) {
  const member = await findStaff(q, id);
  if (!member || !can(actor, 'staff:read', member.jurisdictionPath)) throw notFound('Staff member');
  return member;
}

/** A staff member the actor may manage: visible, and inside a subtree where they administer. */
export async function manageableStaff(q: Queryable, actor: Actor, id: string) {
  const member = await findStaff(q, id);
  if (!member || !(can(actor, 'staff:read', member.jurisdictionPath) || can(actor, 'staff:manage', member.jurisdictionPath))) {
    throw notFound('Staff member');
  }
  if (!can(actor, 'staff:manage', member.jurisdictionPath)) {
    throw new AppError('FORBIDDEN', `You may not manage staff of ${member.jurisdictionPath}`);
  }
  return member;
}

/** A jurisdiction the actor may grant roles on or assign staff to. */
export async function manageableJurisdiction(q: Queryable, actor: Actor, id: string, field: string) {
  const j = await findById(q, id);
  if (!j || !can(actor, 'jurisdictions:read', j.path)) {
    throw new AppError('VALIDATION_FAILED', `${field}: no such jurisdiction in your scope`, {
      fields: [{ path: field, message: 'no such jurisdiction in your scope' }],
    });
  }
  if (!can(actor, 'staff:manage', j.path)) {
    throw new AppError('FORBIDDEN', `You may not manage staff of ${j.path}`);
  }
  return j;
}
