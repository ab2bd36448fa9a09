import { customType, integer, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/** PostgreSQL `ltree`: the jurisdiction path, e.g. `li.oberland.vaduz`. */
export const ltree = customType<{ data: string }>({
  dataType: () => 'ltree',
});

/**
 * PostGIS geometry in WGS84. Reads come back as hex EWKB, so queries that need GeoJSON select
 * `ST_AsGeoJSON(col)` explicitly; writes go through `ST_GeomFromGeoJSON` in SQL.
 */
export const multiPolygon = customType<{ data: string }>({
  dataType: () => 'geometry(MultiPolygon, 4326)',
});

export const bytea = customType<{ data: Buffer }>({ dataType: () => 'bytea' });

/**
 * The columns of an uploaded file kept in the database (evidence, attachments): one shape, so
 * `platform/http/stored-file.ts` serves any of them the same way. A function, because drizzle
 * needs fresh column builders per table.
 */
export function storedFileColumns() {
  return {
    filename: text('filename').notNull(),
    mediaType: text('media_type').notNull(),
    sizeBytes: integer('size_bytes').notNull(),
    sha256: text('sha256').notNull(),
    content: bytea('content').notNull(),
    uploadedBy: uuid('uploaded_by'),
    uploadedAt: timestamp('uploaded_at', { withTimezone: true, mode: 'date' }).notNull(),
  };
}
