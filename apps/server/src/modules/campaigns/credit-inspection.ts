import { sql } from 'drizzle-orm';
import type { CommandRecord } from '../../platform/command.js';
import { rows, type Tx } from '../../platform/db/client.js';

/**
 * Counts an inspection for every running campaign that has the place pending: the assignment is
 * done and the campaign's coverage counter moves, in the inspection's own transaction.
 */
export async function creditInspection(tx: Tx, record: CommandRecord, inspection: { id: string; placeId: string; at: Date }): Promise<string[]> {
  const done = await rows<{ id: string; campaign_id: string; path: string; category: string }>(tx, sql`
    update campaign_assignments a set status = 'done', inspection_id = ${inspection.id}, done_at = ${inspection.at}
    from campaigns c
    where a.campaign_id = c.id and a.place_id = ${inspection.placeId} and a.status = 'pending'
      and c.starts_at <= ${inspection.at} and a.missed_at > ${inspection.at}
    returning a.id, a.campaign_id, a.jurisdiction_path::text as path, a.category`);
  for (const a of done) {
    await tx.execute(sql`update campaign_coverage set inspected = inspected + 1
      where campaign_id = ${a.campaign_id} and jurisdiction_path = ${a.path}::ltree and category = ${a.category}`);
    record.audit({ action: 'campaigns.assignment_done', entityType: 'campaign_assignment', entityId: a.id, jurisdictionPath: a.path, after: { campaignId: a.campaign_id, inspectionId: inspection.id } });
  }
  return done.map((a) => a.campaign_id);
}
