import { customType } from 'drizzle-orm/pg-core';

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
