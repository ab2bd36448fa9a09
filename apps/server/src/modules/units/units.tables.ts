import { sql } from 'drizzle-orm';
import { boolean, customType, doublePrecision, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { UNIT_KINDS, UNIT_STATUSES } from '@firebreak/contracts';
import { ltree } from '../../platform/db/types.js';
import { jurisdictions } from '../../platform/db/jurisdictions.tables.js';
import { places } from '../places/places.tables.js';
import { users } from '../identity/staff.tables.js';

const point = customType<{ data: string }>({ dataType: () => 'geometry(Point, 4326)' });

export const units = pgTable('units', {
  id: uuid('id').primaryKey(),
  callSign: text('call_sign').notNull(),
  kind: text('kind', { enum: UNIT_KINDS }).notNull(),
  jurisdictionId: uuid('jurisdiction_id').notNull().references(() => jurisdictions.id),
  /** Copy of the jurisdiction's path (paths never change) so scope filters need no join. */
  jurisdictionPath: ltree('jurisdiction_path').notNull(),
  homeStationId: uuid('home_station_id').references(() => places.id),
  homeLocation: point('home_location').notNull(),
  crewSize: integer('crew_size').notNull(),
  capabilities: text('capabilities').array().notNull().default(sql`'{}'::text[]`),
  status: text('status', { enum: UNIT_STATUSES }).notNull(),
  statusChangedAt: timestamp('status_changed_at', { withTimezone: true, mode: 'date' }).notNull(),
  onDuty: boolean('on_duty').notNull(),
  dutyChangedAt: timestamp('duty_changed_at', { withTimezone: true, mode: 'date' }).notNull(),
  incidentId: uuid('incident_id'),
  /**
   * The device account of the unit's terminal (or of the AVL gateway that reports it; migration 0050):
   * when set, the only account that reports the unit's fixes over HTTP, and that account reports for
   * its bound units only (`mayReportUnit`, platform/auth/access.ts).
   */
  terminalId: uuid('terminal_id').references(() => users.id),
  version: integer('version').notNull().default(1),
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull(),
}, (t) => [
  uniqueIndex('units_call_sign_idx').on(sql`lower(${t.callSign})`),
  index('units_path_gist').using('gist', t.jurisdictionPath),
  index('units_terminal_idx').on(t.terminalId).where(sql`terminal_id is not null`),
  // Recommendation reads the units that can be sent now.
  index('units_dispatchable_idx').on(t.status).where(sql`on_duty and status in ('available', 'at_station')`),
]);

/**
 * The AVL track, downsampled: a point when the unit has moved or enough time has passed. Each row
 * names its unit, held by the database set-wise rather than by a foreign key (migration 0049): a
 * statement's distinct units are checked once (`unit_track_unit`), and a unit with a track is never
 * deleted nor given another id (`units_keep_tracked`). A foreign key checked (and share-locked) the
 * unit of every stored fix on its own, one RI query per row of an AVL batch.
 */
export const unitTrack = pgTable('unit_track', {
  unitId: uuid('unit_id').notNull(),
  at: timestamp('at', { withTimezone: true, mode: 'date' }).notNull(),
  location: point('location').notNull(),
  speedKmh: doublePrecision('speed_kmh'),
  heading: doublePrecision('heading'),
}, (t) => [uniqueIndex('unit_track_unit_at_idx').on(t.unitId, t.at)]);
