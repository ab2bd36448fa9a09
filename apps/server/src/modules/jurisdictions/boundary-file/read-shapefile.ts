import { iter } from 'but-unzip';
import proj4, { type Converter } from 'proj4';
import { parseDbf, parseShp } from 'shpjs';
import { dbfEncoding } from './dbf-encoding.js';
import { BoundaryFileError, type BoundaryFileContent, type ReadOptions, type SourceFile } from './types.js';

const SHAPE_TYPES: Record<number, string> = { 0: 'null', 1: 'point', 3: 'polyline', 5: 'polygon', 8: 'multipoint', 11: 'pointZ', 13: 'polylineZ', 15: 'polygonZ', 18: 'multipointZ', 21: 'pointM', 23: 'polylineM', 25: 'polygonM', 28: 'multipointM', 31: 'multipatch' };

/** The main file's header: file code 9994 (big-endian) and version 1000 (little-endian). */
function checkHeader(name: string, shp: Uint8Array): void {
  const view = new DataView(shp.buffer, shp.byteOffset, shp.byteLength);
  if (shp.length < 100 || view.getInt32(0, false) !== 9994 || view.getInt32(28, true) !== 1000) {
    throw new BoundaryFileError(`${name} is not an ESRI Shapefile: its header lacks the file code 9994 and version 1000`);
  }
  const declared = view.getInt32(24, false) * 2;
  if (declared > shp.length) throw new BoundaryFileError(`${name} is cut short: its header says ${declared} bytes, the file has ${shp.length}`);
  if (SHAPE_TYPES[view.getInt32(32, true)] === undefined) throw new BoundaryFileError(`${name}: unknown shape type ${view.getInt32(32, true)} in its header`);
}

/** The base names of the .shp files in a zip archive with their sidecars, by lower-case extension. */
async function unzipShapefiles(name: string, bytes: Uint8Array): Promise<Map<string, Partial<Record<string, Uint8Array>>>> {
  if (bytes[0] !== 0x50 || bytes[1] !== 0x4b) throw new BoundaryFileError(`${name} is not a zip archive`);
  const sets = new Map<string, Partial<Record<string, Uint8Array>>>();
  try {
    for (const entry of iter(bytes)) {
      const m = /^(?:.*\/)?([^/]+)\.(shp|dbf|prj|cpg)$/i.exec(entry.filename);
      if (!m || entry.filename.includes('__MACOSX')) continue;
      const base = m[1]!;
      const set = sets.get(base) ?? {};
      set[m[2]!.toLowerCase()] = await entry.read();
      sets.set(base, set);
    }
  } catch (err) {
    throw new BoundaryFileError(`${name} is not a readable zip archive (${(err as Error).message})`);
  }
  for (const [base, set] of sets) if (!set['shp']) sets.delete(base);
  return sets;
}

/** Reads a Shapefile (.shp with .dbf, .prj, .cpg beside it, or all of them in a .zip), reprojecting to WGS84 with proj4. */
export async function readShapefile(src: SourceFile, opts: ReadOptions): Promise<BoundaryFileContent> {
  let layer: string;
  let files: Partial<Record<string, Uint8Array>>;
  if (/\.zip$/i.test(src.name)) {
    const sets = await unzipShapefiles(src.name, src.bytes);
    if (sets.size === 0) throw new BoundaryFileError(`${src.name} holds no .shp file`);
    const wanted = opts.layer ?? (sets.size === 1 ? [...sets.keys()][0]! : undefined);
    if (wanted === undefined) throw new BoundaryFileError(`${src.name} holds several shapefiles (${[...sets.keys()].join(', ')}): choose one with --layer`, 'layer');
    const set = sets.get(wanted);
    if (!set) throw new BoundaryFileError(`${src.name} holds no shapefile ${wanted} (there is ${[...sets.keys()].join(', ')})`, 'layer');
    layer = wanted;
    files = set;
  } else {
    layer = src.name.replace(/^.*[\\/]/, '').replace(/\.shp$/i, '');
    files = { shp: src.bytes, ...src.sidecars };
  }
  const shp = files['shp']!;
  checkHeader(src.name, shp);
  const dbf = files['dbf'];
  if (!dbf) throw new BoundaryFileError(`${src.name}: the .dbf beside the .shp is missing (it holds the names and codes)`);
  if (dbf.length < 32 || ![0x02, 0x03, 0x30, 0x31, 0x83, 0x8b, 0xf5].includes(dbf[0]!)) throw new BoundaryFileError(`${src.name}: the .dbf is not a dBASE table`);
  const notes: string[] = [];
  let projection: Converter | false = false;
  const prj = files['prj'] ? new TextDecoder().decode(files['prj']).trim() : '';
  if (prj) {
    try {
      projection = proj4(prj);
    } catch (err) {
      throw new BoundaryFileError(`${src.name}: the .prj's coordinate system cannot be read (${(err as Error).message ?? String(err)}); reproject the file to WGS 84 first`);
    }
    // proj4 keeps the parsed definition on the converter (not in its types).
    const p = (projection as { oProj?: { projName?: string; datumCode?: string } }).oProj;
    if (p?.projName === 'longlat' && (p.datumCode ?? 'wgs84').toLowerCase() === 'wgs84') projection = false;
    else notes.push(`reprojected from the .prj's coordinate system (${/^\w+\["([^"]+)"/.exec(prj)?.[1] ?? 'custom'}) to WGS 84`);
  }
  const { encoding, how } = dbfEncoding(dbf, { override: opts.encoding, cpg: files['cpg'] });
  const view = (b: Uint8Array) => new DataView(b.buffer, b.byteOffset, b.byteLength);
  let geometries: ReturnType<typeof parseShp>;
  let records: Record<string, unknown>[];
  try {
    // shpjs takes the .prj text (parsed above already, so it cannot fail silently there).
    geometries = parseShp(view(shp), projection ? prj : false);
    records = parseDbf(view(dbf), encoding);
  } catch (err) {
    throw new BoundaryFileError(`${src.name}: the shapes or attributes cannot be read (${(err as Error).message})`);
  }
  if (records.length !== geometries.length) notes.push(`the .shp has ${geometries.length} shapes and the .dbf ${records.length} records; the extra ones are left out`);
  if (!prj && geometries.some((g) => g && JSON.stringify(g).match(/-?\d{4,}(?:\.\d+)?/))) {
    // Without a .prj, coordinates must already be longitude/latitude: metres (thousands) are refused.
    throw new BoundaryFileError(`${src.name}: no .prj beside it and its coordinates are not longitude/latitude; add the .prj`);
  }
  const n = Math.min(records.length, geometries.length);
  const features = Array.from({ length: n }, (_, i) => ({ index: i + 1, properties: records[i]!, geometry: geometries[i] ? { geojson: geometries[i] } : null }));
  return { format: 'shapefile', layer, srid: 4326, encoding: `${encoding} (${how})`, features, notes };
}
