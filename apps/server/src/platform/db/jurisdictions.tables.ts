import { bigint, index, integer, jsonb, pgTable, text, timestamp, uuid, type AnyPgColumn } from 'drizzle-orm/pg-core';
import { ltree, multiPolygon } from './types.js';

export const jurisdictions = pgTable('jurisdictions', {
  id: uuid('id').primaryKey(),
  parentId: uuid('parent_id').references((): AnyPgColumn => jurisdictions.id),
  path: ltree('path').notNull().unique(),
  name: text('name').notNull(),
  names: jsonb('names').$type<Record<string, string>>().notNull().default({}),
  // One of the configured levels (FIREBREAK_LEVELS): checked by the commands and at start, not by an enum.
  level: text('level').notNull(),
  adminLevel: integer('admin_level'),
  osmId: bigint('osm_id', { mode: 'number' }).unique(),
  /** The agency's own code for the area (boundary files): re-importing a file matches on it. */
  code: text('code').unique(),
  boundary: multiPolygon('boundary'),
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
}, (t) => [
  index('jurisdictions_path_gist').using('gist', t.path),
  index('jurisdictions_boundary_gist').using('gist', t.boundary),
  index('jurisdictions_parent_idx').on(t.parentId),
]);
