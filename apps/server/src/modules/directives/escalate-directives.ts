import { sql } from 'drizzle-orm';
import type { CommandDeps } from '../../platform/command.js';
import { rows, type Tx } from '../../platform/db/client.js';
import { drainBatches, sweepCommand } from '../../platform/jobs/sweep.js';

const BATCH = 500;

type Missed = 'acknowledgement' | 'report';

interface Late {
  id: string;
  directive_id: string;
  path: string;
  parent: string;
}

/**
 * The directive sweep: a target that has not acknowledged by the acknowledgement deadline, or
 * not reported back by the report deadline, is escalated to its parent jurisdiction, once for
 * each: a `directives.escalated` event at the parent's path. Safe on every node at once: the
 * update claims only targets not yet escalated for that deadline, skipping rows another node holds.
 * Returns how many escalations were made.
 */
export async function escalateDirectives(deps: CommandDeps): Promise<number> {
  let total = 0;
  for (const missed of ['acknowledgement', 'report'] as const) {
    total += await drainBatches(async () => {
      const moved = await escalateBatch(deps, missed);
      return { count: moved, full: moved === BATCH };
    });
  }
  return total;
}

async function escalateBatch(deps: CommandDeps, missed: Missed): Promise<number> {
  const now = deps.clock();
  return (await sweepCommand(deps, 'directive-sweep', async (tx, record) => {
    const late = await claimLate(tx, missed, now);
    if (late.length === 0) return null;
    for (const t of late) {
      const data = { directiveId: t.directive_id, jurisdictionPath: t.path, escalatedTo: t.parent, missed, at: now.toISOString() };
      record.audit({ action: 'directives.escalated', entityType: 'directive', entityId: t.directive_id, jurisdictionPath: t.path, after: data });
      record.emit({ type: 'directives.escalated', jurisdictionPath: t.parent, data });
    }
    return late.length;
  })) ?? 0;
}

/** Marks a batch of late targets as escalated for `missed` and returns them with their parents. */
async function claimLate(tx: Tx, missed: Missed, now: Date): Promise<Late[]> {
  const [mark, owing, due] = missed === 'acknowledgement'
    ? [sql`ack_escalated_at`, sql`t.state = 'delivered'`, sql`d.ack_due_at`]
    : [sql`report_escalated_at`, sql`t.state <> 'reported'`, sql`d.report_due_at`];
  return rows<Late>(tx, sql`update directive_targets u set ${mark} = ${now}, version = u.version + 1
    from (select t.id from directive_targets t join directives d on d.id = t.directive_id
          where ${owing} and t.${mark} is null and ${due} < ${now} and nlevel(t.jurisdiction_path) > 1
          order by t.id limit ${BATCH} for update of t skip locked) late
    where u.id = late.id
    returning u.id, u.directive_id, u.jurisdiction_path::text as path, subpath(u.jurisdiction_path, 0, nlevel(u.jurisdiction_path) - 1)::text as parent`);
}
