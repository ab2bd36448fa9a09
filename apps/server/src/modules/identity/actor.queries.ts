import type { Role } from '@firebreak/contracts';
import { and, eq, gt, isNull, sql } from 'drizzle-orm';
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

/** The actor behind a session secret, if the session is live and the account enabled. */
export async function actorFromSession(q: Queryable, tokenHash: string, now: Date): Promise<Actor | null> {
  const [row] = await q
    .select({ ...userColumns, sessionId: sessions.id })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.tokenHash, tokenHash), isNull(sessions.revokedAt), gt(sessions.expiresAt, now), isNull(users.disabledAt)));
  if (!row) return null;
  const { sessionId, ...user } = row;
  const grants = await grantsOf(q, user.id);
  return { ...user, grants, aid: await aidFor(q, grants), via: { kind: 'session', sessionId } };
}

/** The actor behind an API token, if the token is live and the account enabled. */
export async function actorFromToken(q: Queryable, tokenHash: string, now: Date): Promise<Actor | null> {
  const [row] = await q
    .select({ ...userColumns, tokenId: apiTokens.id })
    .from(apiTokens)
    .innerJoin(users, eq(users.id, apiTokens.userId))
    .where(and(eq(apiTokens.tokenHash, tokenHash), isNull(apiTokens.revokedAt), gt(apiTokens.expiresAt, now), isNull(users.disabledAt)));
  if (!row) return null;
  const { tokenId, ...user } = row;
  const grants = await grantsOf(q, user.id);
  return { ...user, grants, aid: await aidFor(q, grants), via: { kind: 'token', tokenId } };
}
