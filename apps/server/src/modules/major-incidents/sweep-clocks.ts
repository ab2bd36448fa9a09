import { sql } from 'drizzle-orm';
import type { CommandDeps } from '../../platform/command.js';
import { rows } from '../../platform/db/client.js';
import { drainBatches, sweepCommand } from '../../platform/jobs/sweep.js';
import { escalateMissed } from './escalate.js';
import { majorRow } from './major-incidents.queries.js';
import { nextLook, settleReportUp, sitrepMissed } from './model.js';

const BATCH = 100;

/**
 * The major incidents' clock sweep (run with the response clock by `firebreak serve`, by tests on
 * an injected clock): a report-up deadline passed without its report is missed, and a SITREP
 * past its due time is missed; each miss escalates once to the informed level. The row lock
 * (`skip locked`) lets several nodes sweep at once. Returns how many misses it escalated.
 */
export async function sweepMajorIncidentClocks(deps: CommandDeps): Promise<number> {
  return drainBatches(async () => {
    const now = deps.clock();
    const batch = await sweepCommand(deps, 'major-incident-clock', async (tx, record) => {
      const due = await rows<{ id: string }>(tx, sql`select id from major_incidents where next_deadline_at < ${now} and state = 'active'
        order by next_deadline_at limit ${BATCH} for update skip locked`);
      let missed = 0;
      for (const { id } of due) {
        const row = (await majorRow(tx, id))!;
        const { clock, settled } = settleReportUp(row.reportUp, [], now);
        for (const s of settled) escalateMissed(record, row, { clock: s.clock.kind === 'first' ? 'first_report' : 'written_report', deadlineAt: s.clock.deadlineAt });
        const sitrepLate = sitrepMissed(row.sitrepDueAt, row.sitrepEscalatedFor, now);
        if (sitrepLate) escalateMissed(record, row, { clock: 'sitrep', deadlineAt: row.sitrepDueAt!.toISOString() });
        const escalatedFor = sitrepLate ? row.sitrepDueAt : row.sitrepEscalatedFor;
        await tx.execute(sql`update major_incidents set report_up = ${JSON.stringify(clock)}::jsonb, sitrep_escalated_for = ${escalatedFor},
            sitrep_missed = sitrep_missed + ${sitrepLate ? 1 : 0}, next_deadline_at = ${nextLook(clock, row.sitrepDueAt, escalatedFor)},
            version = version + ${settled.length || sitrepLate ? 1 : 0}, updated_at = ${now} where id = ${id}`);
        missed += settled.length + (sitrepLate ? 1 : 0);
      }
      return missed === 0 ? null : { count: missed, full: due.length === BATCH };
    });
    return batch ?? { count: 0, full: false };
  });
}
