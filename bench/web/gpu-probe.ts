/// <reference lib="dom" />
// Which part of the app's page costs its frames under GPU compositing (issue 19 §6): the app under the
// bench's 1 Hz load in variants (a layer hidden, a paint property changed, the side panel hidden),
// the variants interleaved so the machine's load drifts over all of them alike, and for each window
// the frame times and the CPU time of the browser's GPU process and renderers (SystemInfo.getProcessInfo),
// which the load average does not change as much as it changes the frame times. Then the peer.
// Usage: flock /tmp/fb/bench.lock node --import tsx bench/web/gpu-probe.ts   (BENCH_WEB_PROBE_S per window, 8)
import os from 'node:os';
import { chromium, type Browser, type Page } from 'playwright-core';
import { loginCookie, startAppServer, stopAppServer } from '../lib/app-server.js';
import { BENCH_ADMIN_PASSWORD } from '../lib/fleet-db.js';
import { percentile } from '../lib/stats.js';
import { everySecond, fixesAt } from './feeds.js';
import { appBaseMap, openPeer } from './peer.js';
import { feedIncidents, peerUnitUpdate, signedInContext, startFrames, stopFrames } from './probes.js';
import { deviceToken, fleetWorld, openIncidents } from './worlds.js';

const SERVER_URL = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const GPU_ARGS = ['--no-sandbox', '--disable-dev-shm-usage', '--use-angle=swiftshader', '--enable-unsafe-swiftshader'];
const WINDOW_S = Number(process.env.BENCH_WEB_PROBE_S ?? 8);
const ROUNDS = Number(process.env.BENCH_WEB_PROBE_ROUNDS ?? 2);
const say = (line: string): void => void process.stdout.write(`${line}\n`);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

type Variant = { name: string; apply: string };
/** Each variant is applied from the app as drawn (`reset` first); the code runs in the page with `map` and `doc`. */
const VARIANTS: Variant[] = (process.env.BENCH_WEB_PROBE_VARIANTS ? JSON.parse(process.env.BENCH_WEB_PROBE_VARIANTS) as Variant[] : [
  { name: 'app as drawn', apply: '' },
  { name: 'clocks in own layers', apply: `doc.getElementById('probe-css').textContent = '.fb-board-age, .fb-chips { will-change: transform }'` },
  { name: 'board table in own layer', apply: `doc.getElementById('probe-css').textContent = '.fb-board { will-change: transform }'` },
  { name: 'side panel hidden', apply: `doc.querySelector('aside').style.visibility = 'hidden'` },
]);
const IDLE = process.env.BENCH_WEB_PROBE_IDLE !== '0';
/** BENCH_WEB_PROBE_LOAD=0: the idle windows alone (what the page costs while only its clocks tick). */
const LOAD = process.env.BENCH_WEB_PROBE_LOAD !== '0';

async function cpuByType(browser: Browser): Promise<Record<string, number>> {
  const cdp = await browser.newBrowserCDPSession();
  const { processInfo } = await cdp.send('SystemInfo.getProcessInfo') as { processInfo: { type: string; id: number; cpuTime: number }[] };
  await cdp.detach();
  const out: Record<string, number> = {};
  for (const p of processInfo) out[p.type] = (out[p.type] ?? 0) + p.cpuTime;
  return out;
}

async function window_(browser: Browser, page: Page) {
  await sleep(2000);
  await page.evaluate(() => {
    const b = window as unknown as { __renders?: { n: number; hooked?: boolean } };
    const map = (window.firebreakMap ?? window.peer)!.map;
    if (!b.__renders?.hooked) map.on('render', () => void b.__renders!.n++);
    b.__renders = { n: 0, hooked: true };
  });
  const before = await cpuByType(browser);
  await startFrames(page);
  await sleep(WINDOW_S * 1000);
  const frames = [...await stopFrames(page)].sort((a, b) => a - b);
  const after = await cpuByType(browser);
  const renders = await page.evaluate(() => (window as unknown as { __renders: { n: number } }).__renders.n);
  const cpu = (t: string) => ((after[t] ?? 0) - (before[t] ?? 0)) / WINDOW_S;
  return { p50: percentile(frames, 50), p95: percentile(frames, 95), fps: frames.length / WINDOW_S, redraws: renders / WINDOW_S, gpu: cpu('GPU'), renderer: cpu('renderer') };
}
const fmt = (r: Awaited<ReturnType<typeof window_>>) =>
  `p50 ${r.p50.toFixed(1)} p95 ${r.p95.toFixed(1)} ms, ${r.fps.toFixed(1)} fps, redraws ${r.redraws.toFixed(1)}/s; CPU s/s: GPU process ${r.gpu.toFixed(2)}, renderers ${r.renderer.toFixed(2)}; GPU CPU per redraw ${(1000 * r.gpu / Math.max(0.1, r.redraws)).toFixed(0)} ms`;

async function main(): Promise<void> {
  say(`load average ${os.loadavg().map((l) => l.toFixed(2)).join(', ')}`);
  const fleet = await fleetWorld(SERVER_URL, 5000);
  const server = await startAppServer(fleet.url);
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: GPU_ARGS });
  try {
    const cookie = await loginCookie(server.base, 'admin', BENCH_ADMIN_PASSWORD);
    await openIncidents(server.base, cookie, 2000);
    const jurisdictions = (await (await fetch(`${server.base}/api/v1/jurisdictions`, { headers: { cookie } })).json()) as { id: string }[];
    const token = await deviceToken(server.base, cookie, jurisdictions[0]!.id);
    const context = await signedInContext(browser, server.base, cookie);
    const page = await context.newPage();
    await page.goto(`${server.base}/`);
    await page.waitForFunction(() => window.firebreakMap?.ready && window.firebreakMap.map.loaded() && window.firebreakMap.map.querySourceFeatures('units').length > 0, undefined, { timeout: 180_000, polling: 500 });
    await sleep(3000);
    const base = await appBaseMap(page);
    const style = await page.evaluate(() => JSON.stringify(window.firebreakMap!.map.getStyle().layers.map((l) => [l.id, (l as { layout?: object }).layout ?? {}, (l as { paint?: object }).paint ?? {}])));
    const post = async (tick: number) => {
      const res = await fetch(`${server.base}/api/v1/avl/positions`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify({ fixes: fixesAt(tick, fleet.unitIds, fleet.homes) }) });
      if (res.status !== 200) throw new Error(`AVL: ${res.status}`);
    };
    const results = new Map<string, Awaited<ReturnType<typeof window_>>[]>();
    let avl: ReturnType<typeof everySecond> | null = null;
    for (let round = 0; round < (IDLE ? ROUNDS : 0) + (LOAD ? ROUNDS : 0); round++) {
      if (round === (IDLE ? ROUNDS : 0)) {
        say('under load:');
        await feedIncidents(page, 'app');
        avl = everySecond(post);
      } else if (round === 0) say('idle:');
      for (const v of VARIANTS) {
        await page.evaluate(({ layers, apply }) => {
          const map = window.firebreakMap!.map;
          const doc = document;
          for (const [id, layout, paint] of JSON.parse(layers) as [string, Record<string, unknown>, Record<string, unknown>][]) {
            if (!map.getLayer(id)) continue;
            map.setLayoutProperty(id, 'visibility', (layout.visibility as 'none' | undefined) ?? 'visible');
            for (const [k, value] of Object.entries(paint)) map.setPaintProperty(id, k as 'fill-color', value as string);
          }
          (doc.querySelector('aside') as HTMLElement).style.visibility = '';
          if (!doc.getElementById('probe-css')) doc.head.append(Object.assign(doc.createElement('style'), { id: 'probe-css' }));
          doc.getElementById('probe-css')!.textContent = '';
          new Function('map', 'doc', apply)(map, doc);
        }, { layers: style, apply: v.apply });
        const r = await window_(browser, page);
        (results.get(v.name) ?? results.set(v.name, []).get(v.name)!).push(r);
        say(`  [${round}] ${v.name}: ${fmt(r)}; load ${os.loadavg()[0]!.toFixed(1)}`);
      }
    }
    avl?.stop();
    if (!LOAD) return;
    const features = await page.evaluate(async () => {
      const get = async (id: string) => (await (window.firebreakMap!.map.getSource(id) as unknown as { getData(): Promise<GeoJSON.FeatureCollection> }).getData()).features;
      return { units: await get('units'), incidents: await get('incidents') };
    });
    await context.close();
    const peer = await openPeer(browser, server.base, cookie, { ...base, ...features });
    if (IDLE) for (let round = 0; round < ROUNDS; round++) say(`  [${round}] peer idle: ${fmt(await window_(browser, peer))}; load ${os.loadavg()[0]!.toFixed(1)}`);
    await feedIncidents(peer, 'peer');
    const feed = everySecond(async (tick) => peerUnitUpdate(peer, fixesAt(tick, fleet.unitIds, fleet.homes)));
    for (let round = 0; round < ROUNDS; round++) say(`  [${round}] peer: ${fmt(await window_(browser, peer))}; load ${os.loadavg()[0]!.toFixed(1)}`);
    feed.stop();
    say(`canvas ${base.size.width}×${base.size.height}; load average ${os.loadavg().map((l) => l.toFixed(2)).join(', ')}`);
  } finally {
    await browser.close();
    await stopAppServer(server);
    await fleet.drop();
  }
}

await main();
