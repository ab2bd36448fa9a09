import type { MfaEnrolment, RecoveryCodes } from '@firebreak/contracts';
import { and, eq, isNull } from 'drizzle-orm';
import { AppError } from '../../errors.js';
import { runCommand, type CommandContext, type CommandDeps } from '../../platform/command.js';
import { assertNotLocked, factorOf, isWrongCode, recordWrongCode, type MfaPolicy } from './mfa-factor.js';
import { mfaFactors } from './mfa.tables.js';
import { acceptedStep, newTotpSecret, normaliseCode, otpauthUri } from './mfa-rules.js';
import { openSecret, sealSecret } from './mfa-secret-box.js';
import { useTicket } from './mfa-tickets.js';
import { storeRecoveryCodes } from './recovery-codes.js';
import { findStaff } from './staff.queries.js';

/**
 * Enrolment, in two steps: `beginEnrolment` makes a new secret (replacing an unconfirmed one) and
 * returns it once, for the authenticator app; `confirmEnrolment` takes a code the app shows for
 * it, turns the factor on and returns the recovery codes, once. Until confirmed, nothing changes
 * at sign-in. Used both at sign-in (with an `enrol` ticket) and from the account page.
 */
export async function beginEnrolment(deps: CommandDeps, ctx: CommandContext, policy: MfaPolicy, userId: string): Promise<MfaEnrolment> {
  const member = await findStaff(deps.db, userId);
  if (!member) throw new AppError('AUTH_MFA_TICKET_INVALID');
  const existing = await factorOf(deps.db, userId);
  if (existing?.confirmedAt) throw new AppError('CONFLICT', 'Two-factor sign-in is already on; turn it off first, or ask an administrator to reset it');
  assertNotLocked(existing, deps.clock());
  const secret = newTotpSecret();
  const sealed = sealSecret(policy.secretKey, userId, secret);
  await runCommand(deps, { ...ctx, actorName: ctx.actor ? undefined : member.username }, async (tx, record) => {
    await tx
      .insert(mfaFactors)
      .values({ userId, secret: sealed })
      // Keep the failure count and lock across restarts of enrolment: begin is not a way round them.
      .onConflictDoUpdate({ target: mfaFactors.userId, set: { secret: sealed, lastUsedStep: null }, setWhere: isNull(mfaFactors.confirmedAt) });
    record.audit({ action: 'mfa.enrolment_started', entityType: 'user', entityId: userId, jurisdictionPath: member.jurisdictionPath, after: { userId } });
  });
  return { secret, otpauthUri: otpauthUri(secret, policy.issuer, member.username), issuer: policy.issuer, account: member.username };
}

/** Confirms enrolment with a code from the app; uses up `ticketId` when given (enrolment at sign-in). */
export async function confirmEnrolment(
  deps: CommandDeps,
  ctx: CommandContext,
  policy: MfaPolicy,
  userId: string,
  code: string,
  ticketId: string | null,
): Promise<RecoveryCodes> {
  const factor = await factorOf(deps.db, userId);
  if (!factor || factor.confirmedAt) throw new AppError('CONFLICT', factor ? 'Two-factor sign-in is already on' : 'Begin enrolment first');
  const now = deps.clock();
  assertNotLocked(factor, now);
  const member = await findStaff(deps.db, userId);
  const named = { ...ctx, actorName: ctx.actor ? undefined : member?.username };
  try {
    const { result } = await runCommand(deps, named, async (tx, record) => {
      const step = acceptedStep(openSecret(policy.secretKey, userId, factor.secret), normaliseCode(code), now, null);
      if (step === null) throw new AppError('AUTH_MFA_CODE_INVALID');
      // The secret must be the one the code was checked against: a concurrent begin replaces it.
      const confirmed = await tx
        .update(mfaFactors)
        .set({ confirmedAt: now, lastUsedStep: step, failedAttempts: 0, lockedUntil: null })
        .where(and(eq(mfaFactors.userId, userId), eq(mfaFactors.secret, factor.secret), isNull(mfaFactors.confirmedAt)))
        .returning({ userId: mfaFactors.userId });
      if (confirmed.length === 0) throw new AppError('CONFLICT', 'Enrolment changed meanwhile; begin again');
      if (ticketId && !(await useTicket(tx, ticketId, now))) throw new AppError('AUTH_MFA_TICKET_INVALID');
      const recoveryCodes = await storeRecoveryCodes(tx, userId);
      const path = member?.jurisdictionPath ?? null;
      const data = { userId, username: member?.username, atSignIn: ticketId !== null };
      record.audit({ action: 'mfa.enrolled', entityType: 'user', entityId: userId, jurisdictionPath: path, after: data });
      record.emit({ type: 'mfa.enrolled', jurisdictionPath: path, data });
      return { recoveryCodes };
    });
    return result;
  } catch (err) {
    if (isWrongCode(err)) await recordWrongCode(deps, named, userId, ticketId, 'enrolment');
    throw err;
  }
}
