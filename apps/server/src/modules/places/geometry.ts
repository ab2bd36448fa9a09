import type { PlaceGeometry } from '@firebreak/contracts';
import { sql } from 'drizzle-orm';
import { AppError } from '../../errors.js';
import { can, type Actor } from '../../platform/auth/access.js';
import { rows, type Queryable } from '../../platform/db/client.js';
import { reachOf, type Reach } from '../jurisdictions/index.js';

/** SQL for a stored geometry from GeoJSON (the contract admits 2-D positions only; Force2D keeps the column's type certain). */
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

/**
 * The place's jurisdiction, or the nearest one above it, whose area holds the whole geometry
 * (inside or touching, up to the boundary tolerance): a line or an outline that crosses a border
 * belongs to the jurisdiction holding both sides. `explicit`: the caller chose the jurisdiction,
 * so it must hold the place itself; it is refused naming the field rather than moved up.
 */
export async function homeHolding(
  q: Queryable,
  g: PlaceGeometry,
  start: { id: string; path: string },
  opts: { field: string; actor: Actor; explicit: boolean },
): Promise<{ id: string; path: string }> {
  const chain = opts.explicit
    ? [start]
    : await rows<{ id: string; path: string }>(q, sql`select id, path::text as path from jurisdictions where path @> ${start.path}::ltree order by nlevel(path) desc`);
  let first: Reach | null = null;
  for (const j of chain) {
    const reach = await reachOf(q, geometrySql(g), j.path);
    if (!reach || reach.fits) return j;
    first ??= reach;
  }
  const where = can(opts.actor, 'jurisdictions:read', first!.area.path) ? `${first!.area.name} (${first!.area.path})` : 'its jurisdiction';
  const message = `lies up to ${Math.round(first!.metres).toLocaleString('en')} m outside ${where}`;
  throw new AppError('PLACE_OUTSIDE_JURISDICTION', `${opts.field}: ${message}`, { fields: [{ path: opts.field, message }] });
}
