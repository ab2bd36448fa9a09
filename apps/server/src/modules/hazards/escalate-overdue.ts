import { sql } from 'drizzle-orm';
import type { CommandDeps } from '../../platform/command.js';
import { rows, type Tx } from '../../platform/db/client.js';
import { drainBatches, every, sweepCommand } from '../../platform/jobs/sweep.js';
import { DEFAULT_DEADLINES, ancestorOf } from './deadlines.js';

const BATCH = 500;

interface Candidate {
  id: string;
  path: string;
  due_at: Date | string;
  escalation_level: number;
  target: number;
}

/**
 * The escalation sweep: every hazard whose fix is overdue goes up to its parent jurisdiction,
 * and one level further for each further deadline period it stays unfixed. Safe to run on
 * every node at once: the update only raises a hazard above the level it already has, and a
 * second node's update waits on the row lock, then finds that condition false and does nothing.
 * Returns how many hazards moved up.
 */
export async function escalateOverdue(deps: CommandDeps): Promise<number> {
  return drainBatches(async () => {
    const moved = await escalateBatch(deps);
    return { count: moved, full: moved === BATCH };
  });
}

async function escalateBatch(deps: CommandDeps): Promise<number> {
  const now = deps.clock();
  return (await sweepCommand(deps, 'escalation-sweep', async (tx, record) => {
    const due = await candidates(tx, now);
    let moved = 0;
    for (const c of due) {
      const to = ancestorOf(c.path, c.target);
      const updated = await rows<{ id: string }>(tx, sql`update hazards set escalation_level = ${c.target}, escalated_to_path = ${to}::ltree,
          version = version + 1, updated_at = ${now}
        where id = ${c.id} and escalation_level < ${c.target} and state in ('open', 'rectifying') and due_at < ${now}
        returning id`);
      if (updated.length === 0) continue;
      moved++;
      record.audit({ action: 'hazards.escalated', entityType: 'hazard', entityId: c.id, jurisdictionPath: c.path, before: { level: c.escalation_level }, after: { level: c.target, escalatedTo: to } });
      record.emit({ type: 'hazards.escalated', jurisdictionPath: c.path, data: { id: c.id, level: c.target, escalatedTo: to, dueAt: new Date(c.due_at).toISOString() } });
    }
    return moved === 0 ? null : moved;
  })) ?? 0;
}

/**
 * Overdue hazards due to go higher. The level is one as soon as the fix is overdue, plus one per
 * further deadline period of the grade (from the policy in force), never past the root.
 */
async function candidates(tx: Tx, now: Date): Promise<Candidate[]> {
  return rows<Candidate>(tx, sql`select * from (
      select h.id, h.jurisdiction_path::text as path, h.due_at, h.escalation_level,
        least(nlevel(h.jurisdiction_path) - 1,
              1 + floor(extract(epoch from (${now}::timestamptz - h.due_at)) / (86400 * ${periodDays})))::int as target
      from hazards h
      where h.state in ('open', 'rectifying') and h.due_at < ${now} and h.escalation_level < nlevel(h.jurisdiction_path) - 1) c
    where c.target > c.escalation_level
    order by c.due_at
    limit ${BATCH}`);
}

/** The deadline period of the hazard `h`'s grade in force at its jurisdiction, in days. */
const periodDays = sql`coalesce(
  (select case when h.grade = 'major' then p.major_days else p.general_days end
   from hazard_deadline_policies p where p.jurisdiction_path @> h.jurisdiction_path
   order by nlevel(p.jurisdiction_path) desc limit 1),
  case when h.grade = 'major' then ${DEFAULT_DEADLINES.majorDays}::int else ${DEFAULT_DEADLINES.generalDays}::int end)`;

/**
 * Runs the escalation sweep (and any other periodic sweeps given, e.g. missed campaign
 * assignments) every `intervalMs` until stopped; failures are logged and retried next time.
 */
export function startEscalationSweeper(
  deps: CommandDeps,
  log: { error: (o: object, msg: string) => void },
  intervalMs = 60_000,
  others: ((deps: CommandDeps) => Promise<unknown>)[] = [],
): () => void {
  const sweeps = [escalateOverdue, ...others];
  return every(intervalMs, async () => {
    // One failing sweep must not hold up the others.
    for (const sweep of sweeps) await sweep(deps).catch((err: unknown) => log.error({ err }, 'periodic sweep failed'));
  }, log, 'periodic sweep failed');
}
