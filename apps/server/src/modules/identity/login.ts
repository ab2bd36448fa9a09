import type { MfaChallenge } from '@firebreak/contracts';
import { v7 as uuidv7 } from 'uuid';
import { AppError } from '../../errors.js';
import { runCommand, type CommandContext, type CommandDeps } from '../../platform/command.js';
import { findStaff, findUserByUsername } from './staff.queries.js';
import { sessions } from './auth.tables.js';
import { hashSecret, newSecret, verifyPassword } from './secrets.js';
import type { MfaPolicy } from './mfa-factor.js';
import { mfaGate } from './mfa-gate.js';
import { reserveLoginAttempt, settleLoginSuccess, throttleCount, type ThrottleTicket } from './login-throttle.js';
import { waitAfter, type LoginThrottlePolicy } from './login-throttle.rules.js';

export interface LoginPolicy {
  throttle: LoginThrottlePolicy;
  sessionTtlHours: number;
  /** The second factor (MFA_REQUIRED_ROLES, …): see mfa-gate.ts. */
  mfa: MfaPolicy;
}

export interface LoginResult {
  sessionSecret: string;
  expiresAt: Date;
  userId: string;
}

/**
 * Checks a username and password from a client address. The throttle comes first (429 before any
 * lookup or hashing, the same for every username); then every attempt does the same work — a
 * lookup, one argon2 verification (of a dummy hash for an unknown name) and, on failure, one
 * audited command — so neither the answer nor its timing tells a known account from an unknown
 * one. Failures never lock an account; an administrator disables one (PATCH /staff/{id}).
 */
export async function login(
  deps: CommandDeps,
  ctx: CommandContext,
  policy: LoginPolicy,
  input: { username: string; password: string },
  clientAddress: string,
): Promise<LoginResult | MfaChallenge> {
  const ticket = await reserveLoginAttempt(deps.db, policy.throttle, deps.clock(), input.username, clientAddress);
  const user = await findUserByUsername(deps.db, input.username);
  const ok = await verifyPassword(user?.kind === 'staff' ? user.passwordHash : null, input.password);
  if (!user || !ok) {
    await recordFailure(deps, ctx, policy.throttle, { username: input.username, userId: user?.id ?? null, clientAddress, ticket });
    throw new AppError('AUTH_INVALID_CREDENTIALS');
  }
  if (user.disabledAt) throw new AppError('AUTH_ACCOUNT_DISABLED');
  // A second factor, when the account has one or its role requires it: a ticket for that step, no session yet.
  const challenge = await mfaGate(deps, { ...ctx, actorName: user.username }, policy.mfa, user.id);
  if (!challenge) return openSession(deps, ctx, policy, user.id, ticket);
  // The password was right: the throttle counts passwords, so settle it now (the second factor has its own limit).
  await settleLoginSuccess(deps.db, ticket, policy.throttle, deps.clock());
  return challenge;
}

/**
 * Audits a failed login (every one that was not throttled: the throttle bounds their number per
 * address, so a flood cannot flood the audit log; refusals by the throttle are not audited). An
 * unknown username is audited without the name tried — people type passwords into that field,
 * and the audit log is forever — but with the client address, for spotting password spraying.
 */
async function recordFailure(
  deps: CommandDeps,
  ctx: CommandContext,
  throttle: LoginThrottlePolicy,
  failure: { username: string; userId: string | null; clientAddress: string; ticket: ThrottleTicket },
): Promise<void> {
  const { userId, clientAddress } = failure;
  await runCommand(deps, { ...ctx, actorName: userId ? failure.username : undefined }, async (tx, record) => {
    const member = userId ? await findStaff(tx, userId) : null;
    const path = member?.jurisdictionPath ?? null;
    const counted = await throttleCount(tx, failure.ticket);
    const data = {
      userId,
      username: member?.username ?? null,
      clientAddress,
      failuresFromAddress: counted.account,
      waitSeconds: waitAfter(counted.account, throttle.freeFailures, throttle) || undefined,
    };
    record.audit({ action: 'auth.login_failed', entityType: 'user', entityId: userId, jurisdictionPath: path, after: data });
    record.emit({ type: 'auth.login_failed', jurisdictionPath: path, data });
  });
}

/**
 * Opens a session for a user who proved who they are. `ticket` is the login throttle's reservation
 * of this attempt, settled here (null when the last step was not a password: verify-mfa.ts, enrol-mfa.ts).
 */
export async function openSession(deps: CommandDeps, ctx: CommandContext, policy: LoginPolicy, userId: string, ticket: ThrottleTicket | null): Promise<LoginResult> {
  const secret = newSecret();
  const now = deps.clock();
  const expiresAt = new Date(now.getTime() + policy.sessionTtlHours * 3_600_000);
  await runCommand(deps, ctx, async (tx, record) => {
    if (ticket) await settleLoginSuccess(tx, ticket, policy.throttle, now);
    const id = uuidv7();
    await tx.insert(sessions).values({ id, userId, tokenHash: hashSecret(secret), expiresAt, lastSeenAt: now });
    const member = await findStaff(tx, userId);
    record.audit({ action: 'auth.logged_in', entityType: 'session', entityId: id, jurisdictionPath: member?.jurisdictionPath ?? null, after: { userId, expiresAt: expiresAt.toISOString() } });
  });
  return { sessionSecret: secret, expiresAt, userId };
}
