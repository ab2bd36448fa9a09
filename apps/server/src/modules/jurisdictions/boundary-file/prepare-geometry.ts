import { sql, type SQL } from 'drizzle-orm';
import { rows, type Queryable } from '../../../platform/db/client.js';
import { BoundaryFileError, type RawGeometry } from './types.js';

/** Positions per boundary, as for a drawn one (packages/contracts GeoJsonArea). */
const MAX_POSITIONS = 100_000;

export type PreparedGeometry = { ewkbHex: string } | { error: string };

/** The coordinate system must be one PostGIS knows, else every feature would fail alike: refuse the file once. */
export async function assertKnownSrid(q: Queryable, srid: number): Promise<void> {
  if (srid === 4326) return;
  const [known] = await rows<{ n: number }>(q, sql`select count(*)::int as n from spatial_ref_sys where srid = ${srid}`);
  if (!known || known.n === 0) throw new BoundaryFileError(`the file's coordinate system EPSG:${srid} is not known to PostGIS; reproject it to WGS 84 (EPSG:4326)`);
}

function source(g: NonNullable<RawGeometry>, srid: number): SQL {
  if ('wkb' in g) return sql`ST_GeomFromWKB(decode(${Buffer.from(g.wkb).toString('hex')}, 'hex'), ${srid}::int)`;
  return sql`ST_SetSRID(ST_GeomFromGeoJSON(${JSON.stringify(g.geojson)}), ${srid}::int)`;
}

/**
 * One feature's geometry as the tree stores boundaries: a valid 2-D MultiPolygon in WGS 84
 * (ST_Transform from the file's EPSG code), as EWKB hex, or why it cannot be one. Each runs on
 * its own, before the import's transaction: a PostGIS parse error must not abort it.
 */
export async function prepareGeometry(q: Queryable, g: RawGeometry, srid: number): Promise<PreparedGeometry> {
  if (g === null) return { error: 'no geometry' };
  let r: { type: string; reason: string; positions: number; lonlat: boolean; hex: string } | undefined;
  try {
    [r] = await rows<{ type: string; reason: string; positions: number; lonlat: boolean; hex: string }>(
      q,
      sql`with s as (select ${source(g, srid)} as g),
               t as (select s.g as src, ST_Force2D(${srid === 4326 ? sql`s.g` : sql`ST_Transform(s.g, 4326)`}) as g from s)
          select ST_GeometryType(src) as type, ST_IsValidReason(g) as reason, ST_NPoints(g) as positions,
                 (ST_XMin(g) >= -180 and ST_XMax(g) <= 180 and ST_YMin(g) >= -90 and ST_YMax(g) <= 90) as lonlat,
                 encode(ST_AsEWKB(ST_Multi(g)), 'hex') as hex
          from t`,
    );
  } catch (err) {
    return { error: `the geometry cannot be read (${(err as Error).message.split('\n')[0]})` };
  }
  if (!r) return { error: 'the geometry cannot be read' };
  if (r.type !== 'ST_Polygon' && r.type !== 'ST_MultiPolygon') return { error: `a ${r.type.replace(/^ST_/, '')}, not an area: a boundary must be a Polygon or MultiPolygon` };
  if (!r.lonlat) return { error: 'its coordinates are not longitude/latitude once reprojected (is the coordinate system right?)' };
  if (r.reason !== 'Valid Geometry') return { error: `not a valid polygon: ${r.reason} (repair it, e.g. QGIS "Fix geometries")` };
  if (Number(r.positions) > MAX_POSITIONS) return { error: `${r.positions} positions, more than the ${MAX_POSITIONS.toLocaleString('en')} a boundary may have (simplify it)` };
  return { ewkbHex: r.hex };
}
