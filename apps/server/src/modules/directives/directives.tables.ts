import { sql } from 'drizzle-orm';
import { index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { ltree } from '../../platform/db/types.js';
import { jurisdictions } from '../../platform/db/jurisdictions.tables.js';

/** An order issued by a jurisdiction to chosen jurisdictions of its subtree. */
export const directives = pgTable('directives', {
  id: uuid('id').primaryKey(),
  issuerJurisdictionId: uuid('issuer_jurisdiction_id').notNull().references(() => jurisdictions.id),
  issuerPath: ltree('issuer_path').notNull(),
  title: text('title').notNull(),
  content: text('content').notNull(),
  requiredActions: jsonb('required_actions').$type<string[]>().notNull(),
  ackDueAt: timestamp('ack_due_at', { withTimezone: true, mode: 'date' }).notNull(),
  reportDueAt: timestamp('report_due_at', { withTimezone: true, mode: 'date' }).notNull(),
  issuedBy: uuid('issued_by'),
  issuedAt: timestamp('issued_at', { withTimezone: true, mode: 'date' }).notNull(),
}, (t) => [index('directives_issuer_path_gist').using('gist', t.issuerPath)]);

/**
 * One target jurisdiction of a directive: its delivery, acknowledgement and report-back.
 * A national directive writes 3,000 of these in its transaction, so the table carries only what that
 * write must pay for (migration 0046, docs/benchmarks.md "Directives: what dominates"): no per-row
 * foreign keys (3,000 trigger calls each, about half the insert) but one set-based check per statement
 * and parents that cannot be deleted while targeted (triggers in the migration), and no GiST on the path:
 * reads by place go through `jurisdiction_id` (`targetedWithin` in directives.queries.ts).
 */
export const directiveTargets = pgTable('directive_targets', {
  id: uuid('id').primaryKey(),
  directiveId: uuid('directive_id').notNull(),
  jurisdictionId: uuid('jurisdiction_id').notNull(),
  jurisdictionPath: ltree('jurisdiction_path').notNull(),
  state: text('state', { enum: ['delivered', 'acknowledged', 'reported'] }).notNull(),
  deliveredAt: timestamp('delivered_at', { withTimezone: true, mode: 'date' }).notNull(),
  acknowledgedAt: timestamp('acknowledged_at', { withTimezone: true, mode: 'date' }),
  acknowledgedBy: uuid('acknowledged_by'),
  acknowledgementNote: text('acknowledgement_note'),
  reportedAt: timestamp('reported_at', { withTimezone: true, mode: 'date' }),
  reportedBy: uuid('reported_by'),
  report: text('report'),
  ackEscalatedAt: timestamp('ack_escalated_at', { withTimezone: true, mode: 'date' }),
  reportEscalatedAt: timestamp('report_escalated_at', { withTimezone: true, mode: 'date' }),
  version: integer('version').notNull().default(1),
}, (t) => [
  uniqueIndex('directive_targets_directive_jurisdiction_idx').on(t.directiveId, t.jurisdictionId),
  // The targets at given jurisdictions across directives (a station's inbox, the trace's targets above a place).
  index('directive_targets_jurisdiction_idx').on(t.jurisdictionId),
  // The escalation sweep looks only at targets still owing an answer and not yet escalated.
  index('directive_targets_owing_idx').on(t.directiveId).where(sql`state <> 'reported' and report_escalated_at is null`),
]);
