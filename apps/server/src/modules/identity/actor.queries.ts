import type { Role } from '@firebreak/contracts';
import { and, eq, gt, isNull, lt, or, sql } from 'drizzle-orm';
import { AppError } from '../../errors.js';
import type { Actor, ActorGrant } from '../../platform/auth/access.js';
import type { Queryable } from '../../platform/db/client.js';
import { aidFor } from '../mutual-aid/index.js';
import { jurisdictions } from '../../platform/db/jurisdictions.tables.js';
import { grants, users } from './staff.tables.js';
import { apiTokens, sessions } from './auth.tables.js';

export async function grantsOf(q: Queryable, userId: string): Promise<ActorGrant[]> {
  const list = await q
    .select({
      id: grants.id,
      role: grants.role,
      jurisdictionId: grants.jurisdictionId,
      path: sql<string>`${jurisdictions.path}::text`,
      jurisdictionName: jurisdictions.name,
    })
    .from(grants)
    .innerJoin(jurisdictions, eq(jurisdictions.id, grants.jurisdictionId))
    .where(eq(grants.userId, userId))
    .orderBy(jurisdictions.path, grants.role);
  return list.map((g) => ({ ...g, role: g.role as Role }));
}

const userColumns = { id: users.id, username: users.username, displayName: users.displayName, kind: users.kind };

/** How long a browser session may go without a request; the strictest of the user's roles applies. */
export interface SessionIdlePolicy {
  defaultMinutes: number;
  byRole: Partial<Record<Role, number>>;
}

/** The idle limit for someone holding these roles: the smallest of theirs, else the default. */
export function idleMinutesFor(policy: SessionIdlePolicy, roles: readonly Role[]): number {
  const limits = roles.map((r) => policy.byRole[r] ?? policy.defaultMinutes);
  return limits.length ? Math.min(...limits) : policy.defaultMinutes;
}

/** `last_seen_at` is written at most this often per session: the hot path stays a read. */
export const LAST_SEEN_GRANULARITY_MS = 60_000;

/**
 * The actor behind a session secret, if the session is live and the account enabled. A session
 * idle for longer than its limit throws AUTH_SESSION_IDLE (a 401 the web app explains). The idle
 * clock counts from `last_seen_at`, which a request moves only when it is user `activity` and a
 * minute has passed — so a session may end up to a minute before its limit, never after it.
 */
export async function actorFromSession(
  q: Queryable,
  tokenHash: string,
  now: Date,
  idle: SessionIdlePolicy & { activity: boolean },
): Promise<Actor | null> {
  return (await sessionActor(q, tokenHash, now, idle))?.actor ?? null;
}

/** `actorFromSession` with what a cache of it needs: when the session expires and was last seen. */
export async function sessionActor(
  q: Queryable,
  tokenHash: string,
  now: Date,
  idle: SessionIdlePolicy & { activity: boolean },
): Promise<{ actor: Actor; expiresAt: Date; lastSeenAt: Date } | null> {
  const [row] = await q
    .select({ ...userColumns, sessionId: sessions.id, lastSeenAt: sessions.lastSeenAt, expiresAt: sessions.expiresAt })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.tokenHash, tokenHash), isNull(sessions.revokedAt), gt(sessions.expiresAt, now), isNull(users.disabledAt)));
  if (!row) return null;
  const { sessionId, lastSeenAt, expiresAt, ...user } = row;
  const grants = await grantsOf(q, user.id);
  const minutes = idleMinutesFor(idle, grants.map((g) => g.role));
  if (now.getTime() - lastSeenAt.getTime() >= minutes * 60_000) {
    throw new AppError('AUTH_SESSION_IDLE', `Signed out after ${minutes} minutes without activity; sign in again`);
  }
  let seen = lastSeenAt;
  if (idle.activity && now.getTime() - lastSeenAt.getTime() >= LAST_SEEN_GRANULARITY_MS) {
    // Conditional, so that concurrent requests of one session write once.
    await q.update(sessions).set({ lastSeenAt: now }).where(and(eq(sessions.id, sessionId), lt(sessions.lastSeenAt, now)));
    seen = now;
  }
  const actor: Actor = { ...user, grants, aid: await aidFor(q, grants), via: { kind: 'session', sessionId } };
  return { actor, expiresAt, lastSeenAt: seen };
}

/**
 * The actor behind an API token, if the token is live and the account enabled, when the token
 * expires and when it was last used. Each call is a use: `last_used_at` (what the token lists show,
 * to decide which to revoke) moves when a minute has passed since it last did, as a session's
 * `last_seen_at` does; it is no column the auth epoch watches, so no cache is emptied by it.
 */
export async function tokenActor(q: Queryable, tokenHash: string, now: Date): Promise<{ actor: Actor; expiresAt: Date; lastUsedAt: Date } | null> {
  const [row] = await q
    .select({ ...userColumns, tokenId: apiTokens.id, expiresAt: apiTokens.expiresAt, lastUsedAt: apiTokens.lastUsedAt })
    .from(apiTokens)
    .innerJoin(users, eq(users.id, apiTokens.userId))
    .where(and(eq(apiTokens.tokenHash, tokenHash), isNull(apiTokens.revokedAt), gt(apiTokens.expiresAt, now), isNull(users.disabledAt)));
  if (!row) return null;
  const { tokenId, expiresAt, lastUsedAt, ...user } = row;
  let used = lastUsedAt;
  if (!used || now.getTime() - used.getTime() >= LAST_SEEN_GRANULARITY_MS) {
    // Conditional, so that concurrent requests with one token write once.
    await q.update(apiTokens).set({ lastUsedAt: now })
      .where(and(eq(apiTokens.id, tokenId), or(isNull(apiTokens.lastUsedAt), lt(apiTokens.lastUsedAt, now))));
    used = now;
  }
  const grants = await grantsOf(q, user.id);
  return { actor: { ...user, grants, aid: await aidFor(q, grants), via: { kind: 'token', tokenId } }, expiresAt, lastUsedAt: used };
}
