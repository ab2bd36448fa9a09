import { sql } from 'drizzle-orm';
import { doublePrecision, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { ltree } from '../../platform/db/types.js';
import { jurisdictions } from '../../platform/db/jurisdictions.tables.js';
import { units } from '../units/units.tables.js';

/**
 * A jurisdiction's coverage settings, in force in its subtree unless a deeper one sets its own:
 * default opening hours per place category (for places without OSM `opening_hours`) and the
 * move-up threshold.
 */
export const coverageSettings = pgTable('coverage_settings', {
  jurisdictionId: uuid('jurisdiction_id').primaryKey().references(() => jurisdictions.id),
  jurisdictionPath: ltree('jurisdiction_path').notNull(),
  /** Category -> OSM `opening_hours` string, e.g. `{ "school": "Mo-Fr 07:30-16:30" }`. */
  categoryHours: jsonb('category_hours').$type<Record<string, string>>().notNull().default({}),
  /** Share (0..1) of the key places within `move_up_minutes` below which a move-up is recommended. */
  moveUpThreshold: doublePrecision('move_up_threshold').notNull(),
  moveUpMinutes: integer('move_up_minutes').notNull(),
  version: integer('version').notNull().default(1),
  updatedBy: uuid('updated_by'),
  updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull(),
}, (t) => [index('coverage_settings_path_gist').using('gist', t.jurisdictionPath)]);

/**
 * A unit ordered to stand at a post to restore coverage (an accepted move-up). The unit stays
 * available for calls meanwhile (a move-up is cover, not a commitment); a newer order for the
 * unit supersedes the open one.
 */
export const coverageMoves = pgTable('coverage_moves', {
  id: uuid('id').primaryKey(),
  jurisdictionId: uuid('jurisdiction_id').notNull().references(() => jurisdictions.id),
  jurisdictionPath: ltree('jurisdiction_path').notNull(),
  unitId: uuid('unit_id').notNull().references(() => units.id),
  state: text('state', { enum: ['ordered', 'superseded', 'cancelled', 'completed'] }).notNull(),
  postLon: doublePrecision('post_lon').notNull(),
  postLat: doublePrecision('post_lat').notNull(),
  postName: text('post_name'),
  postPlaceId: uuid('post_place_id'),
  etaSeconds: doublePrecision('eta_seconds'),
  /** The jurisdiction's share within the threshold's minutes before the move and as recommended after it. */
  shareBefore: doublePrecision('share_before'),
  shareAfter: doublePrecision('share_after'),
  orderedBy: uuid('ordered_by'),
  orderedAt: timestamp('ordered_at', { withTimezone: true, mode: 'date' }).notNull(),
  endedAt: timestamp('ended_at', { withTimezone: true, mode: 'date' }),
}, (t) => [
  index('coverage_moves_path_gist').using('gist', t.jurisdictionPath),
  // One open move-up order per unit.
  uniqueIndex('coverage_moves_open_unit_idx').on(t.unitId).where(sql`state = 'ordered'`),
]);
