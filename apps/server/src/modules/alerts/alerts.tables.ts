import { index, pgTable, primaryKey, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from '../identity/staff.tables.js';

/**
 * Per account, the alerts (stream events, by id) it has seen as a toast or read, on any device.
 * No foreign key to the outbox: the event may be pruned, the receipt only has to outlive the
 * alerts' catch-up window (7 days).
 */
export const alertReceipts = pgTable('alert_receipts', {
  userId: uuid('user_id').notNull().references(() => users.id),
  eventId: uuid('event_id').notNull(),
  seenAt: timestamp('seen_at', { withTimezone: true, mode: 'date' }).notNull(),
  readAt: timestamp('read_at', { withTimezone: true, mode: 'date' }),
}, (t) => [
  primaryKey({ columns: [t.userId, t.eventId] }),
  index('alert_receipts_user_seen_idx').on(t.userId, t.seenAt),
]);
