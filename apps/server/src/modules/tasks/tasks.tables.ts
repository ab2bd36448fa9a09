import { sql } from 'drizzle-orm';
import { check, doublePrecision, index, integer, pgTable, text, timestamp, uniqueIndex, uuid, type AnyPgColumn } from 'drizzle-orm/pg-core';
import { ltree, storedFileColumns } from '../../platform/db/types.js';
import { campaigns } from '../campaigns/campaigns.tables.js';
import { directives } from '../directives/directives.tables.js';
import { places } from '../places/places.tables.js';
import { posts } from '../posts/posts.tables.js';


/**
 * A recurring duty of a post ("weekly fire-lane check at the district's schools"): every
 * `every_days` from `starts_at` the duty sweep makes one task for the period, due at its end.
 * `next_period_at` is the start of the first period without a task yet (the sweep's claim).
 */
export const standingDuties = pgTable('standing_duties', {
  id: uuid('id').primaryKey(),
  ownerPostId: uuid('owner_post_id').notNull().references(() => posts.id),
  jurisdictionPath: ltree('jurisdiction_path').notNull(),
  title: text('title').notNull(),
  category: text('category'),
  everyDays: integer('every_days').notNull(),
  startsAt: timestamp('starts_at', { withTimezone: true, mode: 'date' }).notNull(),
  endsAt: timestamp('ends_at', { withTimezone: true, mode: 'date' }),
  nextPeriodAt: timestamp('next_period_at', { withTimezone: true, mode: 'date' }).notNull(),
  createdBy: uuid('created_by'),
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
}, (t) => [
  index('standing_duties_path_gist').using('gist', t.jurisdictionPath),
  index('standing_duties_next_idx').on(t.nextPeriodAt),
  check('standing_duties_every_days_check', sql`every_days between 1 and 366`),
]);

export const TASK_SOURCES = ['directive', 'campaign', 'standing_duty'] as const;

/**
 * Work broken down the tree: each task is owned by a post and may have subtasks. A tree comes
 * from one source (a directive, a hazard campaign, or one period of a standing duty), named by
 * exactly one of the three ids (the check constraint).
 */
export const tasks = pgTable('tasks', {
  id: uuid('id').primaryKey(),
  source: text('source', { enum: TASK_SOURCES }).notNull().default('directive'),
  directiveId: uuid('directive_id').references(() => directives.id),
  campaignId: uuid('campaign_id').references(() => campaigns.id),
  standingDutyId: uuid('standing_duty_id').references(() => standingDuties.id),
  /** For the top task of a standing duty's period: the period's start (one task per period). */
  periodStart: timestamp('period_start', { withTimezone: true, mode: 'date' }),
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
  index('tasks_campaign_idx').on(t.campaignId).where(sql`campaign_id is not null`),
  // One task per period of a standing duty, however often and on however many nodes the sweep runs.
  uniqueIndex('tasks_duty_period_idx').on(t.standingDutyId, t.periodStart).where(sql`period_start is not null`),
  check('tasks_source_check', sql`(source = 'directive' and directive_id is not null and campaign_id is null and standing_duty_id is null)
    or (source = 'campaign' and campaign_id is not null and directive_id is null and standing_duty_id is null)
    or (source = 'standing_duty' and standing_duty_id is not null and directive_id is null and campaign_id is null)`),
  check('tasks_period_check', sql`period_start is null or (source = 'standing_duty' and parent_task_id is null)`),
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
  caption: text('caption'),
  ...storedFileColumns(),
}, (t) => [index('task_report_evidence_report_idx').on(t.reportId)]);
