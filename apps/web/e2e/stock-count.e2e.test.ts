import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GoodsSite } from '@firebreak/contracts';
import type { TestUser } from '../../server/test/harness.js';
import { ensureDemoGoods } from '../../server/src/modules/controlled-goods/index.js';
import { chromiumPresent, screenshot, startE2E, type E2E } from './harness.js';

const DAY = 86_400_000;

describe.skipIf(!chromiumPresent)('counted stock in a campaign inspection: counted in litres and kilograms, reconciled against the ledger', () => {
  let e: E2E;
  let admin: string;
  let inspector: TestUser;
  let station: GoodsSite;
  let campaignId: string;

  beforeAll(async () => {
    e = await startE2E();
    await ensureDemoGoods(e.t.app.platform.command);
    admin = await e.adminCookie();
    const sites: GoodsSite[] = (await e.api(admin, 'GET', '/goods/sites')).json;
    station = sites.find((s) => s.place.category === 'fuel_station' && s.place.jurisdictionPath === 'li.oberland.vaduz' && s.holdings.length > 0 && s.holdings.every((h) => (h.unit === 'ml' || h.unit === 'g') && h.balance > 100_000))!;
    expect(station).toBeDefined();
    const published = await e.api(admin, 'POST', '/checklists', {
      key: 'licensed_stock_check', title: 'Licensed site: stock check', categories: ['fuel_station'], source: 'Issue 18: counted stock against the ledger',
      sections: [{ key: 'stock', title: 'Stock', items: [{ key: 'counted_stock', text: 'Count the stock of every licensed item', answerType: 'stock_count' }] }],
    });
    expect(published.status, JSON.stringify(published.json)).toBe(201);
    const [li] = (await e.api(admin, 'GET', '/jurisdictions')).json as { id: string }[];
    const issued = await e.api(admin, 'POST', '/campaigns', { title: 'Fuel station stock check', jurisdictionId: li!.id, categories: ['fuel_station'], startsAt: new Date(Date.now() - 3_600_000).toISOString(), endsAt: new Date(Date.now() + 30 * DAY).toISOString() });
    expect(issued.status, JSON.stringify(issued.json)).toBe(201);
    campaignId = issued.json.id as string;
    inspector = await e.user('inspector', 'li.oberland.vaduz');
  }, 180_000);
  afterAll(async () => e?.close());

  it('records each held item in a picked unit, converted to base units, and the shortfall becomes a major hazard', async () => {
    const { page } = e;
    await page.goto(`${e.base}/login`);
    await page.getByTestId('login-username').fill(inspector.username);
    await page.getByTestId('login-password').fill(inspector.password);
    await page.getByTestId('login-submit').click();
    await page.waitForURL((u) => !u.pathname.startsWith('/login'));
    await page.goto(`${e.base}/campaigns`);
    await page.locator(`[data-testid="campaign-row"][data-id="${campaignId}"]`).click();
    await page.getByTestId('campaign-detail').waitFor();
    await page.locator(`[data-testid="campaign-assignment"][data-place-id="${station.place.id}"]`).getByTestId('assignment-inspect').click();
    // Starter checklists also cover fuel stations: pick the stock check.
    const form = page.getByTestId('inspection-form');
    await form.waitFor();
    if ((await form.getByTestId('inspection-item-counted_stock').count()) === 0) {
      await page.getByRole('combobox', { name: 'Checklist' }).click();
      await page.getByRole('option', { name: /Licensed site: stock check/ }).click();
    }
    await form.getByTestId('inspection-item-counted_stock').waitFor();
    // Every held item: counted in litres or kilograms with decimals; the first one a tenth short.
    const big = (unit: string) => (unit === 'g' ? 'kg' : 'l');
    const counted = new Map<string, number>();
    for (const [i, h] of station.holdings.entries()) {
      const litres = (i === 0 ? Math.floor(h.balance * 0.9) : h.balance) / 1000;
      await form.getByTestId(`stock-unit-${h.key}`).selectOption({ label: big(h.unit) });
      await form.getByTestId(`stock-amount-${h.key}`).fill(litres.toFixed(3));
      counted.set(h.key, Math.round(litres * 1000));
      await expect.poll(() => form.getByTestId(`stock-row-${h.key}`).textContent()).toContain(`= ${counted.get(h.key)} ${h.unit}`);
    }
    // A fraction of a millilitre does not read: the field says so and the form holds the item unanswered.
    const first = station.holdings[0]!.key;
    await form.getByTestId(`stock-amount-${first}`).fill('1.0005');
    await expect.poll(() => form.getByTestId(`stock-row-${first}`).textContent()).toContain(`A whole number of ${station.holdings[0]!.unit}`);
    await form.getByTestId(`stock-amount-${first}`).fill((counted.get(first)! / 1000).toFixed(3));
    await screenshot(page, '40-inspection-stock-count');
    await form.getByTestId('inspection-submit').click();
    await form.waitFor({ state: 'detached' });

    const inspections = (await e.api(admin, 'GET', `/inspections?placeId=${station.place.id}`)).json.items as { id: string; answers: { itemKey: string; value: unknown }[] }[];
    expect(inspections[0]!.answers[0]!.value).toEqual({ counts: station.holdings.map((h) => ({ itemKey: h.key, counted: counted.get(h.key) })) });
    const report = (await e.api(admin, 'GET', '/goods/discrepancies/report')).json as { siteId: string; major: number }[];
    expect(report.find((r) => r.siteId === station.id)?.major).toBe(1);
    // The same report in the goods screen, where the duty desk reads it: the site, its count, the major difference.
    await page.goto(`${e.base}/goods`);
    const row = page.locator(`[data-testid="discrepancy-row"][data-site-id="${station.id}"]`);
    await expect.poll(() => row.count(), { timeout: 30_000 }).toBe(1);
    // An unnamed OSM station reads as its category in the reader's language, never the importer's "fuel station (OSM node …)".
    expect(await row.textContent()).not.toContain('(OSM ');
    expect(await row.getByTestId('discrepancy-major').textContent()).toBe('1 major');
    await screenshot(page, '41-goods-discrepancy-report');
    // A quantity typed negative or with a fraction is named under the field, never recorded as another one.
    await page.goto(`${e.base}/goods/${station.id}`);
    const quantity = page.getByTestId('movement-quantity');
    await quantity.fill('-5');
    await expect.poll(() => page.getByTestId('goods-movement-form').textContent()).toContain('More than zero');
    expect(await page.getByTestId('record-movement').isDisabled()).toBe(true);
    await quantity.fill('2.5');
    await expect.poll(() => page.getByTestId('goods-movement-form').textContent()).toContain('A whole number of');
    expect(await page.getByTestId('record-movement').isDisabled()).toBe(true);
    expect(e.pageErrors).toEqual([]);
  });

  it('says what rounds and items count, in English and in Chinese', async () => {
    const { page } = e;
    const [name, ...value] = admin.split('=');
    await page.context().clearCookies();
    await page.context().addCookies([{ name: name!, value: value.join('='), url: e.base }]);
    const sites: GoodsSite[] = (await e.api(admin, 'GET', '/goods/sites')).json;
    const dealer = sites.find((s) => s.holdings.some((h) => h.unit === 'round') && s.holdings.some((h) => h.unit === 'item'))!;
    expect(dealer).toBeDefined();
    const ammunition = dealer.holdings.find((h) => h.unit === 'round')!;
    const rounds = ammunition.balance.toLocaleString('en');
    const items = dealer.holdings.find((h) => h.unit === 'item')!.balance;
    const row = page.getByTestId('goods-site-row').filter({ hasText: `${rounds} rounds` });
    await page.goto(`${e.base}/goods`);
    // Was a bare "48,000" beside "12,500 L": what was counted said, in the reader's language.
    await expect.poll(() => row.count(), { timeout: 30_000 }).toBe(1);
    expect(await row.textContent()).toContain(`${items} items`);
    await page.getByTestId('language-switch').getByText('简体中文').click();
    await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe('zh-CN');
    const zhRow = page.getByTestId('goods-site-row').filter({ hasText: `${rounds} 发` });
    await expect.poll(() => zhRow.count()).toBe(1);
    expect(await zhRow.textContent()).toContain(`${items} 件`);
    await page.goto(`${e.base}/goods/${dealer.id}`);
    await expect.poll(() => page.getByTestId('goods-balance').allTextContents()).toContain(`${rounds} 发 / ${ammunition.maxQuantity.toLocaleString('en')} 发`);
    expect(e.pageErrors).toEqual([]);
  });
});
