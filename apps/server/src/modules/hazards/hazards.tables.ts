import { sql } from 'drizzle-orm';
import { boolean, index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { ltree, storedFileColumns } from '../../platform/db/types.js';
import { jurisdictions } from '../../platform/db/jurisdictions.tables.js';
import { places } from '../places/places.tables.js';


export const hazards = pgTable('hazards', {
  id: uuid('id').primaryKey(),
  /** Null for a correction required by a supervision visit of a task or a unit (no place). */
  placeId: uuid('place_id').references(() => places.id),
  jurisdictionPath: ltree('jurisdiction_path').notNull(),
  grade: text('grade', { enum: ['general', 'major'] }).notNull(),
  state: text('state', { enum: ['open', 'rectifying', 'submitted', 'verified', 'closed'] }).notNull(),
  title: text('title').notNull(),
  description: text('description'),
  /** Set when a failed checklist item raised the hazard. */
  inspectionId: uuid('inspection_id'),
  checklistItemKey: text('checklist_item_key'),
  /** Set when a supervision visit's finding required this correction (the same rectification as any hazard). */
  supervisionVisitId: uuid('supervision_visit_id'),
  raisedBy: uuid('raised_by'),
  raisedAt: timestamp('raised_at', { withTimezone: true, mode: 'date' }).notNull(),
  dueAt: timestamp('due_at', { withTimezone: true, mode: 'date' }).notNull(),
  rectificationPlan: text('rectification_plan'),
  interimControls: text('interim_controls'),
  stopUse: boolean('stop_use').notNull().default(false),
  fixNote: text('fix_note'),
  submittedBy: uuid('submitted_by'),
  verificationNote: text('verification_note'),
  escalationLevel: integer('escalation_level').notNull().default(0),
  escalatedToPath: ltree('escalated_to_path'),
  supervisedByPath: ltree('supervised_by_path'),
  verifiedAt: timestamp('verified_at', { withTimezone: true, mode: 'date' }),
  closedAt: timestamp('closed_at', { withTimezone: true, mode: 'date' }),
  version: integer('version').notNull().default(1),
  updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull(),
}, (t) => [
  index('hazards_place_idx').on(t.placeId),
  index('hazards_inspection_idx').on(t.inspectionId),
  index('hazards_supervision_visit_idx').on(t.supervisionVisitId).where(sql`supervision_visit_id is not null`),
  // The overdue board and escalation only look at hazards still to be fixed.
  index('hazards_open_path_gist').using('gist', t.jurisdictionPath).where(sql`state in ('open', 'rectifying')`),
  // Also hazards_owed_due_idx (due_at) INCLUDE (jurisdiction_path), in migration 0004: drizzle cannot declare INCLUDE.
  index('hazards_supervised_gist').using('gist', t.supervisedByPath).where(sql`supervised_by_path is not null and state <> 'closed'`),
  index('hazards_path_gist').using('gist', t.jurisdictionPath),
]);

export const hazardExtensions = pgTable('hazard_extensions', {
  id: uuid('id').primaryKey(),
  hazardId: uuid('hazard_id').notNull().references(() => hazards.id),
  state: text('state', { enum: ['pending', 'approved', 'denied'] }).notNull(),
  reason: text('reason').notNull(),
  requestedDueAt: timestamp('requested_due_at', { withTimezone: true, mode: 'date' }).notNull(),
  requestedBy: uuid('requested_by'),
  requestedAt: timestamp('requested_at', { withTimezone: true, mode: 'date' }).notNull(),
  decidedBy: uuid('decided_by'),
  decidedAt: timestamp('decided_at', { withTimezone: true, mode: 'date' }),
  note: text('note'),
}, (t) => [index('hazard_extensions_hazard_idx').on(t.hazardId)]);

/** Deadlines by grade set on a jurisdiction; they apply to its subtree unless set lower down. */
export const hazardDeadlinePolicies = pgTable('hazard_deadline_policies', {
  jurisdictionId: uuid('jurisdiction_id').primaryKey().references(() => jurisdictions.id),
  jurisdictionPath: ltree('jurisdiction_path').notNull().unique(),
  generalDays: integer('general_days').notNull(),
  majorDays: integer('major_days').notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull(),
});

/** Evidence of a fix (photos, documents), kept in the database with the hazard it proves. */
export const hazardEvidence = pgTable('hazard_evidence', {
  id: uuid('id').primaryKey(),
  hazardId: uuid('hazard_id').notNull().references(() => hazards.id),
  caption: text('caption'),
  ...storedFileColumns(),
}, (t) => [index('hazard_evidence_hazard_idx').on(t.hazardId)]);
