import type { ProgressReportBody, Task } from '@firebreak/contracts';
import { eq, sql } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';
import { AppError, notFound } from '../../errors.js';
import { can, type Actor } from '../../platform/auth/access.js';
import { runCommand, type CommandContext, type CommandDeps } from '../../platform/command.js';
import { checkEvidenceFile } from '../hazards/index.js';
import { statusOf } from './model.js';
import { findTaskRow, hasSubtasks, lockTree, presentTask, refreshRollUp, treeOf } from './tasks.queries.js';
import { taskReportEvidence, taskReports, tasks } from './tasks.tables.js';

/**
 * Reports progress on a task without subtasks, with any photos or documents that back it (checked
 * like hazard evidence: type by content, size); its ancestors' progress is rolled up again in the
 * same transaction. A task with subtasks takes its progress from them (TASK_HAS_SUBTASKS).
 */
export async function reportProgress(deps: CommandDeps, ctx: CommandContext & { actor: Actor }, taskId: string, input: ProgressReportBody): Promise<Task> {
  // Files are checked before anything is written: a refused file leaves no report behind.
  const files = input.evidence.map((e, i) => {
    try {
      return { ...checkEvidenceFile(e.mediaType, e.contentBase64), filename: e.filename, caption: e.caption ?? null };
    } catch (err) {
      throw err instanceof AppError ? renamed(err, i) : err;
    }
  });
  const { result } = await runCommand(deps, ctx, async (tx, record) => {
    const now = deps.clock();
    const seen = await findTaskRow(tx, taskId);
    if (!seen || !can(ctx.actor, 'directives:read', seen.jurisdictionPath)) throw notFound('Task');
    if (!can(ctx.actor, 'tasks:report', seen.jurisdictionPath)) throw new AppError('FORBIDDEN', `You may not report on tasks in ${seen.jurisdictionPath}`);
    await lockTree(tx, treeOf(seen));
    const before = (await findTaskRow(tx, taskId))!;
    if (await hasSubtasks(tx, taskId)) throw new AppError('TASK_HAS_SUBTASKS');
    const reportId = uuidv7();
    await tx.insert(taskReports).values({ id: reportId, taskId, percent: input.percent, note: input.note, reportedBy: ctx.actor.id, reportedAt: now });
    const evidence = [];
    for (const f of files) {
      const id = uuidv7();
      await tx.insert(taskReportEvidence).values({ id, reportId, taskId, filename: f.filename, mediaType: f.mediaType, sizeBytes: f.sizeBytes, sha256: f.sha256, caption: f.caption, content: f.content, uploadedBy: ctx.actor.id, uploadedAt: now });
      evidence.push({ id, filename: f.filename, mediaType: f.mediaType, sizeBytes: f.sizeBytes, sha256: f.sha256, caption: f.caption });
    }
    await tx.update(tasks).set({ percent: input.percent, status: statusOf(input.percent), updatedAt: now, version: sql`${tasks.version} + 1` }).where(eq(tasks.id, taskId));
    const rolled = await refreshRollUp(tx, record, treeOf(before), now);
    const task = presentTask((await findTaskRow(tx, taskId))!, now);
    const data = { ...task, reportId, note: input.note, evidence, rolled: rolled.map(([id, , percent]) => ({ id, percent })) };
    record.audit({ action: 'tasks.progress_reported', entityType: 'task', entityId: taskId, jurisdictionPath: task.jurisdictionPath, before: { percent: before.percent, status: before.status }, after: data });
    record.emit({ type: 'tasks.progress_reported', jurisdictionPath: task.jurisdictionPath, data });
    return task;
  });
  return result;
}

/** The evidence check names `body.mediaType`/`body.contentBase64`; here the file is one of a list. */
function renamed(err: AppError, i: number): AppError {
  const fields = err.options.fields?.map((f) => ({ ...f, path: f.path.replace(/^body\./, `body.evidence.${i}.`) }));
  return new AppError(err.code, err.message.replace(/^body\./, `body.evidence.${i}.`), { ...err.options, ...(fields ? { fields } : {}) });
}
