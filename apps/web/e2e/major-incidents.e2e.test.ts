import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestUser } from '../../server/test/harness.js';
import { chromiumPresent, screenshot, signIn, startE2E, type E2E } from './harness.js';

const MARKET: [number, number] = [9.5215, 47.141]; // Vaduz

describe.skipIf(!chromiumPresent)('command center: a major incident declared from an incident, a sector staffed, a public alert composed, approved by a second person and read from the feed, a SITREP rolled up to the region', () => {
  let e: E2E;
  let vaduz: TestUser;
  let region: TestUser;
  let crew: TestUser;
  let incidentId = '';
  let unitCallSign = '';
  let patrolCallSign = '';
  const ok = async <T>(res: Promise<{ status: number; json: T }>, status = 201): Promise<T> => {
    const r = await res;
    expect(r.status, JSON.stringify(r.json)).toBe(status);
    return r.json;
  };
  const pick = async (page: Page, testId: string, option: string | RegExp) => {
    await page.getByTestId(testId).click();
    await page.getByRole('option', { name: option }).first().click();
  };

  beforeAll(async () => {
    e = await startE2E();
    // Vaduz's duty officer declares and commands (directives:issue there); Oberland's duty officer is the level above.
    vaduz = await e.user('duty_officer', 'li.oberland.vaduz');
    region = await e.user('duty_officer', 'li.oberland');
    crew = await e.user('unit_member', 'li.oberland.vaduz');
    const admin = await e.adminCookie();
    type Node = { id: string; path: string; children: Node[] };
    const ids: Record<string, string> = {};
    const walk = (nodes: Node[]) => nodes.forEach((n) => { ids[n.path] = n.id; walk(n.children); });
    walk((await ok(e.api(admin, 'GET', '/jurisdictions'), 200)) as Node[]);
    const post = (await ok(e.api(admin, 'POST', '/posts', { jurisdictionId: ids['li.oberland.vaduz'], kind: 'duty_post', title: 'Vaduz incident command' }))) as { id: string };
    await ok(e.api(admin, 'POST', `/posts/${post.id}/handovers`, { userId: vaduz.id }), 200);
    incidentId = ((await ok(e.api(vaduz.cookie, 'POST', '/incidents', { type: 'explosion', priority: 'P1', location: MARKET, narrative: 'Gas explosion at the market hall' }))) as { id: string }).id;
    const units = (await ok(e.api(vaduz.cookie, 'GET', '/units'), 200)) as { items?: { callSign: string; kind: string; jurisdictionPath: string }[] } | { callSign: string; kind: string; jurisdictionPath: string }[];
    const list = Array.isArray(units) ? units : units.items ?? [];
    unitCallSign = list.find((u) => u.jurisdictionPath.startsWith('li.oberland.vaduz'))!.callSign;
    patrolCallSign = list.find((u) => u.jurisdictionPath.startsWith('li.oberland.vaduz') && u.kind === 'patrol_car')!.callSign;
  });
  afterAll(async () => e?.close());

  it('declares from the incident, staffs the command and a sector, and submits a SITREP that the region sees live', async () => {
    const { page } = e;
    await signIn(e, vaduz);
    await page.goto(`${e.base}/incidents/${incidentId}`);
    await page.getByTestId('declare-major').click();
    await page.getByTestId('declare-title').fill('Market hall gas explosion');
    await page.getByTestId('declare-estimate').fill('12');
    await page.getByRole('button', { name: 'Declare', exact: true }).click();
    await page.waitForURL(/\/major-incidents\/[0-9a-f-]+$/);
    const detail = page.getByTestId('major-detail');
    await expect.poll(() => detail.getByTestId('major-level').textContent()).toBe('Level III');
    await expect.poll(() => detail.textContent()).toContain('Commanded by Vaduz');
    // Names, never paths.
    expect(await detail.textContent()).not.toContain('li.oberland');
    expect(await page.getByTestId('major-clock-first').getAttribute('data-state')).toBe('open');
    expect(await page.getByTestId('major-clock-first').textContent()).toMatch(/\d+:\d\d left/);
    const majorId = (await detail.getAttribute('data-major-id'))!;

    // The regional duty officer's screen, in a second browser, open on the same major incident.
    const other = await e.browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'en-US', timezoneId: 'Europe/Vaduz' });
    const regionPage = await other.newPage();
    try {
      await regionPage.goto(`${e.base}/login`);
      await regionPage.getByTestId('login-username').fill(region.username);
      await regionPage.getByTestId('login-password').fill(region.password);
      await regionPage.getByTestId('login-submit').click();
      await regionPage.waitForURL((u) => !u.pathname.startsWith('/login'));
      await regionPage.goto(`${e.base}/major-incidents/${majorId}`);
      await regionPage.getByTestId('major-detail').waitFor();
      // The list fills in after the detail (its own query): wait for its words rather than read it at once.
      await regionPage.getByTestId('major-sitrep-list').getByText('No situation reports yet').waitFor();

      // The incident commander, then a sector, both held by the post Vaduz's duty officer holds.
      await pick(page, 'major-add-post', /Vaduz incident command/);
      await page.getByTestId('major-add-position-send').click();
      await page.locator('[data-testid="major-position"][data-role="commander"]').waitFor();
      await pick(page, 'major-add-role', 'Sector');
      await page.getByTestId('major-add-sector-name').fill('Market hall');
      await pick(page, 'major-add-post', /Vaduz incident command/);
      await page.getByTestId('major-add-position-send').click();
      const sector = page.locator('[data-testid="major-position"][data-name="Market hall"]');
      await sector.waitFor();
      await pick(page, 'major-assign-unit', unitCallSign);
      await page.getByTestId('major-assign-unit-send').click();
      await expect.poll(() => sector.getByTestId('major-sector-units').textContent()).toContain(unitCallSign);
      await sector.getByTestId('major-sector-immediate').fill('3');
      await sector.getByTestId('major-sector-minor').fill('9');
      await sector.getByTestId('major-sector-casualties-save').click();
      await expect.poll(() => page.getByTestId('major-tally-total').textContent()).toBe('12');

      // An outer cordon of 600 m: the key places inside are named by category.
      await page.getByTestId('major-cordon-outer-radius').fill('600');
      await page.getByTestId('major-cordon-outer-set').click();
      await expect.poll(() => page.getByTestId('major-cordon-outer').getAttribute('data-set')).toBe('true');
      expect(await page.getByTestId('major-cordon-outer').textContent()).toContain('600 m around the scene');
      // Where the roads cross it, traffic control points are computed and offered to patrols; one is given to a patrol in one action.
      const tcp = page.locator('[data-testid="major-traffic-point"]').first();
      await tcp.waitFor();
      expect(await tcp.getAttribute('data-held')).toBe('no');
      await tcp.getByTestId('major-traffic-unit').click();
      await page.getByRole('option', { name: patrolCallSign, exact: true }).first().click();
      await tcp.getByTestId('major-traffic-give').click();
      await expect.poll(() => tcp.getAttribute('data-held')).toBe('yes');
      expect(await tcp.getByTestId('major-traffic-patrol').textContent()).toContain(patrolCallSign);

      // The rest stay offered: a patrol's crew, on its own screen in a third browser, takes one for its patrol, and the commander's board shows it held live.
      const crewContext = await e.browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'en-US', timezoneId: 'Europe/Vaduz' });
      try {
        const crewPage = await crewContext.newPage();
        await crewPage.goto(`${e.base}/login`);
        await crewPage.getByTestId('login-username').fill(crew.username);
        await crewPage.getByTestId('login-password').fill(crew.password);
        await crewPage.getByTestId('login-submit').click();
        await crewPage.waitForURL((u) => !u.pathname.startsWith('/login'));
        await crewPage.goto(`${e.base}/units`);
        const offer = crewPage.locator('[data-testid="traffic-offer"]').first();
        await offer.waitFor();
        const offered = (await offer.getAttribute('data-name'))!;
        // The patrol holding a point is offered no second one.
        await offer.getByTestId('traffic-offer-unit').click();
        const options = await crewPage.getByRole('option').allTextContents();
        expect(options.length).toBeGreaterThan(0);
        expect(options.some((o) => o.startsWith(`${patrolCallSign} `))).toBe(false);
        const taker = options[0]!.split(' · ')[0]!;
        await crewPage.getByRole('option').first().click();
        await offer.getByTestId('traffic-offer-take').click();
        await expect.poll(() => crewPage.locator(`[data-testid="traffic-offer"][data-name="${offered}"]`).count()).toBe(0);
        const held = page.locator(`[data-testid="major-traffic-point"][data-name="${offered}"]`);
        await expect.poll(() => held.getAttribute('data-held'), { timeout: 15_000 }).toBe('yes');
        expect(await held.getByTestId('major-traffic-patrol').textContent()).toContain(taker);
      } finally {
        await crewContext.close();
      }

      // A public alert over the outer cordon, in both alert languages, previewed, issued, and read from the public feed without login.
      await page.getByTestId('major-alert-compose').click();
      const texts: Record<string, Record<string, string>> = {
        'en-US': { event: 'Gas explosion', headline: 'Gas explosion at Vaduz market: keep away', description: 'A gas explosion at the market hall.', instruction: 'Keep away; close windows and doors.', areaDesc: 'Vaduz market, 600 m around' },
        'zh-CN': { event: '燃气爆炸', headline: '瓦杜兹市场燃气爆炸：请远离', description: '市场大厅发生燃气爆炸。', instruction: '请远离；关闭门窗。', areaDesc: '瓦杜兹市场周边600米' },
      };
      for (const [language, fields] of Object.entries(texts)) for (const [k, v] of Object.entries(fields)) await page.getByTestId(`major-alert-${language}-${k}`).fill(v);
      expect(await page.getByTestId('major-alert-preview-zh-CN').textContent()).toContain('瓦杜兹市场燃气爆炸：请远离');
      await page.getByTestId('major-alert-issue').click();
      // Two-person approval: the composer sees the draft waiting, with no way to approve it themself.
      const own = page.getByTestId('major-alert-draft');
      await own.waitFor();
      expect(await own.getAttribute('data-own')).toBe('true');
      expect(await own.getByTestId('major-alert-approve').count()).toBe(0);
      expect((await fetch(`${e.base}/api/v1/public-alerts/feed.atom`).then((r) => r.text()))).not.toContain('Gas explosion at Vaduz market: keep away');
      // The region's duty officer, a second person who may command, sees it live with the preview in both languages and approves it.
      const waiting = regionPage.getByTestId('major-alert-draft');
      await waiting.waitFor({ timeout: 15_000 });
      expect(await waiting.getAttribute('data-own')).toBe('false');
      expect(await waiting.getByTestId('major-alert-draft-preview-zh-CN').textContent()).toContain('瓦杜兹市场燃气爆炸：请远离');
      expect(await waiting.getByTestId('major-alert-draft-preview-en-US').textContent()).toContain('Keep away; close windows and doors.');
      await waiting.getByTestId('major-alert-approve').click();
      const issued = page.locator('[data-testid="major-alert"][data-msg-type="Alert"]');
      await issued.waitFor({ timeout: 15_000 });
      expect(await page.getByTestId('major-alert-draft').count()).toBe(0);
      const alertId = (await issued.getAttribute('data-alert-id'))!;
      const feed = await fetch(`${e.base}/api/v1/public-alerts/feed.atom`);
      expect(feed.status).toBe(200);
      const atom = await feed.text();
      // Links are relative to the feed (no host taken from the request: a forged Host must not reach a cached feed).
      expect(atom).toContain(`href="${alertId}.xml"`);
      expect(atom).toContain('Gas explosion at Vaduz market: keep away');
      const cap = await (await fetch(`${e.base}/api/v1/public-alerts/${alertId}.xml`)).text();
      expect(cap).toContain('<msgType>Alert</msgType>');
      expect(cap).toContain('<language>zh-CN</language>');

      await page.getByTestId('sitrep-situation').fill('East wing collapsed; search under way.');
      await page.getByTestId('sitrep-committed').fill('5');
      await page.getByTestId('sitrep-requested').fill('2');
      await page.getByTestId('sitrep-cordon').fill('Inner cordon 100 m');
      await page.getByTestId('sitrep-next').fill('Isolate the gas main.');
      await page.getByTestId('sitrep-submit').click();
      await page.locator('[data-testid="major-sitrep"][data-seq="1"]').waitFor();

      // Rolled up: the region's open screen shows it without a reload, with the tally and the sector's unit.
      const rolled = regionPage.locator('[data-testid="major-sitrep"][data-seq="1"]');
      await rolled.waitFor({ timeout: 15_000 });
      expect(await rolled.getByTestId('major-sitrep-situation').textContent()).toBe('East wing collapsed; search under way.');
      expect(await rolled.textContent()).toContain('3 immediate');
      await expect.poll(() => regionPage.getByTestId('major-tally-total').textContent()).toBe('12');
      await expect.poll(() => regionPage.locator('[data-testid="major-position"][data-name="Market hall"]').getByTestId('major-sector-units').textContent()).toContain(unitCallSign);
      await screenshot(regionPage, 'major-incident-region');

      // The after-action page: the timeline in the reader's language.
      await regionPage.goto(`${e.base}/major-incidents/${majorId}/report`);
      const timeline = regionPage.getByTestId('after-action-timeline');
      await timeline.waitFor();
      for (const line of ['Declared', 'Position added', 'Unit assigned to a sector', 'Casualty counts updated', 'Public alert composed for approval', 'Public alert approved and published', 'Public alert issued', 'SITREP submitted']) expect(await timeline.textContent()).toContain(line);
      await screenshot(regionPage, 'major-incident-after-action');
    } finally {
      await other.close();
    }
    expect(e.pageErrors).toEqual([]);
  });
});
