import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumPresent, screenshot, startE2E, type E2E } from './harness.js';
import { switchLanguage } from './screens-checks.js';

const DAY = 86_400_000;

/**
 * What a Vaduz inspector met on the walk of a newcomer's demo world, in Chinese: after an
 * inspection with a finding, the campaign's bars by jurisdiction were labelled "Vaduz" beside a
 * table saying 瓦杜兹, the hazards-per-day axis counted one hazard as 0.25, 0.5, 0.75, 1, and the hazard
 * it raised read "Failed in inspection <uuid> (campus_safety v1): answer "fail"" in English.
 */
describe.skipIf(!chromiumPresent)("a Vaduz inspector's campaign, in Chinese", () => {
  let e: E2E;

  beforeAll(async () => {
    e = await startE2E();
  });
  afterAll(async () => e?.close());

  it('records a failing inspection; the charts name Vaduz in Chinese and count hazards in whole numbers', async () => {
    const { page } = e;
    const admin = await e.adminCookie();
    const [li] = (await e.api(admin, 'GET', '/jurisdictions')).json as { id: string }[];
    const issued = await e.api(admin, 'POST', '/campaigns', { title: 'Winter school check', jurisdictionId: li!.id, categories: ['school'], startsAt: new Date(Date.now() - 3_600_000).toISOString(), endsAt: new Date(Date.now() + 30 * DAY).toISOString() });
    expect(issued.status, JSON.stringify(issued.json)).toBe(201);
    const campaignId = issued.json.id as string;

    // Not harness signIn: an inspector lands on the campaigns, not on the map it waits for.
    const inspector = await e.user('inspector', 'li.oberland.vaduz');
    await page.goto(`${e.base}/login`);
    await page.getByTestId('login-username').fill(inspector.username);
    await page.getByTestId('login-password').fill(inspector.password);
    await page.getByTestId('login-submit').click();
    await page.waitForURL((u) => !u.pathname.startsWith('/login'));
    await switchLanguage(page, 'zh-CN');
    await page.goto(`${e.base}/campaigns`);
    await page.locator(`[data-testid="campaign-row"][data-id="${campaignId}"]`).click();
    await page.getByTestId('campaign-detail').waitFor();
    await page.getByTestId('assignment-inspect').first().click();
    const form = page.getByTestId('inspection-form');
    await form.waitFor();
    await form.getByTestId('inspection-all-pass').click();
    await form.locator('[data-testid^="inspection-answer-"][data-testid$="-fail"]').first().click();
    for (const select of await form.locator('select').all()) if (!(await select.inputValue())) await select.selectOption({ index: 1 });
    await form.getByTestId('inspection-submit').click();
    await form.waitFor({ state: 'detached' });
    await expect.poll(() => page.getByTestId('campaign-coverage').getAttribute('data-inspected')).toBe('1');

    // The bars by jurisdiction: named as the table beside them names them.
    const chart = page.getByTestId('campaign-chart');
    await expect.poll(() => chart.locator('.recharts-cartesian-axis-tick-value').allTextContents()).toContain('瓦杜兹');
    expect(await chart.locator('.recharts-cartesian-axis-tick-value').allTextContents()).not.toContain('Vaduz');

    // Hazards per day: one hazard found, ticks whole.
    const progress = page.getByTestId('campaign-progress');
    await expect.poll(() => progress.locator('.recharts-cartesian-axis-tick-value').count()).toBeGreaterThan(0);
    // Every tick of both charts (the days read 12月8日): none a fraction.
    const ticks = await progress.locator('.recharts-cartesian-axis-tick-value').allTextContents();
    expect(ticks.filter((s) => /^\d+[.,]\d+$/.test(s.trim())), ticks.join(' ')).toEqual([]);
    await screenshot(page, 'campaign-inspected-zh');

    // The hazard the failed item raised says where it came from in Chinese, not "Failed in inspection <uuid> (campus_safety v1): answer "fail"".
    await page.goto(`${e.base}/hazards`);
    await page.getByTestId('hazard-open').first().click();
    await expect.poll(() => page.getByTestId('hazard-from-inspection').textContent()).toBe('检查中该场所未通过的检查表项目。');
    const detail = await page.getByTestId('hazard-from-inspection').locator('xpath=..').textContent();
    expect(detail).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-|campus_safety|"fail"|Failed in inspection/);
    await screenshot(page, 'hazard-from-inspection-zh');
    expect(e.pageErrors).toEqual([]);
  });
});
