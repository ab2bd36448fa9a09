import type { MfaStatus, Role } from '@firebreak/contracts';
import { and, count, eq, isNull, lt, or, sql } from 'drizzle-orm';
import { AppError } from '../../errors.js';
import { runCommand, type CommandContext, type CommandDeps } from '../../platform/command.js';
import type { Queryable, Tx } from '../../platform/db/client.js';
import { grantsOf } from './actor.queries.js';
import { mfaFactors, mfaRecoveryCodes, mfaTickets } from './mfa.tables.js';
import { ACCOUNT_LOCK_MINUTES, ACCOUNT_MAX_FAILURES, acceptedStep, isTotpCode, mfaRequiredFor, normaliseCode, TICKET_MAX_ATTEMPTS } from './mfa-rules.js';
import { openSecret } from './mfa-secret-box.js';
import { hashSecret } from './secrets.js';
import { findStaff } from './staff.queries.js';

/** The deployment's MFA settings (config.mfa). */
export interface MfaPolicy {
  requiredRoles: readonly Role[];
  issuer: string;
  secretKey: Buffer | undefined;
}

export type Factor = typeof mfaFactors.$inferSelect;

/** The account's factor, confirmed or still being enrolled. */
export async function factorOf(q: Queryable, userId: string): Promise<Factor | undefined> {
  const [row] = await q.select().from(mfaFactors).where(eq(mfaFactors.userId, userId));
  return row;
}

export async function requiredForUser(q: Queryable, userId: string, policy: MfaPolicy): Promise<boolean> {
  return mfaRequiredFor((await grantsOf(q, userId)).map((g) => g.role), policy.requiredRoles);
}

export async function mfaStatus(q: Queryable, userId: string, policy: MfaPolicy): Promise<MfaStatus> {
  const factor = await factorOf(q, userId);
  const [left] = await q.select({ n: count() }).from(mfaRecoveryCodes).where(and(eq(mfaRecoveryCodes.userId, userId), isNull(mfaRecoveryCodes.usedAt)));
  const enrolled = Boolean(factor?.confirmedAt);
  return {
    enrolled,
    required: await requiredForUser(q, userId, policy),
    enrolledAt: factor?.confirmedAt?.toISOString() ?? null,
    recoveryCodesLeft: enrolled ? Number(left?.n ?? 0) : 0,
  };
}

/** Refuses while the account's second factor is locked after repeated wrong codes. */
export function assertNotLocked(factor: Factor | undefined, now: Date): void {
  if (factor?.lockedUntil && factor.lockedUntil > now) {
    throw new AppError('AUTH_MFA_LOCKED', `Try again after ${factor.lockedUntil.toISOString()}`, {
      headers: { 'retry-after': String(Math.ceil((factor.lockedUntil.getTime() - now.getTime()) / 1000)) },
    });
  }
}

/**
 * Checks a TOTP or recovery code against the account's factor and, if right, uses it up in the
 * same statement (a conditional update), so two requests racing with one code cannot both pass.
 */
export async function consumeCode(tx: Tx, factor: Factor, key: Buffer | undefined, code: string, now: Date): Promise<'totp' | 'recovery' | null> {
  const c = normaliseCode(code);
  if (isTotpCode(c)) {
    const step = acceptedStep(openSecret(key, factor.userId, factor.secret), c, now, factor.lastUsedStep);
    if (step === null) return null;
    const used = await tx
      .update(mfaFactors)
      .set({ lastUsedStep: step, failedAttempts: 0, lockedUntil: null })
      .where(and(eq(mfaFactors.userId, factor.userId), or(isNull(mfaFactors.lastUsedStep), lt(mfaFactors.lastUsedStep, step))))
      .returning({ userId: mfaFactors.userId });
    return used.length > 0 ? 'totp' : null;
  }
  if (!factor.confirmedAt) return null; // recovery codes exist only once enrolment is confirmed
  const used = await tx
    .update(mfaRecoveryCodes)
    .set({ usedAt: now })
    .where(and(eq(mfaRecoveryCodes.userId, factor.userId), eq(mfaRecoveryCodes.codeHash, hashSecret(c)), isNull(mfaRecoveryCodes.usedAt)))
    .returning({ id: mfaRecoveryCodes.id });
  if (used.length === 0) return null;
  await tx.update(mfaFactors).set({ failedAttempts: 0, lockedUntil: null }).where(eq(mfaFactors.userId, factor.userId));
  return 'recovery';
}

/**
 * A wrong code: counted on the ticket (void after TICKET_MAX_ATTEMPTS) and on the account (second
 * factor locked for ACCOUNT_LOCK_MINUTES after ACCOUNT_MAX_FAILURES in a row), audited and
 * published, in its own transaction: the refusal that follows must not roll it back.
 */
export async function recordWrongCode(deps: CommandDeps, ctx: CommandContext, userId: string, ticketId: string | null, via: string): Promise<void> {
  await runCommand(deps, ctx, async (tx, record) => {
    const lockUntil = new Date(deps.clock().getTime() + ACCOUNT_LOCK_MINUTES * 60_000);
    const [row] = await tx
      .update(mfaFactors)
      .set({
        // Reaching the limit locks and starts the count again, so each lock is one event.
        failedAttempts: sql`case when ${mfaFactors.failedAttempts} + 1 >= ${ACCOUNT_MAX_FAILURES} then 0 else ${mfaFactors.failedAttempts} + 1 end`,
        lockedUntil: sql`case when ${mfaFactors.failedAttempts} + 1 >= ${ACCOUNT_MAX_FAILURES} then ${lockUntil.toISOString()}::timestamptz else ${mfaFactors.lockedUntil} end`,
      })
      .where(eq(mfaFactors.userId, userId))
      .returning({ failedAttempts: mfaFactors.failedAttempts, lockedUntil: mfaFactors.lockedUntil });
    if (ticketId) {
      await tx
        .update(mfaTickets)
        .set({ attempts: sql`${mfaTickets.attempts} + 1`, usedAt: sql`case when ${mfaTickets.attempts} + 1 >= ${TICKET_MAX_ATTEMPTS} then ${deps.clock().toISOString()}::timestamptz else ${mfaTickets.usedAt} end` })
        .where(eq(mfaTickets.id, ticketId));
    }
    const member = await findStaff(tx, userId);
    const path = member?.jurisdictionPath ?? null;
    const data = { userId, username: member?.username, via };
    record.audit({ action: 'mfa.failed', entityType: 'user', entityId: userId, jurisdictionPath: path, after: data });
    record.emit({ type: 'mfa.failed', jurisdictionPath: path, data });
    if (row?.lockedUntil && row.failedAttempts === 0) {
      const locked = { ...data, lockedUntil: row.lockedUntil.toISOString() };
      record.audit({ action: 'mfa.locked', entityType: 'user', entityId: userId, jurisdictionPath: path, after: locked });
      record.emit({ type: 'mfa.locked', jurisdictionPath: path, data: locked });
    }
  });
}

export const isWrongCode = (err: unknown): boolean => err instanceof AppError && err.code === 'AUTH_MFA_CODE_INVALID';

/** Removes the account's factor, recovery codes and open tickets (inside the caller's transaction). */
export async function removeFactor(tx: Tx, userId: string): Promise<boolean> {
  const removed = await tx.delete(mfaFactors).where(eq(mfaFactors.userId, userId)).returning({ userId: mfaFactors.userId });
  await tx.delete(mfaRecoveryCodes).where(eq(mfaRecoveryCodes.userId, userId));
  await tx.delete(mfaTickets).where(eq(mfaTickets.userId, userId));
  return removed.length > 0;
}
