import { randomInt } from 'node:crypto';
import type { Role } from '@firebreak/contracts';
import { Secret, TOTP } from 'otpauth';

/** Pure rules of two-factor sign-in: which accounts need it, what a code is, and when one is accepted. */

/** RFC 6238 defaults, the ones every authenticator app supports. */
const TOTP_PARAMS = { algorithm: 'SHA1', digits: 6, period: 30 } as const;
/** Codes from one step before or after now are accepted too (clock drift, typing time). */
const DRIFT_STEPS = 1;

export const TICKET_TTL_MINUTES = 5;
/** Wrong codes on one ticket before it is void (a new password check is then needed). */
export const TICKET_MAX_ATTEMPTS = 5;
/** Wrong codes in a row on an account, over all tickets, before its second factor is locked for a while. */
export const ACCOUNT_MAX_FAILURES = 10;
export const ACCOUNT_LOCK_MINUTES = 15;
export const RECOVERY_CODE_COUNT = 10;

export function mfaRequiredFor(roles: readonly Role[], required: readonly Role[]): boolean {
  return roles.some((r) => required.includes(r));
}

/** Spaces, dashes and case do not matter: people copy codes by hand. */
export function normaliseCode(code: string): string {
  return code.replace(/[\s-]/g, '').toLowerCase();
}

export function isTotpCode(normalised: string): boolean {
  return /^\d{6}$/.test(normalised);
}

export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

export function otpauthUri(secret: string, issuer: string, account: string): string {
  return new TOTP({ ...TOTP_PARAMS, issuer, label: account, secret: Secret.fromBase32(secret) }).toString();
}

/**
 * The time step a code belongs to, if it is right for `at` (± one step) and newer than the last
 * accepted step: a code works once, and an older one can never follow a newer one.
 */
export function acceptedStep(secret: string, code: string, at: Date, lastUsedStep: number | null): number | null {
  if (!isTotpCode(code)) return null;
  const timestamp = at.getTime();
  const delta = TOTP.validate({ ...TOTP_PARAMS, token: code, secret: Secret.fromBase32(secret), timestamp, window: DRIFT_STEPS });
  if (delta === null) return null;
  const step = TOTP.counter({ period: TOTP_PARAMS.period, timestamp }) + delta;
  return lastUsedStep !== null && step <= lastUsedStep ? null : step;
}

/** The code an authenticator app shows at `at` (tests and the first confirmation use it). */
export function totpAt(secret: string, at: Date): string {
  return TOTP.generate({ ...TOTP_PARAMS, secret: Secret.fromBase32(secret), timestamp: at.getTime() });
}

const RECOVERY_ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789'; // no 0/o, 1/l/i: read aloud and typed by hand

/** A recovery code: 10 characters from a 31-letter alphabet (~50 bits), shown as xxxxx-xxxxx. */
export function newRecoveryCode(): string {
  let out = '';
  for (let i = 0; i < 10; i++) out += RECOVERY_ALPHABET[randomInt(RECOVERY_ALPHABET.length)];
  return `${out.slice(0, 5)}-${out.slice(5)}`;
}
