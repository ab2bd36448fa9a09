import { inArray, lt, sql } from 'drizzle-orm';
import { AppError } from '../../errors.js';
import type { Db, Queryable } from '../../platform/db/client.js';
import { loginThrottle } from './auth.tables.js';
import { accountKeyPrefix, addressLeakMs, decide, FORGET_AFTER_MS, throttleKeys, type LoginThrottlePolicy, type ThrottleState } from './login-throttle.rules.js';

/**
 * The login throttle in the database, so that every node counts the same failures (PostgreSQL
 * and PGlite alike). Each attempt first reserves a failure on its address key and its (account,
 * address) key in one short transaction, under row locks: concurrent attempts cannot all slip
 * through before the first failure is written. An attempt that must wait is refused with 429
 * before any user lookup or password hashing, so known and unknown usernames are refused alike
 * and a flood costs no argon2 work.
 */

export interface ThrottleTicket {
  keys: { address: string; account: string };
}


/** Reserves this attempt or throws 429 AUTH_LOGIN_THROTTLED with Retry-After. */
export async function reserveLoginAttempt(db: Db, policy: LoginThrottlePolicy, now: Date, username: string, ip: string): Promise<ThrottleTicket> {
  const keys = throttleKeys(username, ip);
  const free = { [keys.address]: policy.addressFreeFailures, [keys.account]: policy.freeFailures };
  const ordered = [keys.address, keys.account].sort(); // one lock order everywhere: no deadlock
  const refusedFor = await db.transaction(async (tx) => {
    // Rows must exist to be locked; a zero row is the same as no row to the rules.
    await tx
      .insert(loginThrottle)
      .values(ordered.map((key) => ({ key, failures: 0, lastFailureAt: now, waitUntil: null })))
      .onConflictDoNothing();
    const current = await tx.select().from(loginThrottle).where(inArray(loginThrottle.key, ordered)).orderBy(loginThrottle.key).for('update');
    const decisions = ordered.map((key) => {
      const row = current.find((r) => r.key === key);
      const state: ThrottleState | null = row && row.failures > 0 ? row : null;
      return { key, decision: decide(state, now, free[key]!, policy, key === keys.address ? addressLeakMs(policy) : 0) };
    });
    const refused = decisions.map((d) => (d.decision.allowed ? 0 : d.decision.retryAfterSeconds));
    if (refused.some((s) => s > 0)) return Math.max(...refused);
    for (const { key, decision } of decisions) {
      if (decision.allowed) await tx.update(loginThrottle).set(decision.next).where(sql`${loginThrottle.key} = ${key}`);
    }
    return 0;
  });
  if (refusedFor > 0) {
    throw new AppError('AUTH_LOGIN_THROTTLED', `Too many failed sign-ins from this address; try again in ${refusedFor} s`, {
      headers: { 'retry-after': String(refusedFor) },
    });
  }
  return { keys };
}

/**
 * A successful sign-in: the (account, address) count starts again, and the address gets back the
 * failure reserved for this attempt (only that one: signing in to one's own account must not wipe
 * out failures on others from the same address). Old counters are swept here, on the success path.
 */
export async function settleLoginSuccess(q: Queryable, ticket: ThrottleTicket, policy: LoginThrottlePolicy, now: Date): Promise<void> {
  await q.delete(loginThrottle).where(sql`${loginThrottle.key} = ${ticket.keys.account}`);
  await q
    .update(loginThrottle)
    .set({
      failures: sql`greatest(${loginThrottle.failures} - 1, 0)`,
      waitUntil: sql`case when ${loginThrottle.failures} - 1 < ${policy.addressFreeFailures} then null else ${loginThrottle.waitUntil} end`,
    })
    .where(sql`${loginThrottle.key} = ${ticket.keys.address}`);
  await q.delete(loginThrottle).where(lt(loginThrottle.lastFailureAt, new Date(now.getTime() - FORGET_AFTER_MS)));
}

/** The failures now counted on the ticket's (account, address) key, this attempt included. */
export async function throttleCount(q: Queryable, ticket: ThrottleTicket): Promise<{ account: number }> {
  const [row] = await q.select({ failures: loginThrottle.failures }).from(loginThrottle).where(sql`${loginThrottle.key} = ${ticket.keys.account}`);
  return { account: row?.failures ?? 0 };
}

/**
 * An administrator set a new password: the account's waits end at every address, so a dispatcher
 * who forgot the password is not kept waiting after the reset. Address counts stay.
 */
export async function forgetAccountThrottle(q: Queryable, username: string): Promise<void> {
  await q.delete(loginThrottle).where(sql`starts_with(${loginThrottle.key}, ${accountKeyPrefix(username)})`);
}
