import type { HandoverBody, Post } from '@firebreak/contracts';
import { and, eq, isNull, sql } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';
import { AppError, invalidField, notFound } from '../../errors.js';
import { can, type Actor } from '../../platform/auth/access.js';
import { runCommand, type CommandContext, type CommandDeps } from '../../platform/command.js';
import { findStaff } from '../identity/index.js';
import { findPost } from './posts.queries.js';
import { postHoldings } from './posts.tables.js';

/**
 * Hands a post to a staff account (or leaves it vacant) now: the open holding ends at this instant
 * and the new one begins at it, in the same transaction, so "who held it at T" has one answer.
 */
export async function handOverPost(deps: CommandDeps, ctx: CommandContext & { actor: Actor }, postId: string, input: HandoverBody): Promise<Post> {
  const { result } = await runCommand(deps, ctx, async (tx, record) => {
    await tx.execute(sql`select 1 from posts where id = ${postId} for update`);
    const now = deps.clock();
    const before = await findPost(tx, postId, now);
    if (!before || !can(ctx.actor, 'jurisdictions:read', before.jurisdictionPath)) throw notFound('Post');
    if (!can(ctx.actor, 'posts:manage', before.jurisdictionPath)) throw new AppError('FORBIDDEN', `You may not staff posts in ${before.jurisdictionPath}`);
    if (input.userId !== null) {
      const staff = await findStaff(tx, input.userId);
      if (!staff || staff.disabled) throw invalidField('body.userId', 'no such active staff account');
      if (before.holder?.userId === input.userId) throw new AppError('CONFLICT', 'That account already holds the post');
    } else if (!before.holder) throw new AppError('CONFLICT', 'The post is already vacant');
    await tx.update(postHoldings).set({ toAt: now }).where(and(eq(postHoldings.postId, postId), isNull(postHoldings.toAt)));
    if (input.userId !== null) await tx.insert(postHoldings).values({ id: uuidv7(), postId, userId: input.userId, fromAt: now });
    const after = (await findPost(tx, postId, now))!;
    const change = { postId, from: before.holder?.userId ?? null, to: input.userId, at: now.toISOString() };
    record.audit({ action: 'posts.handed_over', entityType: 'post', entityId: postId, jurisdictionPath: after.jurisdictionPath, before: before.holder, after: after.holder });
    record.emit({ type: 'posts.handed_over', jurisdictionPath: after.jurisdictionPath, data: change });
    return after;
  });
  return result;
}
