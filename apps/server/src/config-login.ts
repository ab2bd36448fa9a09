import { isIP } from 'node:net';
import { Role } from '@firebreak/contracts';
import { z } from 'zod';

/**
 * Parsers for the login-hardening variables (TRUST_PROXY, SESSION_IDLE_MINUTES_BY_ROLE). They
 * live beside config.ts so each reports every problem in a value, not just the first.
 */

/** The login throttle (modules/identity/login-throttle.rules.ts), from the LOGIN_* variables. */
export interface LoginThrottlePolicy {
  /** Failures per (account, address) before each further attempt must wait. */
  freeFailures: number;
  /** Failures per address, whatever the usernames, before its attempts must wait; they leak away at this many per hour. */
  addressFreeFailures: number;
  /** The first wait; it doubles with each further failure up to `maxDelaySeconds`. */
  firstDelaySeconds: number;
  maxDelaySeconds: number;
}

/** Which proxies' `X-Forwarded-For` to believe: none, the last N hops, or these addresses/CIDRs. */
export type TrustProxy = false | number | string[];

/** The IPv4 or IPv6 address or CIDR block `entry` is, or why it is not one. */
function checkAddressOrCidr(entry: string): string | null {
  const [address, prefix, ...rest] = entry.split('/');
  if (rest.length > 0 || !address) return `"${entry}" is not an IP address or CIDR block`;
  const family = isIP(address);
  if (family === 0) return `"${entry}" is not an IP address or CIDR block`;
  if (prefix === undefined) return null;
  const max = family === 4 ? 32 : 128;
  if (!/^\d{1,3}$/.test(prefix) || Number(prefix) > max) return `"${entry}": the prefix length must be 0-${max}`;
  return null;
}

/**
 * The `trustProxy` option for Fastify. A hop count becomes "trust the nearest N hops, whatever
 * their address" (Fastify itself refuses to honour a bare number: it cannot tell the proxy from a
 * client that reached the server directly). That is only safe when the server can be reached
 * solely through those proxies; a list of the proxies' addresses is safe either way.
 */
export function fastifyTrustProxy(trust: TrustProxy): false | string[] | ((address: string, hop: number) => boolean) {
  if (typeof trust === 'number') return trust === 0 ? false : (_address, hop) => hop < trust;
  return trust;
}

/**
 * TRUST_PROXY: unset = trust no proxy (the client address is the TCP peer); a whole number = that
 * many proxy hops in front of the server; otherwise a comma-separated list of the proxies'
 * addresses or CIDR blocks. Never `true`: trusting every hop lets any client choose its address.
 */
export const TrustProxyEnv = z
  .string()
  .optional()
  .transform((v, ctx): TrustProxy => {
    if (v === undefined || v.trim() === '' || v.trim() === '0' || v.trim().toLowerCase() === 'false') return false;
    const value = v.trim();
    if (/^\d+$/.test(value)) {
      const hops = Number(value);
      if (hops > 10) ctx.addIssue({ code: 'custom', message: 'a hop count must be 0-10' });
      return hops;
    }
    if (value.toLowerCase() === 'true') {
      ctx.addIssue({ code: 'custom', message: 'true would trust any client to name its own address; give a hop count or the proxies\' addresses' });
      return z.NEVER;
    }
    const entries = value.split(',').map((s) => s.trim());
    const problems = entries.map((e) => (e === '' ? 'an empty entry in the list' : checkAddressOrCidr(e))).filter((p): p is string => p !== null);
    for (const message of problems) ctx.addIssue({ code: 'custom', message });
    return problems.length ? z.NEVER : entries;
  });

/**
 * The default per-role idle limits. Dispatch consoles stand in staffed, physically secure
 * dispatch centres, which CJIS 5.5.5 exempts from the 30-minute session lock "in the interest of
 * safety": a console that signs out between two calls costs seconds when the next call comes, so
 * a dispatcher's limit is a 12-hour shift (the default SESSION_TTL_HOURS). An administrator's
 * unattended session can create accounts and grant roles, so it ends sooner. Everyone else gets
 * SESSION_IDLE_MINUTES.
 */
export const DEFAULT_IDLE_BY_ROLE = 'dispatcher=720,administrator=15';

/** `role=minutes,role=minutes`: a per-role value, each role once, each minutes in [min, max]; unset = `fallback`, empty = none. */
export function roleMinutesEnv(min: number, max: number, fallback: string) {
  return z
    .string()
    .optional()
    .transform((given, ctx): Partial<Record<Role, number>> => {
      const out: Partial<Record<Role, number>> = {};
      const v = given ?? fallback;
      if (v.trim() === '') return out;
      let bad = false;
      const problem = (message: string) => {
        bad = true;
        ctx.addIssue({ code: 'custom', message });
      };
      for (const part of v.split(',').map((s) => s.trim())) {
        const [role, minutes, ...rest] = part.split('=').map((s) => s.trim());
        if (rest.length > 0 || !role || minutes === undefined) {
          problem(`"${part}" is not role=minutes`);
          continue;
        }
        const parsedRole = Role.safeParse(role);
        if (!parsedRole.success) problem(`"${role}" is not a role (${Role.options.join(', ')})`);
        const n = /^\d+$/.test(minutes) ? Number(minutes) : NaN;
        if (!(n >= min && n <= max)) problem(`${role}: minutes must be a whole number ${min}-${max}`);
        if (parsedRole.success) {
          if (parsedRole.data in out) problem(`${role} is given twice`);
          out[parsedRole.data] = n;
        }
      }
      return bad ? z.NEVER : out;
    });
}

/**
 * Variables that no longer exist, with what replaced them: a deployment that still sets one is
 * told at boot instead of silently running with a policy it did not choose.
 */
export const RETIRED_VARIABLES: Record<string, string> = {
  LOGIN_MAX_FAILURES: 'accounts are no longer locked by failed logins; use LOGIN_FREE_FAILURES (failures per account and address before delays start)',
  LOGIN_LOCKOUT_MINUTES: 'accounts are no longer locked by failed logins; use LOGIN_DELAY_MAX_MINUTES (the longest delay between attempts)',
  LOGIN_RATE_PER_MINUTE: 'the per-node rate limit was replaced by the shared throttle; use LOGIN_ADDRESS_FREE_FAILURES',
};
