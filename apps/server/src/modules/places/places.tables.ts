import { bigint, customType, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { ltree } from '../../platform/db/types.js';
import { jurisdictions } from '../../platform/db/jurisdictions.tables.js';

/** Any WGS84 geometry: a place is a point, a polygon or (a road black spot) a line. */
const anyGeometry = customType<{ data: string }>({ dataType: () => 'geometry(Geometry, 4326)' });
const point = customType<{ data: string }>({ dataType: () => 'geometry(Point, 4326)' });

export const places = pgTable('places', {
  id: uuid('id').primaryKey(),
  jurisdictionId: uuid('jurisdiction_id').notNull().references(() => jurisdictions.id),
  /** Copy of the jurisdiction's path (paths never change) so scope filters need no join. */
  jurisdictionPath: ltree('jurisdiction_path').notNull(),
  category: text('category').notNull(),
  name: text('name').notNull(),
  geom: anyGeometry('geom').notNull(),
  /** A point on the geometry (ST_PointOnSurface): distances, bounding-box filters, map pins. */
  location: point('location').notNull(),
  operator: text('operator'),
  contact: text('contact'),
  responsiblePost: text('responsible_post'),
  /** OSM `opening_hours` syntax (from the OSM import): when the place is open, for coverage time windows. */
  openingHours: text('opening_hours'),
  osmType: text('osm_type', { enum: ['node', 'way'] }),
  osmId: bigint('osm_id', { mode: 'number' }),
  version: integer('version').notNull().default(1),
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
}, (t) => [
  uniqueIndex('places_osm_idx').on(t.osmType, t.osmId),
  index('places_path_gist').using('gist', t.jurisdictionPath),
  index('places_location_gist').using('gist', t.location),
  index('places_category_idx').on(t.category, t.id),
]);

/**
 * Building centroids from OSM (ways tagged `building`), filled by the key places' import: what a
 * cordon's evacuation estimate counts. A point per building and nothing about who lives there.
 */
export const buildingCentroids = pgTable('building_centroids', {
  osmId: bigint('osm_id', { mode: 'number' }).primaryKey(),
  location: point('location').notNull(),
}, (t) => [index('building_centroids_location_gist').using('gist', t.location)]);
