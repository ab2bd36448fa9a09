import type { GeoJsonArea } from '@firebreak/contracts';
import { sql } from 'drizzle-orm';
import { rows, type Tx } from '../../platform/db/client.js';
import { GRID, repairClipped, type Repaired } from './clip-repair.js';
import type { AdminBoundary } from './osm-boundaries.js';

/** Where an import may close boundaries and what it keeps: the extract's bounds, the --within area. */
export interface ExtractArea {
  /** The extract's bounds (extract-bounds.ts); without them clipped boundaries are skipped as before. */
  bounds?: GeoJsonArea | undefined;
  /** The area of interest: what lies wholly outside it is left out. */
  within?: GeoJsonArea | undefined;
}

export interface Staged {
  clipped: Repaired[];
  skipped: { osmId: number; name: string; reason: string }[];
  excluded: { osmId: number; name: string; reason: string }[];
}

/**
 * After the complete boundaries are staged: closes the clipped ones along the area (clip-repair.ts)
 * and leaves out what lies wholly outside --within.
 *
 * A file holding a complete national boundary is a country's extract: what the extract cut there
 * is the neighbours' (Liechtenstein's file cuts Austria and Switzerland), skipped as before.
 */
export async function stageClipped(tx: Tx, boundaries: AdminBoundary[], area: ExtractArea): Promise<Staged> {
  const staged: Staged = { clipped: [], skipped: [], excluded: [] };
  const clipped = boundaries.filter((b) => b.missingWays > 0);
  const skipAll = (bs: AdminBoundary[]) => bs.forEach((b) => staged.skipped.push({ osmId: b.osmId, name: b.name, reason: `clipped by the extract (${b.missingWays} member ways missing)` }));

  if (area.within) {
    const out = await rows<{ osm_id: string; name: string }>(tx, sql`delete from osm_boundary
      where geom is null or not ST_Intersects(geom, ST_SetSRID(ST_GeomFromGeoJSON(${JSON.stringify(area.within)}), 4326))
      returning osm_id, name`);
    for (const o of out) staged.excluded.push({ osmId: Number(o.osm_id), name: o.name, reason: 'wholly outside the --within area' });
  }
  const [national] = await rows<{ n: number }>(tx, sql`select count(*)::int as n from osm_boundary where admin_level <= 2 and geom is not null and not ST_IsEmpty(geom)`);
  if (!area.bounds || Number(national?.n ?? 0) > 0) {
    skipAll(clipped);
    return staged;
  }

  const repairArea = await intersect(tx, area.bounds, area.within);
  for (const outcome of await repairClipped(tx, clipped, repairArea)) {
    if (outcome.ok) staged.clipped.push(outcome.repaired);
    else if (outcome.outside && area.within) staged.excluded.push({ osmId: outcome.osmId, name: outcome.name, reason: 'wholly outside the --within area' });
    else if (outcome.outside) staged.skipped.push({ osmId: outcome.osmId, name: outcome.name, reason: "clipped by the extract, and nothing of it lies within the extract's bounds" });
    else staged.skipped.push({ osmId: outcome.osmId, name: outcome.name, reason: outcome.reason });
  }
  return staged;
}

/** The area boundaries are closed along: the extract's bounds, within --within when given. */
export async function intersect(tx: Tx, bounds: GeoJsonArea, within: GeoJsonArea | undefined): Promise<GeoJsonArea> {
  if (!within) return bounds;
  const [r] = await rows<{ g: string | null }>(tx, sql`select ST_AsGeoJSON(ST_CollectionExtract(ST_Intersection(
      ST_SetSRID(ST_GeomFromGeoJSON(${JSON.stringify(bounds)}), 4326), ST_SetSRID(ST_GeomFromGeoJSON(${JSON.stringify(within)}), 4326), ${GRID}::float8), 3)) as g`);
  return JSON.parse(r?.g ?? JSON.stringify(within)) as GeoJsonArea;
}
