import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestUser } from '../../server/test/harness.js';
import { chromiumPresent, screenshot, signIn, sourceFeatures, startE2E, type E2E } from './harness.js';

const DAY = 86_400_000;

describe.skipIf(!chromiumPresent)('command center: the live link and the hazard campaigns', () => {
  let e: E2E;
  let dispatcher: TestUser;
  let caller: TestUser;
  /** The browser's stream sockets go through here, so the test can cut them like a network would. */
  const link = { down: false, urls: [] as string[], toPage: [] as Record<string, unknown>[], open: [] as (() => Promise<void>)[] };

  beforeAll(async () => {
    e = await startE2E();
    dispatcher = await e.user('dispatcher', 'li');
    caller = await e.user('dispatcher', 'li');
    await e.page.routeWebSocket(/\/api\/v1\/stream/, (ws) => {
      link.urls.push(ws.url());
      // While the link is down every attempt is dropped at once, as a dead network would.
      if (link.down) return void ws.close({ code: 4000, reason: 'network down' });
      const server = ws.connectToServer();
      let cut = false;
      server.onMessage((m) => {
        if (cut) return;
        link.toPage.push(JSON.parse(String(m)) as Record<string, unknown>);
        ws.send(m);
      });
      link.open.push(async () => {
        cut = true;
        await ws.close({ code: 4000, reason: 'network down' });
        await server.close();
      });
    });
    await signIn(e, dispatcher);
  });
  afterAll(async () => e?.close());

  it('says so on screen when the stream drops, and resumes from the last event without missing one', async () => {
    const { page } = e;
    const state = page.getByTestId('connection-state');
    await expect.poll(() => state.getAttribute('data-state')).toBe('live');
    // One event while live, so the client has a position in the stream to resume from.
    const first = await openIncident(e, caller, [9.5215, 47.141]);
    await page.locator(`[data-testid="incident-row"][data-incident-id="${first}"]`).waitFor();
    link.down = true;
    for (const cut of link.open.splice(0)) await cut();
    const lastSeen = [...link.toPage].reverse().find((m) => typeof m.id === 'string' && !('kind' in m))!.id as string;
    await expect.poll(() => state.getAttribute('data-state')).toBe('offline');
    await page.getByTestId('offline-banner').waitFor();
    expect(await state.textContent()).toMatch(/offline/i);

    // Taken while this screen is cut off: it must arrive by the resume, not by a reload.
    const missed = await openIncident(e, caller, [9.5101, 47.1658]);
    await screenshot(page, '09-stream-offline');
    expect(await page.locator(`[data-testid="incident-row"][data-incident-id="${missed}"]`).count()).toBe(0);

    const beforeResume = link.toPage.length;
    link.down = false;
    // The client also retries on its own timer, which re-mounts the banner on every attempt: the
    // click or the timer, whichever comes first, resumes (a loaded machine once lost that race).
    await expect.poll(async () => {
      const now = await state.getAttribute('data-state');
      if (now === 'offline') await page.getByTestId('offline-banner').getByRole('button').click({ timeout: 1000 }).catch(() => undefined);
      return now;
    }, { timeout: 30_000 }).toBe('live');
    await page.locator(`[data-testid="incident-row"][data-incident-id="${missed}"]`).waitFor();
    // The resume asked for what came after the last event seen, and the server replayed the missed one.
    const resumedAt = new URL(link.urls.at(-1)!).searchParams.get('after');
    expect(resumedAt).toBe(lastSeen);
    const replay = link.toPage.slice(beforeResume);
    expect(replay.some((m) => m.type === 'incidents.opened' && (m.data as { id: string }).id === missed)).toBe(true);
    expect(replay.find((m) => m.kind === 'caught_up')).toMatchObject({ kind: 'caught_up' });
    expect(await page.getByTestId('offline-banner').count()).toBe(0);
    await screenshot(page, '10-stream-resumed');
  });

  it('runs a campaign step: an inspector records an inspection on the campaign screen, coverage and the map follow live', async () => {
    const { page } = e;
    const admin = await e.adminCookie();
    const [li] = (await e.api(admin, 'GET', '/jurisdictions')).json as { id: string }[];
    const issued = await e.api(admin, 'POST', '/campaigns', { title: 'Spring school safety', jurisdictionId: li!.id, categories: ['school'], startsAt: new Date(Date.now() - 3_600_000).toISOString(), endsAt: new Date(Date.now() + 30 * DAY).toISOString() });
    expect(issued.status, JSON.stringify(issued.json)).toBe(201);
    const campaignId = issued.json.id as string;
    const places = (await e.api(admin, 'GET', '/places?limit=500')).json.items as { id: string; category: string; jurisdictionPath: string; location: [number, number] }[];
    const school = places.filter((p) => p.category === 'school' && p.jurisdictionPath === 'li.oberland.vaduz').sort((a, b) => a.id.localeCompare(b.id))[0]!;
    expect((await sourceFeatures(page, 'hazards')).map((f) => f.id)).not.toContain(school.id);

    // The inspector works in a browser of their own, on the campaign screen.
    const inspector = await e.user('inspector', 'li.oberland.vaduz');
    let expectedHazards = 0;
    const context = await e.browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'en-US' });
    try {
      const field = await context.newPage();
      field.on('pageerror', (err) => e.pageErrors.push(err.message));
      await field.goto(`${e.base}/login`);
      await field.getByTestId('login-username').fill(inspector.username);
      await field.getByTestId('login-password').fill(inspector.password);
      await field.getByTestId('login-submit').click();
      await field.waitForURL((u) => !u.pathname.startsWith('/login'));
      await field.goto(`${e.base}/campaigns`);
      await field.locator(`[data-testid="campaign-row"][data-id="${campaignId}"]`).click();
      const detail = field.getByTestId('campaign-detail');
      await detail.waitFor();
      const coverage = field.getByTestId('campaign-coverage');
      expect(await coverage.getAttribute('data-inspected')).toBe('0');
      await field.locator(`[data-testid="campaign-assignment"][data-place-id="${school.id}"]`).getByTestId('assignment-inspect').click();
      const form = field.getByTestId('inspection-form');
      await form.waitFor();
      await form.getByTestId('inspection-all-pass').click();
      // One item fails (whichever checklist the form opened with): it raises one hazard.
      await form.locator('[data-testid^="inspection-answer-"][data-testid$="-fail"]').first().click();
      // Choice items (e.g. how children are dropped off) have no "all pass": take each one's first option.
      for (const select of await form.locator('select').all()) if (!(await select.inputValue())) await select.selectOption({ index: 1 });
      const failing = Number(await form.getByTestId('inspection-failing').getAttribute('data-count'));
      expect(failing).toBeGreaterThanOrEqual(1);
      expectedHazards = failing;
      await screenshot(field, '11-campaign-inspection-form');
      await form.getByTestId('inspection-submit').click();
      await form.waitFor({ state: 'detached' });
      await expect.poll(() => coverage.getAttribute('data-inspected')).toBe('1');
      // The pending list drops the place once the refetch lands.
      await expect.poll(() => field.locator(`[data-testid="campaign-assignment"][data-place-id="${school.id}"][data-status="pending"]`).count()).toBe(0);
      await screenshot(field, '12-campaign-coverage');
    } finally {
      await context.close();
    }
    const stored = (await e.api(admin, 'GET', `/campaigns/${campaignId}/coverage`)).json as { inspected: number };
    expect(stored.inspected).toBe(1);

    // The dispatcher's map, open all along, shows the hazard the failed item raised, without a reload.
    await expect.poll(async () => (await sourceFeatures(page, 'hazards')).find((f) => f.id === school.id)?.properties).toMatchObject({ open: expectedHazards });
    await page.evaluate((at) => window.firebreakMap!.map.jumpTo({ center: at, zoom: 15 }), school.location);
    await page.waitForFunction(() => window.firebreakMap!.map.loaded());
    await screenshot(page, '13-campaign-hazard-on-map');
    expect(e.pageErrors).toEqual([]);
  });
});

async function openIncident(e: E2E, as: TestUser, location: [number, number]): Promise<string> {
  const res = await e.api(as.cookie, 'POST', '/incidents', { type: 'traffic_accident', priority: 'P2', location, narrative: 'Two cars, no one trapped' }, { 'idempotency-key': crypto.randomUUID() });
  if (res.status !== 201) throw new Error(`open incident: ${res.status} ${JSON.stringify(res.json)}`);
  return res.json.id as string;
}
