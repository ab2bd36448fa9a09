import type { PlaceGeometry } from '@firebreak/contracts';
import { sql } from 'drizzle-orm';
import { AppError } from '../../errors.js';
import { rows, type Queryable } from '../../platform/db/client.js';

/** SQL for a stored geometry from GeoJSON (positions may carry an elevation; the column is 2D). */
export const geometrySql = (g: PlaceGeometry) => sql`ST_Force2D(ST_SetSRID(ST_GeomFromGeoJSON(${JSON.stringify(g)}), 4326))`;

/** Asks PostGIS whether the geometry is valid, so that a bad one is a 400 naming the field. */
export async function assertValidGeometry(q: Queryable, g: PlaceGeometry, field: string): Promise<void> {
  let reason: string;
  try {
    const [row] = await rows<{ reason: string }>(q, sql`select ST_IsValidReason(${geometrySql(g)}) as reason`);
    reason = row?.reason ?? 'unreadable';
  } catch (err) {
    throw new AppError('GEOMETRY_INVALID', `${field}: not a readable geometry`, { fields: [{ path: field, message: 'not a readable geometry' }], cause: err });
  }
  if (reason !== 'Valid Geometry') throw new AppError('GEOMETRY_INVALID', `${field}: ${reason}`, { fields: [{ path: field, message: reason }] });
}
