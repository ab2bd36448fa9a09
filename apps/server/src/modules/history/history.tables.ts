import { index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { ltree } from '../../platform/db/types.js';
import { incidents } from '../incidents/incidents.tables.js';

/**
 * One unit's response to a historical (imported) incident, with its timing chain. The unit is
 * the other system's: only its label and type are kept, never a link to our registry, so
 * imported history neither needs our units nor touches the dispatch state (assignments).
 */
export const importedResponses = pgTable('imported_responses', {
  id: uuid('id').primaryKey(),
  incidentId: uuid('incident_id').notNull().references(() => incidents.id),
  /** The unit as the export names it, e.g. "E39". */
  unitLabel: text('unit_label').notNull(),
  unitType: text('unit_type'),
  /** Our unit kind for `unit_type`, by the import's mapping (`unitKinds`); null for imports made before it existed (reported as `other`). */
  unitKind: text('unit_kind'),
  dispatchedAt: timestamp('dispatched_at', { withTimezone: true, mode: 'date' }),
  /** Acknowledged and set off (a CAD's "response" time). */
  respondedAt: timestamp('responded_at', { withTimezone: true, mode: 'date' }),
  onSceneAt: timestamp('on_scene_at', { withTimezone: true, mode: 'date' }),
  clearedAt: timestamp('cleared_at', { withTimezone: true, mode: 'date' }),
  /** Order of the unit in the call's dispatch, as the export gives it. */
  sequence: integer('sequence'),
}, (t) => [index('imported_responses_incident_idx').on(t.incidentId)]);

/**
 * One import of a CAD export into a jurisdiction. Every historical incident it wrote is listed in
 * `imported_calls`, so that the batch can be undone exactly (its incidents and their unit
 * responses removed, in one audited transaction) and the corrected file imported again.
 */
export const importBatches = pgTable('import_batches', {
  id: uuid('id').primaryKey(),
  jurisdictionId: uuid('jurisdiction_id').notNull(),
  jurisdictionPath: ltree('jurisdiction_path').notNull(),
  file: text('file').notNull(),
  mapping: text('mapping').notNull(),
  importedAt: timestamp('imported_at', { withTimezone: true, mode: 'date' }).notNull(),
  /** Username, or `cli`. */
  importedBy: text('imported_by').notNull(),
  calls: integer('calls').notNull().default(0),
  responses: integer('responses').notNull().default(0),
  doubtfulTimes: integer('doubtful_times').notNull().default(0),
  undoneAt: timestamp('undone_at', { withTimezone: true, mode: 'date' }),
  undoneBy: text('undone_by'),
}, (t) => [index('import_batches_path_idx').using('gist', t.jurisdictionPath)]);

/** A historical incident and the batch that wrote it; `time_doubt` when a DST change makes one of its times ambiguous or impossible. */
export const importedCalls = pgTable('imported_calls', {
  incidentId: uuid('incident_id').primaryKey().references(() => incidents.id),
  batchId: uuid('batch_id').notNull().references(() => importBatches.id),
  /** `ambiguous` (a repeated hour) or `nonexistent` (a skipped hour): the call is left out of response-time percentiles. */
  timeDoubt: text('time_doubt'),
  /**
   * Set when the import placed the call into the jurisdiction (`relocate`): the export's source
   * it came from (the call's time, type, priority and durations are the export's; its place was
   * drawn from the jurisdiction's demand). Null: the call is where the export says.
   */
  relocatedFrom: text('relocated_from'),
}, (t) => [index('imported_calls_batch_idx').on(t.batchId)]);
