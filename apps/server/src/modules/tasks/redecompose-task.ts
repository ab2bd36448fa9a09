import type { RedecomposeTaskBody, Task } from '@firebreak/contracts';
import { eq, sql } from 'drizzle-orm';
import { AppError, invalidField } from '../../errors.js';
import { can, type Actor } from '../../platform/auth/access.js';
import { runCommand, type CommandContext, type CommandDeps } from '../../platform/command.js';
import { placeTask, taskForChange } from './placement.js';
import { descendantsOf, findTaskRow, presentTask, refreshRollUp, subtasksOf, treeOf } from './tasks.queries.js';
import { tasks } from './tasks.tables.js';

/**
 * Changes where a task sits in its directive's breakdown (another parent, or the top level), its
 * weight or its due date, by the same placement rule as creating it; the roll-up is recomputed and
 * the old placement stays in the task's history (audit entry `tasks.redecomposed`). Needs
 * `tasks:manage` where the work was handed down from and where it is handed down from now.
 */
export async function redecomposeTask(deps: CommandDeps, ctx: CommandContext & { actor: Actor }, taskId: string, input: RedecomposeTaskBody): Promise<Task> {
  const { result } = await runCommand(deps, ctx, async (tx, record) => {
    const now = deps.clock();
    const { task, origin } = await taskForChange(tx, ctx.actor, taskId, now);
    const parentTaskId = input.parentTaskId === undefined ? task.parentTaskId : input.parentTaskId;
    const dueAt = input.dueAt ? new Date(input.dueAt) : task.dueAt;
    const weight = input.weight ?? task.weight;
    if (parentTaskId && (parentTaskId === taskId || (await descendantsOf(tx, task)).has(parentTaskId))) {
      throw new AppError('TASK_CHANGE_NOT_ALLOWED', 'A task cannot be moved under itself or one of its subtasks', { fields: [{ path: 'body.parentTaskId', message: 'is the task or one of its subtasks' }] });
    }
    // Only the duty sweep makes a standing duty's top tasks, one per period.
    if (origin.tree.source === 'standing_duty' && (task.periodStart === null) !== (parentTaskId !== null)) {
      throw new AppError('TASK_CHANGE_NOT_ALLOWED', "A standing duty's period task stays at the top of its tree, and its subtasks below it", { fields: [{ path: 'body.parentTaskId', message: 'would move a period task or make a new one' }] });
    }
    const was = await placeTask(tx, origin, { parentTaskId: task.parentTaskId, postPath: task.jurisdictionPath, dueAt: task.dueAt });
    const placed = await placeTask(tx, origin, { parentTaskId, postPath: task.jurisdictionPath, dueAt });
    for (const level of [was, placed]) {
      if (!can(ctx.actor, level.permission, level.from)) throw new AppError('FORBIDDEN', `You may not hand down tasks from ${level.from}`);
    }
    if (parentTaskId === task.parentTaskId && dueAt.getTime() === task.dueAt.getTime() && weight === task.weight) {
      throw new AppError('TASK_CHANGE_NOT_ALLOWED', 'The request changes nothing');
    }
    if ((await subtasksOf(tx, taskId)).some((s) => s.dueAt > dueAt)) throw invalidField('body.dueAt', "must not be before a subtask's due date");
    await tx.update(tasks).set({
      parentTaskId, dueAt, weight,
      // A later due date takes back an overdue mark that no longer holds; the sweep marks it again if it does.
      ...(dueAt > now ? { overdueAt: null } : {}),
      updatedAt: now, version: sql`${tasks.version} + 1`,
    }).where(eq(tasks.id, taskId));
    const rolled = await refreshRollUp(tx, record, treeOf(task), now);
    const after = presentTask((await findTaskRow(tx, taskId))!, now);
    const before = { parentTaskId: task.parentTaskId, dueAt: task.dueAt.toISOString(), weight: task.weight };
    const change = { parentTaskId, dueAt: dueAt.toISOString(), weight, reason: input.reason };
    record.audit({ action: 'tasks.redecomposed', entityType: 'task', entityId: taskId, jurisdictionPath: task.jurisdictionPath, before, after: { ...change, rolled } });
    record.emit({ type: 'tasks.redecomposed', jurisdictionPath: task.jurisdictionPath, data: { id: taskId, source: task.source, directiveId: task.directiveId, campaignId: task.campaignId, standingDutyId: task.standingDutyId, before, after: change } });
    return after;
  });
  return result;
}
