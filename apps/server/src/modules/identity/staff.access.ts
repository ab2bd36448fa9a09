import { eq } from 'drizzle-orm';
import { AppError, notFound } from '../../errors.js';
import type { Role } from '@firebreak/contracts';
import { can, dutiesClash, mayAdministerAccounts, mayChangeGrantsOf, mayHoldRole, outOfReach, type Actor } from '../../platform/auth/access.js';
import type { Queryable } from '../../platform/db/client.js';
import { findJurisdiction as findById } from '../jurisdictions/index.js';
import { findStaff } from './staff.queries.js';
import { users } from './staff.tables.js';

/** A staff member the actor may see; one outside the actor's scope does not exist for them. */
export async function visibleStaff(q: Queryable, actor: Actor, id: string) {
  const member = await findStaff(q, id);
  if (!member || !can(actor, 'staff:read', member.jurisdictionPath)) throw notFound('Staff member');
  return member;
}

/**
 * A staff member the actor may manage: visible, and wholly where the actor administers — home and
 * every grant (`mayManageAccount`). Visible but reaching further: 403; not visible: 404. Never for
 * an actor signed in with an API token (`mayAdministerAccounts`), whatever the operation.
 *
 * Inside a transaction the account's row is locked first, so a grant added above the actor's reach
 * by a concurrent command cannot slip in between this check and the change that relies on it.
 */
export async function manageableStaff(q: Queryable, actor: Actor, id: string) {
  assertMayAdministerAccounts(actor);
  await q.select({ id: users.id }).from(users).where(eq(users.id, id)).for('update');
  const member = await findStaff(q, id);
  if (!member || !(can(actor, 'staff:read', member.jurisdictionPath) || can(actor, 'staff:manage', member.jurisdictionPath))) {
    throw notFound('Staff member');
  }
  const beyond = outOfReach(actor, { homePath: member.jurisdictionPath, grantPaths: member.grants.map((g) => g.jurisdictionPath) });
  if (beyond === member.jurisdictionPath) throw new AppError('FORBIDDEN', `You may not manage staff of ${beyond}`);
  if (beyond !== null) throw new AppError('FORBIDDEN', `You may not manage this account: it holds a role on ${beyond}, outside where you administer`);
  return member;
}

/** Refuses account administration to an actor signed in with an API token (see `mayAdministerAccounts`). */
export function assertMayAdministerAccounts(actor: Actor): void {
  if (!mayAdministerAccounts(actor)) {
    throw new AppError('FORBIDDEN', 'An API token may not administer accounts or mint tokens: sign in with a session');
  }
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

/** Refuses a change to the actor's own grants (`mayChangeGrantsOf`): 403 naming `path.id`. */
export function assertMayChangeGrantsOf(actor: Actor, accountId: string): void {
  if (!mayChangeGrantsOf(actor, accountId)) {
    throw new AppError('GRANT_OWN_ACCOUNT', 'You may not change your own roles: another administrator grants and revokes them', {
      fields: [{ path: 'path.id', message: 'your own account' }],
    });
  }
}

/**
 * Refuses a grant that would put separated duties on one account (`dutiesClash`), or a role its
 * kind may not hold (`mayHoldRole`): 409 naming `field` (the added grant's role), with the reason.
 */
export function assertDutiesSeparated(kind: 'staff' | 'device', held: readonly { role: Role; path: string }[], added: { role: Role; path: string }, field: string): void {
  if (!mayHoldRole(kind, added.role)) {
    const message = `a device account may not hold the ${added.role} role (its token, minted by an administrator, would read the trail of the administrator's own acts)`;
    throw new AppError('DUTIES_NOT_SEPARATED', `${field}: ${message}`, { fields: [{ path: field, message }] });
  }
  const clash = dutiesClash(held, added);
  if (clash) {
    const message = `the account holds ${clash.role} on ${clash.path}: ${added.role} on ${added.path} overlaps it, and one account may not hold both (separation of duties)`;
    throw new AppError('DUTIES_NOT_SEPARATED', `${field}: ${message}`, { fields: [{ path: field, message }] });
  }
}
