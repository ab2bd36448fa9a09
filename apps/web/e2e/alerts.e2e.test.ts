import type { StreamEvent } from '@firebreak/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sweepResponseClocks } from '../../server/src/modules/incidents/index.js';
import type { Platform } from '../../server/src/platform/kernel.js';
import type { TestUser } from '../../server/test/harness.js';
import type { Locator, Page } from 'playwright-core';
import { chromiumPresent, mapReady, screenshot, signIn, startE2E, type E2E } from './harness.js';

/** Fails when `what` overlaps any of `others` on screen (a toast over a control it would hide). */
async function expectNoOverlap(page: Page, what: Locator, others: Locator[]): Promise<void> {
  const a = (await what.boundingBox())!;
  expect(a).not.toBeNull();
  for (const o of others) {
    const b = await o.first().boundingBox();
    if (!b) continue;
    const overlaps = a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
    expect(overlaps, `${JSON.stringify(a)} overlaps ${JSON.stringify(b)} (${page.url()})`).toBe(false);
  }
}

const MINUTE = 60_000;
/** The centre of Vaduz (li.oberland.vaduz): an incident there escalates to Oberland. */
const VADUZ: [number, number] = [9.5215, 47.141];

describe.skipIf(!chromiumPresent)('alerts: a duty officer is told at once of an escalation from below', () => {
  let e: E2E;
  let officer: TestUser;

  beforeAll(async () => {
    e = await startE2E();
    officer = await e.user('duty_officer', 'li.oberland');
    await signIn(e, officer);
  });
  afterAll(async () => e?.close());

  it('toasts a missed P1 tier in Vaduz, counts it on the bell, opens the incident, and still lists it read after a reload', async () => {
    const { page } = e;
    await expect.poll(() => page.getByTestId('connection-state').getAttribute('data-state')).toBe('live');
    expect(await page.getByTestId('alerts-bell').getAttribute('data-unread')).toBe('0');

    // Received 15 minutes ago: the e2e server's first tier (10 min) is already due, the second (30 min) not yet.
    const admin = await e.adminCookie();
    const created = await e.api(admin, 'POST', '/incidents', { type: 'fire', priority: 'P1', location: VADUZ, receivedAt: new Date(Date.now() - 15 * MINUTE).toISOString() });
    expect(created.status, JSON.stringify(created.json)).toBe(201);
    expect(created.json.jurisdictionPath).toBe('li.oberland.vaduz');
    const incidentId = created.json.id as string;
    // The clock sweep the server runs every few seconds, run now: tier 1 is missed and escalates to li.oberland.
    await sweepResponseClocks((e.t.app as unknown as { platform: Platform }).platform.command);

    const toast = page.getByTestId('alert-toast');
    await toast.waitFor();
    const toastText = (await toast.textContent()) ?? '';
    expect(toastText).toContain('Critical');
    expect(toastText).toContain('P1 Fire in Vaduz: tier 1 missed');
    expect(toastText).not.toContain('Exercise');
    expect(await toast.getAttribute('data-severity')).toBe('critical');
    const bell = page.getByTestId('alerts-bell');
    await expect.poll(() => bell.getAttribute('data-unread')).toBe('1');
    expect(await page.getByTestId('alerts-summary-critical').getAttribute('data-count')).toBe('1');
    expect(await bell.getAttribute('aria-label')).toBe('Alerts: 1 unread (1 Critical)');
    // One toast, and it covers no control of the header (New incident, LIVE, language) nor the panel beside the map.
    expect(await toast.count()).toBe(1);
    await expectNoOverlap(page, toast, [page.locator('header.fb-header'), page.locator('aside')]);
    // Screen readers hear it from the assertive live region.
    expect(await page.getByTestId('alerts-announce-critical').textContent()).toContain('P1 Fire in Vaduz: tier 1 missed');
    await screenshot(page, 'alerts-01-escalation-toast');

    await toast.getByTestId('alert-toast-open').click();
    await page.waitForURL((u) => u.pathname === `/incidents/${incidentId}`);
    await page.locator(`[data-testid="incident-detail"][data-incident-id="${incidentId}"]`).waitFor();
    await expect.poll(() => bell.getAttribute('data-unread')).toBe('0');
    await expect.poll(() => toast.count()).toBe(0);

    await page.reload();
    await mapReady(page);
    await expect.poll(() => page.getByTestId('connection-state').getAttribute('data-state')).toBe('live');
    expect(await bell.getAttribute('data-unread')).toBe('0');
    expect(await toast.count()).toBe(0);
    // Keyboard: focus the bell and open the panel with Enter.
    await bell.focus();
    await page.keyboard.press('Enter');
    const item = page.getByTestId('alert-item');
    await item.waitFor();
    expect(await item.count()).toBe(1);
    expect(await item.getAttribute('data-read')).toBe('true');
    expect(await item.textContent()).toContain('P1 Fire in Vaduz: tier 1 missed');
    await screenshot(page, 'alerts-02-panel-after-reload');
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByTestId('alert-item').count()).toBe(0);

    // An escalation of a simulated incident is an exercise, and the alert says so.
    const exercise: StreamEvent = {
      id: '01938a4e-0000-7000-8000-00000000e2e1', position: 0, type: 'incidents.escalated', occurredAt: new Date().toISOString(), jurisdictionPath: 'li.oberland',
      data: { incidentId, type: 'fire', priority: 'P1', origin: 'simulated', jurisdictionPath: 'li.oberland.vaduz', tier: 2, label: 'patrol on scene',
        deadlineAt: new Date().toISOString(), missedAt: new Date().toISOString(), escalatedToId: 'x', escalatedToPath: 'li.oberland' },
    };
    // Down the stream's own path (the app's test hook): the simulator is not running in this world.
    await page.evaluate((ev) => (window as unknown as { firebreakLive: { inject(events: unknown[]): void } }).firebreakLive.inject([ev]), exercise);
    await toast.waitFor();
    expect(await toast.textContent()).toContain('Exercise / simulated: P1 Fire in Vaduz: tier 2 missed');
    await expect.poll(() => bell.getAttribute('data-unread')).toBe('1');
    await screenshot(page, 'alerts-03-exercise-toast');
    // A second critical alert while one is on screen takes its place: never more than one toast.
    const second: StreamEvent = { ...exercise, id: '01938a4e-0000-7000-8000-00000000e2e2', occurredAt: new Date().toISOString(), data: { ...exercise.data as object, tier: 3, label: 'reinforcements on scene' } };
    await page.evaluate((ev) => (window as unknown as { firebreakLive: { inject(events: unknown[]): void } }).firebreakLive.inject([ev]), second);
    await expect.poll(() => toast.getAttribute('data-alert-id')).toBe(second.id);
    expect(await toast.count()).toBe(1);
    await expect.poll(() => bell.getAttribute('data-unread')).toBe('2');
    await bell.click();
    await page.getByTestId('alerts-mark-all-read').click();
    await expect.poll(() => bell.getAttribute('data-unread')).toBe('0');
    expect(await page.locator('[data-testid="alert-item"][data-read="true"]').count()).toBe(3);
    await expect.poll(() => toast.count()).toBe(0);
    expect(e.pageErrors).toEqual([]);
  });

  it('catches up at sign-in on an escalation that reached the level while nobody was signed in', async () => {
    const { page } = e;
    await page.context().clearCookies();
    const admin = await e.adminCookie();
    const created = await e.api(admin, 'POST', '/incidents', { type: 'rescue', priority: 'P2', location: VADUZ, receivedAt: new Date(Date.now() - 15 * MINUTE).toISOString() });
    expect(created.status, JSON.stringify(created.json)).toBe(201);
    await sweepResponseClocks((e.t.app as unknown as { platform: Platform }).platform.command);
    await signIn(e, officer);
    const bell = page.getByTestId('alerts-bell');
    await expect.poll(() => bell.getAttribute('data-unread')).toBe('1');
    // Summed up on the bell by severity, not toasted over the screen.
    expect(await page.getByTestId('alerts-summary-critical').getAttribute('data-count')).toBe('1');
    expect(await page.getByTestId('alert-toast').count()).toBe(0);
    await bell.click();
    const unread = page.locator('[data-testid="alert-item"][data-read="false"]');
    await unread.waitFor();
    expect(await unread.textContent()).toContain('P2 Rescue in Vaduz: tier 1 missed');
    await screenshot(page, 'alerts-04-caught-up-at-sign-in');
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByTestId('alert-item').count()).toBe(0);
    expect(e.pageErrors).toEqual([]);
  });

  it('shows a new critical toast on one device only, and what one device read is read on the other', async () => {
    const { page } = e;
    const other = await e.browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'en-US', timezoneId: 'Europe/Vaduz' });
    try {
      const page2 = await other.newPage();
      await signIn({ ...e, page: page2 }, officer);
      for (const p of [page, page2]) await expect.poll(() => p.getByTestId('connection-state').getAttribute('data-state')).toBe('live');
      const unreadBefore = Number(await page.getByTestId('alerts-bell').getAttribute('data-unread'));
      // Each device claims the toast on the server (POST /alerts/receipts with `seen`) and shows it only when its claim won.
      const claimed = [page, page2].map((p) => p.waitForResponse((r) => r.url().endsWith('/api/v1/alerts/receipts') && r.request().method() === 'POST'
        && Array.isArray((r.request().postDataJSON() as { seen?: unknown } | null)?.seen)));
      // Awaited below; when an expectation fails before that, their timeouts must not count as unhandled.
      for (const c of claimed) c.catch(() => undefined);
      const admin = await e.adminCookie();
      const created = await e.api(admin, 'POST', '/incidents', { type: 'fire', priority: 'P1', location: VADUZ, receivedAt: new Date(Date.now() - 15 * MINUTE).toISOString() });
      expect(created.status, JSON.stringify(created.json)).toBe(201);
      await sweepResponseClocks((e.t.app as unknown as { platform: Platform }).platform.command);
      // Both devices count it; exactly one of them shows its toast.
      for (const p of [page, page2]) await expect.poll(() => p.getByTestId('alerts-bell').getAttribute('data-unread')).toBe(String(unreadBefore + 1));
      const toasts = async () => (await page.getByTestId('alert-toast').count()) + (await page2.getByTestId('alert-toast').count());
      await expect.poll(toasts).toBe(1);
      // Both claims answered: a device whose claim lost would (wrongly) show its toast now, by the next frame.
      const answers = await Promise.all(claimed.map(async (r) => ((await (await r).json()) as { firstSeen: string[] }).firstSeen.length));
      expect(answers.sort()).toEqual([0, 1]);
      for (const p of [page, page2]) await p.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
      expect(await toasts()).toBe(1);
      await screenshot(page, 'alerts-05-one-device-toast');
      // Read on the first device: the second, reloaded, lists it read and shows no toast.
      await page.getByTestId('alerts-bell').click();
      await page.getByTestId('alerts-mark-all-read').click();
      await expect.poll(() => page.getByTestId('alerts-bell').getAttribute('data-unread')).toBe('0');
      await page.keyboard.press('Escape');
      await page2.reload();
      await mapReady(page2);
      await expect.poll(() => page2.getByTestId('alerts-bell').getAttribute('data-unread')).toBe('0');
      expect(await page2.getByTestId('alert-toast').count()).toBe(0);
    } finally {
      await other.close();
    }
    expect(e.pageErrors).toEqual([]);
  });
});
