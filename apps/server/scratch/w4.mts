import os from 'node:os';
import { pino } from 'pino';
import { sql } from 'drizzle-orm';
import { loadConfig } from '../src/config.ts';
import { openDatabase, rows } from '../src/platform/db/client.ts';
import { startPlatform } from '../src/platform/kernel.ts';
const database = await openDatabase({ dataDir: os.tmpdir(), inMemory: true });
const config = { ...loadConfig({ AUDIT_SIGNING_KEY: 'EZiRrC6izRA2z+XUHdL3FA16VLwpnU0SPjA1XcqlveU=' }), demo: false };
const platform = await startPlatform(config, pino({ level: 'silent' }), { database });
const lines = {"type":"MultiLineString","coordinates":[[[-76.492585,39.303007],[-76.5292628,39.2992248],[-76.5297568,39.2991511]],[[-76.5297568,39.2991511],[-76.5298552,39.2189088]]]};
const area = {"type":"Polygon","coordinates":[[[-76.6081,39.2586],[-76.6081,39.295],[-76.5288,39.295],[-76.5288,39.2586],[-76.6081,39.2586]]]};
const lineSql = sql`ST_SetSRID(ST_GeomFromGeoJSON(${JSON.stringify(lines)}), 4326)`;
const areaSql = sql`ST_SetSRID(ST_GeomFromGeoJSON(${JSON.stringify(area)}), 4326)`;
await platform.db.transaction(async (tx) => {
await tx.execute(sql`create temp table clip_face (osm_id bigint, i int, geom geometry, primary key (osm_id, i)) on commit drop`);
const r = await tx.execute(sql`insert into clip_face (osm_id, i, geom)
    select 1, (row_number() over ())::int - 1, d.geom
    from (select ST_Polygonize(ST_UnaryUnion(ST_Collect(ST_Intersection(${lineSql}, ${areaSql}), ST_Boundary(${areaSql})))) as g) p
    cross join lateral ST_Dump(p.g) d
    where ST_Area(d.geom) > 0`);
console.log(await rows(tx, sql`select i, ST_AsText(geom) from clip_face`));
console.log(await rows(tx, sql`with chains as (
      select (ST_Dump(ST_LineMerge(${lineSql}))).geom as g
    ), closure as (
      select ST_MakeValid(ST_BuildArea(ST_Collect(case when ST_IsClosed(g) then g else ST_AddPoint(g, ST_StartPoint(g)) end))) as g from chains
    ) select f.i, ST_Area(ST_Intersection(f.geom, closure.g)) as closed from clip_face f cross join closure`));
console.log(await rows(tx, sql`with chains as (
      select (ST_Dump(ST_LineMerge(${lineSql}))).geom as g
    ), closure as (
      select ST_MakeValid(ST_BuildArea(ST_Collect(case when ST_IsClosed(g) then g else ST_AddPoint(g, ST_StartPoint(g)) end))) as g from chains
    ) select f.i, ST_AsText(closure.g) from clip_face f cross join closure`));
console.log(await rows(tx, sql`with closure as (select ST_GeomFromText('POLYGON((-76.492585 39.303007,-76.5298552 39.2189088,-76.5297568 39.2991511,-76.5292628 39.2992248,-76.492585 39.303007))', 4326) as g) select f.i, ST_Area(ST_Intersection(f.geom, closure.g)) from clip_face f cross join closure`));
});
await platform.close();
