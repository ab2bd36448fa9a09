import type { Locator } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumPresent, screenshot, startE2E, type E2E } from './harness.js';
import { switchLanguage } from './screens-checks.js';

const VADUZ: [number, number] = [9.5215, 47.141];

/**
 * What the national commander met on the walk of a newcomer's demo world: the major-incident list,
 * 24rem wide, cut its own action to "Start the gas-explosion e…" and a long title's level badge to "LEVE…".
 */
describe.skipIf(!chromiumPresent)("the commander's major-incident list, in English and Chinese", () => {
  let e: E2E;

  beforeAll(async () => {
    e = await startE2E();
  });
  afterAll(async () => e?.close());

  /** Whether any of these elements shows less than its text: its label overflows it, or it overflows its container. */
  const cut = (loc: Locator) => loc.evaluateAll((els) => els.filter((el) => {
    const label = (el.querySelector('.mantine-Button-label, .mantine-Badge-label') ?? el) as HTMLElement;
    const box = el.getBoundingClientRect();
    const inner = label.getBoundingClientRect();
    const nav = el.closest('nav')?.getBoundingClientRect();
    return label.scrollWidth > label.clientWidth + 1 || inner.right > box.right + 1 || (nav !== undefined && box.right > nav.right + 1);
  }).map((el) => el.textContent));

  it('shows the exercise action and the level badges whole', async () => {
    const { page } = e;
    const commander = await e.user('commander', 'li');
    const incident = await e.api(commander.cookie, 'POST', '/incidents', { type: 'explosion', priority: 'P1', location: VADUZ, address: 'Städtle 1' });
    expect(incident.status, JSON.stringify(incident.json)).toBe(201);
    const major = await e.api(commander.cookie, 'POST', '/major-incidents', { incidentId: incident.json.id, title: 'Gas explosion in the market hall with a collapse of the east wing', level: 'II' });
    expect(major.status, JSON.stringify(major.json)).toBe(201);

    // Signed in by the session cookie, straight onto the list: the sign-in form is the login tests' job, and the map the
    // commander lands on first is not this test's (on a loaded machine it can outwait the harness's 20 s).
    const eq = commander.cookie.indexOf('=');
    await page.context().addCookies([{ name: commander.cookie.slice(0, eq), value: commander.cookie.slice(eq + 1), url: e.base }]);
    await page.goto(`${e.base}/major-incidents`);
    await page.getByTestId('major-incident-row').first().waitFor();
    for (const language of ['en', 'zh-CN'] as const) {
      if (language !== 'en') await switchLanguage(page, language);
      await expect.poll(() => page.getByTestId('major-exercise-start').count()).toBe(1);
      expect(await cut(page.getByTestId('major-exercise-start')), language).toEqual([]);
      expect(await cut(page.getByTestId('major-incident-row').getByTestId('major-level')), language).toEqual([]);
      await screenshot(page, `major-list-${language}`);
    }
    expect(e.pageErrors).toEqual([]);
  });
});
