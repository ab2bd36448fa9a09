import type { MfaChallenge, MfaStep } from '@firebreak/contracts';
import { and, eq, gt, isNull, lt } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';
import { AppError } from '../../errors.js';
import type { Queryable, Tx } from '../../platform/db/client.js';
import { mfaTickets } from './mfa.tables.js';
import { TICKET_MAX_ATTEMPTS, TICKET_TTL_MINUTES } from './mfa-rules.js';
import { hashSecret, newSecret } from './secrets.js';

export type Ticket = typeof mfaTickets.$inferSelect;

/** Issues the ticket for the step after the password (inside the caller's transaction); only its hash is kept. */
export async function issueTicket(tx: Tx, userId: string, purpose: MfaStep, now: Date): Promise<MfaChallenge> {
  const ticket = newSecret('fbm_');
  const expiresAt = new Date(now.getTime() + TICKET_TTL_MINUTES * 60_000);
  // Old tickets of the account go: one pending sign-in step at a time, and the table stays small.
  await tx.delete(mfaTickets).where(and(eq(mfaTickets.userId, userId), lt(mfaTickets.expiresAt, now)));
  await tx.insert(mfaTickets).values({ id: uuidv7(), userId, purpose, ticketHash: hashSecret(ticket), expiresAt });
  return { mfa: purpose, ticket, expiresAt: expiresAt.toISOString() };
}

/** The live ticket of this purpose, or 401: unknown, expired, used, void after too many wrong codes, or for the other step. */
export async function liveTicket(q: Queryable, ticket: string, purpose: MfaStep, now: Date): Promise<Ticket> {
  const [row] = await q
    .select()
    .from(mfaTickets)
    .where(and(eq(mfaTickets.ticketHash, hashSecret(ticket)), eq(mfaTickets.purpose, purpose), isNull(mfaTickets.usedAt), gt(mfaTickets.expiresAt, now), lt(mfaTickets.attempts, TICKET_MAX_ATTEMPTS)));
  if (!row) throw new AppError('AUTH_MFA_TICKET_INVALID');
  return row;
}

/** Uses the ticket up; false if another request did first. */
export async function useTicket(tx: Tx, id: string, now: Date): Promise<boolean> {
  const used = await tx.update(mfaTickets).set({ usedAt: now }).where(and(eq(mfaTickets.id, id), isNull(mfaTickets.usedAt))).returning({ id: mfaTickets.id });
  return used.length > 0;
}
