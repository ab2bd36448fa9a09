import { index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
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
  dispatchedAt: timestamp('dispatched_at', { withTimezone: true, mode: 'date' }),
  /** Acknowledged and set off (a CAD's "response" time). */
  respondedAt: timestamp('responded_at', { withTimezone: true, mode: 'date' }),
  onSceneAt: timestamp('on_scene_at', { withTimezone: true, mode: 'date' }),
  clearedAt: timestamp('cleared_at', { withTimezone: true, mode: 'date' }),
  /** Order of the unit in the call's dispatch, as the export gives it. */
  sequence: integer('sequence'),
}, (t) => [index('imported_responses_incident_idx').on(t.incidentId)]);
