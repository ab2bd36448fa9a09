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
const lineSql = sql`ST_SetSRID(ST_GeomFromGeoJSON(${JSON.stringify(lines)}), 4326)`;
console.log(await rows(platform.db, sql`with chains as (
      select (ST_Dump(ST_LineMerge(${lineSql}))).geom as g
    ) select ST_AsText(g), ST_IsClosed(g) from chains`));
console.log(await rows(platform.db, sql`with chains as (
      select (ST_Dump(ST_LineMerge(${lineSql}))).geom as g
    ), closure as (
      select ST_MakeValid(ST_BuildArea(ST_Collect(case when ST_IsClosed(g) then g else ST_AddPoint(g, ST_StartPoint(g)) end))) as g from chains
    ) select ST_AsText(g) from closure`));
await platform.close();
