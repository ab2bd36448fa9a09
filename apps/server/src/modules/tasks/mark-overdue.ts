import { sql } from 'drizzle-orm';
import type { CommandDeps } from '../../platform/command.js';
import { rows } from '../../platform/db/client.js';
import { drainBatches, sweepCommand } from '../../platform/jobs/sweep.js';
import { dutyPostsOf } from '../posts/index.js';

const BATCH = 500;

interface Late {
  id: string;
  source: string;
  directive_id: string | null;
  campaign_id: string | null;
  standing_duty_id: string | null;
  title: string;
  path: string;
  due_at: Date | string;
  percent: number;
  parent_id: string | null;
  parent_path: string | null;
}

/**
 * The task sweep: an unfinished task past its due date is marked overdue once, with a
 * `tasks.overdue` event at its post's path (so its jurisdiction and those above see it), and is
 * escalated to the parent jurisdiction as directives are: a `tasks.escalated` event at the
 * parent's path naming the parent's duty posts and their holders. Safe on several nodes: each
 * claims rows not yet marked, skipping those another node holds. Returns how many tasks were found overdue.
 */
export async function markOverdueTasks(deps: CommandDeps): Promise<number> {
  return drainBatches(async () => {
    const marked = await markBatch(deps);
    return { count: marked, full: marked === BATCH };
  });
}

async function markBatch(deps: CommandDeps): Promise<number> {
  const now = deps.clock();
  return (await sweepCommand(deps, 'task-sweep', async (tx, record) => {
    const late = await rows<Late>(tx, sql`with marked as (
        update tasks u set overdue_at = ${now}, version = u.version + 1
        from (select id from tasks where status <> 'done' and overdue_at is null and due_at < ${now}
              order by due_at, id limit ${BATCH} for update skip locked) late
        where u.id = late.id
        returning u.id, u.source, u.directive_id, u.campaign_id, u.standing_duty_id, u.title, u.jurisdiction_path, u.due_at, u.percent)
      select m.id, m.source, m.directive_id, m.campaign_id, m.standing_duty_id, m.title, m.jurisdiction_path::text as path, m.due_at, m.percent, p.id as parent_id, p.path::text as parent_path
      from marked m left join jurisdictions p on nlevel(m.jurisdiction_path) > 1 and p.path = subpath(m.jurisdiction_path, 0, nlevel(m.jurisdiction_path) - 1)`);
    if (late.length === 0) return null;
    const parentIds = [...new Set(late.map((t) => t.parent_id).filter((id): id is string => id !== null))];
    const dutyPosts = new Map<string, { postId: string; title: string; holderId: string | null }[]>();
    for (const { jurisdictionId, ...p } of await dutyPostsOf(tx, parentIds)) dutyPosts.set(jurisdictionId, [...(dutyPosts.get(jurisdictionId) ?? []), p]);
    for (const t of late) {
      const data = { id: t.id, source: t.source, directiveId: t.directive_id, campaignId: t.campaign_id, standingDutyId: t.standing_duty_id, title: t.title, jurisdictionPath: t.path, dueAt: new Date(t.due_at).toISOString(), percent: Number(t.percent) };
      record.audit({ action: 'tasks.overdue', entityType: 'task', entityId: t.id, jurisdictionPath: t.path, after: data });
      record.emit({ type: 'tasks.overdue', jurisdictionPath: t.path, data });
      if (t.parent_id === null || t.parent_path === null) continue; // a national task has no level above to go to
      const escalation = { ...data, escalatedTo: t.parent_path, dutyPosts: dutyPosts.get(t.parent_id) ?? [], at: now.toISOString() };
      record.audit({ action: 'tasks.escalated', entityType: 'task', entityId: t.id, jurisdictionPath: t.path, after: escalation });
      record.emit({ type: 'tasks.escalated', jurisdictionPath: t.parent_path, data: escalation });
    }
    return late.length;
  })) ?? 0;
}
