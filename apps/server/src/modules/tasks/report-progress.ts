import type { ProgressReportBody, Task } from '@firebreak/contracts';
import { eq, sql } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';
import { AppError, notFound } from '../../errors.js';
import { can, type Actor } from '../../platform/auth/access.js';
import { runCommand, type CommandContext, type CommandDeps } from '../../platform/command.js';
import { statusOf } from './model.js';
import { findTaskRow, hasSubtasks, lockTree, presentTask, refreshRollUp } from './tasks.queries.js';
import { taskReports, tasks } from './tasks.tables.js';

/**
 * Reports progress on a task without subtasks; its ancestors' progress is rolled up again in the
 * same transaction. A task with subtasks takes its progress from them (TASK_HAS_SUBTASKS).
 */
export async function reportProgress(deps: CommandDeps, ctx: CommandContext & { actor: Actor }, taskId: string, input: ProgressReportBody): Promise<Task> {
  const { result } = await runCommand(deps, ctx, async (tx, record) => {
    const now = deps.clock();
    const seen = await findTaskRow(tx, taskId);
    if (!seen || !can(ctx.actor, 'directives:read', seen.jurisdictionPath)) throw notFound('Task');
    if (!can(ctx.actor, 'tasks:report', seen.jurisdictionPath)) throw new AppError('FORBIDDEN', `You may not report on tasks in ${seen.jurisdictionPath}`);
    await lockTree(tx, seen.directiveId);
    const before = (await findTaskRow(tx, taskId))!;
    if (await hasSubtasks(tx, taskId)) throw new AppError('TASK_HAS_SUBTASKS');
    await tx.insert(taskReports).values({ id: uuidv7(), taskId, percent: input.percent, note: input.note, reportedBy: ctx.actor.id, reportedAt: now });
    await tx.update(tasks).set({ percent: input.percent, status: statusOf(input.percent), updatedAt: now, version: sql`${tasks.version} + 1` }).where(eq(tasks.id, taskId));
    const rolled = await refreshRollUp(tx, before.directiveId, now);
    const task = presentTask((await findTaskRow(tx, taskId))!, now);
    const data = { ...task, note: input.note, rolled: rolled.map(([id, , percent]) => ({ id, percent })) };
    record.audit({ action: 'tasks.progress_reported', entityType: 'task', entityId: taskId, jurisdictionPath: task.jurisdictionPath, before: { percent: before.percent, status: before.status }, after: data });
    record.emit({ type: 'tasks.progress_reported', jurisdictionPath: task.jurisdictionPath, data });
    return task;
  });
  return result;
}
