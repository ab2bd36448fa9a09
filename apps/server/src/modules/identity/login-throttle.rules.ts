import { createHash } from 'node:crypto';
import { isIP } from 'node:net';
import type { LoginThrottlePolicy } from '../../config-login.js';

export type { LoginThrottlePolicy };

/**
 * The login throttle's rules, pure: no clock, no database. A throttle key counts failed logins;
 * after `free` of them each further attempt must wait, the wait doubling per failure up to a cap.
 * Nothing here ever locks an account: the keys are (account, client address) and the address
 * alone, so an attacker's failures make the attacker wait, not the dispatcher at another desk.
 */

/** What the database keeps per key. */
export interface ThrottleState {
  failures: number;
  lastFailureAt: Date;
  /** No attempt on this key before this moment; null = no wait. */
  waitUntil: Date | null;
}

/** A failure count is forgotten after a day without failures (and its row may be deleted). */
export const FORGET_AFTER_MS = 24 * 3_600_000;

export type ThrottleDecision =
  | { allowed: true; next: ThrottleState }
  | { allowed: false; retryAfterSeconds: number };

/** The wait after the `failures`-th failure on a key whose first `free` failures cost nothing. */
export function waitAfter(failures: number, free: number, policy: LoginThrottlePolicy): number {
  if (failures < free) return 0;
  const doublings = Math.min(failures - free, 30); // 2^30 s is past any cap
  return Math.min(policy.firstDelaySeconds * 2 ** doublings, policy.maxDelaySeconds);
}

/**
 * How fast an address's failures leak away: LOGIN_ADDRESS_FREE_FAILURES per hour. Without it, the
 * rare typos of a whole dispatch centre behind one NAT address (or of everyone behind a proxy
 * missing from TRUST_PROXY) would add up over days until the centre's correct passwords waited
 * too. An (account, address) count does not leak: only its owner's success clears it.
 */
export function addressLeakMs(policy: LoginThrottlePolicy): number {
  return 3_600_000 / policy.addressFreeFailures;
}

/**
 * May an attempt on this key go ahead now? If so it is counted as a failure in advance (`next`),
 * so that concurrent attempts cannot all pass before the first failure is written; a success
 * gives the count back (login-throttle.ts, `settleLoginSuccess`). With `leakMs`, one failure is
 * forgotten per `leakMs` since the last one.
 */
export function decide(state: ThrottleState | null, now: Date, free: number, policy: LoginThrottlePolicy, leakMs = 0): ThrottleDecision {
  const quiet = state ? now.getTime() - state.lastFailureAt.getTime() : 0;
  const live = state && quiet < FORGET_AFTER_MS ? state : null;
  if (live?.waitUntil && live.waitUntil > now) {
    return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((live.waitUntil.getTime() - now.getTime()) / 1000)) };
  }
  const leaked = live && leakMs > 0 ? Math.floor(quiet / leakMs) : 0;
  const failures = Math.max(0, (live?.failures ?? 0) - leaked) + 1;
  const wait = waitAfter(failures, free, policy);
  return { allowed: true, next: { failures, lastFailureAt: now, waitUntil: wait > 0 ? new Date(now.getTime() + wait * 1000) : null } };
}

/**
 * The address a throttle counts by. IPv4 as is (also when written IPv4-mapped, `::ffff:a.b.c.d`);
 * IPv6 by its /64, since one subscriber holds a whole /64 and could otherwise take a fresh
 * address for every attempt.
 */
export function addressKey(ip: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip);
  if (mapped) return mapped[1]!;
  if (isIP(ip) !== 6) return ip;
  const [head = '', tail = ''] = ip.toLowerCase().split('::');
  const left = head ? head.split(':') : [];
  const right = ip.includes('::') && tail ? tail.split(':') : [];
  const groups = ip.includes('::') ? [...left, ...Array<string>(8 - left.length - right.length).fill('0'), ...right] : left;
  return `${groups.slice(0, 4).map((g) => g.replace(/^0+(?=.)/, '')).join(':')}::/64`;
}

/** What every (account, address) key of this username starts with. */
export function accountKeyPrefix(username: string): string {
  // The username is hashed: people type their password into the username field, and the
  // throttle table must not keep it. Unknown and known usernames are keyed the same way.
  return `u:${createHash('sha256').update(username.normalize('NFC').toLowerCase()).digest('base64url')}@`;
}

/** The two keys an attempt counts against: the address alone, and the (account, address) pair. */
export function throttleKeys(username: string, ip: string): { address: string; account: string } {
  const address = addressKey(ip);
  return { address: `a:${address}`, account: `${accountKeyPrefix(username)}${address}` };
}
