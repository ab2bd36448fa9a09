import { sql } from 'drizzle-orm';
import { boolean, index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { UNIT_KINDS } from '@firebreak/contracts';
import { ltree } from '../../platform/db/types.js';
import { jurisdictions } from '../../platform/db/jurisdictions.tables.js';

/**
 * Cross-border agreements: the providing jurisdiction's units of `unit_kinds` may be seen and
 * sent by the requesting jurisdiction's dispatchers (both ways when `mutual`). Never deleted:
 * revoking stamps `revoked_at`, so who could send whom when stays answerable.
 */
export const mutualAidAgreements = pgTable('mutual_aid_agreements', {
  id: uuid('id').primaryKey(),
  providingJurisdictionId: uuid('providing_jurisdiction_id').notNull().references(() => jurisdictions.id),
  providingPath: ltree('providing_path').notNull(),
  requestingJurisdictionId: uuid('requesting_jurisdiction_id').notNull().references(() => jurisdictions.id),
  requestingPath: ltree('requesting_path').notNull(),
  unitKinds: text('unit_kinds', { enum: UNIT_KINDS }).array().notNull(),
  mutual: boolean('mutual').notNull(),
  note: text('note'),
  createdBy: uuid('created_by'),
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
  revokedAt: timestamp('revoked_at', { withTimezone: true, mode: 'date' }),
  revokedBy: uuid('revoked_by'),
  version: integer('version').notNull().default(1),
}, (t) => [
  // Every request resolves the caller's agreements: only the live ones are read.
  index('mutual_aid_active_idx').on(t.requestingPath).where(sql`revoked_at is null`),
]);
