import { and, desc, eq, isNull } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';
import { AppError, notFound } from '../../errors.js';
import { mayMintTokenFor, type Actor } from '../../platform/auth/access.js';
import { runCommand, type CommandContext, type CommandDeps } from '../../platform/command.js';
import type { Queryable } from '../../platform/db/client.js';
import { assertMayAdministerAccounts, manageableStaff } from './staff.access.js';
import { findStaff } from './staff.queries.js';
import { apiTokens } from './auth.tables.js';
import { hashSecret, newSecret } from './secrets.js';

export const TOKEN_PREFIX = 'fbt_';

/** Callers see and revoke their own tokens; administrators see those of accounts wholly within their reach. */
async function assertTokenOwnerAccess(q: Queryable, actor: Actor, userId: string): Promise<void> {
  if (userId !== actor.id) await manageableStaff(q, actor, userId);
}

/**
 * Mints an API token for `userId`: the caller's own, or a device account the caller may manage
 * (`mayMintTokenFor`). Only from a session: a token never mints tokens. Its lifetime is at most `maxDays` (configured,
 * `API_TOKEN_MAX_DAYS`), for one's own tokens too; without `expiresInDays` it gets exactly that.
 */
export async function createApiToken(
  deps: CommandDeps,
  ctx: CommandContext & { actor: Actor },
  userId: string,
  input: { name: string; expiresInDays?: number | undefined },
  limits: { maxDays: number },
) {
  assertMayAdministerAccounts(ctx.actor);
  const days = input.expiresInDays ?? limits.maxDays;
  if (days > limits.maxDays) {
    const message = `at most ${limits.maxDays} days on this server`;
    throw new AppError('VALIDATION_FAILED', `body.expiresInDays: ${message}`, { fields: [{ path: 'body.expiresInDays', message }] });
  }
  const secret = newSecret(TOKEN_PREFIX);
  // The secret is shown once and never stored, so a retry cannot replay it: no idempotency here.
  const { result } = await runCommand(deps, { ...ctx, idempotency: undefined }, async (tx, record) => {
    if (userId !== ctx.actor.id) {
      const member = await manageableStaff(tx, ctx.actor, userId);
      if (!mayMintTokenFor(ctx.actor, member)) {
        throw new AppError('FORBIDDEN', "API tokens are minted for device accounts; a person mints their own, signed in (POST /auth/tokens)");
      }
    }
    const id = uuidv7();
    const expiresAt = new Date(deps.clock().getTime() + days * 86_400_000);
    const [row] = await tx.insert(apiTokens).values({ id, userId, name: input.name, tokenHash: hashSecret(secret), expiresAt }).returning();
    const path = (await findStaff(tx, userId))?.jurisdictionPath ?? null;
    const data = { tokenId: id, userId, name: input.name, expiresAt: expiresAt.toISOString() };
    record.audit({ action: 'auth.token_created', entityType: 'api_token', entityId: id, jurisdictionPath: path, after: data });
    record.emit({ type: 'auth.token_created', jurisdictionPath: path, data });
    return present(row!);
  });
  return { ...result, token: secret };
}

export async function listApiTokens(q: Queryable, actor: Actor, userId: string) {
  await assertTokenOwnerAccess(q, actor, userId);
  const list = await q.select().from(apiTokens).where(and(eq(apiTokens.userId, userId), isNull(apiTokens.revokedAt))).orderBy(desc(apiTokens.createdAt));
  return list.map(present);
}

export async function revokeApiToken(deps: CommandDeps, ctx: CommandContext & { actor: Actor }, userId: string, tokenId: string): Promise<void> {
  await runCommand(deps, ctx, async (tx, record) => {
    await assertTokenOwnerAccess(tx, ctx.actor, userId);
    const revoked = await tx
      .update(apiTokens)
      .set({ revokedAt: deps.clock() })
      .where(and(eq(apiTokens.id, tokenId), eq(apiTokens.userId, userId), isNull(apiTokens.revokedAt)))
      .returning({ id: apiTokens.id });
    if (revoked.length === 0) throw notFound('API token');
    const path = (await findStaff(tx, userId))?.jurisdictionPath ?? null;
    record.audit({ action: 'auth.token_revoked', entityType: 'api_token', entityId: tokenId, jurisdictionPath: path, after: { userId } });
    record.emit({ type: 'auth.token_revoked', jurisdictionPath: path, data: { tokenId, userId } });
  });
}

function present(row: typeof apiTokens.$inferSelect) {
  return {
    id: row.id,
    name: row.name,
    createdAt: row.createdAt.toISOString(),
    expiresAt: row.expiresAt.toISOString(),
    lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
  };
}
