import { sql } from 'drizzle-orm';
import { index, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { ltree } from '../../platform/db/types.js';
import { jurisdictions } from '../../platform/db/jurisdictions.tables.js';
import { users } from '../identity/staff.tables.js';

/** A position in a jurisdiction's organisation: leader, deputy, head of department, duty post. */
export const posts = pgTable('posts', {
  id: uuid('id').primaryKey(),
  jurisdictionId: uuid('jurisdiction_id').notNull().references(() => jurisdictions.id),
  jurisdictionPath: ltree('jurisdiction_path').notNull(),
  kind: text('kind', { enum: ['leader', 'deputy', 'head_of_department', 'duty_post', 'other'] }).notNull(),
  title: text('title').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
}, (t) => [
  index('posts_path_gist').using('gist', t.jurisdictionPath),
  // A jurisdiction's posts by kind: dutyPostsOf (dispatch, overdue tasks) and GET /posts?jurisdictionId= filter by
  // jurisdiction. (Made for directives' delivery lists, which no longer copy their targets' duty posts.)
  index('posts_jurisdiction_kind_idx').on(t.jurisdictionId, t.kind),
]);

/** Who held a post from when to when; rows are never deleted, a handover closes the open one. */
export const postHoldings = pgTable('post_holdings', {
  id: uuid('id').primaryKey(),
  postId: uuid('post_id').notNull().references(() => posts.id),
  userId: uuid('user_id').notNull().references(() => users.id),
  fromAt: timestamp('from_at', { withTimezone: true, mode: 'date' }).notNull(),
  toAt: timestamp('to_at', { withTimezone: true, mode: 'date' }),
}, (t) => [
  index('post_holdings_post_from_idx').on(t.postId, t.fromAt),
  uniqueIndex('post_holdings_one_open_idx').on(t.postId).where(sql`to_at is null`),
]);
