import { sql } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';
import type { CommandDeps } from '../../platform/command.js';
import { rows } from '../../platform/db/client.js';
import { drainBatches, sweepCommand } from '../../platform/jobs/sweep.js';
import { currentPeriod } from './model.js';
import { findTaskRow, presentTask } from './tasks.queries.js';
import { tasks } from './tasks.tables.js';

const BATCH = 200;

interface Due {
  id: string;
  owner_post_id: string;
  path: string;
  title: string;
  category: string | null;
  every_days: number;
  starts_at: Date | string;
  ends_at: Date | string | null;
  next_period_at: Date | string;
}

/**
 * The duty sweep: each standing duty whose next period has begun gets that period's task for its
 * post, due at the period's end, and its `next_period_at` moves on. A sweep that was not run for
 * several periods makes the task of the period running now only (the skipped periods are named in
 * the audit entry). One task per period, however often and on however many nodes it runs: a
 * duty row is claimed (`for update skip locked`, and only while `next_period_at <= now`), and
 * the unique index on (standing_duty_id, period_start) refuses a second task for a period.
 * Returns how many tasks were made.
 */
export async function makeDutyTasks(deps: CommandDeps): Promise<number> {
  return drainBatches(async () => {
    const { made, claimed } = await makeBatch(deps);
    return { count: made, full: claimed === BATCH };
  });
}

async function makeBatch(deps: CommandDeps): Promise<{ made: number; claimed: number }> {
  const now = deps.clock();
  return (await sweepCommand(deps, 'duty-sweep', async (tx, record) => {
    const due = await rows<Due>(tx, sql`select id, owner_post_id, jurisdiction_path::text as path, title, category, every_days, starts_at, ends_at, next_period_at
      from standing_duties where next_period_at <= ${now} and (ends_at is null or next_period_at < ends_at)
      order by next_period_at, id limit ${BATCH} for update skip locked`);
    if (due.length === 0) return null;
    let made = 0;
    for (const d of due) {
      const endsAt = d.ends_at === null ? null : new Date(d.ends_at);
      const period = currentPeriod({ startsAt: new Date(d.starts_at), everyDays: d.every_days, endsAt }, now);
      await tx.execute(sql`update standing_duties set next_period_at = ${period.end} where id = ${d.id}`);
      const id = uuidv7();
      const [inserted] = await tx.insert(tasks).values({
        id, source: 'standing_duty', standingDutyId: d.id, periodStart: period.start, ownerPostId: d.owner_post_id, jurisdictionPath: d.path,
        title: d.title, category: d.category, dueAt: period.end, weight: 1, percent: 0, status: 'open', createdBy: null, createdAt: now, updatedAt: now,
      }).onConflictDoNothing().returning({ id: tasks.id });
      if (!inserted) continue; // that period's task exists already
      made += 1;
      const task = presentTask((await findTaskRow(tx, id))!, now);
      const skipped = Math.round((period.start.getTime() - new Date(d.next_period_at).getTime()) / (d.every_days * 86_400_000));
      record.audit({ action: 'tasks.created', entityType: 'task', entityId: id, jurisdictionPath: d.path, after: { ...task, skippedPeriods: skipped } });
      record.emit({ type: 'tasks.created', jurisdictionPath: d.path, data: task });
    }
    return { made, claimed: due.length };
  })) ?? { made: 0, claimed: 0 };
}
