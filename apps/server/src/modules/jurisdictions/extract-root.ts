import type { GeoJsonArea } from '@firebreak/contracts';
import { sql } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';
import { rows, type Tx } from '../../platform/db/client.js';
import { GRID } from './clip-repair.js';
import { slugLabel } from './slug.js';

export interface ExtractRoot {
  id: string;
  path: string;
  name: string;
  created: boolean;
}

/**
 * The root of a deployment whose extract has no national boundary (a city, a county): its area is
 * the extract's (or the --within polygon) joined with every boundary staged from the file, so what
 * hangs under it lies within it, and a call anywhere in the extract has a jurisdiction.
 *
 * Re-importing finds it again: the root of that label, else a root with no boundary and no OSM id
 * (what a first start without the demo creates, and what its administrator is granted on) — it is
 * adopted rather than left beside a second root the administrator could not see.
 */
export async function ensureExtractRoot(tx: Tx, area: GeoJsonArea, opts: { name?: string | undefined; countryCode?: string | undefined; level: string }): Promise<ExtractRoot> {
  const label = slugLabel(opts.countryCode ?? opts.name ?? 'region', 'region');
  const [existing] = await rows<{ id: string; path: string; name: string }>(tx, sql`select id, path::text as path, name from jurisdictions
    where parent_id is null and osm_id is null and (path = ${label}::ltree or boundary is null)
    order by (path = ${label}::ltree) desc, created_at limit 1 for update`);
  const name = opts.name ?? existing?.name ?? (opts.countryCode ? opts.countryCode.toUpperCase() : 'Region');
  const boundary = sql`ST_Multi(ST_CollectionExtract(ST_MakeValid(ST_UnaryUnion(ST_Collect(array_remove(array[
      ST_SetSRID(ST_GeomFromGeoJSON(${JSON.stringify(area)}), 4326),
      (select ST_Union(geom, ${GRID}::float8) from osm_boundary where geom is not null and not ST_IsEmpty(geom)),
      (select boundary from jurisdictions where id = ${existing?.id ?? null}::uuid)
    ], null)), ${GRID}::float8)), 3))`;
  if (existing) {
    await tx.execute(sql`update jurisdictions set name = ${name}, boundary = ${boundary}, updated_at = now() where id = ${existing.id}`);
    return { id: existing.id, path: existing.path, name, created: false };
  }
  const id = uuidv7();
  const taken = await rows<{ n: number }>(tx, sql`select count(*)::int as n from jurisdictions where path = ${label}::ltree`);
  const path = Number(taken[0]?.n ?? 0) > 0 ? `${label}_${id.slice(-6)}` : label;
  await tx.execute(sql`insert into jurisdictions (id, path, name, names, level, boundary)
    values (${id}, ${path}::ltree, ${name}, '{}'::jsonb, ${opts.level}, ${boundary})`);
  return { id, path, name, created: true };
}
