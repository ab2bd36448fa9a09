import { IdParams, Me, MfaConfirmBody, MfaEnrolledLogin, MfaEnrolment, MfaReauthBody, MfaStatus, MfaTicketBody, MfaTicketConfirmBody, MfaVerifyBody, RecoveryCodes } from '@firebreak/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../errors.js';
import { actorOf } from '../../platform/auth/guard.js';
import { commandContext } from '../../platform/http/context.js';
import type { Platform } from '../../platform/kernel.js';
import { loginPolicy, startSession } from './auth.routes.js';
import { disableMfa, resetMfa } from './disable-mfa.js';
import { beginEnrolment, confirmEnrolment } from './enrol-mfa.js';
import { isWrongCode, mfaStatus } from './mfa-factor.js';
import { liveTicket } from './mfa-tickets.js';
import { openSession } from './login.js';
import { regenerateRecoveryCodes } from './recovery-codes.js';
import { visibleStaff } from './staff.access.js';
import { verifyMfaLogin } from './verify-mfa.js';

/** On a signed-in page a wrong code is a field error (400), not a 401 that would read as "signed out". */
async function codeAsField<T>(work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (err) {
    if (isWrongCode(err)) throw new AppError('VALIDATION_FAILED', 'body.code: wrong, expired or already used code', { fields: [{ path: 'body.code', message: 'wrong, expired or already used code' }] });
    throw err;
  }
}

/**
 * Two-factor sign-in (TOTP). The `/auth/login/mfa…` endpoints take the ticket POST /auth/login
 * answered and are public (the ticket is the credential; it opens nothing else); `/auth/mfa…` is
 * for the signed-in account itself; `/staff/{id}/mfa` for administrators.
 */
export async function mfaRoutes(app: FastifyInstance, { platform }: { platform: Platform }): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const policy = loginPolicy(platform);
  if (!policy.mfa.secretKey) {
    app.log.warn('MFA_SECRET_KEY is not set: TOTP secrets are stored unencrypted in the database (set a 32-byte base64 key to encrypt them)');
  }
  const tags = ['auth'];
  const anonymous = (requestId: string) => ({ actor: null, requestId });

  r.post('/auth/login/mfa', {
    schema: { operationId: 'completeMfaLogin', errors: ['AUTH_MFA_CODE_INVALID', 'AUTH_MFA_TICKET_INVALID', 'AUTH_MFA_LOCKED', 'AUTH_ACCOUNT_DISABLED'], tags, summary: 'Second sign-in step: a code from the authenticator app (or a recovery code) with the `verify` ticket; sets the session cookie', body: MfaVerifyBody, response: { 200: Me } },
    config: { access: 'public' },
  }, async (request, reply) => startSession(platform, reply, await verifyMfaLogin(platform.command, anonymous(request.id), policy, request.body)));

  r.post('/auth/login/mfa/enrol', {
    schema: { operationId: 'startMfaEnrolmentAtLogin', errors: ['AUTH_MFA_TICKET_INVALID', 'AUTH_ACCOUNT_DISABLED'], tags, summary: 'Enrolment at sign-in, step 1: a new TOTP secret for the authenticator app (shown this once), with the `enrol` ticket', body: MfaTicketBody, response: { 200: MfaEnrolment } },
    config: { access: 'public' },
  }, async (request) => {
    const ticket = await liveTicket(platform.db, request.body.ticket, 'enrol', platform.clock());
    return beginEnrolment(platform.command, anonymous(request.id), policy.mfa, ticket.userId);
  });

  r.post('/auth/login/mfa/enrol/confirm', {
    schema: { operationId: 'confirmMfaEnrolmentAtLogin', errors: ['AUTH_MFA_TICKET_INVALID', 'AUTH_MFA_CODE_INVALID', 'AUTH_MFA_LOCKED', 'AUTH_ACCOUNT_DISABLED'], tags, summary: 'Enrolment at sign-in, step 2: a code from the app turns MFA on; answers the recovery codes (shown once) and sets the session cookie', body: MfaTicketConfirmBody, response: { 200: MfaEnrolledLogin } },
    config: { access: 'public' },
  }, async (request, reply) => {
    const ticket = await liveTicket(platform.db, request.body.ticket, 'enrol', platform.clock());
    const ctx = anonymous(request.id);
    const { recoveryCodes } = await confirmEnrolment(platform.command, ctx, policy.mfa, ticket.userId, request.body.code, ticket.id);
    const me = await startSession(platform, reply, await openSession(platform.command, ctx, policy, ticket.userId, null));
    return { me, recoveryCodes };
  });

  r.get('/auth/mfa', {
    schema: { operationId: 'getMyMfa', tags, summary: 'My two-factor sign-in: on or off, required by my role, recovery codes left', response: { 200: MfaStatus } },
  }, async (request) => mfaStatus(platform.db, actorOf(request).id, policy.mfa));

  r.post('/auth/mfa/enrol', {
    schema: { operationId: 'startMfaEnrolment', errors: ['CONFLICT'], tags, summary: 'Turn MFA on, step 1: a new TOTP secret for the authenticator app (shown this once)', response: { 200: MfaEnrolment } },
  }, async (request) => beginEnrolment(platform.command, commandContext(request), policy.mfa, actorOf(request).id));

  r.post('/auth/mfa/enrol/confirm', {
    schema: { operationId: 'confirmMfaEnrolment', errors: ['AUTH_MFA_CODE_INVALID', 'CONFLICT'], tags, summary: 'Turn MFA on, step 2: a code from the app; answers the recovery codes (shown once)', body: MfaConfirmBody, response: { 200: RecoveryCodes } },
  }, async (request) => codeAsField(confirmEnrolment(platform.command, commandContext(request), policy.mfa, actorOf(request).id, request.body.code, null)));

  r.post('/auth/mfa/recovery-codes', {
    schema: { operationId: 'replaceRecoveryCodes', errors: ['AUTH_INVALID_CREDENTIALS', 'AUTH_MFA_CODE_INVALID', 'CONFLICT'], tags, summary: 'Replace my recovery codes (password and a current code needed); the old ones stop working', body: MfaReauthBody, response: { 200: RecoveryCodes } },
  }, async (request) => regenerateRecoveryCodes(platform.command, commandContext(request), policy.mfa, request.body));

  r.post('/auth/mfa/disable', {
    schema: { operationId: 'disableMyMfa', errors: ['AUTH_INVALID_CREDENTIALS', 'AUTH_MFA_CODE_INVALID', 'MFA_REQUIRED_FOR_ROLE', 'CONFLICT'], tags, summary: 'Turn my MFA off (password and a current code needed); refused while my role requires it', body: MfaReauthBody, response: { 204: z.null() } },
  }, async (request, reply) => {
    await disableMfa(platform.command, commandContext(request), policy.mfa, request.body);
    return reply.status(204).send(null);
  });

  r.get('/staff/:id/mfa', {
    schema: { operationId: 'getStaffMfa', tags: ['staff'], summary: "An account's two-factor sign-in status", params: IdParams, response: { 200: MfaStatus } },
    config: { access: 'staff:read' },
  }, async (request) => {
    const member = await visibleStaff(platform.db, actorOf(request), request.params.id);
    return mfaStatus(platform.db, member.id, policy.mfa);
  });

  r.delete('/staff/:id/mfa', {
    schema: { operationId: 'resetStaffMfa', errors: ['CONFLICT'], tags: ['staff'], summary: "Reset an account's two-factor sign-in (lost device): it enrols again at next sign-in; its sessions end", params: IdParams, response: { 204: z.null() } },
    config: { access: 'staff:manage' },
  }, async (request, reply) => {
    await resetMfa(platform.command, commandContext(request), policy.mfa, request.params.id);
    return reply.status(204).send(null);
  });
}
