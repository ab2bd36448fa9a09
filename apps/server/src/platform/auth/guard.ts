import type { Permission } from '@firebreak/contracts';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { AppError } from '../../errors.js';
import { canAnywhere, type Actor } from './access.js';

/** Who may reach a route at all; finer, per-jurisdiction checks use `can` in the command. */
export type RouteAccess = 'public' | 'authenticated' | Permission;

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: RouteAccess;
  }
  interface FastifyRequest {
    actor: Actor | null;
  }
}

/**
 * `activity: false` resolves without counting as use of a session (its idle clock keeps running).
 * `epochAgeMs`: revocations seen up to that long ago will do — for periodic safety nets only, never
 * for a request or for a check an event asked for (identity/actor-cache.ts, FreshRead.recent).
 */
export type ActorResolver = (request: FastifyRequest, opts?: { activity?: boolean; epochAgeMs?: number }) => Promise<Actor | null>;

/**
 * Resolves the caller on every request and enforces each route's declared access. A route that
 * declares nothing requires an authenticated caller: deny by default.
 */
export const accessGuard = fp<{ resolveActor: ActorResolver }>(
  async (app: FastifyInstance, opts) => {
    app.decorateRequest('actor', null);
    app.addHook('onRequest', async (request) => {
      const access = request.routeOptions.config?.access ?? 'authenticated';
      if (!request.routeOptions.url) return; // 404s are answered without authentication
      if (access === 'public') return;
      request.actor = await opts.resolveActor(request);
      if (!request.actor) throw new AppError('AUTH_REQUIRED');
      if (access !== 'authenticated' && !canAnywhere(request.actor, access)) {
        throw new AppError('FORBIDDEN', `You need the ${access} permission`);
      }
    });
  },
  { name: 'access-guard' },
);

/** The authenticated caller of a route that is not public. */
export function actorOf(request: FastifyRequest): Actor {
  if (!request.actor) throw new AppError('AUTH_REQUIRED');
  return request.actor;
}
