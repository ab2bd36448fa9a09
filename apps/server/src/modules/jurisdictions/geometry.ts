import type { GeoJsonArea } from '@firebreak/contracts';
import { sql } from 'drizzle-orm';
import { AppError } from '../../errors.js';
import { rows, type Queryable } from '../../platform/db/client.js';

/**
 * Asks PostGIS whether a GeoJSON area is a valid polygon, so that an invalid one is a 400 that
 * names the field, never a failed transaction. Runs in a savepoint: a PostGIS parse error must
 * not abort the caller's transaction.
 */
export async function assertValidArea(q: Queryable, area: GeoJsonArea, field: string): Promise<void> {
  let reason: string | null;
  try {
    const [row] = await rows<{ reason: string }>(
      q,
      sql`select ST_IsValidReason(ST_GeomFromGeoJSON(${JSON.stringify(area)})) as reason`,
    );
    reason = row?.reason ?? 'unreadable';
  } catch (err) {
    throw new AppError('GEOMETRY_INVALID', `${field}: ${(err as Error).message}`, { fields: [{ path: field, message: 'not a readable geometry' }], cause: err });
  }
  if (reason !== 'Valid Geometry') {
    throw new AppError('GEOMETRY_INVALID', `${field}: ${reason}`, { fields: [{ path: field, message: reason }] });
  }
}

/** SQL expression for a stored boundary from GeoJSON (the contract admits 2-D positions only; Force2D keeps the column's type certain). */
export function areaSql(area: GeoJsonArea) {
  return sql`ST_Multi(ST_Force2D(ST_SetSRID(ST_GeomFromGeoJSON(${JSON.stringify(area)}), 4326)))`;
}
