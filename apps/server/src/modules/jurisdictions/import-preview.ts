import { sql } from 'drizzle-orm';
import { rows, type Db, type Tx } from '../../platform/db/client.js';

/** One jurisdiction as an import would leave it, for a map preview (the first-run wizard). */
export interface PreviewJurisdiction {
  path: string;
  name: string;
  level: string;
  parentPath: string | null;
  osmId: number | null;
  /** Its boundary was cut by the extract and closed along its bounds (import-osm.ts). */
  repaired: boolean;
  /** Simplified to about 10 m: a preview, not the stored boundary. */
  boundary: unknown;
}

/**
 * The jurisdictions under the given roots as they stand inside the (dry-run) transaction, each
 * boundary simplified so a city's or a country's tree fits in one answer.
 */
export async function previewTree(tx: Tx | Db, roots: readonly string[], repairedOsmIds: ReadonlySet<number>): Promise<PreviewJurisdiction[]> {
  if (roots.length === 0) return [];
  const found = await rows<{ path: string; name: string; level: string; parent_path: string | null; osm_id: string | null; boundary: string | null }>(tx, sql`
    select j.path::text as path, j.name, j.level, p.path::text as parent_path, j.osm_id,
      ST_AsGeoJSON(ST_SimplifyPreserveTopology(j.boundary, 0.0001), 6) as boundary
    from jurisdictions j left join jurisdictions p on p.id = j.parent_id
    where j.path <@ array[${sql.join(roots.map((r) => sql`${r}::ltree`), sql`, `)}]
    order by j.path`);
  return found.map((j) => ({
    path: j.path,
    name: j.name,
    level: j.level,
    parentPath: j.parent_path,
    osmId: j.osm_id === null ? null : Number(j.osm_id),
    repaired: j.osm_id !== null && repairedOsmIds.has(Number(j.osm_id)),
    boundary: j.boundary === null ? null : JSON.parse(j.boundary) as unknown,
  }));
}
