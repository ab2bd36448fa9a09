/**
 * Writes the boundary-file fixtures (fixtures/boundaries/): the same small police tree in every
 * format the importer reads. Vaduz (the real OSM boundary of the demo country, simplified by
 * 5 m) becomes a police district, split into three station areas by longitude.
 *
 *   npx tsx scripts/make-boundary-fixtures.ts
 *
 * - stations.geojson: WGS 84, name/code/parent properties.
 * - stations.zip: a Shapefile in Swiss LV95 (EPSG:2056, as Liechtenstein surveys) with its .prj
 *   and a UTF-8 .cpg; the importer reprojects it with proj4.
 * - stations.gpkg: a GeoPackage layer in EPSG:2056; PostGIS reprojects it.
 * - stations-gb18030.zip: Chinese names in GB 18030, no .cpg and no language driver: detected.
 */
import { writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import iconv from 'iconv-lite';
import initSqlJs from 'sql.js';
import { openDatabase, rows } from '../apps/server/src/platform/db/client.js';
import { migrate } from '../apps/server/src/platform/db/migrate.js';
import { DEMO_PBF, importOsmFile } from '../apps/server/src/modules/jurisdictions/index.js';

const OUT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../fixtures/boundaries');

interface Area { code: string; parent: string; name: string; nameZh: string; geojson: string; lv95: string; lv95Wkb: Buffer }

const TREE = [
  { code: 'LP-V', parent: 'li.oberland.vaduz', name: 'Polizeibezirk Vaduz', nameZh: '瓦杜兹警察局' },
  { code: 'LP-V-W', parent: 'LP-V', name: 'Posten Vaduz West', nameZh: '瓦杜兹西派出所' },
  { code: 'LP-V-M', parent: 'LP-V', name: 'Posten Vaduz Mitte', nameZh: '瓦杜兹中派出所' },
  { code: 'LP-V-O', parent: 'LP-V', name: 'Posten Vaduz Ost (Berggebiet)', nameZh: '瓦杜兹东山区派出所' },
];

async function areas(): Promise<{ list: Area[]; prj: string }> {
  const database = await openDatabase({ dataDir: os.tmpdir(), inMemory: true });
  await migrate(database);
  await importOsmFile({ db: database.db, clock: () => new Date(), onCommitted: () => undefined, auditMacKey: Buffer.alloc(32) }, { actor: null, actorName: 'fixtures', requestId: null }, DEMO_PBF, { countryCode: 'li' });
  const district = sql`(select ST_SimplifyPreserveTopology(boundary, 0.00005) from jurisdictions where path = 'li.oberland.vaduz')`;
  // Three bands of longitude: a west (the town by the Rhine), a middle, and an east up the mountain.
  const parts = [district, ...[0, 1, 2].map((i) => sql`(with d as (select ${district} as g), e as (select ST_XMin(g) as x0, ST_XMax(g) as x1, ST_YMin(g) - 1 as y0, ST_YMax(g) + 1 as y1 from d)
    select ST_Multi(ST_CollectionExtract(ST_Intersection(d.g, ST_MakeEnvelope(x0 + (x1 - x0) * ${i} / 3.0, y0, x0 + (x1 - x0) * ${i + 1} / 3.0, y1, 4326)), 3)) from d, e)`)];
  const list: Area[] = [];
  for (const [i, part] of parts.entries()) {
    const [r] = await rows<{ geojson: string; lv95: string; wkb: string }>(database.db, sql`with p as (select ST_ForcePolygonCW(${part}) as g)
      select ST_AsGeoJSON(g, 7) as geojson, ST_AsGeoJSON(ST_Transform(g, 2056), 3) as lv95, encode(ST_AsBinary(ST_Transform(g, 2056)), 'hex') as wkb from p`);
    list.push({ ...TREE[i]!, geojson: r!.geojson, lv95: r!.lv95, lv95Wkb: Buffer.from(r!.wkb, 'hex') });
  }
  const [srs] = await rows<{ srtext: string }>(database.db, sql`select srtext from spatial_ref_sys where srid = 2056`);
  await database.close();
  return { list, prj: srs!.srtext };
}

type Rings = number[][][];
const ringsOf = (geojson: string): Rings => (JSON.parse(geojson) as { coordinates: Rings[] }).coordinates.flat();

/** A polygon Shapefile's .shp and .shx (ESRI Shapefile Technical Description, 1998). */
function shpFiles(shapes: Rings[]): { shp: Buffer; shx: Buffer } {
  const records = shapes.map((rings) => {
    const points = rings.flat();
    const b = Buffer.alloc(44 + 4 * rings.length + 16 * points.length);
    const xs = points.map((p) => p[0]!);
    const ys = points.map((p) => p[1]!);
    b.writeInt32LE(5, 0);
    [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)].forEach((v, i) => b.writeDoubleLE(v, 4 + 8 * i));
    b.writeInt32LE(rings.length, 36);
    b.writeInt32LE(points.length, 40);
    let start = 0;
    rings.forEach((r, i) => {
      b.writeInt32LE(start, 44 + 4 * i);
      start += r.length;
    });
    points.forEach((p, i) => {
      b.writeDoubleLE(p[0]!, 44 + 4 * rings.length + 16 * i);
      b.writeDoubleLE(p[1]!, 52 + 4 * rings.length + 16 * i);
    });
    return b;
  });
  const all = shapes.flat(2);
  const header = (words: number) => {
    const h = Buffer.alloc(100);
    h.writeInt32BE(9994, 0);
    h.writeInt32BE(words, 24);
    h.writeInt32LE(1000, 28);
    h.writeInt32LE(5, 32);
    [Math.min(...all.map((p) => p[0]!)), Math.min(...all.map((p) => p[1]!)), Math.max(...all.map((p) => p[0]!)), Math.max(...all.map((p) => p[1]!))].forEach((v, i) => h.writeDoubleLE(v, 36 + 8 * i));
    return h;
  };
  const body: Buffer[] = [];
  const index: Buffer[] = [];
  let offset = 50;
  records.forEach((content, i) => {
    const rh = Buffer.alloc(8);
    rh.writeInt32BE(i + 1, 0);
    rh.writeInt32BE(content.length / 2, 4);
    body.push(rh, content);
    const ix = Buffer.alloc(8);
    ix.writeInt32BE(offset, 0);
    ix.writeInt32BE(content.length / 2, 4);
    index.push(ix);
    offset += 4 + content.length / 2;
  });
  return { shp: Buffer.concat([header(offset), ...body]), shx: Buffer.concat([header(50 + 4 * records.length), ...index]) };
}

/** A dBASE III table of text fields, encoded as asked (the bytes are what the importer must decode). */
function dbf(fields: { name: string; len: number }[], values: string[][], encode: (s: string) => Buffer): Buffer {
  const headerLen = 32 + 32 * fields.length + 1;
  const recLen = 1 + fields.reduce((n, f) => n + f.len, 0);
  const h = Buffer.alloc(headerLen);
  h[0] = 0x03;
  h[1] = 126; h[2] = 1; h[3] = 1;
  h.writeUInt32LE(values.length, 4);
  h.writeUInt16LE(headerLen, 8);
  h.writeUInt16LE(recLen, 10);
  fields.forEach((f, i) => {
    h.write(f.name, 32 + 32 * i, 'ascii');
    h[32 + 32 * i + 11] = 0x43;
    h[32 + 32 * i + 16] = f.len;
  });
  h[headerLen - 1] = 0x0d;
  const recs = values.map((row) => {
    const r = Buffer.alloc(recLen, 0x20);
    let at = 1;
    row.forEach((v, i) => {
      encode(v).copy(r, at, 0, fields[i]!.len);
      at += fields[i]!.len;
    });
    return r;
  });
  return Buffer.concat([h, ...recs, Buffer.from([0x1a])]);
}

/** A zip archive with stored (uncompressed) entries: enough for a fixture, no library needed. */
function zip(files: Record<string, Buffer>): Buffer {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc32 = (b: Buffer) => {
    let c = 0xffffffff;
    for (const x of b) c = crcTable[(c ^ x) & 0xff]! ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const locals: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const [name, data] of Object.entries(files)) {
    const n = Buffer.from(name);
    const crc = crc32(data);
    const l = Buffer.alloc(30);
    l.writeUInt32LE(0x04034b50, 0); l.writeUInt16LE(20, 4); l.writeUInt32LE(crc, 14); l.writeUInt32LE(data.length, 18); l.writeUInt32LE(data.length, 22); l.writeUInt16LE(n.length, 26);
    const c = Buffer.alloc(46);
    c.writeUInt32LE(0x02014b50, 0); c.writeUInt16LE(20, 4); c.writeUInt16LE(20, 6); c.writeUInt32LE(crc, 16); c.writeUInt32LE(data.length, 20); c.writeUInt32LE(data.length, 24); c.writeUInt16LE(n.length, 28); c.writeUInt32LE(offset, 42);
    locals.push(l, n, data);
    central.push(c, n);
    offset += 30 + n.length + data.length;
  }
  const cd = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0); end.writeUInt16LE(Object.keys(files).length, 8); end.writeUInt16LE(Object.keys(files).length, 10); end.writeUInt32LE(cd.length, 12); end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}

/** A GeoPackage 1.3 with one feature layer in EPSG:2056 (the tables and blob header of the standard, section 2.1). */
async function geopackage(list: Area[], prj: string): Promise<Buffer> {
  const SQL = await initSqlJs();
  const db = new SQL.Database();
  db.run(`pragma application_id = 1196444487; pragma user_version = 10300;
    create table gpkg_spatial_ref_sys (srs_name text not null, srs_id integer primary key, organization text not null, organization_coordsys_id integer not null, definition text not null, description text);
    create table gpkg_contents (table_name text primary key, data_type text not null, identifier text unique, description text default '', last_change datetime not null default (strftime('%Y-%m-%dT%H:%M:%fZ','now')), min_x double, min_y double, max_x double, max_y double, srs_id integer);
    create table gpkg_geometry_columns (table_name text not null, column_name text not null, geometry_type_name text not null, srs_id integer not null, z tinyint not null, m tinyint not null, primary key (table_name, column_name));
    create table station_areas (fid integer primary key autoincrement, geom blob, name text, code text, parent text);`);
  db.run(`insert into gpkg_spatial_ref_sys values ('WGS 84', 4326, 'EPSG', 4326, 'GEOGCS["WGS 84"]', null), ('Undefined cartesian', -1, 'NONE', -1, 'undefined', null), ('Undefined geographic', 0, 'NONE', 0, 'undefined', null), ('CH1903+ / LV95', 2056, 'EPSG', 2056, ?, null)`, [prj]);
  db.run(`insert into gpkg_contents (table_name, data_type, identifier, srs_id, last_change) values ('station_areas', 'features', 'station_areas', 2056, '2026-01-01T00:00:00.000Z')`);
  db.run(`insert into gpkg_geometry_columns values ('station_areas', 'geom', 'MULTIPOLYGON', 2056, 0, 0)`);
  for (const a of list) {
    const header = Buffer.alloc(8);
    header.write('GP', 0, 'ascii');
    header[2] = 0; // version 1
    header[3] = 0x01; // little-endian header, no envelope
    header.writeInt32LE(2056, 4);
    db.run('insert into station_areas (geom, name, code, parent) values (?, ?, ?, ?)', [Buffer.concat([header, a.lv95Wkb]), a.name, a.code, a.parent]);
  }
  const bytes = Buffer.from(db.export());
  db.close();
  return bytes;
}

const { list, prj } = await areas();
writeFileSync(path.join(OUT, 'stations.geojson'), `${JSON.stringify({
  type: 'FeatureCollection',
  features: list.map((a) => ({ type: 'Feature', properties: { name: a.name, code: a.code, parent: a.parent }, geometry: JSON.parse(a.geojson) as unknown })),
}, null, 1)}\n`);
const fields = [{ name: 'NAME', len: 60 }, { name: 'CODE', len: 12 }, { name: 'PARENT', len: 24 }];
const lv95 = shpFiles(list.map((a) => ringsOf(a.lv95)));
writeFileSync(path.join(OUT, 'stations.zip'), zip({
  'stations.shp': lv95.shp, 'stations.shx': lv95.shx, 'stations.prj': Buffer.from(prj), 'stations.cpg': Buffer.from('UTF-8'),
  'stations.dbf': dbf(fields, list.map((a) => [a.name, a.code, a.parent]), (s) => Buffer.from(s, 'utf8')),
}));
const wgs = shpFiles(list.map((a) => ringsOf(a.geojson)));
writeFileSync(path.join(OUT, 'stations-gb18030.zip'), zip({
  'stations.shp': wgs.shp, 'stations.shx': wgs.shx, 'stations.prj': Buffer.from('GEOGCS["GCS_WGS_1984",DATUM["D_WGS_1984",SPHEROID["WGS_1984",6378137.0,298.257223563]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]]'),
  'stations.dbf': dbf(fields, list.map((a) => [a.nameZh, a.code, a.parent]), (s) => iconv.encode(s, 'gb18030')),
}));
writeFileSync(path.join(OUT, 'stations.gpkg'), await geopackage(list, prj));
process.stdout.write(`Wrote ${list.length} areas in 4 files to ${OUT}\n`);
