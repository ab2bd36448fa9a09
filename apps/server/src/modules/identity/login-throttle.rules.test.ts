import { describe, expect, it } from 'vitest';
import { addressKey, addressLeakMs, decide, FORGET_AFTER_MS, throttleKeys, waitAfter, type ThrottleState } from './login-throttle.rules.js';

const policy = { freeFailures: 5, addressFreeFailures: 30, firstDelaySeconds: 30, maxDelaySeconds: 900 };
const t0 = new Date('2026-01-01T08:00:00Z');
const at = (seconds: number) => new Date(t0.getTime() + seconds * 1000);

/** Runs `n` attempts at the given moments through decide(), as the store would. */
function run(moments: number[], free = 5): { state: ThrottleState | null; outcomes: (true | number)[] } {
  let state: ThrottleState | null = null;
  const outcomes: (true | number)[] = [];
  for (const s of moments) {
    const d = decide(state, at(s), free, policy);
    if (d.allowed) state = d.next;
    outcomes.push(d.allowed ? true : d.retryAfterSeconds);
  }
  return { state, outcomes };
}

describe('waitAfter', () => {
  it('costs nothing for the free failures, then doubles from the first wait up to the cap', () => {
    expect([1, 2, 3, 4].map((n) => waitAfter(n, 5, policy))).toEqual([0, 0, 0, 0]);
    expect([5, 6, 7, 8, 9, 10, 11, 200].map((n) => waitAfter(n, 5, policy))).toEqual([30, 60, 120, 240, 480, 900, 900, 900]);
  });
});

describe('decide', () => {
  it('lets the free failures through at once, then makes each further attempt wait its turn', () => {
    const { outcomes } = run([0, 1, 2, 3, 4, 5, 34, 35, 93, 94]);
    // 5 free, the 5th (at 4 s) starts a 30 s wait: at 5 s 29 s are left; at 34 s one may go, which starts a
    // 60 s wait: at 35 s 59 s are left, at 93 s 1 s, at 94 s the next may go.
    expect(outcomes).toEqual([true, true, true, true, true, 29, true, 59, 1, true]);
  });

  it('does not count a refused attempt: waiting longer does not make the next wait longer', () => {
    const { state } = run([0, 1, 2, 3, 4, 10, 11, 12, 13]);
    expect(state?.failures).toBe(5);
  });

  it("leaks an address's failures away at LOGIN_ADDRESS_FREE_FAILURES per hour, so a busy centre's typos never add up", () => {
    const leak = addressLeakMs(policy); // 30 per hour: one every 2 minutes
    expect(leak).toBe(120_000);
    let state: ThrottleState | null = null;
    // A typo every 3 minutes for a whole day: never more than one counted, never a wait.
    for (let minute = 0; minute < 24 * 60; minute += 3) {
      const d = decide(state, at(minute * 60), 30, policy, leak);
      if (!d.allowed) throw new Error(`refused at minute ${minute}`);
      state = d.next;
    }
    expect(state?.failures).toBe(1);
    // A burst still meets the ceiling: 30 failures in a minute, and the 30th starts the wait.
    state = null;
    for (let i = 0; i < 30; i++) {
      const d = decide(state, at(100_000 + i), 30, policy, leak);
      expect(d.allowed).toBe(true);
      if (d.allowed) state = d.next;
    }
    expect(decide(state, at(100_030), 30, policy, leak)).toEqual({ allowed: false, retryAfterSeconds: 29 });
  });

  it('forgets a count after a day without failures', () => {
    const { state } = run([0, 1, 2, 3, 4]);
    const later = new Date(t0.getTime() + FORGET_AFTER_MS + 5000);
    const d = decide(state, later, 5, policy);
    expect(d).toEqual({ allowed: true, next: { failures: 1, lastFailureAt: later, waitUntil: null } });
  });
});

describe('throttle keys', () => {
  it('counts IPv4 by address, IPv4-mapped IPv6 as IPv4, and IPv6 by its /64', () => {
    expect(addressKey('203.0.113.9')).toBe('203.0.113.9');
    expect(addressKey('::ffff:203.0.113.9')).toBe('203.0.113.9');
    expect(addressKey('2001:db8:1:2:aaaa::1')).toBe('2001:db8:1:2::/64');
    expect(addressKey('2001:0db8:0001:0002:ffff:ffff:ffff:ffff')).toBe('2001:db8:1:2::/64');
    expect(addressKey('2001:db8::1')).toBe('2001:db8:0:0::/64');
    expect(addressKey('::1')).toBe('0:0:0:0::/64');
  });

  it('keys an account case-insensitively, by hash, never the name itself', () => {
    const a = throttleKeys('Admin', '203.0.113.9');
    expect(a).toEqual(throttleKeys('admin', '203.0.113.9'));
    expect(a.address).toBe('a:203.0.113.9');
    expect(a.account).toMatch(/^u:[A-Za-z0-9_-]{43}@203\.0\.113\.9$/);
    expect(a.account).not.toContain('dmin');
    expect(throttleKeys('admin', '203.0.113.10').account).not.toBe(a.account);
  });
});
