import type { PublicAlert } from '@firebreak/contracts';
import { and, asc, desc, eq, isNull, sql } from 'drizzle-orm';
import type { Queryable } from '../../platform/db/client.js';
import { majorIncidentAlertDrafts, majorIncidentAlerts } from './major-incidents.tables.js';

export type AlertRow = typeof majorIncidentAlerts.$inferSelect;

/** `composedBy`: who composed it; `createdBy` is who published it (the approver). */
export function presentAlert(a: AlertRow, composedBy: string | null): PublicAlert {
  return {
    id: a.id, threadId: a.threadId, majorIncidentId: a.majorIncidentId, identifier: a.identifier, sender: a.sender, sent: a.sent, expires: a.expires,
    status: a.status, msgType: a.msgType, references: a.references, superseded: a.supersededAt !== null, urgency: a.content.urgency, severity: a.content.severity,
    certainty: a.content.certainty, categories: a.content.categories, responseType: a.content.responseType ?? null, areaSource: a.areaSource, area: a.area,
    info: a.info, note: a.note, createdAt: a.createdAt.toISOString(), createdBy: a.createdByName, composedBy,
  };
}

/** A major incident's messages, newest first (every thread, every message). */
export async function alertsOf(q: Queryable, majorId: string): Promise<PublicAlert[]> {
  const list = await q.select({ a: majorIncidentAlerts, composedBy: majorIncidentAlertDrafts.composedByName }).from(majorIncidentAlerts)
    .leftJoin(majorIncidentAlertDrafts, eq(majorIncidentAlertDrafts.publishedAlertId, majorIncidentAlerts.id))
    .where(eq(majorIncidentAlerts.majorIncidentId, majorId)).orderBy(desc(majorIncidentAlerts.sentAt), desc(majorIncidentAlerts.seq));
  return list.map((r) => presentAlert(r.a, r.composedBy));
}

/** A thread's messages, oldest first, the thread locked (an update and a cancel race one at a time). */
export async function threadOf(q: Queryable, majorId: string, threadId: string): Promise<AlertRow[]> {
  return q.select().from(majorIncidentAlerts).where(and(eq(majorIncidentAlerts.majorIncidentId, majorId), eq(majorIncidentAlerts.threadId, threadId)))
    .orderBy(asc(majorIncidentAlerts.seq)).for('update');
}

/** One message by id, for the public (its XML as stored). */
export async function messageById(q: Queryable, id: string): Promise<AlertRow | undefined> {
  const [row] = await q.select().from(majorIncidentAlerts).where(eq(majorIncidentAlerts.id, id));
  return row;
}

/** How long a cancel stays in the feed, so that readers who polled before it learn the alert is off. */
export const CANCEL_LINGER_MS = 24 * 3600_000;

/**
 * A feed's messages: the current message of each thread of that status, while in force (an alert or
 * update not yet expired; a cancel for a day), newest first.
 */
export async function feedMessages(q: Queryable, status: 'Actual' | 'Exercise', now: Date, limit = 200): Promise<AlertRow[]> {
  return q.select().from(majorIncidentAlerts)
    .where(and(eq(majorIncidentAlerts.status, status), isNull(majorIncidentAlerts.supersededAt),
      sql`(case when ${majorIncidentAlerts.msgType} = 'Cancel' then ${majorIncidentAlerts.sentAt} > ${new Date(now.getTime() - CANCEL_LINGER_MS)} else ${majorIncidentAlerts.expiresAt} > ${now} end)`))
    .orderBy(desc(majorIncidentAlerts.sentAt)).limit(limit);
}
