import { AppError } from '../../errors.js';
import { runCommand, type CommandContext, type CommandDeps } from '../../platform/command.js';
import { openSession, type LoginPolicy, type LoginResult } from './login.js';
import { assertNotLocked, consumeCode, factorOf, isWrongCode, recordWrongCode } from './mfa-factor.js';
import { liveTicket, useTicket } from './mfa-tickets.js';
import { findStaff } from './staff.queries.js';

/**
 * The second step of sign-in: a `verify` ticket and a code from the authenticator app (or a
 * recovery code) open the session. The ticket and the code are used up together; a wrong code
 * counts against the ticket and the account (see recordWrongCode).
 */
export async function verifyMfaLogin(
  deps: CommandDeps,
  ctx: CommandContext,
  policy: LoginPolicy,
  input: { ticket: string; code: string },
): Promise<LoginResult> {
  const now = deps.clock();
  const ticket = await liveTicket(deps.db, input.ticket, 'verify', now);
  const factor = await factorOf(deps.db, ticket.userId);
  if (!factor?.confirmedAt) throw new AppError('AUTH_MFA_TICKET_INVALID'); // reset by an administrator meanwhile
  assertNotLocked(factor, now);
  const member = await findStaff(deps.db, ticket.userId);
  if (!member || member.disabled) throw new AppError('AUTH_ACCOUNT_DISABLED');
  const named = { ...ctx, actorName: member.username };
  try {
    await runCommand(deps, named, async (tx, record) => {
      const kind = await consumeCode(tx, factor, policy.mfa.secretKey, input.code, now);
      if (!kind) throw new AppError('AUTH_MFA_CODE_INVALID');
      if (!(await useTicket(tx, ticket.id, now))) throw new AppError('AUTH_MFA_TICKET_INVALID'); // a concurrent request won; roll back
      const path = member.jurisdictionPath;
      record.audit({ action: kind === 'recovery' ? 'mfa.recovery_used' : 'mfa.verified', entityType: 'user', entityId: ticket.userId, jurisdictionPath: path, after: { userId: ticket.userId, via: kind } });
      if (kind === 'recovery') record.emit({ type: 'mfa.recovery_used', jurisdictionPath: path, data: { userId: ticket.userId, username: member.username } });
    });
  } catch (err) {
    if (isWrongCode(err)) await recordWrongCode(deps, named, ticket.userId, ticket.id, 'login');
    throw err;
  }
  return openSession(deps, named, policy, ticket.userId, null);
}
