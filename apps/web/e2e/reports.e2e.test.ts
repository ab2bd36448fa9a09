import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumPresent, screenshot, startE2E, type E2E } from './harness.js';

/**
 * Three past calls of Oberland, imported as history (another CAD's export: one row per unit, a
 * jurisdiction column instead of coordinates, times in Liechtenstein local time):
 *   1 Vaduz, fire P1: engine sent 1:00, en route 2:00, on scene 7:30 after the call.
 *   2 Schaan, medical P2: ambulance sent 2:00, en route 3:00, on scene 12:00.
 *   3 Vaduz, medical P1: ambulance sent 0:30, en route 1:30, on scene 4:00.
 */
const CSV = [
  'nr,received,kind,prio,place,unit,unit_type,sent,enroute,arrived',
  '1,2024-03-04 10:00:00,Brand,1,Vaduz,TLF 1,TLF,2024-03-04 10:01:00,2024-03-04 10:02:00,2024-03-04 10:07:30',
  '2,2024-03-04 11:00:00,Notfall,2,Schaan,RTW 2,RTW,2024-03-04 11:02:00,2024-03-04 11:03:00,2024-03-04 11:12:00',
  '3,2024-03-04 12:00:00,Notfall,1,Vaduz,RTW 1,RTW,2024-03-04 12:00:30,2024-03-04 12:01:30,2024-03-04 12:04:00',
].join('\n');
const MAPPING = {
  name: 'oberland-cad', timeZone: 'Europe/Vaduz', timeFormat: 'YYYY-MM-DD HH:mm:ss',
  columns: { callId: 'nr', receivedAt: 'received', type: 'kind', priority: 'prio', jurisdiction: 'place', unit: 'unit', unitType: 'unit_type', dispatchedAt: 'sent', respondedAt: 'enroute', onSceneAt: 'arrived' },
  types: { Brand: 'fire', Notfall: 'medical' }, priorities: { '1': 'P1', '2': 'P2' }, unitKinds: { TLF: 'fire_engine', RTW: 'ambulance' },
};

describe.skipIf(!chromiumPresent)('reports: response times broken down, as m:ss, in English and Chinese', () => {
  let e: E2E;
  let oberlandId: string;

  beforeAll(async () => {
    e = await startE2E();
    const admin = await e.adminCookie();
    const tree = (await e.api(admin, 'GET', '/jurisdictions')).json as { id: string; path: string; children: { id: string; path: string }[] }[];
    oberlandId = tree[0]!.children.find((j) => j.path === 'li.oberland')!.id;
    const imported = await e.api(admin, 'POST', '/history/imports', { jurisdictionId: oberlandId, mapping: MAPPING, source: 'oberland.csv', csv: CSV });
    expect(imported.status, JSON.stringify(imported.json)).toBe(201);
    expect(imported.json.created).toBe(3);
    // Signed in by the session cookie the API gave: the report needs no map, so none is waited for.
    const commander = await e.user('commander', 'li.oberland');
    const [name, ...value] = commander.cookie.split('=');
    await e.page.context().addCookies([{ name: name!, value: value.join('='), url: e.base }]);
  });
  afterAll(async () => e?.close());

  const cell = (key: string, column: string) => e.page.locator(`[data-testid="breakdown-row"][data-key="${key}"] [data-testid="${column}"]`);

  it('opens the report of the imported day, and shows the components and each breakdown in m:ss', async () => {
    const { page } = e;
    await page.goto(`${e.base}/reports?jurisdiction=${oberlandId}&origin=historical&from=2024-03-04&to=2024-03-04`);
    // Totals 4:00, 7:30, 12:00: p50 7:30, p90 at rank 1.8 = 7:30 + 0.8 * 4:30 = 11:06.
    await expect.poll(() => page.getByTestId('component-total').textContent()).toContain('7:30');
    expect(await page.getByTestId('component-total').textContent()).toContain('11:06');
    expect(await page.getByTestId('component-callProcessing').textContent()).toContain('1:00');
    // The zone by its name in the user's language, never its IANA id.
    const period = await page.getByTestId('report-period').textContent();
    expect(period).toContain('Central European');
    expect(period).not.toContain('Europe/Vaduz');
    await screenshot(page, '49-reports-components');

    // By priority (the default): P1 totals 4:00 and 7:30 -> p50 5:45; P2 12:00.
    await expect.poll(() => cell('P1', 'total-p50').textContent()).toBe('5:45');
    expect(await cell('P2', 'total-p50').textContent()).toBe('12:00');

    await page.getByTestId('breakdown-by').getByText('Unit kind').click();
    await expect.poll(() => page.getByTestId('breakdown-table').getAttribute('data-by')).toBe('unit_kind');
    expect(await cell('fire_engine', 'total-p50').textContent()).toBe('7:30');
    expect(await cell('fire_engine', 'turnout-p50').textContent()).toBe('1:00');
    expect(await cell('fire_engine', 'travel-p50').textContent()).toBe('5:30');
    expect(await cell('ambulance', 'total-p50').textContent()).toBe('8:00');
    expect(await page.getByTestId('breakdown-table').textContent()).toContain('Fire engine');

    await page.getByTestId('breakdown-by').getByText('Jurisdiction').click();
    await expect.poll(() => page.getByTestId('breakdown-table').getAttribute('data-by')).toBe('jurisdiction');
    const names = await page.locator('[data-testid="breakdown-row"] td:first-child').allTextContents();
    expect(names).toEqual(['All incidents', 'Vaduz', 'Schaan']);
    expect(await page.getByTestId('breakdown-table').textContent()).not.toContain('li.oberland');

    // % within 8 minutes: 4:00 and 7:30 of the three totals.
    await page.getByTestId('within-minutes').fill('8');
    await expect.poll(() => page.getByTestId('breakdown-table').textContent()).toContain('≤ 8 min');
    await expect.poll(() => page.locator('[data-testid="breakdown-row"][data-key="all"]').textContent()).toContain('66.7 %');
    // Durations are clocks, never decimal minutes.
    expect(await page.getByTestId('reports').textContent()).not.toMatch(/\d\.\d+ ?min/);
    await screenshot(page, '50-reports-breakdown');
  });

  it('reads the same in Simplified Chinese', async () => {
    const { page } = e;
    await page.getByTestId('language-switch').getByText('简体中文').click();
    await expect.poll(() => page.getByTestId('response-breakdown').textContent()).toContain('力量类型');
    await page.getByTestId('breakdown-by').getByText('力量类型').click();
    await expect.poll(() => page.getByTestId('breakdown-table').getAttribute('data-by')).toBe('unit_kind');
    expect(await page.getByTestId('breakdown-table').textContent()).toContain('总响应');
    expect(await page.getByTestId('breakdown-table').textContent()).toContain('消防车');
    expect(await cell('ambulance', 'total-p50').textContent()).toBe('8:00');
    expect(await page.getByTestId('component-total').textContent()).toContain('7:30');
    expect(await page.getByTestId('reports').textContent()).toContain('响应时间分段');
    await screenshot(page, '51-reports-breakdown-zh-CN');
    await page.getByTestId('language-switch').getByText('English').click();
    expect(e.pageErrors).toEqual([]);
  });
});
