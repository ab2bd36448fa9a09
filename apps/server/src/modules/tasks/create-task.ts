import type { CreateTaskBody, Task } from '@firebreak/contracts';
import { v7 as uuidv7 } from 'uuid';
import { AppError, invalidField } from '../../errors.js';
import { can, isWithin, type Actor } from '../../platform/auth/access.js';
import { runCommand, type CommandContext, type CommandDeps } from '../../platform/command.js';
import { canSeeDirective, findDirective } from '../directives/index.js';
import { findPlace } from '../places/index.js';
import { findPost } from '../posts/index.js';
import { placeTask } from './placement.js';
import { findTaskRow, lockTree, presentTask, refreshRollUp } from './tasks.queries.js';
import { tasks } from './tasks.tables.js';

/**
 * Breaks a directive (or one of its tasks) down into a task for a post. A top-level task goes to a
 * post within one of the directive's targets; a subtask to a post within its parent task's
 * jurisdiction, due no later than the parent. Whoever breaks it down needs `tasks:manage` where
 * the work is handed down from (the target, or the parent task's jurisdiction).
 */
export async function createTask(deps: CommandDeps, ctx: CommandContext & { actor: Actor }, input: CreateTaskBody): Promise<Task> {
  const { result } = await runCommand(deps, ctx, async (tx, record) => {
    const now = deps.clock();
    const directive = await findDirective(tx, input.directiveId, now);
    if (!directive || !canSeeDirective(ctx.actor, directive)) throw invalidField('body.directiveId', 'no such directive in your scope');
    await lockTree(tx, directive.id);
    const post = await findPost(tx, input.ownerPostId, now);
    if (!post || !can(ctx.actor, 'jurisdictions:read', post.jurisdictionPath)) throw invalidField('body.ownerPostId', 'no such post in your scope');
    const dueAt = new Date(input.dueAt);
    const { from } = await placeTask(tx, directive, { parentTaskId: input.parentTaskId ?? null, postPath: post.jurisdictionPath, dueAt });
    if (!can(ctx.actor, 'tasks:manage', from)) throw new AppError('FORBIDDEN', `You may not hand down tasks from ${from}`);
    if (input.placeId) {
      const place = await findPlace(tx, input.placeId);
      if (!place || !can(ctx.actor, 'places:read', place.jurisdictionPath)) throw invalidField('body.placeId', 'no such place in your scope');
      if (!isWithin(place.jurisdictionPath, post.jurisdictionPath)) throw invalidField('body.placeId', `must lie in the owner post's ${post.jurisdictionPath}`);
    }
    const id = uuidv7();
    await tx.insert(tasks).values({
      id, directiveId: directive.id, parentTaskId: input.parentTaskId ?? null, ownerPostId: post.id, jurisdictionPath: post.jurisdictionPath,
      title: input.title, placeId: input.placeId ?? null, category: input.category ?? null, dueAt, weight: input.weight, percent: 0, status: 'open', createdBy: ctx.actor.id, createdAt: now, updatedAt: now,
    });
    const rolled = await refreshRollUp(tx, record, directive.id, now);
    const task = presentTask((await findTaskRow(tx, id))!, now);
    record.audit({ action: 'tasks.created', entityType: 'task', entityId: id, jurisdictionPath: task.jurisdictionPath, after: { ...task, rolled } });
    record.emit({ type: 'tasks.created', jurisdictionPath: task.jurisdictionPath, data: task });
    return task;
  });
  return result;
}
