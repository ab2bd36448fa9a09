import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumPresent, screenshot, startE2E, type E2E } from './harness.js';

describe.skipIf(!chromiumPresent)('coverage: live 1-3-5 coverage of schools on a map, and suggested patrol posts', () => {
  let e: E2E;
  let admin: string;

  beforeAll(async () => {
    e = await startE2E();
    admin = await e.adminCookie();
    const [name, ...value] = admin.split('=');
    await e.page.context().addCookies([{ name: name!, value: value.join('='), url: e.base }]);
  });
  afterAll(async () => e?.close());

  it("shows the demo country's schools by tier, the worst first, as the API computes them, then places 3 posts", async () => {
    const { page } = e;
    const api = (await e.api(admin, 'GET', '/coverage?category=school')).json as { places: number; uncovered: number; tiers: { minutes: number; covered: number }[]; items: { name: string }[] };
    expect(api.places).toBe(19);
    await page.goto(`${e.base}/coverage?category=school`);
    await expect.poll(() => page.getByTestId('coverage-row').count(), { timeout: 30_000 }).toBe(19);
    expect(await page.getByTestId('coverage-row').first().textContent()).toContain(api.items[0]!.name);
    expect(await page.getByTestId('coverage-uncovered').textContent()).toContain(String(api.uncovered));
    expect(await page.getByTestId('coverage-tier-3').textContent()).toContain(`${api.tiers[1]!.covered} of 19`);
    // The map draws one circle per school.
    await expect.poll(() => page.evaluate(() => document.querySelector('[data-testid="coverage-map"] canvas') !== null)).toBe(true);
    await screenshot(page, '60-coverage');

    await page.getByTestId('placement-run').click();
    await expect.poll(() => page.getByTestId('placement-posts').locator('li').count(), { timeout: 30_000 }).toBe(3);
    expect(await page.getByTestId('placement-result').textContent()).toMatch(/Exact \(HiGHS\) · proven optimal/);
    await screenshot(page, '61-coverage-placement');
  });
});
