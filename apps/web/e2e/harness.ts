import { existsSync, mkdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import type { Role } from '@firebreak/contracts';
import type { Map as MapLibreMap } from 'maplibre-gl';
import { chromium, type Browser, type Page } from 'playwright-core';
import { expect } from 'vitest';
import type { Config } from '../../server/src/config.js';
import type { Platform } from '../../server/src/platform/kernel.js';
import { WEB_DIST } from '../../server/src/platform/http/web-app.js';
import { recordBrowserCpu } from './browser-cpu.js';
import { createUser, loginAdmin, startTestApp, type TestApp, type TestUser } from '../../server/test/harness.js';
import { ensureWorld } from '../../server/src/world.js';
// The app's `platform` decoration (declared in app.ts) for ensureWorld below.
import type {} from '../../server/src/app.js';

/** Debian's chromium (`apt-get install chromium`): the tests never download a browser. */
export const CHROMIUM = process.env.FIREBREAK_CHROMIUM ?? '/usr/bin/chromium';
export const chromiumPresent = existsSync(CHROMIUM);
if (!chromiumPresent && process.env.CI === 'true') {
  throw new Error(`the e2e tests need chromium at ${CHROMIUM} (.ci/run installs the Debian package); under CI they never skip`);
}

export const SCREENSHOTS = fileURLToPath(new URL('./screenshots/', import.meta.url));

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'] });
}

/**
 * The tiers the e2e server runs with: the default 1-3-5 shape, stretched tenfold, so that "met"
 * never depends on how fast a loaded machine drives the browser (the clock runs on real time).
 */
const E2E_TIERS: Config['responseTiers'] = [
  { tier: 1, label: 'nearest on-duty force responded', minutes: 10, requirement: 'responded', units: 1 },
  { tier: 2, label: 'patrol on scene', minutes: 30, requirement: 'on_scene', units: 1 },
  { tier: 3, label: 'reinforcements on scene', minutes: 50, requirement: 'on_scene', units: 2 },
];

/**
 * How often the e2e server's background passes poll (the integration tests' testConfig keeps the product's 250 ms). Here every
 * change is a command, and a command wakes the outbox relay and the audit chainer at once (kernel.ts
 * onCommitted); the poll only finds work committed elsewhere (there is no other node) and feeds the
 * move-up watch's outbox consumer (its push shows within a second). At 50 ms the idle polls of the
 * relay, the chainer and that consumer's cursor took ~1.6 CPU-s per 10 s of a file on PGlite:
 * 12 of the 18 s the worker spent in SQL in dispatch.e2e (measured 2026-12-07; README, browser tests).
 */
const E2E_POLL_MS = 1000;

export interface E2E {
  t: TestApp;
  /** http://127.0.0.1:<port> of the real server, which serves the built app and the API. */
  base: string;
  browser: Browser;
  page: Page;
  /** Uncaught errors in the page: a test ends by expecting none. */
  pageErrors: string[];
  /** An account with one role on one jurisdiction (the template has only `admin`). */
  user(role: Role, path: string): Promise<TestUser>;
  /** Calls the API over HTTP as `cookie` (a TestUser's or the admin's); `json` is what the test reads, as in app.inject's `.json()`. */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  api(cookie: string, method: 'GET' | 'POST', path: string, body?: object, headers?: Record<string, string>): Promise<{ status: number; json: any }>;
  adminCookie(): Promise<string>;
  close(): Promise<void>;
}

/**
 * One test file's world: a server on an ephemeral port over a copy of the seeded template
 * (demo country, places, demo forces, `admin`), on PGlite, and one chromium page. `empty`: an
 * empty database instead, first started as `serve` would (give `demo: false` and `adminPassword`).
 */
export async function startE2E(opts: { config?: Partial<Config>; empty?: boolean } = {}): Promise<E2E> {
  // The server registers the app's files at start: wait out a rebuild of apps/web/dist by someone else.
  for (let i = 0; i < 60 && !existsSync(`${WEB_DIST}/index.html`); i++) await new Promise((r) => setTimeout(r, 1000));
  const t = await startTestApp({ config: { responseTiers: E2E_TIERS, outboxPollMs: E2E_POLL_MS, ...opts.config }, empty: opts.empty });
  // A first start of an empty database, as `firebreak serve` does it (without the demo: a bare root, and `admin`).
  if (opts.empty) await ensureWorld(t.app.platform, t.config, () => undefined);
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  const base = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
  const browser = await launchChromium();
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'en-US', timezoneId: 'Europe/Vaduz' });
  context.setDefaultTimeout(20_000);
  const page = await context.newPage();
  const pageErrors: string[] = [];
  page.on('pageerror', (e) => pageErrors.push(e.message));
  // What the Content-Security-Policy blocks is no exception in the page, only a console error: count it as one.
  page.on('console', (m) => void (m.type() === 'error' && m.text().includes('Content Security Policy') && pageErrors.push(m.text())));
  let admin: string | null = null;
  const api: E2E['api'] = async (cookie, method, path, body, headers = {}) => {
    const res = await fetch(`${base}/api/v1${path}`, {
      method,
      headers: { cookie, ...(body ? { 'content-type': 'application/json' } : {}), ...headers },
      ...(body ? { body: JSON.stringify(body) } : {}),
    });
    const text = await res.text();
    return { status: res.status, json: text ? JSON.parse(text) : undefined };
  };
  return {
    t,
    base,
    browser,
    page,
    pageErrors,
    user: (role, path) => createUser(t.app, role, path),
    api,
    adminCookie: async () => (admin ??= await loginAdmin(t.app)),
    close: async () => {
      // Chromium's own CPU, for FIREBREAK_TEST_CPU_LOG (cpu-log.ts cannot see it once the browser is closed).
      recordBrowserCpu();
      await browser.close().catch(() => undefined);
      await t.close();
    },
  };
}

/** The server's kernel (the app decorates itself with it; the e2e project does not see that typing). */
export const platformOf = (e: E2E): Platform => (e.t.app as unknown as { platform: Platform }).platform;

/**
 * Moves the server's clock by `offsetMs` from real time (0 puts it back): history seeded in the past,
 * or two moments a few seconds apart without waiting them out. Routes and commands read
 * `platform.clock` / `command.clock` at each call, never a copy.
 */
export function shiftClock(e: E2E, offsetMs: number): void {
  const clock = offsetMs === 0 ? () => new Date() : () => new Date(Date.now() + offsetMs);
  platformOf(e).clock = clock;
  platformOf(e).command.clock = clock;
}

/** Signs in through the login screen and waits for the operations screen's map. */
export async function signIn(e: E2E, user: { username: string; password: string }): Promise<void> {
  const { page } = e;
  await page.goto(`${e.base}/`);
  await page.waitForURL(/\/login$/);
  await page.getByTestId('login-username').fill(user.username);
  await page.getByTestId('login-password').fill(user.password);
  await page.getByTestId('login-submit').click();
  await page.waitForURL((u) => !u.pathname.startsWith('/login'));
  await mapReady(page);
}

/** The map has loaded its style and the app's overlay sources exist. */
export async function mapReady(page: Page): Promise<void> {
  await page.waitForFunction(() => window.firebreakMap?.ready === true);
  await page.locator('[data-testid="map"][data-ready="true"]').waitFor();
}

/** The features a GeoJSON overlay source of the map holds now (what the app sent it). */
export function sourceFeatures(page: Page, source: 'units' | 'incidents' | 'places' | 'hazards' | 'rings' | 'jurisdictions'): Promise<GeoJSON.Feature[]> {
  return page.evaluate(async (id) => {
    const src = window.firebreakMap!.map.getSource(id) as unknown as { getData(): Promise<GeoJSON.FeatureCollection> };
    return (await src.getData()).features;
  }, source);
}

/** Saves `apps/web/e2e/screenshots/<name>.png` (gitignored) for the visual check. */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const path = `${SCREENSHOTS}${name}.png`;
  await page.screenshot({ path });
  return path;
}

/** The tracked pictures of the docs (docs/screenshots): rewritten only when asked to. */
const DOC_SHOTS = fileURLToPath(new URL('../../../docs/screenshots/', import.meta.url));
export const refreshDocScreenshots = process.env.FIREBREAK_REFRESH_SCREENSHOTS === '1';

/**
 * A screenshot the docs keep, `<name>.png`: into docs/screenshots with FIREBREAK_REFRESH_SCREENSHOTS=1,
 * otherwise beside the others in the gitignored `apps/web/e2e/screenshots/docs/` — a test run
 * (`npm test` on a clean clone) must not leave tracked files changed.
 */
export async function docScreenshot(page: Page, name: string): Promise<string> {
  const dir = refreshDocScreenshots ? DOC_SHOTS : `${SCREENSHOTS}docs/`;
  mkdirSync(dir, { recursive: true });
  const path = `${dir}${name}.png`;
  await page.screenshot({ path });
  return path;
}

/** The device account of an AVL gateway for units in `jurisdictionId`'s subtree, and its bearer token. */
export async function deviceToken(e: E2E, jurisdictionId: string): Promise<string> {
  const admin = await e.adminCookie();
  const device = await e.api(admin, 'POST', '/staff', { username: `avl-${Date.now()}`, displayName: 'AVL gateway', kind: 'device', jurisdictionId, grants: [{ role: 'unit_member', jurisdictionId }] });
  if (device.status !== 201) throw new Error(`device account: ${device.status} ${JSON.stringify(device.json)}`);
  const token = await e.api(admin, 'POST', `/staff/${device.json.id}/tokens`, { name: 'gateway' });
  if (token.status !== 201) throw new Error(`device token: ${token.status} ${JSON.stringify(token.json)}`);
  return token.json.token as string;
}

/** Set by the app's MapView for tests and benchmarks (the map is a canvas). */
declare global {
  interface Window {
    firebreakMap?: { map: MapLibreMap; ready: boolean; counts: () => Record<string, number> };
  }
}

/** Clicks the map canvas at a longitude/latitude (projected by the map itself). */
export async function clickMapAt(page: Page, lonLat: [number, number]): Promise<void> {
  const box = (await page.getByTestId('map').boundingBox())!;
  const { x, y } = await page.evaluate((at) => window.firebreakMap!.map.project(at), lonLat);
  expect(x > 0 && y > 0 && x < box.width && y < box.height, `${lonLat.join(',')} is on screen`).toBe(true);
  await page.mouse.click(box.x + x, box.y + y);
}
