import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rows } from '../../server/src/platform/db/client.js';
import type { TestUser } from '../../server/test/harness.js';
import { chromiumPresent, screenshot, signIn, startE2E, type E2E } from './harness.js';
import { switchLanguage } from './screens-checks.js';

/**
 * What a municipal dispatcher met on the walk of a newcomer's demo world (issue: walk, en + zh-CN):
 * the intake named the call's municipality in Latin letters on a Chinese screen; a call placed in the
 * next municipality answered "An error occurred, retry or ask your administrator", which is not what to
 * do; and the recommendation's "mutual aid from Triesen" badge ended in "…" before the lender's name.
 */
const VADUZ: [number, number] = [9.5215, 47.141];
const TRIESENBERG: [number, number] = [9.54354, 47.11732];

describe.skipIf(!chromiumPresent)("a Vaduz dispatcher's call, in Chinese", () => {
  let e: E2E;
  let dispatcher: TestUser;

  beforeAll(async () => {
    e = await startE2E();
    dispatcher = await e.user('dispatcher', 'li.oberland.vaduz');
  });
  afterAll(async () => e?.close());

  const placeAt = async ([lon, lat]: [number, number]) => {
    const { page } = e;
    const address = page.getByTestId('intake-address');
    await address.fill('');
    await address.fill(`${lat}, ${lon}`);
    await page.getByRole('option').first().click();
  };

  it('names the place in Chinese, says what to do with a call outside Vaduz, and shows the lender of mutual aid whole', async () => {
    const { page } = e;
    await signIn(e, dispatcher);
    await switchLanguage(page, 'zh-CN');
    await page.getByTestId('new-incident').click();
    await page.getByTestId('intake-panel').waitFor();
    await page.getByTestId('intake-type').fill('火灾');
    await page.getByRole('option', { name: '火灾', exact: true }).click();

    await placeAt(TRIESENBERG);
    const where = page.getByTestId('intake-jurisdiction');
    await expect.poll(() => where.textContent()).toContain('不在您的辖区内');
    expect(await where.textContent()).toContain('转交');
    // Whole, not cut at the panel's edge.
    expect(await where.evaluate((el) => el.scrollWidth <= el.clientWidth + 1)).toBe(true);
    await screenshot(page, 'intake-outside-area-zh');

    await placeAt(VADUZ);
    await expect.poll(() => where.textContent()).toBe('· 瓦杜兹');
    await page.getByTestId('intake-submit').click();
    await page.waitForURL(/\/incidents\/[0-9a-f-]{36}$/);

    // A fire in Vaduz: engines from Triesen and Schaan come by mutual aid, their badges naming them whole.
    const badges = page.getByTestId('mutual-aid-badge');
    await badges.first().waitFor();
    const texts = await badges.allTextContents();
    expect(texts.some((s) => s.includes('特里森'))).toBe(true);
    const cut = await badges.evaluateAll((els) => els.filter((el) => {
      const label = el.querySelector('.mantine-Badge-label') ?? el;
      const a = el.getBoundingClientRect();
      const b = label.getBoundingClientRect();
      return label.scrollWidth > label.clientWidth + 1 || b.right > a.right + 1 || b.bottom > a.bottom + 1;
    }).map((el) => el.textContent));
    expect(cut).toEqual([]);
    await screenshot(page, 'dispatch-mutual-aid-zh');
    expect(e.pageErrors).toEqual([]);
  });
  it("shows an exercise call's badge whole on the board, beside a long incident type, in both languages", async () => {
    // The lead's walk of the demo world: "Hazardous material leak" pushed the badge to "Exercise: simulated c" (cut, no ellipsis).
    const { page } = e;
    const made = await e.api(dispatcher.cookie, 'POST', '/incidents', { type: 'hazmat_leak', priority: 'P2', location: VADUZ, address: 'Städtle 1' });
    expect(made.status, JSON.stringify(made.json)).toBe(201);
    await rows(e.t.app.platform.db, sql`update incidents set origin = 'simulated' where id = ${made.json.id}`);
    const eq = dispatcher.cookie.indexOf('=');
    await page.context().addCookies([{ name: dispatcher.cookie.slice(0, eq), value: dispatcher.cookie.slice(eq + 1), url: e.base }]);
    await page.goto(`${e.base}/`);
    const badge = page.locator(`[data-incident-id="${made.json.id}"]`).getByTestId('incident-origin');
    await badge.waitFor();
    for (const language of ['en', 'zh-CN'] as const) {
      await switchLanguage(page, language);
      const shown = await badge.evaluate((el) => {
        const cell = el.closest('td')!.getBoundingClientRect();
        const box = el.getBoundingClientRect();
        const clip = el.parentElement!.getBoundingClientRect();
        return { whole: el.scrollWidth <= el.clientWidth + 1 && box.right <= Math.min(cell.right, clip.right) + 1 && box.left >= cell.left - 1 };
      });
      expect(shown.whole, language).toBe(true);
    }
    await screenshot(page, 'board-exercise-badge');
  });
});
