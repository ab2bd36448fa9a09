import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_ADMIN_PASSWORD } from '../../server/test/template.js';
import { chromiumPresent, clickMapAt, mapReady, screenshot, startE2E, type E2E } from './harness.js';

/**
 * Issue 20 §5: the first run without the demo, in the browser. An empty deployment (a bare root
 * and `admin`), the region from the bundled Baltimore extract (clipped, no national boundary),
 * two units from a CSV, then a call in the city and its recommendation.
 */
const repo = fileURLToPath(new URL('../../..', import.meta.url));
const BALTIMORE_PBF = path.join(repo, 'data/osm/baltimore.osm.pbf');
const UNITS_CSV = path.join(repo, 'fixtures/onboarding/baltimore-units.csv');
/** East Baltimore, inside the city's (repaired) boundary and on the extract's roads. */
const CALL: [number, number] = [-76.595, 39.288];

describe.skipIf(!chromiumPresent)('first run without the demo: set up the region in the browser', () => {
  let e: E2E;

  beforeAll(async () => {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'firebreak-setup-e2e-'));
    e = await startE2E({ empty: true, config: { demo: false, adminPassword: TEST_ADMIN_PASSWORD, roadPbf: BALTIMORE_PBF, dataDir } });
  }, 120_000);
  afterAll(async () => e?.close());

  it('sends the administrator of an empty deployment to "Set up your region"', async () => {
    const { page } = e;
    await page.goto(`${e.base}/`);
    await page.waitForURL(/\/login$/);
    await page.getByTestId('login-username').fill('admin');
    await page.getByTestId('login-password').fill(TEST_ADMIN_PASSWORD);
    await page.getByTestId('login-submit').click();
    await page.waitForURL(/\/setup$/);
    await page.getByRole('heading', { name: 'Set up your region' }).waitFor();
    // Both languages: the page in Chinese, then back.
    await page.getByTestId('language-switch').getByText('简体中文').click();
    await page.getByRole('heading', { name: '设置您的辖区' }).waitFor();
    expect(await page.getByRole('button', { name: '预览' }).isDisabled()).toBe(true);
    await page.getByTestId('language-switch').getByText('English').click();
    await page.getByRole('heading', { name: 'Set up your region' }).waitFor();
  });

  it('previews the extract (dry run): the tree with its repaired boundaries on the map, nothing written', async () => {
    const { page } = e;
    await page.getByTestId('setup-extract-file').setInputFiles(BALTIMORE_PBF);
    await page.getByLabel('Country code').fill('us');
    await page.getByLabel('Name of the whole area').fill('Baltimore area');
    await page.getByRole('button', { name: 'Preview' }).click();
    const preview = page.getByTestId('setup-preview');
    await preview.waitFor({ timeout: 120_000 });
    const tree = page.getByTestId('setup-preview-tree');
    await expect.poll(() => tree.textContent()).toContain('Baltimore County');
    expect(await tree.textContent()).toContain('Baltimore area');
    expect(await tree.getByText('repaired').count()).toBe(4);
    expect(await preview.textContent()).toContain('Repaired boundaries');
    // Nothing raw on screen: level keys appear as their display names.
    expect(await page.getByTestId('setup-preview-mapping').textContent()).not.toMatch(/undefined|setup\./);
    await screenshot(page, 'setup-01-preview');
    const admin = await e.adminCookie();
    const tree0 = (await e.api(admin, 'GET', '/jurisdictions')).json as unknown[];
    expect(JSON.stringify(tree0)).not.toContain('Baltimore County');
  }, 180_000);

  it('imports it, then loads the units CSV after checking it', async () => {
    const { page } = e;
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await page.getByTestId('setup-imported').waitFor({ timeout: 120_000 });
    const admin = await e.adminCookie();
    expect(JSON.stringify((await e.api(admin, 'GET', '/jurisdictions')).json)).toContain('Baltimore County');

    const units = page.getByTestId('setup-onboard-units');
    await page.getByTestId('setup-onboard-units-file').setInputFiles(UNITS_CSV);
    await units.getByRole('button', { name: 'Check' }).click();
    await expect.poll(() => units.getByTestId('setup-onboard-report').textContent()).toContain('Would create 2');
    expect((await e.api(admin, 'GET', '/units?limit=10')).json.items).toHaveLength(0);
    await units.getByRole('button', { name: 'Import' }).click();
    await expect.poll(() => units.getByTestId('setup-onboard-report').textContent()).toContain('Created 2');
    expect(((await e.api(admin, 'GET', '/units?limit=10')).json.items as { callSign: string }[]).map((u) => u.callSign).sort()).toEqual(['E 41', 'SE 11']);
    await screenshot(page, 'setup-02-units');
    await page.getByRole('button', { name: 'Next' }).click();
    await page.getByRole('link', { name: 'Go to the dispatch screen' }).click();
    await mapReady(page);
  }, 180_000);

  it('takes a call in Baltimore and recommends the units just loaded', async () => {
    const { page } = e;
    await page.getByTestId('new-incident').click();
    await page.getByTestId('intake-panel').waitFor();
    await page.getByTestId('intake-type').fill('Fire');
    await page.getByRole('option', { name: 'Fire', exact: true }).click();
    await page.getByTestId('intake-narrative').fill('Smoke from a rowhouse');
    await clickMapAt(page, CALL);
    await expect.poll(() => page.getByTestId('intake-jurisdiction').textContent()).toContain('Baltimore');
    await page.getByTestId('intake-submit').click();
    await page.waitForURL(/\/incidents\/[0-9a-f-]{36}$/);
    const rows = page.getByTestId('recommendation');
    await rows.first().waitFor();
    expect(await rows.count()).toBe(2);
    expect(await rows.first().textContent()).toMatch(/\d+:\d\d/);
    await screenshot(page, 'setup-03-recommendation');
    expect(e.pageErrors).toEqual([]);
  }, 120_000);

  it('finds the lists again later under More: stations, units and staff', async () => {
    // Once set up, /setup was reachable only by typing its address: an administrator adding staff or units had no way to it.
    const { page } = e;
    await page.getByTestId('nav-more').click();
    await page.getByRole('menuitem', { name: 'Stations, units and staff' }).click();
    await page.waitForURL(/\/setup$/);
    await page.getByTestId('setup-onboard-staff').waitFor();
    await page.getByTestId('language-switch').getByText('简体中文').click();
    await page.getByTestId('nav-more').click();
    await page.getByRole('menuitem', { name: '站点、力量与人员' }).waitFor();
    await page.keyboard.press('Escape');
    await page.getByTestId('language-switch').getByText('English').click();
    await screenshot(page, 'setup-04-lists-from-more');
    expect(e.pageErrors).toEqual([]);
  }, 120_000);
});
