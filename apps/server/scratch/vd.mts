import os from 'node:os';
import { pino } from 'pino';
import { sql } from 'drizzle-orm';
import { loadConfig } from '../src/config.ts';
import { openDatabase, rows } from '../src/platform/db/client.ts';
import { startPlatform } from '../src/platform/kernel.ts';
import { readAdminBoundaries, type AdminBoundary, type LonLat } from '../src/modules/jurisdictions/osm-boundaries.ts';
import { bboxArea } from '../src/modules/jurisdictions/extract-bounds.ts';
const box = [9.48, 47.10, 9.56, 47.18] as const;
const database = await openDatabase({ dataDir: os.tmpdir(), inMemory: true });
const config = { ...loadConfig({ AUDIT_SIGNING_KEY: 'EZiRrC6izRA2z+XUHdL3FA16VLwpnU0SPjA1XcqlveU=' }), demo: false };
const platform = await startPlatform(config, pino({ level: 'silent' }), { database });
const b = (await readAdminBoundaries('/work/wt-osm/data/osm/liechtenstein.osm.pbf')).find((x) => x.osmId === Number(process.argv[2] ?? 1155956))!;
const inBox = ([lon, lat]: LonLat) => lon >= box[0] && lon <= box[2] && lat >= box[1] && lat <= box[3];
const outer = b.outer.filter((l) => l.some(inBox));
console.log('ways', b.outer.length, 'kept', outer.length);
const lines = JSON.stringify({ type: 'MultiLineString', coordinates: outer });
const area = JSON.stringify(bboxArea(box));
const L = sql`ST_SetSRID(ST_GeomFromGeoJSON(${lines}), 4326)`;
const A = sql`ST_SetSRID(ST_GeomFromGeoJSON(${area}), 4326)`;
console.log(await rows(platform.db, sql`select ST_GeometryType(ST_Intersection(${L}, ${A}, 1e-9::float8)) t, ST_NumGeometries(ST_Intersection(${L}, ${A}, 1e-9::float8)) n, ST_NumGeometries(ST_Intersection(${L}, ${A})) n_exact`));
console.log(await rows(platform.db, sql`select count(*) from (select ST_Polygonize(ST_UnaryUnion(ST_Collect(ST_Intersection(${L}, ${A}, 1e-9::float8), ST_Boundary(${A})))) as g) p cross join lateral ST_Dump(p.g) d`));
console.log(await rows(platform.db, sql`select count(*) from (select ST_Polygonize(ST_UnaryUnion(ST_Collect(ST_Intersection(${L}, ${A}), ST_Boundary(${A})))) as g) p cross join lateral ST_Dump(p.g) d`));
console.log(await rows(platform.db, sql`select count(*) from (select ST_Polygonize(ST_UnaryUnion(ST_Collect(ST_Intersection(${L}, ${A}, 1e-9::float8), ST_Boundary(${A})), 1e-9::float8)) as g) p cross join lateral ST_Dump(p.g) d`));
import { memberRing } from '../src/modules/jurisdictions/clip-sides.ts';
const ring = memberRing(outer);
const R = sql`ST_SetSRID(ST_GeomFromGeoJSON(${JSON.stringify({ type: 'LineString', coordinates: ring })}), 4326)`;
console.log(await rows(platform.db, sql`select ST_IsValid(ST_MakePolygon(${R})) v, ST_Area(ST_MakeValid(ST_MakePolygon(${R}))) a`));
console.log(await rows(platform.db, sql`with chains as (select (ST_Dump(ST_LineMerge(${L}))).geom as g)
  select ST_Area(ST_MakeValid(ST_BuildArea(ST_Collect(case when ST_IsClosed(g) then g else ST_AddPoint(g, ST_StartPoint(g)) end)))) a from chains`));
console.log(await rows(platform.db, sql`with chains as (select (ST_Dump(ST_LineMerge(${L}))).geom as g)
  select ST_Area(ST_BuildArea(ST_Collect(case when ST_IsClosed(g) then g else ST_AddPoint(g, ST_StartPoint(g)) end))) a from chains`));
console.log(await rows(platform.db, sql`with chains as (select (ST_Dump(ST_LineMerge(${L}))).geom as g)
  select count(*), sum(ST_NPoints(g)) from chains`));
const F = sql`(select array_agg(d.geom) from (select ST_Polygonize(ST_UnaryUnion(ST_Collect(ST_Intersection(${L}, ${A}, 1e-9::float8), ST_Boundary(${A})))) as g) p cross join lateral ST_Dump(p.g) d)`;
for (const i of [1, 2, 3]) {
  console.log(i, await rows(platform.db, sql`select ST_Area((${F})[${i}]) a`));
  console.log(i, 'ring', await rows(platform.db, sql`select ST_Area(ST_Intersection((${F})[${i}], ST_MakeValid(ST_MakePolygon(${R})), 1e-9::float8)) a`));
  console.log(i, 'ringexact', await rows(platform.db, sql`select ST_Area(ST_Intersection((${F})[${i}], ST_MakeValid(ST_MakePolygon(${R})))) a`));
}
await platform.close();
