import { sql } from 'drizzle-orm';
import { customType, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { INCIDENT_DISPOSITIONS, INCIDENT_ORIGINS, INCIDENT_STATES, INCIDENT_TYPES, PRIORITIES } from '@firebreak/contracts';
import { ltree } from '../../platform/db/types.js';
import { jurisdictions } from '../../platform/db/jurisdictions.tables.js';
import type { TierClock } from './response-clock.js';

const point = customType<{ data: string }>({ dataType: () => 'geometry(Point, 4326)' });

export const incidents = pgTable('incidents', {
  id: uuid('id').primaryKey(),
  type: text('type', { enum: INCIDENT_TYPES }).notNull(),
  priority: text('priority', { enum: PRIORITIES }).notNull(),
  state: text('state', { enum: INCIDENT_STATES }).notNull(),
  jurisdictionId: uuid('jurisdiction_id').notNull().references(() => jurisdictions.id),
  jurisdictionPath: ltree('jurisdiction_path').notNull(),
  /** Null only for an imported (historical) call whose export gave no place: kept off every map. */
  location: point('location'),
  address: text('address'),
  /** The caller's call-back number: the only personal datum kept, purged when no longer needed. */
  callerNumber: text('caller_number'),
  callerPurgedAt: timestamp('caller_purged_at', { withTimezone: true, mode: 'date' }),
  narrative: text('narrative'),
  receivedAt: timestamp('received_at', { withTimezone: true, mode: 'date' }).notNull(),
  /** The response clock: tiers fixed at intake with their deadlines, met or missed. */
  tiers: jsonb('tiers').$type<TierClock[]>().notNull(),
  /** The earliest deadline of a tier not yet settled; null when all are. The sweep reads it. */
  nextDeadlineAt: timestamp('next_deadline_at', { withTimezone: true, mode: 'date' }),
  createdBy: uuid('created_by'),
  /** live: taken here; historical: imported from another system's export; simulated: made up by the simulator. Reports default to live. */
  origin: text('origin', { enum: INCIDENT_ORIGINS }).notNull().default('live'),
  /** The incident's number in the system it came from (a CAD export's call number); unique per jurisdiction and origin. */
  externalRef: text('external_ref'),
  closedAt: timestamp('closed_at', { withTimezone: true, mode: 'date' }),
  disposition: text('disposition', { enum: INCIDENT_DISPOSITIONS }),
  /** Linked as a duplicate of that incident: its own clock stops (see CONTEXT.md). */
  duplicateOf: uuid('duplicate_of'),
  version: integer('version').notNull().default(1),
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull(),
}, (t) => [
  index('incidents_path_gist').using('gist', t.jurisdictionPath),
  index('incidents_next_deadline_idx').on(t.nextDeadlineAt).where(sql`next_deadline_at is not null`),
  index('incidents_location_gist').using('gist', t.location),
  uniqueIndex('incidents_external_ref_idx').on(t.jurisdictionId, t.origin, t.externalRef).where(sql`external_ref is not null`),
  index('incidents_duplicate_of_idx').on(t.duplicateOf).where(sql`duplicate_of is not null`),
  // Reports read one origin's incidents of a period (modules/reports, dispatch response-times).
  index('incidents_origin_received_idx').on(t.origin, t.receivedAt),
]);
