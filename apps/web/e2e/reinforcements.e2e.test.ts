import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestUser } from '../../server/test/harness.js';
import { clearDemoAgreements } from '../../server/test/harness.js';
import type { Page } from 'playwright-core';
import { chromiumPresent, screenshot, startE2E, type E2E } from './harness.js';

/** Vaduz town centre: no fire station in the demo extract. */
const VADUZ: [number, number] = [9.5215, 47.141];

/**
 * Signs in through the login screen and waits for the live stream, not for the map: this test
 * reads the incident and request screens, and on a loaded machine the map's tiles take longest.
 */
async function signIn(e: Pick<E2E, 'base'> & { page: Page }, user: { username: string; password: string }): Promise<void> {
  const { page } = e;
  await page.goto(`${e.base}/`);
  await page.waitForURL(/\/login$/);
  await page.getByTestId('login-username').fill(user.username);
  await page.getByTestId('login-password').fill(user.password);
  await page.getByTestId('login-submit').click();
  await page.waitForURL((u) => !u.pathname.startsWith('/login'));
  await page.locator('[data-testid="connection-state"][data-state="live"]').waitFor({ timeout: 60_000 });
}

describe.skipIf(!chromiumPresent)('command center: a reinforcement request reaches the region, whose grant lends an engine to the incident live', () => {
  let e: E2E;
  let dispatcher: TestUser;
  let officer: TestUser;
  let incidentId: string;

  beforeAll(async () => {
    e = await startE2E();
    // No neighbour lends by agreement: the only way to an engine for Vaduz is to ask.
    await clearDemoAgreements(e.t.app);
    dispatcher = await e.user('dispatcher', 'li.oberland.vaduz');
    officer = await e.user('duty_officer', 'li.oberland');
    const created = await e.api(dispatcher.cookie, 'POST', '/incidents', { type: 'fire', priority: 'P1', location: VADUZ, address: 'Städtle 1, Vaduz' });
    expect(created.status, JSON.stringify(created.json)).toBe(201);
    incidentId = created.json.id;
    // Two browsers and a server on a machine shared with others: be patient with each step.
    e.page.setDefaultTimeout(60_000);
    await signIn(e, dispatcher);
  });
  afterAll(async () => e?.close());

  it('asks from the shortfall, the duty officer grants from the alert, and the lent engine shows on the incident without a reload', async () => {
    const { page } = e;
    // The region's duty officer, signed in in a browser of their own (what is caught up at sign-in never toasts).
    const other = await e.browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'en-US', timezoneId: 'Europe/Vaduz' });
    const page2 = await other.newPage();
    page2.setDefaultTimeout(60_000);
    await signIn({ ...e, page: page2 }, officer);
    await page.goto(`${e.base}/incidents/${incidentId}`);
    // The first recommendation loads the road network: give it time on a loaded machine.
    await page.getByTestId('shortfall').waitFor({ timeout: 60_000 });
    expect(await page.locator('[data-testid="recommendation"][data-kind="fire_engine"]').count()).toBe(0);
    await page.getByTestId('request-reinforcement').click();
    const form = page.getByTestId('reinforcement-form');
    await form.waitFor();
    // Prefilled from the shortfall: the engines the card misses (tier 2 and tier 3), asked of Oberland.
    expect(await page.getByTestId('reinforcement-kind').inputValue()).toBe('Fire engine');
    expect(await page.getByTestId('reinforcement-count').inputValue()).toBe('2');
    await expect.poll(() => page.getByTestId('reinforcement-target').inputValue()).toBe('Wahlkreis Oberland (level above)');
    await page.getByTestId('reinforcement-send').click();
    const card = page.getByTestId('reinforcement-request');
    await card.waitFor();
    expect(await card.getAttribute('data-state')).toBe('open');
    expect(await card.textContent()).toContain('Waiting for Wahlkreis Oberland');
    expect(await card.getByTestId('reinforcement-age').textContent()).toMatch(/asked \d+:\d\d ago/);
    await screenshot(page, 'reinforcement-01-asked');

    try {
      const toast = page2.getByTestId('alert-toast').filter({ hasText: 'Reinforcement asked' });
      await toast.waitFor({ timeout: 60_000 });
      expect(await toast.textContent()).toContain('2 × Fire engine for Vaduz');
      await toast.getByTestId('alert-toast-open').click();
      await page2.waitForURL(/\/reinforcements/);
      const answer = page2.getByRole('dialog');
      await answer.waitFor();
      const candidates = page2.getByTestId('grant-candidate');
      await candidates.first().waitFor();
      const lentId = (await candidates.first().getAttribute('data-unit-id'))!;
      const callSign = (await candidates.first().locator('td').nth(1).locator('p').first().textContent())!;
      expect(await candidates.first().locator('td').nth(2).textContent()).toMatch(/^\d+:\d\d$/);
      await screenshot(page2, 'reinforcement-02-answer');
      await candidates.first().getByRole('checkbox').check();
      await page2.getByTestId('grant-button').click();
      await answer.waitFor({ state: 'detached' });

      // Live on the requester's incident: among the recommendations, marked lent, and on the request.
      const lentRow = page.locator(`[data-testid="recommendation"][data-unit-id="${lentId}"]`);
      await lentRow.waitFor({ timeout: 60_000 });
      expect(await lentRow.getAttribute('data-lent')).toBe('true');
      expect(await lentRow.textContent()).toContain('Lent for this incident');
      await expect.poll(() => page.getByTestId('reinforcement-lent').textContent()).toContain(callSign);
      // One of two lent: the rest was asked of the nation at once.
      await expect.poll(() => card.textContent()).toContain('Waiting for Liechtenstein');
      await screenshot(page, 'reinforcement-03-lent');

      await page.getByTestId('language-switch').getByText('简体中文').click();
      await expect.poll(() => card.textContent()).toContain('等待Liechtenstein答复');
      expect(await lentRow.textContent()).toContain('为本事件借调');
      await page.getByTestId('language-switch').getByText('English').click();
    } finally {
      await other.close();
    }
    expect(e.pageErrors).toEqual([]);
  }, 300_000);
});
