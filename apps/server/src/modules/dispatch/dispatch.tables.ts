import { sql } from 'drizzle-orm';
import { doublePrecision, index, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { ASSIGNMENT_STATES, type ArrivalDoubt } from '@firebreak/contracts';
import { incidents } from '../incidents/incidents.tables.js';
import { units } from '../units/units.tables.js';

/** A unit sent to an incident, with the time of each step (the raw data of response-time reports). */
export const assignments = pgTable('assignments', {
  id: uuid('id').primaryKey(),
  incidentId: uuid('incident_id').notNull().references(() => incidents.id),
  unitId: uuid('unit_id').notNull().references(() => units.id),
  state: text('state', { enum: ASSIGNMENT_STATES }).notNull(),
  etaSeconds: doublePrecision('eta_seconds'),
  assignedBy: uuid('assigned_by'),
  assignedAt: timestamp('assigned_at', { withTimezone: true, mode: 'date' }).notNull(),
  acknowledgedAt: timestamp('acknowledged_at', { withTimezone: true, mode: 'date' }),
  enRouteAt: timestamp('en_route_at', { withTimezone: true, mode: 'date' }),
  onSceneAt: timestamp('on_scene_at', { withTimezone: true, mode: 'date' }),
  clearedAt: timestamp('cleared_at', { withTimezone: true, mode: 'date' }),
  cancelledAt: timestamp('cancelled_at', { withTimezone: true, mode: 'date' }),
  /** 'status' (pressed) or 'avl' (fixes entered the arrival radius); set with on_scene_at. */
  arrivalSource: text('arrival_source', { enum: ['status', 'avl'] }),
  /** Why an on-scene status is doubtful (too soon, far from the scene); null when it fits. */
  arrivalDoubt: jsonb('arrival_doubt').$type<ArrivalDoubt>(),
}, (t) => [
  index('assignments_incident_idx').on(t.incidentId),
  // A unit is on at most one live assignment: the last guard against a double dispatch.
  uniqueIndex('assignments_live_unit_idx').on(t.unitId).where(sql`state not in ('cleared', 'cancelled')`),
]);
