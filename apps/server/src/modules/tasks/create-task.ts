import type { CreateTaskBody, Task } from '@firebreak/contracts';
import { v7 as uuidv7 } from 'uuid';
import { AppError, invalidField } from '../../errors.js';
import { can, isWithin, type Actor } from '../../platform/auth/access.js';
import { runCommand, type CommandContext, type CommandDeps } from '../../platform/command.js';
import { findPlace } from '../places/index.js';
import { findPost } from '../posts/index.js';
import { originOf, placeTask } from './placement.js';
import { findTaskRow, lockTree, presentTask, refreshRollUp, treeOf, type TaskTree } from './tasks.queries.js';
import { tasks } from './tasks.tables.js';

/**
 * Breaks a directive or a campaign (or one of its tasks, or a standing duty's task) down into a
 * task for a post. A top-level task goes to a post within one of the directive's targets (needs
 * `tasks:manage` there) or within the campaign's issuer (needs `campaigns:manage` there); a
 * subtask to a post within its parent task's jurisdiction, due no later than the parent, and
 * needs `tasks:manage` where it is handed down from.
 */
export async function createTask(deps: CommandDeps, ctx: CommandContext & { actor: Actor }, input: CreateTaskBody): Promise<Task> {
  const { result } = await runCommand(deps, ctx, async (tx, record) => {
    const now = deps.clock();
    const tree = await treeNamedBy(tx, ctx.actor, input);
    const origin = await originOf(tx, ctx.actor, tree, now);
    if (!origin) throw invalidField(tree.source === 'campaign' ? 'body.campaignId' : 'body.directiveId', `no such ${tree.source} in your scope`);
    await lockTree(tx, tree);
    const post = await findPost(tx, input.ownerPostId, now);
    if (!post || !can(ctx.actor, 'jurisdictions:read', post.jurisdictionPath)) throw invalidField('body.ownerPostId', 'no such post in your scope');
    const dueAt = new Date(input.dueAt);
    const { from, permission } = await placeTask(tx, origin, { parentTaskId: input.parentTaskId ?? null, postPath: post.jurisdictionPath, dueAt });
    if (!can(ctx.actor, permission, from)) throw new AppError('FORBIDDEN', `You may not hand down tasks from ${from}`);
    if (input.placeId) {
      const place = await findPlace(tx, input.placeId);
      if (!place || !can(ctx.actor, 'places:read', place.jurisdictionPath)) throw invalidField('body.placeId', 'no such place in your scope');
      if (!isWithin(place.jurisdictionPath, post.jurisdictionPath)) throw invalidField('body.placeId', `must lie in the owner post's ${post.jurisdictionPath}`);
    }
    const id = uuidv7();
    await tx.insert(tasks).values({
      id, source: tree.source, directiveId: tree.source === 'directive' ? tree.id : null, campaignId: tree.source === 'campaign' ? tree.id : null,
      standingDutyId: tree.source === 'standing_duty' ? tree.id : null, parentTaskId: input.parentTaskId ?? null, ownerPostId: post.id, jurisdictionPath: post.jurisdictionPath,
      title: input.title, placeId: input.placeId ?? null, category: input.category ?? null, dueAt, weight: input.weight, percent: 0, status: 'open', createdBy: ctx.actor.id, createdAt: now, updatedAt: now,
    });
    const rolled = await refreshRollUp(tx, record, tree, now);
    const task = presentTask((await findTaskRow(tx, id))!, now);
    record.audit({ action: 'tasks.created', entityType: 'task', entityId: id, jurisdictionPath: task.jurisdictionPath, after: { ...task, rolled } });
    record.emit({ type: 'tasks.created', jurisdictionPath: task.jurisdictionPath, data: task });
    return task;
  });
  return result;
}

/** The tree the body names: a top-level task's directive or campaign (exactly one), or a subtask's parent's. */
async function treeNamedBy(tx: Parameters<typeof findTaskRow>[0], actor: Actor, input: CreateTaskBody): Promise<TaskTree> {
  if (input.directiveId && input.campaignId) throw invalidField('body.campaignId', 'name either a directive or a campaign, not both');
  const named: TaskTree | null = input.directiveId ? { source: 'directive', id: input.directiveId } : input.campaignId ? { source: 'campaign', id: input.campaignId } : null;
  if (!input.parentTaskId) {
    if (!named) throw invalidField('body.directiveId', 'a top-level task names its directive or its campaign (campaignId)');
    return named;
  }
  const parent = await findTaskRow(tx, input.parentTaskId);
  if (!parent || !can(actor, 'directives:read', parent.jurisdictionPath)) throw invalidField('body.parentTaskId', 'no such task in your scope');
  const tree = treeOf(parent);
  if (named && (named.source !== tree.source || named.id !== tree.id)) throw invalidField('body.parentTaskId', `no such task of this ${named.source}`);
  return tree;
}
