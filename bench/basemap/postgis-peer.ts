import { sql } from 'drizzle-orm';
import { rows, type Db } from '../../apps/server/src/platform/db/client.js';
import type { LayerFeature, OsmLayers } from '../../apps/server/src/modules/basemap/osm-layers.js';
import { minZoomOf } from '../../apps/server/src/modules/basemap/tiles.js';

/**
 * The peer: the same layers in PostGIS tables (Web Mercator, GiST-indexed, each feature with the
 * first zoom it is drawn at), one tile = one `ST_AsMVT` query over `ST_AsMVTGeom`, the way
 * PostGIS tile servers (pg_tileserv, Martin) make them.
 */
const COLUMNS = {
  roads: ['class', 'name', 'name:zh', 'oneway', 'bridge', 'tunnel'],
  water: ['kind', 'name', 'name:zh'],
  buildings: [],
  landuse: ['kind', 'name', 'name:zh'],
  places: ['kind', 'name', 'name:zh'],
  housenumbers: ['housenumber'],
} as const;
const q = (c: string) => `"${c}"`;

export async function loadPeer(db: Db, layers: OsmLayers): Promise<void> {
  for (const [layer, columns] of Object.entries(COLUMNS) as [keyof OsmLayers, readonly string[]][]) {
    await db.execute(sql.raw(`drop table if exists bm_${layer}; create table bm_${layer} (id serial primary key, minzoom int not null, geom geometry(Geometry, 3857) not null${columns.map((c) => `, ${q(c)} ${c === 'oneway' || c === 'bridge' || c === 'tunnel' ? 'boolean' : 'text'}`).join('')})`));
    const features = layers[layer];
    for (let i = 0; i < features.length; i += 2000) {
      const batch = features.slice(i, i + 2000).map((f: LayerFeature) => ({
        minzoom: minZoomOf(layer, f.properties), geom: f.geometry, ...Object.fromEntries(columns.map((c) => [c, f.properties[c] ?? null])),
      }));
      await db.execute(sql`insert into ${sql.raw(`bm_${layer}`)} (minzoom, geom${sql.raw(columns.map((c) => `, ${q(c)}`).join(''))})
        select (f->>'minzoom')::int, ST_Transform(ST_SetSRID(ST_GeomFromGeoJSON(f->'geom'), 4326), 3857)${sql.raw(columns.map((c) => `, (f->>'${c}')${c === 'oneway' || c === 'bridge' || c === 'tunnel' ? '::boolean' : ''}`).join(''))}
        from jsonb_array_elements(${JSON.stringify(batch)}::jsonb) as f`);
    }
    await db.execute(sql.raw(`create index on bm_${layer} using gist (geom)`));
  }
  await db.execute(sql`drop table if exists bm_boundaries; create table bm_boundaries as
    select path::text as path, level, name, ST_Transform(ST_Boundary(boundary), 3857) as geom from jurisdictions where boundary is not null`);
  await db.execute(sql`create index on bm_boundaries using gist (geom)`);
  await db.execute(sql`drop table if exists bm_jurisdiction_labels; create table bm_jurisdiction_labels as
    select path::text as path, level, name, names->>'zh' as "name:zh", ST_Transform(ST_PointOnSurface(boundary), 3857) as geom from jurisdictions where boundary is not null`);
  await db.execute(sql`create index on bm_jurisdiction_labels using gist (geom)`);
  await db.execute(sql`analyze`);
}

const layerSql = (layer: string, columns: readonly string[], zoomed: boolean) => `
  (select ST_AsMVT(t, '${layer}', 4096, 'geom') from (
    select ST_AsMVTGeom(geom, e.env, 4096, 64, true) as geom${columns.map((c) => `, ${q(c)}`).join('')}
    from bm_${layer}, e where geom && e.benv${zoomed ? ' and minzoom <= $1' : ''}) t)`;

const TILE_SQL = `with e as (select ST_TileEnvelope($1, $2, $3) as env, ST_TileEnvelope($1, $2, $3, margin => 64.0 / 4096) as benv)
  select length(coalesce(${[...Object.entries(COLUMNS).map(([l, c]) => layerSql(l, c, true)), layerSql('boundaries', ['level', 'name', 'path'], false), layerSql('jurisdiction_labels', ['level', 'name', 'name:zh', 'path'], false)].join(", '') || coalesce(")}, '')) as bytes`;

/** One tile from PostGIS; its size in bytes (0 = empty). */
export async function peerTile(db: Db, z: number, x: number, y: number): Promise<number> {
  const [row] = await rows<{ bytes: number }>(db, sql.raw(TILE_SQL.replaceAll('$1', String(z)).replaceAll('$2', String(x)).replaceAll('$3', String(y))));
  return Number(row?.bytes ?? 0);
}
