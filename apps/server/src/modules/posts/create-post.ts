import type { CreatePostBody, Post } from '@firebreak/contracts';
import { v7 as uuidv7 } from 'uuid';
import { AppError, invalidField } from '../../errors.js';
import { can, type Actor } from '../../platform/auth/access.js';
import { runCommand, type CommandContext, type CommandDeps } from '../../platform/command.js';
import { findJurisdiction } from '../jurisdictions/index.js';
import { findPost } from './posts.queries.js';
import { posts } from './posts.tables.js';

/** Creates a vacant post in a jurisdiction. */
export async function createPost(deps: CommandDeps, ctx: CommandContext & { actor: Actor }, input: CreatePostBody): Promise<Post> {
  const { result } = await runCommand(deps, ctx, async (tx, record) => {
    const j = await findJurisdiction(tx, input.jurisdictionId);
    if (!j || !can(ctx.actor, 'jurisdictions:read', j.path)) throw invalidField('body.jurisdictionId', 'no such jurisdiction in your scope');
    if (!can(ctx.actor, 'posts:manage', j.path)) throw new AppError('FORBIDDEN', `You may not create posts in ${j.path}`);
    const id = uuidv7();
    const now = deps.clock();
    await tx.insert(posts).values({ id, jurisdictionId: j.id, jurisdictionPath: j.path, kind: input.kind, title: input.title, createdAt: now });
    const post = (await findPost(tx, id, now))!;
    record.audit({ action: 'posts.created', entityType: 'post', entityId: id, jurisdictionPath: j.path, after: post });
    record.emit({ type: 'posts.created', jurisdictionPath: j.path, data: post });
    return post;
  });
  return result;
}
