import { sql } from 'drizzle-orm';
import { runCommand, type CommandDeps } from '../../platform/command.js';
import { rows } from '../../platform/db/client.js';

const BATCH = 500;

class NothingChanged extends Error {}

/**
 * The task sweep: an unfinished task past its due date is marked overdue once, with a
 * `tasks.overdue` event at its post's path (so its jurisdiction and those above see it).
 * Safe on several nodes: each claims rows not yet marked, skipping those another node holds.
 * Returns how many tasks were found overdue.
 */
export async function markOverdueTasks(deps: CommandDeps): Promise<number> {
  let total = 0;
  for (;;) {
    const marked = await markBatch(deps);
    total += marked;
    if (marked < BATCH) return total;
  }
}

async function markBatch(deps: CommandDeps): Promise<number> {
  const now = deps.clock();
  try {
    const { result } = await runCommand(deps, { actor: null, actorName: 'task-sweep', requestId: null }, async (tx, record) => {
      const late = await rows<{ id: string; directive_id: string; path: string; due_at: Date | string; percent: number }>(tx, sql`update tasks u
          set overdue_at = ${now}, version = u.version + 1
        from (select id from tasks where status <> 'done' and overdue_at is null and due_at < ${now}
              order by due_at, id limit ${BATCH} for update skip locked) late
        where u.id = late.id
        returning u.id, u.directive_id, u.jurisdiction_path::text as path, u.due_at, u.percent`);
      if (late.length === 0) throw new NothingChanged();
      for (const t of late) {
        const data = { id: t.id, directiveId: t.directive_id, jurisdictionPath: t.path, dueAt: new Date(t.due_at).toISOString(), percent: Number(t.percent) };
        record.audit({ action: 'tasks.overdue', entityType: 'task', entityId: t.id, jurisdictionPath: t.path, after: data });
        record.emit({ type: 'tasks.overdue', jurisdictionPath: t.path, data });
      }
      return late.length;
    });
    return result;
  } catch (err) {
    if (err instanceof NothingChanged) return 0;
    throw err;
  }
}
