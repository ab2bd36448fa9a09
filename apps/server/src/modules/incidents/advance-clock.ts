import { sql } from 'drizzle-orm';
import type { CommandDeps, CommandRecord } from '../../platform/command.js';
import { rows, type Tx } from '../../platform/db/client.js';
import { drainBatches, every, sweepCommand } from '../../platform/jobs/sweep.js';
import { escalateMissedTier, escalates } from './escalate-missed-tier.js';
import { findIncidentRow } from './incidents.queries.js';
import { nextDeadline, settle, type Progress } from './response-clock.js';

const BATCH = 200;

/**
 * Settles what the response clock of a locked incident can settle now, inside the caller's
 * transaction: dispatch calls it after every assignment step, with every unit's progress.
 * Returns how many tiers were settled.
 */
export async function advanceClock(tx: Tx, record: CommandRecord, incidentId: string, progress: readonly Progress[], now: Date): Promise<number> {
  const row = await findIncidentRow(tx, incidentId, { forUpdate: true });
  // A linked duplicate's clock is stopped: the original's clock is the one that counts.
  if (!row || row.duplicateOf) return 0;
  const { clock, settled } = settle(row.tiers, progress, now);
  if (settled.length === 0) return 0;
  await tx.execute(sql`update incidents set tiers = ${JSON.stringify(clock)}::jsonb, next_deadline_at = ${nextDeadline(clock)},
      version = version + 1, updated_at = ${now} where id = ${incidentId}`);
  for (const { tier, outcome } of settled) {
    const data = { incidentId, priority: row.priority, tier: tier.tier, label: tier.label, deadlineAt: tier.deadlineAt, metAt: tier.metAt, missedAt: tier.missedAt };
    record.audit({ action: `incidents.tier_${outcome}`, entityType: 'incident', entityId: incidentId, jurisdictionPath: row.jurisdictionPath, after: data });
    record.emit({ type: `incidents.tier_${outcome}`, jurisdictionPath: row.jurisdictionPath, data });
    if (outcome === 'missed' && escalates(row.priority)) await escalateMissedTier(tx, record, row, tier);
  }
  return settled.length;
}

/**
 * The clock sweep: tiers whose deadline passed unmet are missed. Every step that could meet a
 * tier settles it in its own transaction, so here nothing has been reached. Runs every few
 * seconds on every node (the incident row lock serialises them) and in tests on an injected clock.
 * Returns how many tiers it marked missed.
 */
export async function sweepResponseClocks(deps: CommandDeps): Promise<number> {
  return drainBatches(async () => {
    const now = deps.clock();
    const batch = await sweepCommand(deps, 'response-clock', async (tx, record) => {
    const due = await rows<{ id: string }>(tx, sql`select id from incidents
      where next_deadline_at < ${now} and state = 'open' order by next_deadline_at limit ${BATCH}`);
    let missed = 0;
    for (const { id } of due) missed += await advanceClock(tx, record, id, [], now);
    return missed === 0 ? null : { count: missed, full: due.length === BATCH };
    });
    return batch ?? { count: 0, full: false };
  });
}

/** Runs the clock sweep every `intervalMs` (a few seconds: the first tier is one minute) until stopped. */
export function startResponseClock(deps: CommandDeps, log: { error: (o: object, msg: string) => void }, intervalMs = 5_000): () => void {
  return every(intervalMs, () => sweepResponseClocks(deps), log, 'response clock sweep failed');
}
