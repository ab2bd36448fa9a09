import { sql } from 'drizzle-orm';
import { customType, doublePrecision, index, integer, pgTable, text, timestamp, uuid, type AnyPgColumn } from 'drizzle-orm/pg-core';
import { ltree } from '../../platform/db/types.js';
import { directives } from '../directives/directives.tables.js';
import { places } from '../places/places.tables.js';
import { posts } from '../posts/posts.tables.js';

const bytea = customType<{ data: Buffer }>({ dataType: () => 'bytea' });

/** A directive broken down the tree: each task is owned by a post and may have subtasks. */
export const tasks = pgTable('tasks', {
  id: uuid('id').primaryKey(),
  directiveId: uuid('directive_id').notNull().references(() => directives.id),
  parentTaskId: uuid('parent_task_id').references((): AnyPgColumn => tasks.id),
  ownerPostId: uuid('owner_post_id').notNull().references(() => posts.id),
  jurisdictionPath: ltree('jurisdiction_path').notNull(),
  title: text('title').notNull(),
  /** What the task is about, when it is about a place or a category of places (the accountability trace reads these). */
  placeId: uuid('place_id').references(() => places.id),
  category: text('category'),
  dueAt: timestamp('due_at', { withTimezone: true, mode: 'date' }).notNull(),
  weight: integer('weight').notNull(),
  /** Reported for a task without subtasks, rolled up from its subtasks otherwise. */
  percent: doublePrecision('percent').notNull().default(0),
  status: text('status', { enum: ['open', 'in_progress', 'done'] }).notNull(),
  overdueAt: timestamp('overdue_at', { withTimezone: true, mode: 'date' }),
  createdBy: uuid('created_by'),
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull(),
  version: integer('version').notNull().default(1),
}, (t) => [
  index('tasks_directive_idx').on(t.directiveId),
  index('tasks_parent_idx').on(t.parentTaskId),
  index('tasks_path_gist').using('gist', t.jurisdictionPath),
  index('tasks_place_idx').on(t.placeId).where(sql`place_id is not null`),
  // The overdue sweep looks only at unfinished tasks not yet found overdue.
  index('tasks_owed_due_idx').on(t.dueAt).where(sql`status <> 'done' and overdue_at is null`),
]);

export const taskReports = pgTable('task_reports', {
  id: uuid('id').primaryKey(),
  taskId: uuid('task_id').notNull().references(() => tasks.id),
  percent: integer('percent').notNull(),
  note: text('note').notNull(),
  reportedBy: uuid('reported_by'),
  reportedAt: timestamp('reported_at', { withTimezone: true, mode: 'date' }).notNull(),
}, (t) => [index('task_reports_task_idx').on(t.taskId, t.reportedAt)]);

/** Photos and documents backing a progress report: checked and kept like hazard evidence. */
export const taskReportEvidence = pgTable('task_report_evidence', {
  id: uuid('id').primaryKey(),
  reportId: uuid('report_id').notNull().references(() => taskReports.id),
  taskId: uuid('task_id').notNull().references(() => tasks.id),
  filename: text('filename').notNull(),
  mediaType: text('media_type').notNull(),
  sizeBytes: integer('size_bytes').notNull(),
  sha256: text('sha256').notNull(),
  caption: text('caption'),
  content: bytea('content').notNull(),
  uploadedBy: uuid('uploaded_by'),
  uploadedAt: timestamp('uploaded_at', { withTimezone: true, mode: 'date' }).notNull(),
}, (t) => [index('task_report_evidence_report_idx').on(t.reportId)]);
