import { index, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { ltree } from '../../platform/db/types.js';

/**
 * One bulk onboarding run of a file (stations, units, staff, places or response plans) that wrote something. Every
 * record it created is listed in `onboarding_items`, so that the batch can be undone exactly (those
 * records removed, in one audited transaction) and the corrected file loaded again. A dry run or a
 * refused file writes no batch.
 */
export const onboardingBatches = pgTable('onboarding_batches', {
  id: uuid('id').primaryKey(),
  kind: text('kind', { enum: ['stations', 'units', 'staff', 'places', 'plans'] }).notNull(),
  file: text('file').notNull(),
  /** The deepest jurisdiction holding every created record: who may list and undo the batch. */
  scopePath: ltree('scope_path').notNull(),
  importedAt: timestamp('imported_at', { withTimezone: true, mode: 'date' }).notNull(),
  /** Username, or `cli`. */
  importedBy: text('imported_by').notNull(),
  created: integer('created').notNull().default(0),
  updated: integer('updated').notNull().default(0),
  unchanged: integer('unchanged').notNull().default(0),
  rejected: integer('rejected').notNull().default(0),
  undoneAt: timestamp('undone_at', { withTimezone: true, mode: 'date' }),
  undoneBy: text('undone_by'),
}, (t) => [index('onboarding_batches_scope_idx').using('gist', t.scopePath)]);

/**
 * A record a batch created (a unit, a place, a user or a response plan) or updated (a unit), with
 * the file row it came from. An update keeps the values before it and the version it left, so
 * that an undo restores them, and only while nobody changed the record since.
 */
export const onboardingItems = pgTable('onboarding_items', {
  batchId: uuid('batch_id').notNull().references(() => onboardingBatches.id),
  entityType: text('entity_type', { enum: ['unit', 'place', 'user', 'response_plan'] }).notNull(),
  entityId: uuid('entity_id').notNull(),
  /** The row's natural key (call sign, username, name · category · jurisdiction). */
  naturalKey: text('natural_key').notNull(),
  row: integer('row').notNull(),
  action: text('action', { enum: ['created', 'updated'] }).notNull().default('created'),
  before: jsonb('before'),
  versionAfter: integer('version_after'),
}, (t) => [primaryKey({ columns: [t.batchId, t.entityId] })]);
