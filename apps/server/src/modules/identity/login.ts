import { eq, sql } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';
import { AppError } from '../../errors.js';
import { runCommand, type CommandContext, type CommandDeps } from '../../platform/command.js';
import { findStaff, findUserByUsername } from './staff.queries.js';
import { users } from './staff.tables.js';
import { sessions } from './auth.tables.js';
import { hashSecret, newSecret, verifyPassword } from './secrets.js';

export interface LoginPolicy {
  maxFailures: number;
  lockoutMinutes: number;
  sessionTtlHours: number;
}

export interface LoginResult {
  sessionSecret: string;
  expiresAt: Date;
  userId: string;
}

/**
 * Checks a username and password. Failures count towards a lockout, recorded in the audit chain;
 * success resets the count and opens a session whose secret goes into the cookie.
 */
export async function login(
  deps: CommandDeps,
  ctx: CommandContext,
  policy: LoginPolicy,
  input: { username: string; password: string },
): Promise<LoginResult> {
  const user = await findUserByUsername(deps.db, input.username);
  const now = deps.clock();
  if (user?.lockedUntil && user.lockedUntil > now) {
    throw new AppError('AUTH_ACCOUNT_LOCKED', `Try again after ${user.lockedUntil.toISOString()}`, {
      headers: { 'retry-after': String(Math.ceil((user.lockedUntil.getTime() - now.getTime()) / 1000)) },
    });
  }
  const ok = await verifyPassword(user?.kind === 'staff' ? user.passwordHash : null, input.password);
  if (!user) throw new AppError('AUTH_INVALID_CREDENTIALS');
  if (!ok) {
    await recordFailure(deps, { ...ctx, actorName: input.username }, policy, user.id);
    throw new AppError('AUTH_INVALID_CREDENTIALS');
  }
  if (user.disabledAt) throw new AppError('AUTH_ACCOUNT_DISABLED');
  return openSession(deps, ctx, policy, user.id);
}

async function recordFailure(deps: CommandDeps, ctx: CommandContext, policy: LoginPolicy, userId: string): Promise<void> {
  await runCommand(deps, ctx, async (tx, record) => {
    const lockUntil = new Date(deps.clock().getTime() + policy.lockoutMinutes * 60_000);
    const [row] = await tx
      .update(users)
      .set({
        // Counting restarts after a lockout has run out: one more mistake must not lock again at once.
        failedLogins: sql`case when ${users.lockedUntil} is not null then 1 else ${users.failedLogins} + 1 end`,
        lockedUntil: sql`case when (case when ${users.lockedUntil} is not null then 1 else ${users.failedLogins} + 1 end) >= ${policy.maxFailures}
          then ${lockUntil.toISOString()}::timestamptz else null end`,
      })
      .where(eq(users.id, userId))
      .returning({ failedLogins: users.failedLogins, lockedUntil: users.lockedUntil });
    const member = await findStaff(tx, userId);
    const path = member?.jurisdictionPath ?? null;
    const data = { userId, username: member?.username, failedLogins: row?.failedLogins };
    record.audit({ action: 'auth.login_failed', entityType: 'user', entityId: userId, jurisdictionPath: path, after: data });
    record.emit({ type: 'auth.login_failed', jurisdictionPath: path, data });
    if (row?.lockedUntil) {
      const locked = { ...data, lockedUntil: row.lockedUntil.toISOString() };
      record.audit({ action: 'auth.account_locked', entityType: 'user', entityId: userId, jurisdictionPath: path, after: locked });
      record.emit({ type: 'auth.account_locked', jurisdictionPath: path, data: locked });
    }
  });
}

async function openSession(deps: CommandDeps, ctx: CommandContext, policy: LoginPolicy, userId: string): Promise<LoginResult> {
  const secret = newSecret();
  const expiresAt = new Date(deps.clock().getTime() + policy.sessionTtlHours * 3_600_000);
  await runCommand(deps, ctx, async (tx, record) => {
    await tx.update(users).set({ failedLogins: 0, lockedUntil: null }).where(eq(users.id, userId));
    const id = uuidv7();
    await tx.insert(sessions).values({ id, userId, tokenHash: hashSecret(secret), expiresAt });
    const member = await findStaff(tx, userId);
    record.audit({ action: 'auth.logged_in', entityType: 'session', entityId: id, jurisdictionPath: member?.jurisdictionPath ?? null, after: { userId, expiresAt: expiresAt.toISOString() } });
  });
  return { sessionSecret: secret, expiresAt, userId };
}
