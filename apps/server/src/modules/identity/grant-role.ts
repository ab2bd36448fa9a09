import type { Role, StaffMember } from '@firebreak/contracts';
import { and, eq, isNull } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';
import { AppError, notFound } from '../../errors.js';
import type { Actor } from '../../platform/auth/access.js';
import { runCommand, type CommandContext, type CommandDeps } from '../../platform/command.js';
import { grantsOf } from './actor.queries.js';
import { findStaff } from './staff.queries.js';
import { assertDutiesSeparated, assertMayAdministerAccounts, assertMayChangeGrantsOf, manageableJurisdiction, manageableStaff } from './staff.access.js';
import { grants } from './staff.tables.js';
import { sessions } from './auth.tables.js';
import { factorOf } from './mfa-factor.js';

/**
 * Grants a role on a jurisdiction to an account the actor may manage (`manageableStaff`: wholly
 * within the actor's reach), on a jurisdiction the actor administers; never to the actor's own
 * account, nor a role its grants must stay apart from (separation of duties, `access.ts`).
 * Granting one that is already held is a conflict.
 */
export async function grantRole(
  deps: CommandDeps,
  ctx: CommandContext & { actor: Actor },
  userId: string,
  input: { role: Role; jurisdictionId: string },
  mfaRequiredRoles: readonly Role[] = [],
): Promise<StaffMember> {
  assertMayAdministerAccounts(ctx.actor);
  assertMayChangeGrantsOf(ctx.actor, userId);
  const { result } = await runCommand(deps, ctx, async (tx, record) => {
    const member = await manageableStaff(tx, ctx.actor, userId);
    const j = await manageableJurisdiction(tx, ctx.actor, input.jurisdictionId, 'body.jurisdictionId');
    assertDutiesSeparated(member.kind, member.grants.map((g) => ({ role: g.role, path: g.jurisdictionPath })), { role: input.role, path: j.path }, 'body.role');
    const id = uuidv7();
    const inserted = await tx
      .insert(grants)
      .values({ id, userId, role: input.role, jurisdictionId: j.id, grantedBy: ctx.actor.id })
      .onConflictDoNothing()
      .returning({ id: grants.id });
    if (inserted.length === 0) throw new AppError('CONFLICT', `The role ${input.role} on ${j.path} is already granted`);
    // A role that needs a second factor must not ride on sessions opened without one: they end, and
    // the next sign-in goes through enrolment.
    const sessionsEnded = mfaRequiredRoles.includes(input.role) && !(await factorOf(tx, userId))?.confirmedAt;
    if (sessionsEnded) await tx.update(sessions).set({ revokedAt: deps.clock() }).where(and(eq(sessions.userId, userId), isNull(sessions.revokedAt)));
    record.audit({ action: 'staff.grant_added', entityType: 'grant', entityId: id, jurisdictionPath: j.path, after: { userId, role: input.role, ...(sessionsEnded ? { sessionsEnded } : {}) } });
    record.emit({ type: 'staff.grant_added', jurisdictionPath: j.path, data: { userId, grantId: id, role: input.role } });
    return (await findStaff(tx, userId))!;
  });
  return result;
}

/**
 * Revokes a grant. The actor must be able to manage the whole account, not only the jurisdiction
 * the grant is on: stripping a national account's town role is not a town administrator's call.
 * Never one of the actor's own (another administrator must: the last administrator cannot lock the
 * country out either).
 */
export async function revokeGrant(
  deps: CommandDeps,
  ctx: CommandContext & { actor: Actor },
  userId: string,
  grantId: string,
): Promise<StaffMember> {
  assertMayAdministerAccounts(ctx.actor);
  assertMayChangeGrantsOf(ctx.actor, userId);
  const { result } = await runCommand(deps, ctx, async (tx, record) => {
    await manageableStaff(tx, ctx.actor, userId);
    const grant = (await grantsOf(tx, userId)).find((g) => g.id === grantId);
    if (!grant) throw notFound('Grant');
    await tx.delete(grants).where(and(eq(grants.id, grantId), eq(grants.userId, userId)));
    record.audit({ action: 'staff.grant_revoked', entityType: 'grant', entityId: grantId, jurisdictionPath: grant.path, before: { userId, role: grant.role } });
    record.emit({ type: 'staff.grant_revoked', jurisdictionPath: grant.path, data: { userId, grantId, role: grant.role } });
    return (await findStaff(tx, userId))!;
  });
  return result;
}
