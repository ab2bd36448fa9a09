/// <reference lib="dom" />
// What the benchmark measures inside the page. These functions run in chromium (page.evaluate),
// so they may use only browser globals and their arguments.
import { gzipSync } from 'node:zlib';
import type { GeoJSONSource, Map as MapLibreMap } from 'maplibre-gl';
import type { Browser, BrowserContext, Page } from 'playwright-core';

declare global {
  interface Window {
    /** Set by the app's MapView for tests and benchmarks. */
    firebreakMap?: { map: MapLibreMap; ready: boolean };
    /** Set by the peer page. */
    peer?: { map: MapLibreMap; ready: boolean };
    __bench?: { frames: number[]; stop: boolean; readyAt?: number; timers: number[] };
  }
}

export const VIEWPORT = { width: 1440, height: 900 };

export interface FirstLoad {
  /** ms from navigation start to the map's `load` event. */
  mapLoadMs: number;
  /** ms from navigation start until the map is idle with the app's units (and incidents) drawn. */
  interactiveMs: number;
  /** JS files fetched by the first load: raw bytes sent, and gzip -6 of each (what a compressing server sends). */
  js: { url: string; bytes: number; gzip: number; encoding: string | null }[];
  css: { url: string; bytes: number; gzip: number }[];
  /** Every request of the load (worker fetches included): ms from the document's request to its start and end. */
  requests: { url: string; start: number; end: number }[];
}

/** Opens the app signed in (session cookie set, as after login) in a fresh browser context: nothing cached. */
export async function signedInContext(browser: Browser, base: string, cookie: string): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport: VIEWPORT, locale: 'en-US' });
  // tsx (esbuild, keepNames) wraps named inner functions in __name(); give evaluated code one.
  await context.addInitScript('globalThis.__name = globalThis.__name || ((f) => f);');
  const [name, value] = cookie.split('=') as [string, string];
  await context.addCookies([{ name, value, url: base }]);
  return context;
}

export async function measureFirstLoad(browser: Browser, base: string, cookie: string, withIncidents: boolean): Promise<FirstLoad> {
  const context = await signedInContext(browser, base, cookie);
  const page = await context.newPage();
  const pending: Promise<void>[] = [];
  const js: FirstLoad['js'] = [];
  const css: FirstLoad['css'] = [];
  // What waits on what: every request's start and end (Playwright's timing is per request, epoch-based).
  const timed: { url: string; startTime: number; end: number }[] = [];
  context.on('requestfinished', (req) => {
    const t = req.timing();
    timed.push({ url: req.url(), startTime: t.startTime, end: t.startTime + t.responseEnd });
  });
  context.on('response', (res) => {
    const url = new URL(res.url());
    const ext = url.pathname.match(/\.(m?js|css)$/)?.[1];
    if (!ext || url.origin !== new URL(base).origin) return;
    pending.push(res.body().then((body) => {
      const entry = { url: url.pathname, bytes: body.byteLength, gzip: gzipSync(body).byteLength };
      if (ext === 'css') css.push(entry);
      else js.push({ ...entry, encoding: res.headers()['content-encoding'] ?? null });
    }, () => undefined));
  });
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => void (m.type() === 'error' && errors.push(m.text())));
  // BENCH_WEB_LOAD_TRACE=<dir>: a Chrome trace of each first load (what the time to an interactive map is made of:
  // script, the workers' tile parsing and layout, the GPU process's drawing); summarise with bench/web/load-trace.ts.
  const trace = process.env.BENCH_WEB_LOAD_TRACE ? `${process.env.BENCH_WEB_LOAD_TRACE}/first-load-${withIncidents ? 'fleet' : 'demo'}-${Date.now()}.trace.json` : null;
  if (trace) await browser.startTracing(page, { path: trace, categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8.execute', 'blink.user_timing', 'loading', 'gpu'] });
  await page.goto(`${base}/`);
  const handle = await page.waitForFunction((incidents) => {
    const f = window.firebreakMap;
    window.__bench ??= { frames: [], stop: false, timers: [] };
    if (!f?.ready) return false;
    window.__bench.readyAt ??= performance.now();
    const m = f.map;
    if (!m.loaded() || !m.areTilesLoaded()) return false;
    if (m.querySourceFeatures('units').length === 0) return false;
    if (incidents && m.querySourceFeatures('incidents').length === 0) return false;
    return { interactiveMs: performance.now(), mapLoadMs: window.__bench.readyAt };
  }, withIncidents, { polling: 'raf', timeout: 120_000 }).catch(async (err: Error) => {
    const state = await page.evaluate(() => {
      const m = window.firebreakMap?.map;
      return m ? { loaded: m.loaded(), tiles: m.areTilesLoaded(), units: m.querySourceFeatures('units').length, incidents: m.querySourceFeatures('incidents').length } : 'no map';
    }).catch(() => 'page gone');
    const shot = `${process.env.TMPDIR ?? '/tmp'}/bench-web-first-load-${Date.now()}.png`;
    await page.screenshot({ path: shot }).catch(() => undefined);
    throw new Error(`first load never became interactive (${JSON.stringify(state)}, ${page.url()}, screenshot ${shot}, page errors: ${JSON.stringify(errors.slice(0, 5))}): ${err.message}`);
  });
  const { interactiveMs, mapLoadMs } = (await handle.jsonValue()) as { interactiveMs: number; mapLoadMs: number };
  if (trace) await browser.stopTracing();
  await Promise.all(pending);
  await context.close();
  const origin = timed.find((r) => new URL(r.url).pathname === '/')?.startTime ?? Math.min(...timed.map((r) => r.startTime));
  const requests = timed.map((r) => ({ url: r.url.replace(base, ''), start: r.startTime - origin, end: r.end - origin })).sort((a, b) => a.start - b.start);
  return { interactiveMs, mapLoadMs, js, css, requests };
}

/** The median load's requests in the order they started (its lines, for the doc): what waits on what (tiles and API pages counted, not listed one by one). */
export function printWaterfall(name: string, loads: FirstLoad[], say: (line: string) => void): string[] {
  const lines: string[] = [];
  const median = [...loads].sort((a, b) => a.interactiveMs - b.interactiveMs)[Math.floor(loads.length / 2)]!;
  lines.push(`waterfall (${name}, interactive ${Math.round(median.interactiveMs)} ms, map load ${Math.round(median.mapLoadMs)} ms):`);
  const groups = new Map<string, { n: number; start: number; end: number }>();
  for (const r of median.requests) {
    const key = r.url.replace(/\/tiles\/(\d+)\/.*$/, '/tiles/$1/…').replace(/\/glyphs\/.*$/, '/glyphs/…').replace(/cursor=[^&]+/, 'cursor=…').replace(/\/jurisdictions\/[0-9a-f-]{36}$/, '/jurisdictions/{id}');
    const g = groups.get(key);
    if (g) { g.n++; g.end = Math.max(g.end, r.end); } else groups.set(key, { n: 1, start: r.start, end: r.end });
  }
  for (const [url, g] of groups) lines.push(`  ${String(Math.round(g.start)).padStart(5)} → ${String(Math.round(g.end)).padStart(5)} ms  ${g.n > 1 ? `${g.n}× ` : ''}${url.slice(0, 110)}`);
  // BENCH_WEB_WATERFALL=1 prints it as well; docs/benchmarks.md always gets the demo world's.
  if (process.env.BENCH_WEB_WATERFALL) for (const line of lines) say(`  ${line}`);
  return lines;
}

/** Starts recording requestAnimationFrame deltas. */
export function startFrames(page: Page): Promise<void> {
  return page.evaluate(() => {
    const b = (window.__bench ??= { frames: [], stop: false, timers: [] });
    b.frames = [];
    b.stop = false;
    let last = -1;
    const loop = (t: number) => {
      if (last >= 0) b.frames.push(t - last);
      last = t;
      if (!b.stop) requestAnimationFrame(loop);
    };
    requestAnimationFrame(loop);
  });
}

export function stopFrames(page: Page): Promise<number[]> {
  return page.evaluate(() => {
    const b = window.__bench!;
    b.stop = true;
    return b.frames;
  });
}

/** Stops the in-page feeds (feedIncidents). */
export function stopFeeds(page: Page): Promise<void> {
  return page.evaluate(() => {
    for (const t of window.__bench?.timers.splice(0) ?? []) clearInterval(t);
  });
}

/**
 * Every second, every feature of the map's `incidents` source gets new properties (its age
 * bucket and rank) through `updateData`: the diff FeatureSync sends when all incidents change.
 * The rank stays within the app's own values (1-4, one per priority): it is the incidents'
 * `circle-sort-key`, and MapLibre draws one segment per distinct sort key in a tile, so the 100
 * ranks this feed used to send made the app's map draw ~25 times as many segments as it ever does.
 */
export function feedIncidents(page: Page, which: 'app' | 'peer'): Promise<number> {
  return page.evaluate(async (w) => {
    const map = (w === 'app' ? window.firebreakMap : window.peer)!.map;
    const source = map.getSource('incidents') as unknown as GeoJSONSource;
    const ids = (await source.getData() as GeoJSON.FeatureCollection).features.map((f) => f.id as string);
    let k = 0;
    const b = (window.__bench ??= { frames: [], stop: false, timers: [] });
    b.timers.push(window.setInterval(() => {
      k++;
      void source.updateData({ update: ids.map((id, i) => ({ id, addOrUpdateProperties: [{ key: 'ageBucket', value: (k + i) % 3 }, { key: 'rank', value: 1 + ((k + i) % 4) }] })) });
    }, 1000));
    return ids.length;
  }, which);
}

/** The peer's unit update: the same fixes as the app gets on the stream, as one `updateData`. */
export function peerUnitUpdate(page: Page, fixes: { unitId: string; location: [number, number]; heading: number }[], which: 'app' | 'peer' = 'peer'): Promise<void> {
  return page.evaluate(({ list, w }) => {
    const source = (w === 'app' ? window.firebreakMap : window.peer)!.map.getSource('units') as unknown as GeoJSONSource;
    void source.updateData({ update: list.map((f) => ({ id: f.unitId, newGeometry: { type: 'Point', coordinates: f.location }, addOrUpdateProperties: [{ key: 'heading', value: f.heading }, { key: 'stale', value: false }] })) });
  }, { list: fixes, w: which });
}
