import { sql } from 'drizzle-orm';
import { index, integer, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { ltree } from '../../platform/db/types.js';
import { jurisdictions } from '../../platform/db/jurisdictions.tables.js';
import { places } from '../places/places.tables.js';

export const campaigns = pgTable('campaigns', {
  id: uuid('id').primaryKey(),
  issuerId: uuid('issuer_id').notNull().references(() => jurisdictions.id),
  issuerPath: ltree('issuer_path').notNull(),
  title: text('title').notNull(),
  categories: text('categories').array().notNull(),
  /** Jurisdiction paths whose subtrees are in scope. */
  scopePaths: text('scope_paths').array().notNull(),
  startsAt: timestamp('starts_at', { withTimezone: true, mode: 'date' }).notNull(),
  endsAt: timestamp('ends_at', { withTimezone: true, mode: 'date' }).notNull(),
  dueAt: timestamp('due_at', { withTimezone: true, mode: 'date' }).notNull(),
  missedAt: timestamp('missed_at', { withTimezone: true, mode: 'date' }).notNull(),
  assignmentCount: integer('assignment_count').notNull(),
  createdBy: uuid('created_by'),
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
}, (t) => [index('campaigns_issuer_gist').using('gist', t.issuerPath)]);

/** One place to inspect in a campaign, for the unit responsible for the place's jurisdiction. */
export const campaignAssignments = pgTable('campaign_assignments', {
  id: uuid('id').primaryKey(),
  campaignId: uuid('campaign_id').notNull().references(() => campaigns.id),
  placeId: uuid('place_id').notNull().references(() => places.id),
  jurisdictionPath: ltree('jurisdiction_path').notNull(),
  category: text('category').notNull(),
  dueAt: timestamp('due_at', { withTimezone: true, mode: 'date' }).notNull(),
  missedAt: timestamp('missed_at', { withTimezone: true, mode: 'date' }).notNull(),
  status: text('status', { enum: ['pending', 'done', 'missed'] }).notNull(),
  inspectionId: uuid('inspection_id'),
  doneAt: timestamp('done_at', { withTimezone: true, mode: 'date' }),
}, (t) => [
  uniqueIndex('campaign_assignments_place_idx').on(t.campaignId, t.placeId),
  index('campaign_assignments_pending_place_idx').on(t.placeId).where(sql`status = 'pending'`),
  index('campaign_assignments_pending_missed_idx').on(t.missedAt).where(sql`status = 'pending'`),
  index('campaign_assignments_path_gist').using('gist', t.jurisdictionPath),
]);

/**
 * Coverage counters per campaign, jurisdiction (where the places are) and category, kept in the
 * same transaction as the assignments they count: a roll-up reads at most one row per
 * jurisdiction and category of the subtree instead of counting assignments.
 */
export const campaignCoverage = pgTable('campaign_coverage', {
  campaignId: uuid('campaign_id').notNull().references(() => campaigns.id),
  jurisdictionPath: ltree('jurisdiction_path').notNull(),
  category: text('category').notNull(),
  total: integer('total').notNull(),
  inspected: integer('inspected').notNull(),
  missed: integer('missed').notNull(),
}, (t) => [
  primaryKey({ columns: [t.campaignId, t.jurisdictionPath, t.category] }),
  index('campaign_coverage_path_gist').using('gist', t.jurisdictionPath),
]);
