import type { CreateStandingDutyBody, StandingDuty } from '@firebreak/contracts';
import { v7 as uuidv7 } from 'uuid';
import { AppError, invalidField } from '../../errors.js';
import { can, type Actor } from '../../platform/auth/access.js';
import { runCommand, type CommandContext, type CommandDeps } from '../../platform/command.js';
import { findPost } from '../posts/index.js';
import { findStandingDuty } from './standing-duties.queries.js';
import { standingDuties } from './tasks.tables.js';

/**
 * Gives a post a recurring duty: from `startsAt`, every `everyDays`, the duty sweep makes the
 * period's task for the post, due at the period's end. Needs `tasks:manage` at the post's level.
 */
export async function createStandingDuty(deps: CommandDeps, ctx: CommandContext & { actor: Actor }, input: CreateStandingDutyBody): Promise<StandingDuty> {
  const startsAt = new Date(input.startsAt);
  const endsAt = input.endsAt ? new Date(input.endsAt) : null;
  if (endsAt && endsAt <= startsAt) throw invalidField('body.endsAt', 'must be after startsAt');
  const { result } = await runCommand(deps, ctx, async (tx, record) => {
    const now = deps.clock();
    const post = await findPost(tx, input.ownerPostId, now);
    if (!post || !can(ctx.actor, 'jurisdictions:read', post.jurisdictionPath)) throw invalidField('body.ownerPostId', 'no such post in your scope');
    if (!can(ctx.actor, 'tasks:manage', post.jurisdictionPath)) throw new AppError('FORBIDDEN', `You may not set duties for posts in ${post.jurisdictionPath}`);
    const id = uuidv7();
    await tx.insert(standingDuties).values({
      id, ownerPostId: post.id, jurisdictionPath: post.jurisdictionPath, title: input.title, category: input.category ?? null,
      everyDays: input.everyDays, startsAt, endsAt, nextPeriodAt: startsAt, createdBy: ctx.actor.id, createdAt: now,
    });
    const duty = (await findStandingDuty(tx, id))!;
    record.audit({ action: 'standing_duties.created', entityType: 'standing_duty', entityId: id, jurisdictionPath: duty.jurisdictionPath, after: duty });
    record.emit({ type: 'standing_duties.created', jurisdictionPath: duty.jurisdictionPath, data: duty });
    return duty;
  });
  return result;
}
