import type { PlaceCategory, Task, TaskSource } from '@firebreak/contracts';
import { asc, eq, inArray, sql } from 'drizzle-orm';
import type { CommandRecord } from '../../platform/command.js';
import type { Queryable, Tx } from '../../platform/db/client.js';
import { isOverdue, rollUp, statusOf } from './model.js';
import { taskReportEvidence, taskReports, tasks } from './tasks.tables.js';

const columns = {
  id: tasks.id,
  source: tasks.source,
  directiveId: tasks.directiveId,
  campaignId: tasks.campaignId,
  standingDutyId: tasks.standingDutyId,
  periodStart: tasks.periodStart,
  parentTaskId: tasks.parentTaskId,
  ownerPostId: tasks.ownerPostId,
  jurisdictionPath: sql<string>`${tasks.jurisdictionPath}::text`,
  title: tasks.title,
  placeId: tasks.placeId,
  category: sql<PlaceCategory | null>`${tasks.category}`,
  dueAt: tasks.dueAt,
  weight: tasks.weight,
  percent: tasks.percent,
  status: tasks.status,
  overdueAt: tasks.overdueAt,
  createdAt: tasks.createdAt,
  updatedAt: tasks.updatedAt,
};
export type TaskRow = Awaited<ReturnType<typeof taskRowsOf>>[number];

/** A task tree's source: a directive, a campaign or a standing duty, by id. */
export interface TaskTree {
  source: TaskSource;
  id: string;
}

const SOURCE_COLUMN = { directive: tasks.directiveId, campaign: tasks.campaignId, standing_duty: tasks.standingDutyId } as const;

export const treeOf = (t: Pick<TaskRow, 'source' | 'directiveId' | 'campaignId' | 'standingDutyId'>): TaskTree =>
  ({ source: t.source, id: (t.source === 'directive' ? t.directiveId : t.source === 'campaign' ? t.campaignId : t.standingDutyId)! });

function taskRowsOf(q: Queryable, tree: TaskTree) {
  return q.select(columns).from(tasks).where(eq(SOURCE_COLUMN[tree.source], tree.id)).orderBy(asc(tasks.id));
}

export function presentTask(t: TaskRow, now: Date): Task {
  return {
    ...t,
    dueAt: t.dueAt.toISOString(),
    periodStart: t.periodStart?.toISOString() ?? null,
    overdue: isOverdue(t, now),
    overdueAt: t.overdueAt?.toISOString() ?? null,
    createdAt: t.createdAt.toISOString(),
    updatedAt: t.updatedAt.toISOString(),
  };
}

export async function findTaskRow(q: Queryable, id: string): Promise<TaskRow | undefined> {
  const [row] = await q.select(columns).from(tasks).where(eq(tasks.id, id));
  return row;
}

/** Every task at and under a jurisdiction, whatever its source: soonest due first, at most `limit`. */
export async function tasksUnder(q: Queryable, path: string, now: Date, limit: number): Promise<Task[]> {
  const list = await q.select(columns).from(tasks).where(sql`${tasks.jurisdictionPath} <@ ${path}::ltree`).orderBy(asc(tasks.dueAt), asc(tasks.id)).limit(limit);
  return list.map((t) => presentTask(t, now));
}

export async function tasksOf(q: Queryable, tree: TaskTree, now: Date): Promise<Task[]> {
  return (await taskRowsOf(q, tree)).map((t) => presentTask(t, now));
}

export async function reportsOf(q: Queryable, taskId: string) {
  const list = await q.select().from(taskReports).where(eq(taskReports.taskId, taskId)).orderBy(asc(taskReports.reportedAt), asc(taskReports.id));
  const files = list.length === 0 ? [] : await q.select({
    id: taskReportEvidence.id, reportId: taskReportEvidence.reportId, filename: taskReportEvidence.filename, mediaType: taskReportEvidence.mediaType,
    sizeBytes: taskReportEvidence.sizeBytes, sha256: taskReportEvidence.sha256, caption: taskReportEvidence.caption,
  }).from(taskReportEvidence).where(inArray(taskReportEvidence.reportId, list.map((r) => r.id))).orderBy(asc(taskReportEvidence.id));
  return list.map((r) => ({
    id: r.id, percent: r.percent, note: r.note, reportedBy: r.reportedBy, reportedAt: r.reportedAt.toISOString(),
    evidence: files.filter((f) => f.reportId === r.id).map(({ reportId: _r, ...f }) => f),
  }));
}

export async function evidenceContent(q: Queryable, taskId: string, id: string) {
  const [row] = await q.select({ taskId: taskReportEvidence.taskId, mediaType: taskReportEvidence.mediaType, filename: taskReportEvidence.filename, content: taskReportEvidence.content })
    .from(taskReportEvidence).where(eq(taskReportEvidence.id, id));
  return row && row.taskId === taskId ? row : undefined;
}

export function subtasksOf(q: Queryable, id: string): Promise<TaskRow[]> {
  return q.select(columns).from(tasks).where(eq(tasks.parentTaskId, id)).orderBy(asc(tasks.id));
}

/** Every task below `task` in its tree. */
export async function descendantsOf(q: Queryable, task: TaskRow): Promise<Set<string>> {
  const id = task.id;
  const list = (await taskRowsOf(q, treeOf(task))).map((t) => ({ id: t.id, parentId: t.parentTaskId }));
  const found = new Set<string>();
  const stack = [id];
  while (stack.length > 0) {
    const at = stack.pop()!;
    for (const t of list) if (t.parentId === at && !found.has(t.id)) { found.add(t.id); stack.push(t.id); }
  }
  return found;
}

export const hasSubtasks = async (q: Queryable, id: string): Promise<boolean> =>
  (await q.select({ id: tasks.id }).from(tasks).where(eq(tasks.parentTaskId, id)).limit(1)).length > 0;

/** Serialises changes to one source's task tree, so that each roll-up sees the others' writes. */
export async function lockTree(tx: Tx, tree: TaskTree): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`tasks:${tree.source}:${tree.id}`}))`);
}

/**
 * Recomputes the roll-up of a source's task tree (model.rollUp) and stores the tasks whose
 * progress changed, each with its own audit entry (so that a task's status at any past instant
 * can be read from the audit chain). Returns them as [id, before, after].
 */
export async function refreshRollUp(tx: Tx, record: CommandRecord, tree: TaskTree, now: Date): Promise<[string, number, number][]> {
  const list = await taskRowsOf(tx, tree);
  const rolled = rollUp(list.map((t) => ({ id: t.id, parentId: t.parentTaskId, weight: t.weight, percent: t.percent })));
  const changed: [string, number, number][] = [];
  for (const t of list) {
    const percent = rolled.get(t.id)!;
    if (percent === t.percent) continue;
    await tx.update(tasks).set({ percent, status: statusOf(percent), updatedAt: now, version: sql`${tasks.version} + 1` }).where(eq(tasks.id, t.id));
    record.audit({
      action: 'tasks.rolled_up', entityType: 'task', entityId: t.id, jurisdictionPath: t.jurisdictionPath,
      before: { percent: t.percent, status: t.status }, after: { percent, status: statusOf(percent) },
    });
    changed.push([t.id, t.percent, percent]);
  }
  return changed;
}
