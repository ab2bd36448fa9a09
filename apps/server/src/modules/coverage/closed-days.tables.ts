import { sql } from 'drizzle-orm';
import { check, date, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { ltree } from '../../platform/db/types.js';
import { jurisdictions } from '../../platform/db/jurisdictions.tables.js';

/**
 * A jurisdiction's list of closed days for one calendar year (`PUT` replaces it whole): its
 * version (optimistic lock) and who set it. The days themselves are `closed_days` rows.
 */
export const closedDayLists = pgTable('closed_day_lists', {
  jurisdictionId: uuid('jurisdiction_id').notNull().references(() => jurisdictions.id),
  year: integer('year').notNull(),
  version: integer('version').notNull().default(1),
  updatedBy: uuid('updated_by'),
  updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull(),
}, (t) => [primaryKey({ columns: [t.jurisdictionId, t.year] })]);

/**
 * A public or school holiday (one day or a range, local dates) set by a jurisdiction: it closes the
 * places of its categories in the jurisdiction's subtree (read by path, `@>`).
 */
export const closedDays = pgTable('closed_days', {
  id: uuid('id').primaryKey(),
  jurisdictionId: uuid('jurisdiction_id').notNull().references(() => jurisdictions.id),
  jurisdictionPath: ltree('jurisdiction_path').notNull(),
  /** The list it belongs to: the year `from_date` lies in. */
  year: integer('year').notNull(),
  fromDate: date('from_date', { mode: 'string' }).notNull(),
  toDate: date('to_date', { mode: 'string' }).notNull(),
  kind: text('kind', { enum: ['public_holiday', 'school_holiday'] }).notNull(),
  /** The official name. */
  name: text('name').notNull(),
  /** The name in the app's languages (`{en, zh-CN}`), when given: the web shows the reader's. */
  names: jsonb('names').$type<{ en?: string; 'zh-CN'?: string }>(),
  categories: text('categories').array().notNull(),
}, (t) => [
  index('closed_days_list_idx').on(t.jurisdictionId, t.year),
  index('closed_days_dates_idx').on(t.fromDate, t.toDate),
  check('closed_days_range', sql`${t.toDate} >= ${t.fromDate} and extract(year from ${t.fromDate}) = ${t.year}`),
]);
