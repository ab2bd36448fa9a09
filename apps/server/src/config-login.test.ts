import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.js';

/** The problems loadConfig lists for this environment (none = it loaded). */
function problemsOf(env: NodeJS.ProcessEnv): string[] {
  try {
    loadConfig(env);
    return [];
  } catch (err) {
    if (!(err instanceof ConfigError)) throw err;
    return err.problems;
  }
}

describe('TRUST_PROXY', () => {
  it('trusts no proxy by default, whatever FIREBREAK_TLS says', () => {
    expect(loadConfig({}).trustProxy).toBe(false);
    expect(loadConfig({ FIREBREAK_TLS: 'true' }).trustProxy).toBe(false);
    expect(loadConfig({ TRUST_PROXY: '0' }).trustProxy).toBe(false);
  });

  it('reads a hop count or a list of addresses and CIDR blocks', () => {
    expect(loadConfig({ TRUST_PROXY: '1' }).trustProxy).toBe(1);
    expect(loadConfig({ TRUST_PROXY: '10.0.0.0/8, 192.168.1.7 ,fd00::/8,::1' }).trustProxy).toEqual(['10.0.0.0/8', '192.168.1.7', 'fd00::/8', '::1']);
  });

  it('refuses `true` (every hop trusted) and lists every bad entry', () => {
    expect(problemsOf({ TRUST_PROXY: 'true' }).join('\n')).toMatch(/TRUST_PROXY: true would trust any client/);
    const problems = problemsOf({ TRUST_PROXY: '10.0.0.0/33,proxy.local,,fd00::/129,1.2.3.4/8/1', PORT: 'x' });
    expect(problems.filter((p) => p.startsWith('TRUST_PROXY'))).toEqual([
      'TRUST_PROXY: "10.0.0.0/33": the prefix length must be 0-32',
      'TRUST_PROXY: "proxy.local" is not an IP address or CIDR block',
      'TRUST_PROXY: an empty entry in the list',
      'TRUST_PROXY: "fd00::/129": the prefix length must be 0-128',
      'TRUST_PROXY: "1.2.3.4/8/1" is not an IP address or CIDR block',
    ]);
    expect(problems.some((p) => p.startsWith('PORT'))).toBe(true);
    expect(problemsOf({ TRUST_PROXY: '11' })).toEqual(['TRUST_PROXY: a hop count must be 0-10']);
  });
});

describe('login throttle variables', () => {
  it('has the documented defaults', () => {
    expect(loadConfig({}).loginThrottle).toEqual({ freeFailures: 5, addressFreeFailures: 30, firstDelaySeconds: 30, maxDelaySeconds: 15 * 60 });
  });

  it('reads and bounds each variable', () => {
    const c = loadConfig({ LOGIN_FREE_FAILURES: '3', LOGIN_ADDRESS_FREE_FAILURES: '100', LOGIN_DELAY_FIRST_SECONDS: '5', LOGIN_DELAY_MAX_MINUTES: '60' });
    expect(c.loginThrottle).toEqual({ freeFailures: 3, addressFreeFailures: 100, firstDelaySeconds: 5, maxDelaySeconds: 3600 });
    const problems = problemsOf({ LOGIN_FREE_FAILURES: '0', LOGIN_ADDRESS_FREE_FAILURES: 'many', LOGIN_DELAY_FIRST_SECONDS: '-1', LOGIN_DELAY_MAX_MINUTES: '1.5' });
    for (const name of ['LOGIN_FREE_FAILURES', 'LOGIN_ADDRESS_FREE_FAILURES', 'LOGIN_DELAY_FIRST_SECONDS', 'LOGIN_DELAY_MAX_MINUTES']) {
      expect(problems.some((p) => p.startsWith(`${name}:`)), name).toBe(true);
    }
  });

  it('names the retired lockout and rate variables instead of ignoring them', () => {
    const problems = problemsOf({ LOGIN_MAX_FAILURES: '5', LOGIN_LOCKOUT_MINUTES: '15', LOGIN_RATE_PER_MINUTE: '20' });
    expect(problems).toHaveLength(3);
    expect(problems[0]).toMatch(/^LOGIN_MAX_FAILURES: no longer used — accounts are no longer locked .* LOGIN_FREE_FAILURES/);
    expect(problems[1]).toMatch(/^LOGIN_LOCKOUT_MINUTES: no longer used/);
    expect(problems[2]).toMatch(/^LOGIN_RATE_PER_MINUTE: no longer used .* LOGIN_ADDRESS_FREE_FAILURES/);
  });
});

describe('session idle timeout variables', () => {
  it('defaults to 30 minutes, 12 hours for dispatchers and 15 minutes for administrators', () => {
    expect(loadConfig({}).sessionIdle).toEqual({ defaultMinutes: 30, byRole: { dispatcher: 720, administrator: 15 } });
  });

  it('reads per-role limits; empty means no per-role limits', () => {
    const c = loadConfig({ SESSION_IDLE_MINUTES: '20', SESSION_IDLE_MINUTES_BY_ROLE: ' commander=10 , unit_member=600' });
    expect(c.sessionIdle).toEqual({ defaultMinutes: 20, byRole: { commander: 10, unit_member: 600 } });
    expect(loadConfig({ SESSION_IDLE_MINUTES_BY_ROLE: '' }).sessionIdle.byRole).toEqual({});
  });

  it('lists every bad entry: unknown roles, bad minutes, repeats, missing `=`', () => {
    const problems = problemsOf({ SESSION_IDLE_MINUTES: '0', SESSION_IDLE_MINUTES_BY_ROLE: 'pilot=5,dispatcher=0,dispatcher=30,auditor,commander=ten' });
    expect(problems.some((p) => p.startsWith('SESSION_IDLE_MINUTES:'))).toBe(true);
    const byRole = problems.filter((p) => p.startsWith('SESSION_IDLE_MINUTES_BY_ROLE:')).map((p) => p.replace('SESSION_IDLE_MINUTES_BY_ROLE: ', ''));
    expect(byRole).toEqual([
      expect.stringMatching(/^"pilot" is not a role \(administrator, /),
      'dispatcher: minutes must be a whole number 1-1440',
      'dispatcher is given twice',
      '"auditor" is not role=minutes',
      'commander: minutes must be a whole number 1-1440',
    ]);
  });
});
