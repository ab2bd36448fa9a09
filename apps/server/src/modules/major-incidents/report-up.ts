import type { MajorIncident, ReportUpBody } from '@firebreak/contracts';
import { sql } from 'drizzle-orm';
import type { Actor } from '../../platform/auth/access.js';
import { runCommand, type CommandContext, type CommandDeps } from '../../platform/command.js';
import { escalateMissed } from './escalate.js';
import { lockMajor } from './lock.js';
import { majorRow, presentMajor } from './major-incidents.queries.js';
import { nextLook, settleReportUp } from './model.js';

/**
 * Records a report to the level above (the first report, or the written one) and settles the
 * report-up clock: met when in time; a report after the deadline settles it missed (and escalates)
 * if the sweep had not yet. The text goes to the audit trail and, as an event, to the informed level.
 */
export async function reportUp(deps: CommandDeps, ctx: CommandContext & { actor: Actor }, id: string, input: ReportUpBody): Promise<MajorIncident> {
  const now = deps.clock();
  const { result } = await runCommand(deps, ctx, async (tx, record) => {
    const { row } = await lockMajor(tx, ctx.actor, id, now, { command: true });
    const { clock, settled } = settleReportUp(row.reportUp, [{ kind: input.kind, at: now }], now);
    await tx.execute(sql`update major_incidents set report_up = ${JSON.stringify(clock)}::jsonb,
        next_deadline_at = ${nextLook(clock, row.sitrepDueAt, row.sitrepEscalatedFor)}, version = version + 1, updated_at = ${now} where id = ${id}`);
    const data = { majorIncidentId: id, kind: input.kind, text: input.text, reportedAt: now.toISOString(), informPath: row.informPath, exercise: row.exercise, clock };
    record.audit({ action: 'major_incidents.reported_up', entityType: 'major_incident', entityId: id, jurisdictionPath: row.jurisdictionPath, after: data });
    record.emit({ type: 'major_incidents.reported_up', jurisdictionPath: row.jurisdictionPath, data });
    for (const s of settled) if (s.outcome === 'missed') escalateMissed(record, row, { clock: s.clock.kind === 'first' ? 'first_report' : 'written_report', deadlineAt: s.clock.deadlineAt });
    return presentMajor(tx, (await majorRow(tx, id))!, now);
  });
  return result;
}
