import { sql } from 'drizzle-orm';
import { index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { ltree } from '../../platform/db/types.js';
import { hazards } from '../hazards/hazards.tables.js';

/** A supervision visit: a higher level looking at how a task is carried out, at a unit, or at a place. */
export const supervisionVisits = pgTable('supervision_visits', {
  id: uuid('id').primaryKey(),
  subjectType: text('subject_type', { enum: ['task', 'unit', 'place'] }).notNull(),
  subjectId: uuid('subject_id').notNull(),
  /** The subject's jurisdiction: the visit, its findings and corrections are scoped by it. */
  jurisdictionPath: ltree('jurisdiction_path').notNull(),
  visitedAt: timestamp('visited_at', { withTimezone: true, mode: 'date' }).notNull(),
  visitedBy: uuid('visited_by'),
  summary: text('summary').notNull(),
  /** Corrections of earlier visits of the same subject that this re-visit verified. */
  verifiedHazardIds: uuid('verified_hazard_ids').array().notNull().default(sql`'{}'::uuid[]`),
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
}, (t) => [
  index('supervision_visits_subject_idx').on(t.subjectType, t.subjectId, t.visitedAt),
  index('supervision_visits_path_gist').using('gist', t.jurisdictionPath),
]);

/**
 * What the visit found. A finding that requires a correction points at the hazard record that
 * carries it: the rectification (deadline, steps, evidence, extensions, escalation) is the hazards'.
 */
export const supervisionFindings = pgTable('supervision_findings', {
  id: uuid('id').primaryKey(),
  visitId: uuid('visit_id').notNull().references(() => supervisionVisits.id),
  ordinal: integer('ordinal').notNull(),
  description: text('description').notNull(),
  correctionHazardId: uuid('correction_hazard_id').references(() => hazards.id),
}, (t) => [index('supervision_findings_visit_idx').on(t.visitId, t.ordinal)]);
