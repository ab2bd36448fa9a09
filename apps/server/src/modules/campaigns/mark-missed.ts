import { sql } from 'drizzle-orm';
import type { CommandDeps } from '../../platform/command.js';
import { rows } from '../../platform/db/client.js';
import { sweepCommand } from '../../platform/jobs/sweep.js';

/**
 * The missed-assignment sweep: assignments still pending at their "missed" time become missed
 * and leave the coverage counters as such. Safe on every node at once: the update only takes
 * rows still pending, so a second node finds none.
 */
export async function markMissed(deps: CommandDeps): Promise<number> {
  const now = deps.clock();
  return (await sweepCommand(deps, 'campaign-sweep', async (tx, record) => {
    const missed = await rows<{ campaign_id: string; path: string; category: string; n: number }>(tx, sql`
      with missed as (
        update campaign_assignments set status = 'missed' where status = 'pending' and missed_at <= ${now}
        returning campaign_id, jurisdiction_path, category)
      select campaign_id, jurisdiction_path::text as path, category, count(*)::int as n from missed group by 1, 2, 3`);
    if (missed.length === 0) return null;
    let total = 0;
    for (const m of missed) {
      await tx.execute(sql`update campaign_coverage set missed = missed + ${m.n}
        where campaign_id = ${m.campaign_id} and jurisdiction_path = ${m.path}::ltree and category = ${m.category}`);
      total += m.n;
    }
    for (const campaignId of new Set(missed.map((m) => m.campaign_id))) {
      const n = missed.filter((m) => m.campaign_id === campaignId).reduce((s, m) => s + m.n, 0);
      const [c] = await rows<{ issuer_path: string }>(tx, sql`select issuer_path::text from campaigns where id = ${campaignId}`);
      record.audit({ action: 'campaigns.assignments_missed', entityType: 'campaign', entityId: campaignId, jurisdictionPath: c?.issuer_path ?? null, after: { missed: n, at: now.toISOString() } });
      record.emit({ type: 'campaigns.assignments_missed', jurisdictionPath: c?.issuer_path ?? null, data: { campaignId, missed: n } });
    }
    return total;
  })) ?? 0;
}
