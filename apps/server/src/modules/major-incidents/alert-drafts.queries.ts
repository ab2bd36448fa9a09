import type { AlertDraft } from '@firebreak/contracts';
import { and, desc, eq } from 'drizzle-orm';
import { AppError } from '../../errors.js';
import type { Queryable, Tx } from '../../platform/db/client.js';
import { majorIncidentAlertDrafts } from './major-incidents.tables.js';

export type AlertDraftRow = typeof majorIncidentAlertDrafts.$inferSelect;

export function presentDraft(d: AlertDraftRow): AlertDraft {
  return {
    id: d.id, majorIncidentId: d.majorIncidentId, msgType: d.msgType, alertId: d.alertId, alert: d.alert, note: d.note, state: d.state,
    composedAt: d.composedAt.toISOString(), composedById: d.composedBy, composedBy: d.composedByName, decidedAt: d.decidedAt?.toISOString() ?? null,
    decidedBy: d.decidedByName, reason: d.reason, publishedAlertId: d.publishedAlertId,
  };
}

/** A major incident's drafts, newest first (pending and decided). */
export async function draftsOf(q: Queryable, majorId: string): Promise<AlertDraft[]> {
  const list = await q.select().from(majorIncidentAlertDrafts).where(eq(majorIncidentAlertDrafts.majorIncidentId, majorId)).orderBy(desc(majorIncidentAlertDrafts.composedAt));
  return list.map(presentDraft);
}

/** A pending draft, locked (two approvers racing: one publishes, the other gets 409); 404 if unknown, 409 once decided. */
export async function pendingDraft(tx: Tx, majorId: string, draftId: string): Promise<AlertDraftRow> {
  const [d] = await tx.select().from(majorIncidentAlertDrafts)
    .where(and(eq(majorIncidentAlertDrafts.id, draftId), eq(majorIncidentAlertDrafts.majorIncidentId, majorId))).for('update');
  if (!d) throw new AppError('MAJOR_INCIDENT_ALERT_DRAFT_NOT_FOUND', undefined, { fields: [{ path: 'path.draftId', message: 'no such draft of this major incident' }] });
  if (d.state !== 'pending') throw new AppError('MAJOR_INCIDENT_ALERT_DRAFT_DECIDED', undefined, { fields: [{ path: 'path.draftId', message: `already ${d.state}` }] });
  return d;
}
