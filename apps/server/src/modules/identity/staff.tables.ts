import { sql } from 'drizzle-orm';
import { index, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { jurisdictions } from '../../platform/db/jurisdictions.tables.js';

export const users = pgTable('users', {
  id: uuid('id').primaryKey(),
  username: text('username').notNull(),
  displayName: text('display_name').notNull(),
  kind: text('kind', { enum: ['staff', 'device'] }).notNull().default('staff'),
  /** Home jurisdiction: who may see and manage this account. */
  jurisdictionId: uuid('jurisdiction_id').notNull().references(() => jurisdictions.id),
  passwordHash: text('password_hash'),
  disabledAt: timestamp('disabled_at', { withTimezone: true, mode: 'date' }),
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
}, (t) => [uniqueIndex('users_username_lower_idx').on(sql`lower(${t.username})`)]);

/** A role held on a jurisdiction; it covers that jurisdiction's whole subtree. */
export const grants = pgTable('grants', {
  id: uuid('id').primaryKey(),
  userId: uuid('user_id').notNull().references(() => users.id),
  role: text('role').notNull(),
  jurisdictionId: uuid('jurisdiction_id').notNull().references(() => jurisdictions.id),
  grantedBy: uuid('granted_by'),
  grantedAt: timestamp('granted_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
}, (t) => [
  uniqueIndex('grants_unique_idx').on(t.userId, t.role, t.jurisdictionId),
  index('grants_jurisdiction_idx').on(t.jurisdictionId),
]);
