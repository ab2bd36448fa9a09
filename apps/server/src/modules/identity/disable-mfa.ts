import { and, eq, isNull } from 'drizzle-orm';
import { AppError } from '../../errors.js';
import type { Actor } from '../../platform/auth/access.js';
import { runCommand, type CommandContext, type CommandDeps } from '../../platform/command.js';
import { sessions } from './auth.tables.js';
import { factorOf, removeFactor, requiredForUser, type MfaPolicy } from './mfa-factor.js';
import { reauthenticate } from './mfa-reauth.js';
import { manageableStaff } from './staff.access.js';
import { findStaff } from './staff.queries.js';

/** Turns my own second factor off, after re-authentication; refused while a role of mine requires it. */
export async function disableMfa(
  deps: CommandDeps,
  ctx: CommandContext & { actor: Actor },
  policy: MfaPolicy,
  input: { password: string; code: string },
): Promise<void> {
  if (await requiredForUser(deps.db, ctx.actor.id, policy)) throw new AppError('MFA_REQUIRED_FOR_ROLE');
  await reauthenticate(deps, ctx, policy, input);
  await runCommand(deps, ctx, async (tx, record) => {
    await removeFactor(tx, ctx.actor.id);
    const member = await findStaff(tx, ctx.actor.id);
    const path = member?.jurisdictionPath ?? null;
    const data = { userId: ctx.actor.id, username: ctx.actor.username };
    record.audit({ action: 'mfa.disabled', entityType: 'user', entityId: ctx.actor.id, jurisdictionPath: path, after: data });
    record.emit({ type: 'mfa.disabled', jurisdictionPath: path, data });
  });
}

/**
 * An administrator resets another account's second factor (a lost phone): factor, recovery codes
 * and pending sign-in steps go, and so do its sessions — whoever holds the old device is out. At
 * the next sign-in the holder enrols again (at once when a role requires it). Only within the
 * administrator's reach (manageableStaff).
 */
export async function resetMfa(deps: CommandDeps, ctx: CommandContext & { actor: Actor }, policy: MfaPolicy, userId: string): Promise<void> {
  await runCommand(deps, ctx, async (tx, record) => {
    const member = await manageableStaff(tx, ctx.actor, userId);
    const had = await factorOf(tx, userId);
    if (!had) throw new AppError('CONFLICT', 'Two-factor sign-in is not set up for this account');
    await removeFactor(tx, userId);
    await tx.update(sessions).set({ revokedAt: deps.clock() }).where(and(eq(sessions.userId, userId), isNull(sessions.revokedAt)));
    const data = { userId, username: member.username, wasEnrolled: had.confirmedAt !== null, requiredByRole: await requiredForUser(tx, userId, policy) };
    record.audit({ action: 'mfa.reset', entityType: 'user', entityId: userId, jurisdictionPath: member.jurisdictionPath, after: data });
    record.emit({ type: 'mfa.reset', jurisdictionPath: member.jurisdictionPath, data });
  });
}
