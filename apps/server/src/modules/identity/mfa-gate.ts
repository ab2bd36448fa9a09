import type { MfaChallenge } from '@firebreak/contracts';
import { runCommand, type CommandContext, type CommandDeps } from '../../platform/command.js';
import { assertNotLocked, factorOf, requiredForUser, type MfaPolicy } from './mfa-factor.js';
import { issueTicket } from './mfa-tickets.js';
import { findStaff } from './staff.queries.js';

/**
 * After a correct password: null when no second factor is needed (a session may open), otherwise
 * the ticket for the next step — `verify` for an account with a confirmed factor, `enrol` for one
 * whose role requires MFA and that has none yet. A ticket is not a session.
 */
export async function mfaGate(deps: CommandDeps, ctx: CommandContext, policy: MfaPolicy, userId: string): Promise<MfaChallenge | null> {
  const factor = await factorOf(deps.db, userId);
  const enrolled = Boolean(factor?.confirmedAt);
  if (!enrolled && !(await requiredForUser(deps.db, userId, policy))) return null;
  const now = deps.clock();
  if (enrolled) assertNotLocked(factor, now);
  const purpose = enrolled ? 'verify' : 'enrol';
  const { result } = await runCommand(deps, ctx, async (tx, record) => {
    const challenge = await issueTicket(tx, userId, purpose, now);
    const member = await findStaff(tx, userId);
    record.audit({ action: 'mfa.challenged', entityType: 'user', entityId: userId, jurisdictionPath: member?.jurisdictionPath ?? null, after: { userId, step: purpose, expiresAt: challenge.expiresAt } });
    return challenge;
  });
  return result;
}
