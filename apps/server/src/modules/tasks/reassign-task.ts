import type { ReassignTaskBody, Task } from '@firebreak/contracts';
import { eq, sql } from 'drizzle-orm';
import { AppError, invalidField } from '../../errors.js';
import { can, isWithin, type Actor } from '../../platform/auth/access.js';
import { runCommand, type CommandContext, type CommandDeps } from '../../platform/command.js';
import { findPlace } from '../places/index.js';
import { findPost } from '../posts/index.js';
import { outside, placeTask, taskForChange } from './placement.js';
import { findTaskRow, presentTask, subtasksOf } from './tasks.queries.js';
import { tasks } from './tasks.tables.js';

/**
 * Hands a task to another post under the level it was handed down from. The old owner stays in the
 * task's history (audit entry `tasks.reassigned`); its subtasks must lie under the new post.
 */
export async function reassignTask(deps: CommandDeps, ctx: CommandContext & { actor: Actor }, taskId: string, input: ReassignTaskBody): Promise<Task> {
  const { result } = await runCommand(deps, ctx, async (tx, record) => {
    const now = deps.clock();
    const { task, origin } = await taskForChange(tx, ctx.actor, taskId, now);
    const post = await findPost(tx, input.ownerPostId, now);
    if (!post || !can(ctx.actor, 'jurisdictions:read', post.jurisdictionPath)) throw invalidField('body.ownerPostId', 'no such post in your scope');
    const { from, permission } = await placeTask(tx, origin, { parentTaskId: task.parentTaskId, postPath: post.jurisdictionPath, dueAt: task.dueAt });
    if (!can(ctx.actor, permission, from)) throw new AppError('FORBIDDEN', `You may not hand down tasks from ${from}`);
    if (post.id === task.ownerPostId) throw new AppError('TASK_CHANGE_NOT_ALLOWED', 'The task is already owned by that post');
    const stranded = (await subtasksOf(tx, taskId)).find((s) => !isWithin(s.jurisdictionPath, post.jurisdictionPath));
    if (stranded) throw outside(`subtask ${stranded.id} of ${stranded.jurisdictionPath} would not be under ${post.jurisdictionPath}`);
    const place = task.placeId ? await findPlace(tx, task.placeId) : undefined;
    if (place && !isWithin(place.jurisdictionPath, post.jurisdictionPath)) throw outside(`the task is about a place in ${place.jurisdictionPath}, not under ${post.jurisdictionPath}`);
    await tx.update(tasks).set({ ownerPostId: post.id, jurisdictionPath: post.jurisdictionPath, updatedAt: now, version: sql`${tasks.version} + 1` }).where(eq(tasks.id, taskId));
    const after = presentTask((await findTaskRow(tx, taskId))!, now);
    const change = { id: taskId, source: task.source, directiveId: task.directiveId, campaignId: task.campaignId, standingDutyId: task.standingDutyId, from: { ownerPostId: task.ownerPostId, jurisdictionPath: task.jurisdictionPath }, to: { ownerPostId: post.id, jurisdictionPath: post.jurisdictionPath }, reason: input.reason };
    record.audit({ action: 'tasks.reassigned', entityType: 'task', entityId: taskId, jurisdictionPath: post.jurisdictionPath, before: change.from, after: { ...change.to, reason: input.reason } });
    // Both owners' levels hear of it: the old one loses the task, the new one gains it.
    for (const path of new Set([task.jurisdictionPath, post.jurisdictionPath])) record.emit({ type: 'tasks.reassigned', jurisdictionPath: path, data: change });
    return after;
  });
  return result;
}
