import { sql } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';
import { runCommand, type CommandContext, type CommandDeps } from '../../platform/command.js';
import { rows, type Tx } from '../../platform/db/client.js';
import type { OsmBuilding, OsmPlace } from './osm-places.js';
import { readOsmFeatures, readOsmPlaces } from './osm-places.js';

export interface PlacesImportSummary {
  created: number;
  updated: number;
  unchanged: number;
  /** Features outside every jurisdiction (e.g. in the neighbouring countries of the extract). */
  outside: number;
  /** Building centroids added or moved (the cordons' evacuation estimate counts them). */
  buildings: number;
}

/** Reads the key places and building centroids of an OSM PBF file and adds or refreshes them. */
export async function importOsmPlacesFile(deps: CommandDeps, ctx: CommandContext, file: string): Promise<PlacesImportSummary> {
  const { places, buildings } = await readOsmFeatures(file, { buildings: true });
  return importOsmPlaces(deps, ctx, places, buildings);
}

/**
 * Adds new OSM places and refreshes name, category and geometry of those imported before;
 * what people added by hand (operator, contact, responsible post) is kept unless empty.
 * Each place belongs to the deepest jurisdiction whose boundary contains its point on surface.
 */
export async function importOsmPlaces(deps: CommandDeps, ctx: CommandContext, found: OsmPlace[], buildings: OsmBuilding[] = []): Promise<PlacesImportSummary> {
  const { result } = await runCommand(deps, ctx, async (tx, record) => {
    await stage(tx, found);
    const buildingsChanged = await upsertBuildings(tx, buildings);
    const created = await rows<{ id: string; path: string; name: string; osm_type: string; osm_id: string }>(tx, sql`
      insert into places (id, jurisdiction_id, jurisdiction_path, category, name, geom, location, operator, contact, opening_hours, osm_type, osm_id)
      select s.id, s.jurisdiction_id, s.jurisdiction_path, s.category, s.name, s.geom, s.location, s.operator, s.contact, s.opening_hours, s.osm_type, s.osm_id
      from osm_place s where s.jurisdiction_id is not null
        and not exists (select 1 from places p where p.osm_type = s.osm_type and p.osm_id = s.osm_id)
      returning id, jurisdiction_path::text as path, name, osm_type, osm_id`);
    const updated = await rows<{ id: string; path: string; name: string; osm_type: string; osm_id: string }>(tx, sql`
      update places p set name = s.name, category = s.category, geom = s.geom, location = s.location,
        jurisdiction_id = s.jurisdiction_id, jurisdiction_path = s.jurisdiction_path,
        operator = coalesce(p.operator, s.operator), contact = coalesce(p.contact, s.contact), opening_hours = s.opening_hours,
        version = p.version + 1, updated_at = ${deps.clock()}
      from osm_place s
      where p.osm_type = s.osm_type and p.osm_id = s.osm_id and s.jurisdiction_id is not null
        and (p.name, p.category, p.jurisdiction_id, p.opening_hours, ST_AsBinary(p.geom))
          is distinct from (s.name, s.category, s.jurisdiction_id, s.opening_hours, ST_AsBinary(s.geom))
      returning p.id, p.jurisdiction_path::text as path, p.name, p.osm_type, p.osm_id`);
    const [counts] = await rows<{ inside: number; outside: number }>(tx, sql`select
      count(*) filter (where jurisdiction_id is not null)::int as inside, count(*) filter (where jurisdiction_id is null)::int as outside from osm_place`);
    for (const [list, action] of [[created, 'places.created'], [updated, 'places.updated']] as const) {
      for (const p of list) {
        record.audit({ action, entityType: 'place', entityId: p.id, jurisdictionPath: p.path, after: { name: p.name, source: 'osm', osm: `${p.osm_type}/${p.osm_id}` } });
      }
    }
    const summary: PlacesImportSummary = {
      created: created.length,
      updated: updated.length,
      unchanged: Number(counts?.inside ?? 0) - created.length - updated.length,
      outside: Number(counts?.outside ?? 0),
      buildings: buildingsChanged,
    };
    const scope = commonAncestor([...created, ...updated].map((p) => p.path));
    record.audit({ action: 'places.imported', entityType: 'place', entityId: null, jurisdictionPath: scope, after: summary });
    record.emit({ type: 'places.imported', jurisdictionPath: scope, data: summary });
    return summary;
  });
  return result;
}

/**
 * Adds the building centroids, or moves those whose outline changed; buildings of other extracts
 * are kept (a deployment may import several). Returns how many were added or moved.
 */
async function upsertBuildings(tx: Tx, buildings: OsmBuilding[]): Promise<number> {
  let changed = 0;
  for (let i = 0; i < buildings.length; i += 5000) {
    const batch = buildings.slice(i, i + 5000).map((b) => [b.osmId, b.lon, b.lat]);
    const [n] = await rows<{ n: number }>(tx, sql`with up as (insert into building_centroids (osm_id, location)
      select (x->>0)::bigint, ST_SetSRID(ST_MakePoint((x->>1)::float8, (x->>2)::float8), 4326) from jsonb_array_elements(${JSON.stringify(batch)}::jsonb) x
      on conflict (osm_id) do update set location = excluded.location where not ST_Equals(building_centroids.location, excluded.location)
      returning 1) select count(*)::int as n from up`);
    changed += Number(n?.n ?? 0);
  }
  return changed;
}

async function stage(tx: Tx, found: OsmPlace[]): Promise<void> {
  await tx.execute(sql`create temp table if not exists osm_place (
    id uuid, osm_type text, osm_id bigint, category text, name text, operator text, contact text, opening_hours text,
    geom geometry(Geometry, 4326), location geometry(Point, 4326), jurisdiction_id uuid, jurisdiction_path ltree,
    primary key (osm_type, osm_id)) on commit drop`);
  const staged = found.map((p) => ({ ...p, id: uuidv7(), geometry: JSON.stringify(p.geometry) }));
  await tx.execute(sql`insert into osm_place (id, osm_type, osm_id, category, name, operator, contact, opening_hours, geom)
    select x.id, x."osmType", x."osmId", x.category, x.name, x.operator, x.contact, x."openingHours",
      ST_MakeValid(ST_SetSRID(ST_GeomFromGeoJSON(x.geometry), 4326))
    from jsonb_to_recordset(${JSON.stringify(staged)}::jsonb)
      as x(id uuid, "osmType" text, "osmId" bigint, category text, name text, operator text, contact text, "openingHours" text, geometry text)
    on conflict do nothing`);
  await tx.execute(sql`update osm_place s set location = ST_PointOnSurface(s.geom)`);
  await tx.execute(sql`update osm_place s set (jurisdiction_id, jurisdiction_path) = (
    select id, path from jurisdictions
    where boundary is not null and ST_Intersects(boundary, s.location)
    order by nlevel(path) desc, ST_Area(boundary) asc limit 1)`);
}

/** The deepest path that is an ancestor of (or equal to) every given path; null for none. */
export function commonAncestor(paths: string[]): string | null {
  if (paths.length === 0) return null;
  let common = paths[0]!.split('.');
  for (const p of paths.slice(1)) {
    const labels = p.split('.');
    let i = 0;
    while (i < common.length && common[i] === labels[i]) i++;
    common = common.slice(0, i);
  }
  return common.length > 0 ? common.join('.') : null;
}

/** How many key places an OSM PBF file holds (a dry run of the first-run wizard: nothing is placed yet). */
export async function countOsmPlacesFile(file: string): Promise<number> {
  return (await readOsmPlaces(file)).length;
}
