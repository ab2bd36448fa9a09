import { eq } from 'drizzle-orm';
import { AppError } from '../../errors.js';
import type { Actor } from '../../platform/auth/access.js';
import { runCommand, type CommandContext, type CommandDeps } from '../../platform/command.js';
import { assertNotLocked, consumeCode, factorOf, isWrongCode, recordWrongCode, type MfaPolicy } from './mfa-factor.js';
import { verifyPassword } from './secrets.js';
import { users } from './staff.tables.js';

const wrong = (path: 'body.password' | 'body.code', message: string) =>
  new AppError('VALIDATION_FAILED', `${path}: ${message}`, { fields: [{ path, message }] });

/**
 * Proves, for a change to one's own second factor, that the person at the keyboard is the account
 * holder: the password and a current code (from the app, or a recovery code, which is used up). A
 * wrong code counts like one at sign-in. Answers 400 on the field, not 401: the session is fine.
 */
export async function reauthenticate(
  deps: CommandDeps,
  ctx: CommandContext & { actor: Actor },
  policy: MfaPolicy,
  input: { password: string; code: string },
): Promise<void> {
  const userId = ctx.actor.id;
  const factor = await factorOf(deps.db, userId);
  if (!factor?.confirmedAt) throw new AppError('CONFLICT', 'Two-factor sign-in is not turned on for this account');
  const now = deps.clock();
  assertNotLocked(factor, now);
  const [user] = await deps.db.select({ passwordHash: users.passwordHash }).from(users).where(eq(users.id, userId));
  if (!(await verifyPassword(user?.passwordHash ?? null, input.password))) {
    // Counted like a wrong code: a stolen session must not become an unthrottled password oracle.
    await recordWrongCode(deps, ctx, userId, null, 'reauthentication password');
    throw wrong('body.password', 'wrong password');
  }
  try {
    await runCommand(deps, ctx, async (tx, record) => {
      const kind = await consumeCode(tx, factor, policy.secretKey, input.code, now);
      if (!kind) throw new AppError('AUTH_MFA_CODE_INVALID');
      record.audit({ action: kind === 'recovery' ? 'mfa.recovery_used' : 'mfa.verified', entityType: 'user', entityId: userId, jurisdictionPath: null, after: { userId, via: kind, purpose: 'reauthentication' } });
    });
  } catch (err) {
    if (!isWrongCode(err)) throw err;
    await recordWrongCode(deps, ctx, userId, null, 'reauthentication code');
    throw wrong('body.code', 'wrong, expired or already used code');
  }
}
