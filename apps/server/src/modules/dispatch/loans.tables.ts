import { sql } from 'drizzle-orm';
import { index, pgTable, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { ltree } from '../../platform/db/types.js';
import { incidents } from '../incidents/incidents.tables.js';
import { units } from '../units/units.tables.js';

/**
 * A unit lent for one incident only (by a granted reinforcement request, `request_id`): the
 * incident's dispatchers may see it among their recommendations and send it there, nowhere else.
 * Never deleted: `released_at` ends a loan (the incident closed, the request was cancelled).
 */
export const unitLoans = pgTable('unit_loans', {
  id: uuid('id').primaryKey(),
  incidentId: uuid('incident_id').notNull().references(() => incidents.id),
  unitId: uuid('unit_id').notNull().references(() => units.id),
  requestId: uuid('request_id').notNull(),
  lendingPath: ltree('lending_path').notNull(),
  lentBy: uuid('lent_by'),
  lentAt: timestamp('lent_at', { withTimezone: true, mode: 'date' }).notNull(),
  releasedAt: timestamp('released_at', { withTimezone: true, mode: 'date' }),
}, (t) => [
  index('unit_loans_incident_idx').on(t.incidentId),
  // A unit is lent at most once to an incident at a time: a second grant of it is a 409.
  uniqueIndex('unit_loans_live_idx').on(t.incidentId, t.unitId).where(sql`released_at is null`),
]);
