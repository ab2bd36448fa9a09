// Base-map tile generation: ours (geojson-vt indexes + vt-pbf, in process) beside PostGIS
// ST_AsMVT over the same features loaded into PostgreSQL, for a sweep of tiles over the country
// at z8-z17, in one run. Usage: npm run bench:basemap   (DATABASE_URL = the server;
// BENCH_DOC=0 leaves docs/benchmarks.md alone)
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { pino } from 'pino';
import { loadConfig } from '../../apps/server/src/config.js';
import { startPlatform } from '../../apps/server/src/platform/kernel.js';
import { boundaryLines, jurisdictionLabels } from '../../apps/server/src/modules/basemap/boundaries.js';
import { boundsOf } from '../../apps/server/src/modules/basemap/basemap.js';
import { OSM_LAYERS, readOsmLayers } from '../../apps/server/src/modules/basemap/osm-layers.js';
import { layerIndex, TileSet } from '../../apps/server/src/modules/basemap/tiles.js';
import { deploymentOsmExtract } from '../../apps/server/src/modules/dispatch/index.js';
import { DEMO_COUNTRY_CODE, importOsmFile } from '../../apps/server/src/modules/jurisdictions/index.js';
import { writeSection } from '../lib/benchmarks-doc.js';
import { machine } from '../lib/machine.js';
import { createScratchDatabase, serverVersion } from '../lib/scratch-db.js';
import { percentile } from '../lib/stats.js';
import { loadPeer, peerTile } from './postgis-peer.js';

const SERVER_URL = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const DOC = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../docs/benchmarks.md');
const say = (line: string): void => void process.stdout.write(`${line}\n`);
const ZOOMS = [8, 9, 10, 11, 12, 13, 14, 15, 16, 17];
/** Tiles per zoom at most: every tile over the country up to z13, an even sample deeper. */
const MAX_TILES_PER_ZOOM = 300;

const tileX = (lon: number, z: number) => Math.floor(((lon + 180) / 360) * 2 ** z);
const tileY = (lat: number, z: number) => {
  const r = (lat * Math.PI) / 180;
  return Math.floor(((1 - Math.log(Math.tan(r) + 1 / Math.cos(r)) / Math.PI) / 2) * 2 ** z);
};

function sweep(bounds: [number, number, number, number], z: number): [number, number][] {
  const [x0, x1, y0, y1] = [tileX(bounds[0], z), tileX(bounds[2], z), tileY(bounds[3], z), tileY(bounds[1], z)];
  const all: [number, number][] = [];
  for (let x = x0; x <= x1; x++) for (let y = y0; y <= y1; y++) all.push([x, y]);
  if (all.length <= MAX_TILES_PER_ZOOM) return all;
  return Array.from({ length: MAX_TILES_PER_ZOOM }, (_, i) => all[Math.floor((i * all.length) / MAX_TILES_PER_ZOOM)]!);
}

interface Row { z: number; tiles: number; nonEmpty: number; ours: number[]; repeat: number[]; peer: number[]; oursBytes: number; peerBytes: number }
const fmt = (ms: number) => (ms < 10 ? ms.toFixed(2) : ms.toFixed(1));
const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

async function main(): Promise<void> {
  const scratch = await createScratchDatabase(SERVER_URL, 'firebreak_bench_basemap');
  say(`scratch database ${scratch.name}`);
  const config = { ...loadConfig({ LOG_LEVEL: 'silent', MFA_REQUIRED_ROLES: '', FIREBREAK_DEMO: 'false' }), databaseUrl: scratch.url };
  const platform = await startPlatform(config, pino({ level: 'silent' }));
  const pbf = deploymentOsmExtract(config);
  try {
    say('importing jurisdictions…');
    await importOsmFile(platform.command, { actor: null, actorName: 'bench', requestId: null }, pbf, { countryCode: DEMO_COUNTRY_CODE });
    const db = platform.db;

    say('building our tile indexes…');
    let started = performance.now();
    const layers = await readOsmLayers(pbf);
    const readMs = performance.now() - started;
    started = performance.now();
    const boundaries = await boundaryLines(db);
    const labels = await jurisdictionLabels(db);
    const tiles = new TileSet(Object.fromEntries([...OSM_LAYERS.map((l) => [l, layerIndex(layers[l])]), ['boundaries', layerIndex(boundaries)], ['jurisdiction_labels', layerIndex(labels)]]) as ConstructorParameters<typeof TileSet>[0]);
    const indexMs = performance.now() - started;
    const counts = Object.fromEntries(OSM_LAYERS.map((l) => [l, layers[l].length]));
    say(`  read ${Math.round(readMs)} ms, indexed ${Math.round(indexMs)} ms: ${JSON.stringify({ ...counts, boundaries: boundaries.length, jurisdiction_labels: labels.length })}`);

    say('loading the same features into PostGIS…');
    started = performance.now();
    await loadPeer(db, layers);
    const loadMs = performance.now() - started;
    say(`  ${Math.round(loadMs)} ms`);

    const bounds = boundsOf(layers);
    const rows: Row[] = [];
    for (const z of ZOOMS) {
      const list = sweep(bounds, z);
      // Warm-up of PostgreSQL's plan and buffer cache. Ours gets none: geojson-vt keeps the tiles
      // it has sliced, so the first request of a tile is the one that costs (and is timed first).
      for (const [x, y] of list.slice(0, 5)) await peerTile(db, z, x, y);
      const row: Row = { z, tiles: list.length, nonEmpty: 0, ours: [], repeat: [], peer: [], oursBytes: 0, peerBytes: 0 };
      for (const [x, y] of list) {
        let t = performance.now();
        const data = tiles.render(z, x, y);
        row.ours.push(performance.now() - t);
        t = performance.now();
        tiles.render(z, x, y);
        row.repeat.push(performance.now() - t);
        t = performance.now();
        const bytes = await peerTile(db, z, x, y);
        row.peer.push(performance.now() - t);
        if (data) row.nonEmpty++;
        row.oursBytes += data?.byteLength ?? 0;
        row.peerBytes += bytes;
      }
      rows.push(row);
      const p50 = (xs: number[]) => percentile([...xs].sort((a, b) => a - b), 50);
      say(`  z${z}: ${list.length} tiles, ours p50 ${fmt(p50(row.ours))} ms (again ${fmt(p50(row.repeat))} ms), PostGIS p50 ${fmt(p50(row.peer))} ms, total ratio ${(sum(row.peer) / sum(row.ours)).toFixed(1)}x`);
    }
    const ours = rows.flatMap((r) => r.ours);
    const repeat = rows.flatMap((r) => r.repeat);
    const peer = rows.flatMap((r) => r.peer);
    const ratio = sum(peer) / sum(ours);
    say(`all: ours ${fmt(sum(ours))} ms, PostGIS ${fmt(sum(peer))} ms for ${ours.length} tiles: PostGIS / ours = ${ratio.toFixed(1)}x`);

    if (process.env.BENCH_DOC !== '0') {
      const m = machine();
      const p = (xs: number[], q: number) => fmt(percentile([...xs].sort((a, b) => a - b), q));
      const table = rows.map((r) => `| ${r.z} | ${r.tiles} | ${r.nonEmpty} | ${p(r.ours, 50)} | ${p(r.ours, 95)} | ${p(r.repeat, 50)} | ${p(r.peer, 50)} | ${p(r.peer, 95)} | ${(sum(r.peer) / sum(r.ours)).toFixed(1)}x | ${Math.round(r.oursBytes / Math.max(1, r.nonEmpty) / 1024 * 10) / 10} / ${Math.round(r.peerBytes / Math.max(1, r.nonEmpty) / 1024 * 10) / 10} |`).join('\n');
      writeSection(DOC, 'Base map tiles', `
Measured by \`npm run bench:basemap\` (bench/basemap/run.ts) on ${new Date().toISOString().slice(0, 10)}.

- Machine: ${m.cpus} CPUs (${m.cpuModel}), Node ${m.node}, ${await serverVersion(SERVER_URL)} on 127.0.0.1; shared with other jobs (load average at the end: ${os.loadavg().map((l) => l.toFixed(2)).join(', ')}).
- Data: the deployment extract (\`${path.relative(process.cwd(), pbf)}\`): ${Object.entries(counts).map(([k, v]) => `${v} ${k}`).join(', ')}, and ${boundaries.length} jurisdiction boundaries (and as many label points) from the database.
  Ours: read ${Math.round(readMs)} ms + indexed ${Math.round(indexMs)} ms, once per process. PostGIS: the same features loaded into GiST-indexed EPSG:3857 tables in ${Math.round(loadMs)} ms.
- Each tile made without our tile cache: ours = the 8 geojson-vt layer indexes (roads, water, buildings, land use, boundaries, and
  the label layers: places, house numbers from z17, jurisdiction label points; names with \`name:zh\`) cut and encoded with vt-pbf, in process, the
  zooms in order z8 to z17 as a map zooms in ("ours": the first request of the tile, which slices it in geojson-vt;
  "again": the same tile once more, transform and encode only);
  PostGIS = one \`ST_AsMVT\`/\`ST_AsMVTGeom\` query per tile (same layers, same per-feature min zoom, extent 4096, buffer 64) over a local connection.
  Up to ${MAX_TILES_PER_ZOOM} tiles per zoom over the road network's bounds (every tile up to z13, an even sample deeper), 5 warm-up tiles per zoom.

| z | tiles | non-empty | ours p50 ms | ours p95 ms | ours again p50 ms | PostGIS p50 ms | PostGIS p95 ms | PostGIS / ours (total, first) | KiB per non-empty tile ours / PostGIS |
| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |
${table}

- Overall: ours ${fmt(sum(ours))} ms first (${fmt(sum(repeat))} ms again), PostGIS ${fmt(sum(peer))} ms for ${ours.length} tiles: **PostGIS takes ${ratio.toFixed(1)}x as long as ours**.
- PostGIS's tiles are larger at low zooms: \`ST_AsMVTGeom\` snaps to the tile grid but does not simplify, where geojson-vt
  simplifies each zoom (Douglas-Peucker, tolerance 3 of 4096) when it slices.
- Served tiles are cached (LRU of 4,096 per process, gzip kept beside), so a map panning over the same area pays this once.
`);
      say(`written to ${path.relative(process.cwd(), DOC)}`);
    }
  } finally {
    await platform.close();
    await scratch.drop();
  }
}

await main();
