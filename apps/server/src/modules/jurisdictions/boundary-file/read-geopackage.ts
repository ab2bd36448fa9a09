import { createRequire } from 'node:module';
import initSqlJs, { type Database, type SqlJsStatic } from 'sql.js';
import { BoundaryFileError, type BoundaryFileContent, type RawFeature, type ReadOptions } from './types.js';

/** sql.js (SQLite compiled to WebAssembly): loaded once, on the first GeoPackage. */
let sqlJs: Promise<SqlJsStatic> | undefined;
function sqlite(): Promise<SqlJsStatic> {
  const wasm = createRequire(import.meta.url).resolve('sql.js/dist/sql-wasm.wasm');
  sqlJs ??= initSqlJs({ locateFile: () => wasm });
  return sqlJs;
}

const SQLITE_MAGIC = 'SQLite format 3\0';

/** Bytes of the envelope after the 8-byte header, by the envelope indicator in the flags (GeoPackage 1.3, 2.1.3). */
const ENVELOPE_BYTES = [0, 32, 48, 48, 64];

/**
 * The WKB inside a GeoPackage geometry blob: magic `GP`, version, flags (envelope size, empty
 * bit), srs_id, envelope, then standard WKB. Null for an empty geometry.
 */
export function wkbOfGpkgBlob(blob: Uint8Array): Uint8Array | null {
  if (blob.length < 8 || blob[0] !== 0x47 || blob[1] !== 0x50) throw new Error('not a GeoPackage geometry blob (no GP magic)');
  const flags = blob[3]!;
  if (flags & 0x20) throw new Error('an extended GeoPackage geometry type');
  if (flags & 0x10) return null;
  const envelope = ENVELOPE_BYTES[(flags >> 1) & 0x07];
  if (envelope === undefined) throw new Error('an invalid envelope indicator');
  return blob.subarray(8 + envelope);
}

function all<T>(db: Database, query: string, params: (string | number)[] = []): T[] {
  const stmt = db.prepare(query, params);
  const out: T[] = [];
  while (stmt.step()) out.push(stmt.getAsObject() as T);
  stmt.free();
  return out;
}

/** The EPSG code of a layer's spatial reference system (srs_id is a local number; organization says whose). */
function sridOf(db: Database, srsId: number, layer: string): number {
  const [srs] = all<{ organization: string; organization_coordsys_id: number }>(db, 'select organization, organization_coordsys_id from gpkg_spatial_ref_sys where srs_id = ?', [srsId]);
  if (!srs) throw new BoundaryFileError(`layer ${layer}: its srs_id ${srsId} is not in gpkg_spatial_ref_sys`);
  if (srs.organization.toUpperCase() !== 'EPSG') {
    throw new BoundaryFileError(`layer ${layer}: its coordinate system ${srs.organization}:${srs.organization_coordsys_id} has no EPSG code; reproject the layer to an EPSG system (e.g. 4326) first`);
  }
  if (srs.organization_coordsys_id <= 0) throw new BoundaryFileError(`layer ${layer}: undefined coordinate system (${srs.organization_coordsys_id}); set the layer's srs`);
  return srs.organization_coordsys_id;
}

/** Reads one feature layer of a GeoPackage (an SQLite file); geometries stay WKB for PostGIS in the layer's srs. */
export async function readGeoPackage(name: string, bytes: Uint8Array, opts: ReadOptions): Promise<BoundaryFileContent> {
  if (bytes.length < 100 || new TextDecoder('latin1').decode(bytes.subarray(0, 16)) !== SQLITE_MAGIC) {
    throw new BoundaryFileError(`${name} is not a GeoPackage: it is not an SQLite database`);
  }
  const SQL = await sqlite();
  let db: Database;
  try {
    db = new SQL.Database(bytes);
  } catch (err) {
    throw new BoundaryFileError(`${name} is not a readable SQLite database (${(err as Error).message})`);
  }
  try {
    let layers: { table_name: string; column_name: string; srs_id: number }[];
    try {
      layers = all(db, `select c.table_name, g.column_name, g.srs_id from gpkg_contents c join gpkg_geometry_columns g on g.table_name = c.table_name
        where c.data_type = 'features' order by c.table_name`);
    } catch (err) {
      throw new BoundaryFileError(`${name} is an SQLite database but not a GeoPackage (${(err as Error).message})`);
    }
    if (layers.length === 0) throw new BoundaryFileError(`${name} holds no feature layer`);
    const wanted = opts.layer ?? (layers.length === 1 ? layers[0]!.table_name : undefined);
    if (wanted === undefined) throw new BoundaryFileError(`${name} holds several layers (${layers.map((l) => l.table_name).join(', ')}): choose one with --layer`, 'layer');
    const layer = layers.find((l) => l.table_name === wanted);
    if (!layer) throw new BoundaryFileError(`${name} has no feature layer ${wanted} (there is ${layers.map((l) => l.table_name).join(', ')})`, 'layer');
    const srid = sridOf(db, layer.srs_id, layer.table_name);
    const quote = (id: string) => `"${id.replaceAll('"', '""')}"`;
    const records = all<Record<string, unknown>>(db, `select * from ${quote(layer.table_name)} order by rowid`);
    const features: RawFeature[] = records.map((r, i) => {
      const { [layer.column_name]: blob, ...properties } = r;
      let geometry: RawFeature['geometry'] = null;
      if (blob instanceof Uint8Array) {
        try {
          const wkb = wkbOfGpkgBlob(blob);
          geometry = wkb ? { wkb: Uint8Array.from(wkb) } : null;
        } catch (err) {
          // Left for the per-feature check: a geometry that cannot be read is that feature's error.
          geometry = { geojson: { unreadable: (err as Error).message } };
        }
      }
      return { index: i + 1, properties, geometry };
    });
    return { format: 'geopackage', layer: layer.table_name, srid, encoding: null, features, notes: srid === 4326 ? [] : [`reprojected from EPSG:${srid} to WGS 84 (PostGIS)`] };
  } finally {
    db.close();
  }
}
