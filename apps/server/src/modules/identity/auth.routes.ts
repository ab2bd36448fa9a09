import { ApiToken, CreateApiTokenBody, CreatedApiToken, IdParams, LoginBody, LoginResponse, Me } from '@firebreak/contracts';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { permissionsOf, type Actor } from '../../platform/auth/access.js';
import { actorOf } from '../../platform/auth/guard.js';
import { commandContext } from '../../platform/http/context.js';
import type { Platform } from '../../platform/kernel.js';
import { ActorCache } from './actor-cache.js';
import { actorFromSession } from './actor.queries.js';
import { createApiToken, listApiTokens, revokeApiToken, TOKEN_PREFIX } from './api-tokens.js';
import { login, type LoginPolicy, type LoginResult } from './login.js';
import { logout } from './logout.js';
import { hashSecret } from './secrets.js';

export const SESSION_COOKIE = 'firebreak_session';

/**
 * Sent by the web app on requests it makes without the user doing anything (refreshes after live
 * events): they do not keep the session from going idle.
 */
export const BACKGROUND_HEADER = 'x-firebreak-background';

/**
 * Finds the caller from the session cookie or an `Authorization: Bearer fbt_…` API token. API
 * tokens are not sessions: they have no idle timeout. A request counts as activity on its session
 * unless the caller says otherwise (`activity: false`, e.g. the stream re-checking its socket).
 */
export function actorResolver(platform: Platform) {
  const { sessionIdle } = platform.config;
  const cache = new ActorCache(platform.db);
  return async (request: FastifyRequest, opts: { activity?: boolean; epochAgeMs?: number } = {}): Promise<Actor | null> => {
    const auth = request.headers.authorization;
    if (auth?.startsWith(`Bearer ${TOKEN_PREFIX}`)) {
      return cache.token(hashSecret(auth.slice('Bearer '.length)), platform.clock(), opts.epochAgeMs);
    }
    const cookie = request.cookies[SESSION_COOKIE];
    if (!cookie) return null;
    const activity = opts.activity ?? request.headers[BACKGROUND_HEADER] === undefined;
    return cache.session(hashSecret(cookie), platform.clock(), { ...sessionIdle, activity }, opts.epochAgeMs);
  };
}

export function presentMe(actor: Actor): Me {
  return {
    id: actor.id,
    username: actor.username,
    displayName: actor.displayName,
    kind: actor.kind,
    grants: actor.grants.map((g) => ({ id: g.id, role: g.role, jurisdictionId: g.jurisdictionId, jurisdictionPath: g.path, jurisdictionName: g.jurisdictionName })),
    permissions: permissionsOf(actor),
  };
}

/** How this deployment signs people in (login.ts, and the MFA step in mfa.routes.ts). */
export function loginPolicy({ config }: Platform): LoginPolicy {
  return { throttle: config.loginThrottle, sessionTtlHours: config.sessionTtlHours, mfa: config.mfa };
}

/** Sets the cookie of a session just opened and answers who signed in. */
export async function startSession(platform: Platform, reply: FastifyReply, session: LoginResult): Promise<Me> {
  void reply.setCookie(SESSION_COOKIE, session.sessionSecret, {
    path: '/',
    httpOnly: true,
    sameSite: 'strict',
    secure: platform.config.tls,
    expires: session.expiresAt,
  });
  const actor = await actorFromSession(platform.db, hashSecret(session.sessionSecret), platform.clock(), { ...platform.config.sessionIdle, activity: false });
  return presentMe(actor!);
}

export async function authRoutes(app: FastifyInstance, { platform }: { platform: Platform }): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { config } = platform;
  // A proxy in front that TRUST_PROXY does not name makes every client one address to the login
  // throttle: say so once, loudly, rather than let a whole centre share one budget unnoticed.
  let warnedUntrustedProxy = false;

  r.post('/auth/login', {
    schema: {
      operationId: 'logIn', errors: ['AUTH_INVALID_CREDENTIALS', 'AUTH_LOGIN_THROTTLED', 'AUTH_ACCOUNT_DISABLED'], tags: ['auth'],
      summary: 'Log in with username and password; sets the session cookie, or answers the ticket for the second-factor step',
      description: 'Failed logins are throttled per (account, client address) and per address, shared by every node: 429 AUTH_LOGIN_THROTTLED with Retry-After. No account is ever locked by failures. When the account has a second factor (or its role requires one, MFA_REQUIRED_ROLES) the answer is `{ mfa, ticket, expiresAt }` instead of the account, and no cookie: continue with POST /auth/login/mfa (`verify`) or /auth/login/mfa/enrol (`enrol`).',
      body: LoginBody,
      response: { 200: LoginResponse },
    },
    config: { access: 'public' },
  }, async (request, reply) => {
    // request.ip is the TCP peer, or what a TRUST_PROXY-configured proxy says it is: never a client's own claim.
    if (config.trustProxy === false && request.headers['x-forwarded-for'] !== undefined && !warnedUntrustedProxy) {
      warnedUntrustedProxy = true;
      request.log.warn({ peer: request.ip }, 'login with X-Forwarded-For but TRUST_PROXY is unset: if a proxy is in front, every client counts as its address for the login throttle; set TRUST_PROXY');
    }
    const result = await login(platform.command, { actor: null, requestId: request.id }, loginPolicy(platform), request.body, request.ip);
    if ('mfa' in result) return result; // a second factor is due: no session yet, only the ticket for that step
    return startSession(platform, reply, result);
  });

  r.post('/auth/logout', {
    schema: { operationId: 'logOut', tags: ['auth'], summary: 'End the current session', response: { 204: z.null() } },
  }, async (request, reply) => {
    await logout(platform.command, commandContext(request));
    void reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return reply.status(204).send(null);
  });

  r.get('/auth/me', {
    schema: { operationId: 'getMe', tags: ['auth'], summary: 'Who am I: account, grants and permissions', response: { 200: Me } },
  }, async (request) => presentMe(actorOf(request)));

  r.get('/auth/tokens', {
    schema: { operationId: 'listMyTokens', tags: ['auth'], summary: 'My API tokens', response: { 200: z.array(ApiToken) } },
  }, async (request) => listApiTokens(platform.db, actorOf(request), actorOf(request).id));

  r.post('/auth/tokens', {
    schema: { operationId: 'createMyToken', errors: ['CONFLICT'], tags: ['auth'], summary: 'Create an API token for myself (shown once)', body: CreateApiTokenBody, response: { 201: CreatedApiToken } },
  }, async (request, reply) => {
    const ctx = commandContext(request);
    const token = await createApiToken(platform.command, ctx, ctx.actor.id, request.body, { maxDays: config.apiTokenMaxDays });
    return reply.status(201).send(token);
  });

  r.delete('/auth/tokens/:id', {
    schema: { operationId: 'revokeMyToken', tags: ['auth'], summary: 'Revoke one of my API tokens', params: IdParams, response: { 204: z.null() } },
  }, async (request, reply) => {
    const ctx = commandContext(request);
    await revokeApiToken(platform.command, ctx, ctx.actor.id, request.params.id);
    return reply.status(204).send(null);
  });
}
