import type { AlertReceipt } from '@firebreak/contracts';
import { and, desc, eq, gte, or } from 'drizzle-orm';
import type { Queryable } from '../../platform/db/client.js';
import { alertReceipts } from './alerts.tables.js';

/** The account's receipts seen or read since `since`, newest first (at most 2,000: a week of alerts is far fewer). */
export async function receiptsOf(q: Queryable, userId: string, since: Date): Promise<AlertReceipt[]> {
  const list = await q.select().from(alertReceipts)
    .where(and(eq(alertReceipts.userId, userId), or(gte(alertReceipts.seenAt, since), gte(alertReceipts.readAt, since))))
    .orderBy(desc(alertReceipts.seenAt)).limit(2000);
  return list.map((r) => ({ eventId: r.eventId, seenAt: r.seenAt.toISOString(), readAt: r.readAt?.toISOString() ?? null }));
}
