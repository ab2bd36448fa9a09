import { z } from 'zod';
import { Me } from './auth.js';
import { Timestamp } from './common.js';

/**
 * Two-factor sign-in (TOTP, RFC 6238). POST /auth/login answers either `Me` (a session was opened)
 * or an `MfaChallenge`: no session yet, only a short-lived ticket for the next step — `verify`
 * (POST /auth/login/mfa with a code) or `enrol` (the account's role requires MFA and it has none:
 * POST /auth/login/mfa/enrol, then …/enrol/confirm).
 */
export const MfaStep = z.enum(['verify', 'enrol']);
export type MfaStep = z.infer<typeof MfaStep>;

export const MfaChallenge = z.object({
  mfa: MfaStep,
  /** Good for the next step only, until `expiresAt`; it is not a session and opens no other endpoint. */
  ticket: z.string(),
  expiresAt: Timestamp,
});
export type MfaChallenge = z.infer<typeof MfaChallenge>;

export const LoginResponse = z.union([Me, MfaChallenge]);
export type LoginResponse = z.infer<typeof LoginResponse>;

const Ticket = z.string().min(1).max(200);
/** A 6-digit code from the authenticator app, or one of the recovery codes (spaces and dashes ignored). */
export const MfaCode = z.string().trim().min(6).max(40);

export const MfaTicketBody = z.strictObject({ ticket: Ticket });
export const MfaVerifyBody = z.strictObject({ ticket: Ticket, code: MfaCode });
export const MfaConfirmBody = z.strictObject({ code: MfaCode });
export const MfaTicketConfirmBody = z.strictObject({ ticket: Ticket, code: MfaCode });
/** Re-authentication for turning MFA off or replacing the recovery codes: the password and a current code. */
export const MfaReauthBody = z.strictObject({ password: z.string().min(1).max(1000), code: MfaCode });

/** What an authenticator app needs; the secret is shown during enrolment only, never again. */
export const MfaEnrolment = z.object({
  secret: z.string(),
  otpauthUri: z.string(),
  issuer: z.string(),
  account: z.string(),
});
export type MfaEnrolment = z.infer<typeof MfaEnrolment>;

/** Shown once; only their hashes are kept. Each works once. */
export const RecoveryCodes = z.object({ recoveryCodes: z.array(z.string()) });
export type RecoveryCodes = z.infer<typeof RecoveryCodes>;

/** Enrolment at sign-in done: the session is open and the recovery codes are shown once. */
export const MfaEnrolledLogin = RecoveryCodes.extend({ me: Me });
export type MfaEnrolledLogin = z.infer<typeof MfaEnrolledLogin>;

export const MfaStatus = z.object({
  enrolled: z.boolean(),
  /** A role of the account requires MFA (MFA_REQUIRED_ROLES): it cannot be turned off. */
  required: z.boolean(),
  enrolledAt: Timestamp.nullable(),
  recoveryCodesLeft: z.number().int(),
});
export type MfaStatus = z.infer<typeof MfaStatus>;
