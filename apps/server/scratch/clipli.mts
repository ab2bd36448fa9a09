import os from 'node:os';
import { pino } from 'pino';
import { sql } from 'drizzle-orm';
import { loadConfig } from '../src/config.ts';
import { openDatabase, rows } from '../src/platform/db/client.ts';
import { startPlatform } from '../src/platform/kernel.ts';
import { readAdminBoundaries, type AdminBoundary, type LonLat } from '../src/modules/jurisdictions/osm-boundaries.ts';
import { bboxArea } from '../src/modules/jurisdictions/extract-bounds.ts';
import { importAdminBoundaries } from '../src/modules/jurisdictions/import-osm.ts';
import { describeOsmImport } from '../src/modules/jurisdictions/describe-import.ts';
const box = process.argv.slice(2, 6).map(Number) as [number, number, number, number];
const levels = new Set((process.argv[6] ?? '4,6,8').split(',').map(Number));
const database = await openDatabase({ dataDir: os.tmpdir(), inMemory: true });
const config = { ...loadConfig({ AUDIT_SIGNING_KEY: 'EZiRrC6izRA2z+XUHdL3FA16VLwpnU0SPjA1XcqlveU=' }), demo: false };
const platform = await startPlatform(config, pino({ level: 'silent' }), { database });
const all = (await readAdminBoundaries('/work/wt-osm/data/osm/liechtenstein.osm.pbf')).filter((b) => b.missingWays === 0 && levels.has(b.adminLevel));
const inBox = ([lon, lat]: LonLat) => lon >= box[0] && lon <= box[2] && lat >= box[1] && lat <= box[3];
// A complete-ways extract of the box: a way with a node in the box stays whole, the rest are gone.
const cut: AdminBoundary[] = [];
for (const b of all) {
  const keep = (ls: LonLat[][]) => ls.filter((l) => l.some(inBox));
  const outer = keep(b.outer), inner = keep(b.inner);
  const missing = b.outer.length + b.inner.length - outer.length - inner.length;
  if (outer.length + inner.length === 0) continue;
  cut.push({ ...b, outer, inner, missingWays: missing });
}
const area = bboxArea(box);
const s = await importAdminBoundaries(platform.command, { actor: null, actorName: 'x', requestId: null }, cut, { countryCode: 'xx', bounds: area });
for (const l of describeOsmImport(s)) console.log(l);
// Truth: each complete relation's polygon within the box.
await platform.db.transaction(async (tx) => {
  for (const b of all) {
    const lines = JSON.stringify({ type: 'MultiLineString', coordinates: [...b.outer, ...b.inner] });
    const [r] = await rows<{ iou: number | null; truth: number; got: number | null; path: string | null }>(tx, sql`with t as (
      select ST_Intersection(ST_MakeValid(ST_BuildArea(ST_SetSRID(ST_GeomFromGeoJSON(${lines}), 4326))), ST_SetSRID(ST_GeomFromGeoJSON(${JSON.stringify(area)}), 4326)) as g),
      j as (select boundary as g, path::text as path from jurisdictions where osm_id = ${b.osmId})
      select ST_Area(ST_Intersection(t.g, j.g)::geography) / nullif(ST_Area(ST_Union(t.g, j.g)::geography), 0) as iou, ST_Area(t.g::geography)/1e6 as truth, ST_Area(j.g::geography)/1e6 as got, j.path from t left join j on true`);
    if (Number(r!.truth) > 0.001 || r!.got) console.log(b.name.padEnd(28), b.adminLevel, 'truth km2', Number(r!.truth).toFixed(2), 'got', r!.got === null ? '-' : Number(r!.got).toFixed(2), 'IoU', r!.iou === null ? '-' : Number(r!.iou).toFixed(3), r!.path ?? '');
  }
});
await platform.close();
