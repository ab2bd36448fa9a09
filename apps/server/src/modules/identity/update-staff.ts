import type { StaffMember } from '@firebreak/contracts';
import { and, eq, isNull } from 'drizzle-orm';
import { AppError } from '../../errors.js';
import { runCommand, type CommandContext, type CommandDeps } from '../../platform/command.js';
import type { Actor } from '../../platform/auth/access.js';
import { apiTokens, sessions } from './auth.tables.js';
import { forgetAccountThrottle } from './login-throttle.js';
import { hashPassword } from './secrets.js';
import { findStaff } from './staff.queries.js';
import { assertMayAdministerAccounts, manageableStaff } from './staff.access.js';
import { users } from './staff.tables.js';

export interface UpdateStaffInput {
  displayName?: string | undefined;
  disabled?: boolean | undefined;
  password?: string | undefined;
}

/**
 * Renames, disables/enables or resets the password of an account. Disabling it or a new password
 * ends its sessions and revokes its API tokens: whoever knew the old password may have minted one.
 */
export async function updateStaff(
  deps: CommandDeps,
  ctx: CommandContext & { actor: Actor },
  id: string,
  input: UpdateStaffInput,
): Promise<StaffMember> {
  assertMayAdministerAccounts(ctx.actor);
  if (input.disabled === true && id === ctx.actor.id) {
    throw new AppError('CONFLICT', 'You cannot disable your own account', { fields: [{ path: 'body.disabled', message: 'cannot disable yourself' }] });
  }
  const passwordHash = input.password ? await hashPassword(input.password) : undefined;
  const { result } = await runCommand(deps, ctx, async (tx, record) => {
    const before = await manageableStaff(tx, ctx.actor, id);
    const now = deps.clock();
    await tx
      .update(users)
      .set({
        ...(input.displayName !== undefined ? { displayName: input.displayName } : {}),
        ...(input.disabled !== undefined ? { disabledAt: input.disabled ? now : null } : {}),
        ...(passwordHash ? { passwordHash } : {}),
        updatedAt: now,
      })
      .where(eq(users.id, id));
    if (input.disabled || passwordHash) {
      await tx.update(sessions).set({ revokedAt: now }).where(and(eq(sessions.userId, id), isNull(sessions.revokedAt)));
    }
    if (passwordHash) await forgetAccountThrottle(tx, before.username);
    // A disabled account's tokens die with it: re-enabling must not revive devices silently. A new
    // password ends them too: a token minted with the old one (by a thief, say) would outlive it.
    const revokedTokens = input.disabled || passwordHash
      ? await tx.update(apiTokens).set({ revokedAt: now }).where(and(eq(apiTokens.userId, id), isNull(apiTokens.revokedAt))).returning({ id: apiTokens.id })
      : [];
    const after = (await findStaff(tx, id))!;
    const changed = {
      ...(input.displayName !== undefined ? { displayName: after.displayName } : {}),
      ...(input.disabled !== undefined ? { disabled: after.disabled } : {}),
      ...(passwordHash ? { passwordReset: true } : {}),
      ...(revokedTokens.length > 0 ? { tokensRevoked: revokedTokens.length } : {}),
    };
    record.audit({ action: 'staff.updated', entityType: 'user', entityId: id, jurisdictionPath: after.jurisdictionPath, before: { displayName: before.displayName, disabled: before.disabled }, after: changed });
    record.emit({ type: 'staff.updated', jurisdictionPath: after.jurisdictionPath, data: { id, ...changed } });
    return after;
  });
  return result;
}
