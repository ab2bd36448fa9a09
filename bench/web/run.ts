/// <reference lib="dom" />
// The command-center web app in headless Debian chromium, against the real server on PostgreSQL:
// time to an interactive map on first load, initial JS transferred, frame times while 5,000 units
// and 2,000 incidents update every second (beside a bare MapLibre page with the same updates), and
// the keyboard-only path of a P1 call. Usage: npm run bench:web   (DATABASE_URL = the server;
// BENCH_DOC=0 leaves docs/benchmarks.md alone; BENCH_WEB_UNITS / BENCH_WEB_INCIDENTS / BENCH_WEB_SECONDS;
// BENCH_WEB_ONLY=load for the first loads alone; BENCH_WEB_ONLY=gpu for the GPU-compositing frame rows alone, app and
// peer, without the first loads and the direct-feed row, docs left alone; BENCH_WEB_WATERFALL=1 prints what each median
// load requested and when)
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { webBuildIsCurrent } from '../../scripts/ensure-web-build.js';
import { loginCookie, startAppServer, stopAppServer } from '../lib/app-server.js';
import { writeSection } from '../lib/benchmarks-doc.js';
import { BENCH_ADMIN_PASSWORD } from '../lib/fleet-db.js';
import { machine } from '../lib/machine.js';
import { serverVersion } from '../lib/scratch-db.js';
import { percentile } from '../lib/stats.js';
import { keyboardPath, type KeyboardRun } from './keyboard.js';
import { appBaseMap, openPeer } from './peer.js';
import { everySecond, fixesAt, type Fix } from './feeds.js';
import { feedIncidents, measureFirstLoad, printWaterfall, peerUnitUpdate, signedInContext, startFrames, stopFeeds, stopFrames, type FirstLoad } from './probes.js';
import { demoDatabase, deviceToken, fleetWorld, openIncidents } from './worlds.js';

const SERVER_URL = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const DOC = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../docs/benchmarks.md');
const CHROMIUM = process.env.FIREBREAK_CHROMIUM ?? '/usr/bin/chromium';
const UNITS = Number(process.env.BENCH_WEB_UNITS ?? 5000);
const INCIDENTS = Number(process.env.BENCH_WEB_INCIDENTS ?? 2000);
const SECONDS = Number(process.env.BENCH_WEB_SECONDS ?? 20);
const WARMUP_S = 5;
/** Street level: above the app's DETAIL_ZOOM (13), where units and incidents are drawn as icons. */
const ZOOMED_IN = 14;
const LOADS = 3;
/** BENCH_WEB_ONLY=load: the first loads and the initial JS only (no keyboard path, no frames, docs left alone) — a quick check. */
const LOAD_ONLY = process.env.BENCH_WEB_ONLY === 'load' || process.env.BENCH_WEB_ONLY === 'load-demo';
/** BENCH_WEB_ONLY=load-demo: the demo world's first loads alone (no fleet world to seed). */
const DEMO_ONLY = process.env.BENCH_WEB_ONLY === 'load-demo';
/** BENCH_WEB_ONLY=gpu: the fleet world's frames with GPU compositing alone (app and peer; the quick check of issue 19 §6). */
const GPU_ONLY = process.env.BENCH_WEB_ONLY === 'gpu';
/** What the tests use: software rendering and compositing, as on a machine without a GPU. */
const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'];
/** WebGL on SwiftShader with GPU compositing, nearer a workstation's browser: the canvas is not read back each frame. */
const GPU_ARGS = ['--no-sandbox', '--disable-dev-shm-usage', '--use-angle=swiftshader', '--enable-unsafe-swiftshader'];
/** Trace categories under load: the main thread's tasks, the compositor's frames (cc, viz) and the GPU process's work. */
const TRACE_CATEGORIES = ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'disabled-by-default-devtools.timeline.frame', 'gpu', 'cc', 'viz'];
const say = (line: string): void => void process.stdout.write(`${line}\n`);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const sorted = (xs: number[]) => [...xs].sort((a, b) => a - b);
const kb = (bytes: number) => `${(bytes / 1024).toFixed(0)} KB`;

interface FrameStats { frames: number; fps: number; p50: number; p95: number; p99: number; max: number; over33: number; mapRendersPerS?: number; sourceUpdatesPerS?: number }
function frameStats(deltas: number[], seconds: number): FrameStats {
  const s = sorted(deltas);
  return { frames: s.length, fps: s.length / seconds, p50: percentile(s, 50), p95: percentile(s, 95), p99: percentile(s, 99), max: s.at(-1) ?? NaN, over33: s.filter((d) => d > 33.4).length };
}

async function measureFrames(page: Page): Promise<FrameStats> {
  await sleep(WARMUP_S * 1000);
  // The map must still be there (a run at load 33 once found window.firebreakMap gone here): wait for it, else say where the page is.
  await page.waitForFunction(() => Boolean(window.firebreakMap ?? window.peer), undefined, { timeout: 60_000 }).catch(async () => {
    throw new Error(`no map on the page at ${page.url()}: ${await page.evaluate(() => document.body.innerText.slice(0, 300)).catch(() => 'page gone')}`);
  });
  // How often the map itself redraws (MapLibre's 'render' events): each redraw, not our script, is what a long frame is made of.
  // And how often the units and incidents sources are handed new data (updateData/setData): each is a re-tiling in the
  // worker and the redraws that follow, so more of them than the one a second the feeds make costs frames.
  await page.evaluate(() => {
    const b = window as unknown as { __renders?: { n: number; hooked?: boolean }; __updates?: { n: number } };
    const map = (window.firebreakMap ?? window.peer)!.map;
    if (!b.__renders?.hooked) {
      map.on('render', () => void b.__renders!.n++);
      for (const id of ['units', 'incidents']) {
        const source = map.getSource(id) as unknown as Record<'updateData' | 'setData', (...a: unknown[]) => unknown>;
        for (const method of ['updateData', 'setData'] as const) {
          const call = source[method].bind(source);
          source[method] = (...a: unknown[]) => { b.__updates!.n++; return call(...a); };
        }
      }
    }
    b.__renders = { n: 0, hooked: true };
    b.__updates = { n: 0 };
  });
  await startFrames(page);
  await sleep(SECONDS * 1000);
  const stats = frameStats(await stopFrames(page), SECONDS);
  const { renders, updates } = await page.evaluate(() => {
    const b = window as unknown as { __renders: { n: number }; __updates: { n: number } };
    return { renders: b.__renders.n, updates: b.__updates.n };
  });
  return { ...stats, mapRendersPerS: renders / SECONDS, sourceUpdatesPerS: updates / SECONDS };
}

/** The longest glyph request of a load: the first load after a server start used to wait ~1.4 s while Basic Latin was drawn. */
const glyphMs = (load: FirstLoad): number => Math.round(Math.max(0, ...load.requests.filter((r) => r.url.includes('/glyphs/')).map((r) => r.end - r.start)));

function summarizeLoads(loads: FirstLoad[]) {
  const first = loads[0]!;
  const jsGzip = first.js.reduce((s, f) => s + f.gzip, 0);
  const jsRaw = first.js.reduce((s, f) => s + f.bytes, 0);
  const cssGzip = first.css.reduce((s, f) => s + f.gzip, 0);
  return {
    interactive: percentile(sorted(loads.map((l) => l.interactiveMs)), 50),
    interactiveAll: loads.map((l) => Math.round(l.interactiveMs)),
    glyphs: loads.map(glyphMs),
    mapLoad: percentile(sorted(loads.map((l) => l.mapLoadMs)), 50),
    jsGzip, jsRaw, cssGzip, js: first.js, encodings: [...new Set(first.js.map((f) => f.encoding ?? 'none'))].join(', '),
  };
}

interface World { base: string; cookie: string; token: string; unitIds: string[]; homes: [number, number][] }
interface FramesRun { idle: FrameStats; app: FrameStats; mapOnly: FrameStats; zoomed: FrameStats; avl: ReturnType<typeof everySecond>['stats']; delivered: boolean; peerIdle: FrameStats; peerLoad: FrameStats; peerZoomed: FrameStats; fedIncidents: number }

/** Frame times of the app (idle, then under the 1 Hz load through the stream) and of the peer with the same updates. */
async function framesUnderLoad(browser: Browser, w: World): Promise<FramesRun> {
  const context = await signedInContext(browser, w.base, w.cookie);
  const page = await context.newPage();
  page.on('pageerror', (e) => say(`  page error: ${e.message}`));
  page.on('framenavigated', (f) => void (f === page.mainFrame() && say(`  app page at ${f.url()}`)));
  await page.goto(`${w.base}/`);
  await page.waitForFunction(async ({ units }) => {
    const m = window.firebreakMap;
    if (!m?.ready) return false;
    const count = async (id: string) => ((await (m.map.getSource(id) as unknown as { getData(): Promise<GeoJSON.FeatureCollection> }).getData()).features.length);
    return (await count('units')) === units && (await count('incidents')) > 0 && m.map.loaded();
  }, { units: w.unitIds.length }, { timeout: 180_000, polling: 500 });
  await page.getByTestId('connection-state').and(page.locator('[data-state="live"]')).waitFor({ timeout: 60_000 });

  const idle = await measureFrames(page);
  say(`  app idle: p50 ${idle.p50.toFixed(1)} ms, p95 ${idle.p95.toFixed(1)} ms`);
  let last: Fix[] = [];
  const post = async (tick: number) => {
    last = fixesAt(tick, w.unitIds, w.homes);
    const res = await fetch(`${w.base}/api/v1/avl/positions`, { method: 'POST', headers: { authorization: `Bearer ${w.token}`, 'content-type': 'application/json' }, body: JSON.stringify({ fixes: last }) });
    if (res.status !== 200) throw new Error(`AVL: ${res.status} ${await res.text()}`);
  };
  const fedIncidents = await feedIncidents(page, 'app');
  const avl = everySecond(post);
  // BENCH_WEB_PROFILE=<dir>: a V8 CPU profile of the app's page under load (open it in Chrome DevTools).
  const cdp = process.env.BENCH_WEB_PROFILE ? await context.newCDPSession(page) : null;
  if (cdp) await cdp.send('Profiler.enable').then(() => cdp.send('Profiler.start'));
  // BENCH_WEB_TRACE=<dir>: a Chrome trace of the same (where the main thread's time goes: script, style, layout, paint, GPU).
  const trace = process.env.BENCH_WEB_TRACE ? path.join(process.env.BENCH_WEB_TRACE, `web-app-under-load-${Date.now()}.trace.json`) : null;
  if (trace) {
    mkdirSync(path.dirname(trace), { recursive: true });
    await browser.startTracing(page, { path: trace, categories: TRACE_CATEGORIES });
  }
  const app = await measureFrames(page);
  if (trace) {
    await browser.stopTracing();
    say(`  trace: ${trace}`);
  }
  if (cdp) {
    const { profile } = await cdp.send('Profiler.stop');
    const file = path.join(process.env.BENCH_WEB_PROFILE!, `web-app-under-load-${Date.now()}.cpuprofile`);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, JSON.stringify(profile));
    say(`  profile: ${file}`);
  }
  avl.stop();
  await sleep(2500);
  const delivered = await lastFixOnMap(page, last);
  say(`  app under load: p50 ${app.p50.toFixed(1)} ms, p95 ${app.p95.toFixed(1)} ms, ${app.fps.toFixed(1)} fps, map redraws ${app.mapRendersPerS?.toFixed(1)}/s, source updates ${app.sourceUpdatesPerS?.toFixed(1)}/s; AVL posts ${avl.stats.sent} (skipped ${avl.stats.skipped}, p50 ${percentile(sorted(avl.stats.ms), 50).toFixed(0)} ms); last fix on the map: ${delivered}`);

  // The stream path did deliver: a unit on the map stands where its last fix put it.
  async function lastFixOnMap(p: Page, fixes: Fix[]): Promise<boolean> {
    const probe = fixes[Math.floor(fixes.length / 2)]!;
    const onMap = await p.evaluate(async (id) => ((await (window.firebreakMap!.map.getSource('units') as unknown as { getData(): Promise<GeoJSON.FeatureCollection> }).getData()).features.find((f) => f.id === id)?.geometry as GeoJSON.Point | undefined)?.coordinates, probe.unitId);
    return Boolean(onMap && Math.abs(onMap[0]! - probe.location[0]) < 1e-6 && Math.abs(onMap[1]! - probe.location[1]) < 1e-6);
  }
  // The app's own map and layers fed the same diff directly, past the stream, the query cache and React.
  const direct = GPU_ONLY ? null : everySecond(async (tick) => peerUnitUpdate(page, fixesAt(tick, w.unitIds, w.homes), 'app'));
  const mapOnly = direct ? await measureFrames(page) : idle;
  direct?.stop();
  if (direct) say(`  app map fed directly: p50 ${mapOnly.p50.toFixed(1)} ms, p95 ${mapOnly.p95.toFixed(1)} ms, ${mapOnly.fps.toFixed(1)} fps`);
  // The peer's camera is the app's first view, where the app's headline rows are measured (it used to be read after
  // the zoom below, so from 2026-11-29 to 2026-12-07 the peer drew the street-level view while the app drew the whole area).
  const base = await appBaseMap(page);
  // Zoomed in to street level, where units are icons along their heading (symbol layers) instead of circles.
  await page.evaluate((z) => window.firebreakMap!.map.jumpTo({ zoom: z }), ZOOMED_IN);
  const avl2 = everySecond(post);
  const zoomed = await measureFrames(page);
  avl2.stop();
  await stopFeeds(page);
  say(`  app zoomed in (z${ZOOMED_IN}): p50 ${zoomed.p50.toFixed(1)} ms, p95 ${zoomed.p95.toFixed(1)} ms, ${zoomed.fps.toFixed(1)} fps`);

  const features = await page.evaluate(async () => {
    const get = async (id: string) => (await (window.firebreakMap!.map.getSource(id) as unknown as { getData(): Promise<GeoJSON.FeatureCollection> }).getData()).features;
    return { units: await get('units'), incidents: await get('incidents') };
  });
  await context.close();

  const peer = await openPeer(browser, w.base, w.cookie, { ...base, ...features });
  const peerIdle = await measureFrames(peer);
  await feedIncidents(peer, 'peer');
  const peerFeed = everySecond(async (tick) => peerUnitUpdate(peer, fixesAt(tick, w.unitIds, w.homes)));
  // BENCH_WEB_TRACE=<dir>: the peer's trace too, in the same run and browser, to set beside the app's.
  const peerTrace = process.env.BENCH_WEB_TRACE ? path.join(process.env.BENCH_WEB_TRACE, `web-peer-under-load-${Date.now()}.trace.json`) : null;
  if (peerTrace) await browser.startTracing(peer, { path: peerTrace, categories: TRACE_CATEGORIES });
  const peerLoad = await measureFrames(peer);
  if (peerTrace) {
    await browser.stopTracing();
    say(`  trace: ${peerTrace}`);
  }
  say(`  peer under load: p50 ${peerLoad.p50.toFixed(1)} ms, p95 ${peerLoad.p95.toFixed(1)} ms, ${peerLoad.fps.toFixed(1)} fps, map redraws ${peerLoad.mapRendersPerS?.toFixed(1)}/s, source updates ${peerLoad.sourceUpdatesPerS?.toFixed(1)}/s`);
  // The same camera as the app's zoomed-in row.
  await peer.evaluate((z) => window.peer!.map.jumpTo({ zoom: z }), ZOOMED_IN);
  const peerZoomed = await measureFrames(peer);
  peerFeed.stop();
  await stopFeeds(peer);
  await peer.context().close();
  say(`  peer zoomed in (z${ZOOMED_IN}): p50 ${peerZoomed.p50.toFixed(1)} ms, p95 ${peerZoomed.p95.toFixed(1)} ms, ${peerZoomed.fps.toFixed(1)} fps`);
  return { idle, app, mapOnly, zoomed, avl: avl.stats, delivered, peerIdle, peerLoad, peerZoomed, fedIncidents };
}

/**
 * The server registers the app's files when it starts: wait until no one (another test run, an
 * engineer's build) is rewriting apps/web/dist, i.e. its index.html exists and is 5 s old.
 */
async function stableBuild(): Promise<void> {
  const index = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../apps/web/dist/index.html');
  for (let i = 0; i < 120; i++) {
    if (existsSync(index) && Date.now() - statSync(index).mtimeMs > 5000) return;
    await sleep(1000);
  }
  throw new Error('apps/web/dist/index.html missing or rewritten for 2 minutes');
}

async function main(): Promise<void> {
  if (!webBuildIsCurrent()) {
    say('building the web app…');
    if (spawnSync('npm', ['run', 'build', '-w', '@firebreak/web'], { stdio: 'inherit' }).status !== 0) throw new Error('web build failed');
  }
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ARGS });
  try {
    // 1. The demo country as `npm start` serves it: first load and the keyboard path.
    if (GPU_ONLY) return await gpuOnly();
    say('demo world: seeding a scratch database…');
    const demo = await demoDatabase(SERVER_URL);
    await stableBuild();
    const s1 = await startAppServer(demo.url);
    const demoLoads: FirstLoad[] = [];
    // Assigned unless BENCH_WEB_ONLY=load, which returns before the figures that use it.
    let keys!: KeyboardRun;
    let demoWaterfall: string[] = [];
    try {
      const cookie = await loginCookie(s1.base, 'admin', BENCH_ADMIN_PASSWORD);
      for (let i = 0; i < LOADS; i++) demoLoads.push(await measureFirstLoad(browser, s1.base, cookie, false));
      say(`  first load (demo): interactive ${demoLoads.map((l) => Math.round(l.interactiveMs)).join(', ')} ms; glyphs ${demoLoads.map(glyphMs).join(', ')} ms`);
      demoWaterfall = printWaterfall('demo', demoLoads, say);
      if (LOAD_ONLY) {
        const d = summarizeLoads(demoLoads);
        say(`  initial JS: ${kb(d.jsGzip)} gzip (${kb(d.jsRaw)} raw); ${d.js.map((x) => `${path.basename(x.url)} ${kb(x.gzip)}`).join(', ')}`);
      } else {
        const places = (await (await fetch(`${s1.base}/api/v1/places?limit=500`, { headers: { cookie } })).json()) as { items: { name: string; category: string; jurisdictionPath: string }[] };
        const place = places.items.filter((p) => p.category === 'school' && p.jurisdictionPath === 'li.oberland.vaduz').sort((a, b) => a.name.localeCompare(b.name))[0]!;
        keys = await keyboardPath(browser, s1.base, cookie, place.name);
        say(`  keyboard path: ${keys.actions.length} presses (${keys.actions.join(', ')}), 0 clicks, ${Math.round(keys.ms)} ms, ${keys.assignments} units sent, priority ${keys.priority}`);
      }
    } finally {
      await stopAppServer(s1);
      await demo.drop();
    }

    if (DEMO_ONLY) return;
    // 2. A large fleet: 5,000 units with live positions and 2,000 open incidents.
    say(`fleet world: ${UNITS} units, ${INCIDENTS} incidents…`);
    const fleet = await fleetWorld(SERVER_URL, UNITS);
    await stableBuild();
    const s2 = await startAppServer(fleet.url);
    try {
      const cookie = await loginCookie(s2.base, 'admin', BENCH_ADMIN_PASSWORD);
      await openIncidents(s2.base, cookie, INCIDENTS);
      const fleetLoads: FirstLoad[] = [];
      for (let i = 0; i < LOADS; i++) fleetLoads.push(await measureFirstLoad(browser, s2.base, cookie, true));
      say(`  first load (fleet): interactive ${fleetLoads.map((l) => Math.round(l.interactiveMs)).join(', ')} ms`);
      printWaterfall('fleet', fleetLoads, say);
      if (LOAD_ONLY) return;

      const jurisdictions = (await (await fetch(`${s2.base}/api/v1/jurisdictions`, { headers: { cookie } })).json()) as { id: string }[];
      const token = await deviceToken(s2.base, cookie, jurisdictions[0]!.id);
      const software = await framesUnderLoad(browser, { base: s2.base, cookie, token, unitIds: fleet.unitIds, homes: fleet.homes });
      const gpuBrowser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: GPU_ARGS });
      let gpu: FramesRun;
      try {
        say('  again with GPU compositing (SwiftShader WebGL, no --disable-gpu)…');
        gpu = await framesUnderLoad(gpuBrowser, { base: s2.base, cookie, token, unitIds: fleet.unitIds, homes: fleet.homes });
      } finally {
        await gpuBrowser.close();
      }
      const { idle, app, mapOnly, zoomed, avl, delivered, peerIdle, peerLoad, peerZoomed, fedIncidents } = software;

      const d = summarizeLoads(demoLoads);
      const f = summarizeLoads(fleetLoads);
      say(`  initial JS: ${kb(d.jsGzip)} gzip (${kb(d.jsRaw)} raw, content-encoding ${d.encodings}), CSS ${kb(d.cssGzip)} gzip`);
      if (process.env.BENCH_DOC !== '0') {
        const m = machine();
        const row = (name: string, s: FrameStats) => `| ${name} | ${s.p50.toFixed(1)} | ${s.p95.toFixed(1)} | ${s.p99.toFixed(1)} | ${s.max.toFixed(0)} | ${s.fps.toFixed(1)} | ${s.over33} | ${s.mapRendersPerS?.toFixed(1) ?? ''} | ${s.sourceUpdatesPerS?.toFixed(1) ?? ''} |`;
        const ok = (v: number, limit: number) => (v <= limit ? 'met' : '**missed**');
        writeSection(DOC, 'Web app in the browser', `
Measured by \`npm run bench:web\` (bench/web/run.ts) on ${new Date().toISOString().slice(0, 10)}: the built app (apps/web/dist) served
by the real server on ${await serverVersion(SERVER_URL)}, in headless Debian chromium (${CHROMIUM}), viewport 1440×900: as the tests run it
(\`${ARGS.join(' ')}\`: software WebGL and software compositing), and for the frame times also with GPU compositing on
SwiftShader (\`${GPU_ARGS.join(' ')}\`), which is nearer a dispatcher's browser with a GPU.

- Machine: ${m.cpus} CPUs (${m.cpuModel}), Node ${m.node}; shared with other jobs and engineers (load average at the end:
  ${os.loadavg().map((l) => l.toFixed(2)).join(', ')}), so the figures are upper bounds of what the machine does alone.

**Time to an interactive map on first load** (signed in, empty cache; from navigation start until the map is idle
with its base tiles and the app's units, and incidents where there are any, drawn; median of ${LOADS} loads):

| World | Map \`load\` (ms) | Interactive (ms) | Loads (ms) | Target 2,000 ms |
|---|---|---|---|---|
| Demo country (${'`npm start`'}: demo forces, no incidents) | ${d.mapLoad.toFixed(0)} | ${d.interactive.toFixed(0)} | ${d.interactiveAll.join(', ')} | ${ok(d.interactive, 2000)} |
| ${UNITS} units, ${INCIDENTS} open incidents | ${f.mapLoad.toFixed(0)} | ${f.interactive.toFixed(0)} | ${f.interactiveAll.join(', ')} | ${ok(f.interactive, 2000)} |

With ${INCIDENTS} incidents the first load used to spend most of its script time drawing the incident board: 100 rows of
Mantine components (a Badge per priority and per tier clock resolves its theme colours on every render), redrawn for
every page of incidents that arrived and then every second for the clocks (a V8 profile of that load: 650 ms in Badge
alone). The board now draws only the rows in view (every row one height, spacers for the rest: about 14 of ${INCIDENTS} at
1440×900) with plain elements and CSS chips, and can be scrolled through all of them (it used to stop at 100). What the
load still waits for: the units (${UNITS} at 1,000 a page) and incidents (500 a page) come page after page, each ~600 KB of
uncompressed JSON, as the API's cursors allow. Before (2026-11-29, same bench): ${INCIDENTS} incidents interactive 2351 ms.

The map is made once its first view is known (the user's area framed on its key places: \`awaitingBounds\` in MapView, at most
2 s). From 2026-12-06 to 2026-12-07 it was made at once on a default view and refitted when the jurisdictions, their boundaries
and the key places had come, so the first load fetched, parsed and labelled the base tiles of two views, the second only after
those API calls (first load 1.6 s on 2026-11-29, 2.3 s on 2026-12-07 before this change). Since 2026-12-07 (afternoon) the
first view waits for the roots' boundaries alone (one request on the demo country), not every boundary of the three top levels
(14 requests, up to 80): the levels below only fill the overlay, and since 2026-12-08 are asked for once the map has loaded. The server keeps the labels' glyph ranges in its data folder and
reads or makes Basic Latin at start (\`serve\`): the first map after a restart no longer waits ~1.4 s for them to be drawn
(the bench's server reads them from the folder from its second run on; the longest glyph request of each load in this run:
demo ${d.glyphs.join(', ')} ms, fleet ${f.glyphs.join(', ')} ms). What the median first load of the demo
world requested, and when (ms from the document's request; \`BENCH_WEB_WATERFALL=1\` prints the fleet world's too):

\`\`\`
${demoWaterfall.join('\n')}
\`\`\`

**Initial JS** fetched by the first load: ${kb(d.jsGzip)} gzip (target 600 KB: ${ok(d.jsGzip / 1024, 600)}); ${kb(d.jsRaw)} uncompressed (the
server answered the JS with \`content-encoding: ${d.encodings}\`); the map's worker, fetched as soon as the map starts, is
${kb(d.js.filter((x) => x.url.includes('worker')).reduce((n, x) => n + x.gzip, 0))} gzip of it. CSS ${kb(d.cssGzip)} gzip.
${d.js.map((x) => `\`${path.basename(x.url)}\` ${kb(x.gzip)} gzip / ${kb(x.bytes)} raw`).join('; ')}.
What the first load carries: MapLibre (main + worker, shipped prebuilt and minified, so nothing to tree-shake: ~430 KB
gzip) is most of it; the rest is React, router, TanStack Query and i18next (\`vendor\`, ~104 KB: React Router's production
build, and no react-i18next since 2026-12-07 — the app's one hook, \`useTranslation\`, is \`i18n/use-translation.ts\` over
i18next; together 2.7 KB), the Mantine pieces the first screen shares with lazy screens in one \`mantine\` chunk (seven tiny
chunks before, each compressed alone: 1.5 KB more), and the Mantine core, app code
and English strings (the first screen's only, ~4 KB gzip) of the shell, the map and the incident
board. Intake, incident detail, the unit board, the reports (recharts), campaigns, directives and places are lazy chunks, and so
is the pushed move-up's card (\`MoveUpCard\`, fetched with the first push);
Chinese strings load only when chosen; one copy of each library. The map's workers start at import (\`prewarm()\`).
Also off the first screen now (measured with the build's source maps): the login form (a lazy route), the notification
stack (mounted with the first notification shown; \`shell/DeferredNotifications.tsx\`), the shortcuts dialog (Modal,
focus trap, scroll lock: fetched when first opened) and the account menu (Menu, Popover, floating-ui: fetched when the
pointer or focus reaches the button); the shell's header is plain CSS instead of Mantine's AppShell (its resizable panes
brought use-drag and react-remove-scroll), and the board and the layer list use a plain table, the browser's scrolling
and native checkboxes (Mantine's Table pulls in ScrollArea and with it floating-ui; Checkbox its Input family); the key
place card loads with the first click on a place, and the layer switches are kept in localStorage without Mantine's storage hooks.
The lazy screens' English strings are their own chunk (\`i18n/locales/en.screens.json\`, fetched with the first lazy
screen; \`locales.test.ts\` checks the first screen uses none of them): new screens no longer grow the first load.
Before (2026-11-29, same bench): 672 KB, then 644 KB; 647 KB at the start of this change with other screens added meanwhile; 600 KB with every screen's English strings in it.
\`npm run build\` sets \`NODE_ENV=production\`: built from the e2e setup under vitest (\`NODE_ENV=test\`) the bundle used to carry
React's development build (its vendor chunk 892 KB raw instead of 661 KB), and \`npm start\` served that build as current.

**Frame times** (requestAnimationFrame deltas over ${SECONDS} s after ${WARMUP_S} s warm-up) while ${UNITS} units and ${fedIncidents}
incidents change every second. Units go the whole live path: one \`POST /api/v1/avl/positions\` of ${UNITS} fixes a second with a
device token → the server → the event stream (WebSocket) → the app's stream client → query cache (\`patchUnits\`) → FeatureSync
→ MapLibre \`updateData\` (${avl.sent} posts, ${avl.skipped} seconds skipped while the previous post was still running, post
p50 ${percentile(sorted(avl.ms), 50).toFixed(0)} ms; the last fix reached the map: ${delivered ? 'yes' : '**no**'}). Incidents have no per-second
event on the server, so their change is fed into the app's own \`incidents\` source the way FeatureSync sends it
(\`updateData\` with new properties for every feature, once a second). The peer is MapLibre alone on a page with the app's
base map and the same ${UNITS} + ${fedIncidents} features as circles, fed the same fixes and the same incident diff each second
(no React, no query cache, no stream): the limit of this map engine here, at the app's first view (the same camera and
canvas size as the app's headline rows) and then zoomed in to z${ZOOMED_IN} like the app's zoomed-in row. Until 2026-12-07 the bench read the
peer's camera after zooming the app in, so every earlier "peer" row was the street-level view against the app's whole area. Exactly (bench/web/peer.ts): MapLibre's own
prebuilt module on a blank page of the same origin, the app's vector base map, one circle layer per source (units: radius 5
coloured by status, faint when stale, no stroke; incidents: radius 7 coloured by priority with a white ring 3/2/1 px by age
bucket), and every second one \`updateData\` with all ${UNITS} new geometries plus heading and staleness, sent from the bench
through the DevTools protocol, and the incidents' property diff from a timer in the page.

| Page | p50 (ms) | p95 (ms) | p99 (ms) | max (ms) | fps | frames > 33 ms | map redraws / s | source updates / s |
|---|---|---|---|---|---|---|---|---|
${row('App, idle (same world)', idle)}
${row('**App, under load**', app)}
${row('App map fed the same diff directly (no stream, cache, React)', mapOnly)}
${row(`App under load, zoomed in to z${ZOOMED_IN} (icons with heading)`, zoomed)}
${row('Peer (bare MapLibre), idle', peerIdle)}
${row('Peer (bare MapLibre), same updates', peerLoad)}
${row(`Peer, same updates, zoomed in to z${ZOOMED_IN}`, peerZoomed)}
${row('App, idle — GPU compositing', gpu.idle)}
${row('**App, under load — GPU compositing**', gpu.app)}
${row('App map fed directly — GPU compositing', gpu.mapOnly)}
${row(`App under load, zoomed in to z${ZOOMED_IN} — GPU compositing`, gpu.zoomed)}
${row('Peer, same updates — GPU compositing', gpu.peerLoad)}
${row(`Peer, same updates, zoomed in to z${ZOOMED_IN} — GPU compositing`, gpu.peerZoomed)}

Targets under load (median ≤ 16 ms, p95 ≤ 33 ms; one 60 Hz frame is 16.7 ms): software compositing median ${ok(app.p50, 16.7)}, p95 ${ok(app.p95, 33.4)}
(app / peer p95 ${(app.p95 / peerLoad.p95).toFixed(2)}x; zoomed in ${(zoomed.p95 / peerZoomed.p95).toFixed(2)}x); GPU compositing median ${ok(gpu.app.p50, 16.7)}, p95 ${ok(gpu.app.p95, 33.4)} (app / peer p95 ${(gpu.app.p95 / gpu.peerLoad.p95).toFixed(2)}x; zoomed in ${(gpu.zoomed.p95 / gpu.peerZoomed.p95).toFixed(2)}x).
GPU compositing run: ${gpu.avl.sent} AVL posts, last fix on the map: ${gpu.delivered ? 'yes' : '**no**'}.

How the map is drawn (apps/web/src/map/overlays.ts): below zoom 13 units and incidents are circle layers (units: free ones
as rings, committed ones as solid discs, status colour; incidents: a disc sized and coloured by priority, a heavy black ring
when a tier was missed, otherwise a white ring as bold as the call is fresh), and from zoom 13 icons (the unit's arrow along its heading with its status letter, the
incident's diamond with its priority number and "!" badge), so symbol layout and placement run only for the few features in
view at street level. The map's \`fadeDuration\` is 0 (MapLibre's default fades re-placed symbols in over 300 ms and repaints
every frame meanwhile), every symbol layer has \`icon-allow-overlap\` and \`icon-ignore-placement\` (no collision work),
the values that change every second (position, heading, staleness, age) are geometry or paint properties except the icon's
heading (\`icon-rotate\` is layout in MapLibre), and FeatureSync sends only what differs from the feature the map already holds
(the geometry of a move, the properties that changed; nothing for a unit whose fix did not move it). The frame times above are
taken at the first view (the whole area, circles); the zoomed-in row is the same load at street level. With software
compositing each repaint also copies the WebGL canvas back (a Chrome trace, \`BENCH_WEB_TRACE=<dir>\`, at 1,000 units and
200 incidents on 2026-11-29, before this change: 9.4 s of the renderer main thread's 13.3 s in \`Commit\` → \`GLES2::ReadPixels\`;
\`BENCH_WEB_PROFILE=<dir>\` writes a V8 profile). Before the change (same machine and bench, 2026-11-29): symbol layers with
icons for everything and the default fade, app under load p50 316.7 ms / p95 450.0 ms (3.1 fps); with the fade off 150.0 / 266.6 ms (8.3 fps).
The map fed directly takes its fixes through the DevTools protocol and re-sends heading and staleness with every geometry
(the way FeatureSync used to), so it is no lower bound of the live path any more (${mapOnly.p95 > app.p95 ? 'here it did worse; the cause is not isolated, and ' : ''}the spread between runs on this shared machine is wide). What remains against the peer under load is p95: the frames in which a
second's update is re-tiled and redrawn.

Where the frames go (2026-11-29, this machine, ${UNITS} units and ${INCIDENTS} incidents at 1 Hz, software compositing): a Chrome
trace of 10 s under load had the renderer's main thread 8.6 s in \`CommandBufferProxyImpl::WaitForGetOffset\`, waiting for
the GPU process, itself 8.6 s busy running the WebGL commands on SwiftShader (software GL); a V8 profile of the same had
MapLibre's main-thread script at 3 %, React, TanStack Query and i18next at 1 %, the app's own code (stream client, cache
patch, FeatureSync) at 1 %. So a long frame is the map redrawing (column "map redraws / s": each second's units update and
incidents update, each re-tiled and redrawn as its tiles come back), and its cost is the pixels the circle layers shade.
The age halo, a ring of radius 11–20 px around each of the 2,000 incidents below street level, shaded more pixels than the
units and incidents discs together: hidden in that run, p95 went from 200 to 117 ms. Below zoom 13 the incident disc's
own ring now says the age (the peer draws incidents the same way), the halo is drawn only from zoom 13 around the icons;
in the same experiment p95 then 67–83 ms. The overlay sources also use half MapLibre's default tile buffer (64 of 512 px,
still wider than any circle or icon), so a point near a tile edge is copied into fewer tiles at every re-tiling. What the
app still draws beyond the peer: rings (a stroke) for the free units, the selection ring layer, the faint tint of the areas
below the top of the jurisdiction tree, and the symbol layers for places and hazards; its React board redraws only the rows in view.
The top jurisdiction's own polygon used to be drawn too, at a data-driven fill opacity of 0: MapLibre skips a fill layer only
when its opacity is a constant 0, so that invisible fill shaded the whole country at every redraw; it is now filtered out.
Before (2026-11-29, same bench, earlier run): app under load p95 116.7 ms (GPU compositing 150.0 ms), peer 50.0 ms; after the
halo and buffer change, with the incident feed's old ranks (0-99, see below): 83.3 ms (GPU compositing 100.0 ms), peer 49.9 ms
(33.4 ms). Since then the incident feed keeps each incident's rank within the app's own values (1-4, one per priority): the
rank is the incidents' \`circle-sort-key\` and MapLibre draws one segment per distinct key in a tile, so the feed's 100 ranks
had the app's map drawing some 25 times the segments the app ever produces (the peer has no sort key).

**The human path** (bench/web/keyboard.ts): a P1 call from the operations screen to units dispatched with the keyboard alone,
on the demo country: ${keys.actions.length} key presses and 0 clicks beyond the typed text (type, address, narrative): ${keys.actions.map((k) => `\`${k}\``).join(' → ')}
(new incident, take the type, take the first address suggestion, create, send the recommended units). Target ≤ 8: ${keys.actions.length <= 8 ? 'met' : '**missed**'}.
Priority came from the type (${keys.priority ?? '?'}); ${keys.assignments} units sent; ${Math.round(keys.ms)} ms from the first key to the assignments on screen
with instant typing (a machine's time, not a dispatcher's).
`);
        say(`wrote ${path.relative(process.cwd(), DOC)}`);
      }
    } finally {
      await stopAppServer(s2);
      await fleet.drop();
    }
  } finally {
    await browser.close();
  }
}

/** BENCH_WEB_ONLY=gpu: the fleet world, then the app and the peer under load with GPU compositing; printed, not written to the doc. */
async function gpuOnly(): Promise<void> {
  say(`fleet world: ${UNITS} units, ${INCIDENTS} incidents…`);
  const fleet = await fleetWorld(SERVER_URL, UNITS);
  await stableBuild();
  const s2 = await startAppServer(fleet.url);
  const gpuBrowser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: GPU_ARGS });
  try {
    const cookie = await loginCookie(s2.base, 'admin', BENCH_ADMIN_PASSWORD);
    await openIncidents(s2.base, cookie, INCIDENTS);
    const jurisdictions = (await (await fetch(`${s2.base}/api/v1/jurisdictions`, { headers: { cookie } })).json()) as { id: string }[];
    const token = await deviceToken(s2.base, cookie, jurisdictions[0]!.id);
    say('  GPU compositing (SwiftShader WebGL, no --disable-gpu)…');
    const gpu = await framesUnderLoad(gpuBrowser, { base: s2.base, cookie, token, unitIds: fleet.unitIds, homes: fleet.homes });
    say(`  GPU: app / peer p95 ${(gpu.app.p95 / gpu.peerLoad.p95).toFixed(2)}x (${gpu.app.p95.toFixed(1)} / ${gpu.peerLoad.p95.toFixed(1)} ms), zoomed in ${(gpu.zoomed.p95 / gpu.peerZoomed.p95).toFixed(2)}x (${gpu.zoomed.p95.toFixed(1)} / ${gpu.peerZoomed.p95.toFixed(1)} ms); idle p95 ${gpu.idle.p95.toFixed(1)} ms, ${gpu.idle.over33} frames > 33 ms; load average ${os.loadavg().map((l) => l.toFixed(2)).join(', ')}`);
  } finally {
    await gpuBrowser.close();
    await stopAppServer(s2);
    await fleet.drop();
  }
}

await main();
