import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Simulator } from '../../server/src/modules/simulation/index.js';
import { rows } from '../../server/src/platform/db/client.js';
import { chromiumPresent, platformOf, screenshot, startE2E, type E2E } from './harness.js';

const SF_WEEK = fileURLToPath(new URL('../../../data/calls/sf_fire_calls_2016-12-31_week.csv', import.meta.url));

/**
 * The What-if replay screen: on a fresh demo world it starts with the origin that has calls; then
 * two calls of today in Oberland replayed against the fleet as it
 * stands, then beside a deployment without one of its units; the chart draws a bar group per tier
 * with a series per deployment.
 */
describe.skipIf(!chromiumPresent)('what-if replay: the tiers of the recorded calls and of each deployment, in a chart', () => {
  let e: E2E;
  let removed: string;

  let admin: string;

  beforeAll(async () => {
    e = await startE2E();
    admin = await e.adminCookie();
    const units = (await e.api(admin, 'GET', '/units?kind=ambulance')).json as { items: { callSign: string }[] };
    removed = units.items[0]!.callSign;
    const commander = await e.user('commander', 'li');
    const [name, ...value] = commander.cookie.split('=');
    await e.page.context().addCookies([{ name: name!, value: value.join('='), url: e.base }]);
  });
  afterAll(async () => e?.close());

  it('starts, on a demo world whose simulator raised calls, with the origin that has calls: the chart is not empty', async () => {
    const { page } = e;
    // The demo's life as `npm start` runs it: its simulator raises calls (origin simulated), and
    // nobody has taken a live call yet. A default of "live" would replay nothing.
    const simulator = await Simulator.start(e.t.app.platform, { seed: 16, ratePerHour: 36_000, demand: 'key_places' });
    await simulator.tick();
    await new Promise((r) => setTimeout(r, 1_000));
    expect((await simulator.tick()).raised.length).toBeGreaterThan(0);
    const newest = Object.fromEntries(await Promise.all((['live', 'historical', 'simulated'] as const).map(async (o) => {
      const items = ((await e.api(admin, 'GET', `/incidents?origin=${o}&limit=1`)).json as { items: { receivedAt: string }[] }).items;
      return [o, items[0]?.receivedAt ?? null] as const;
    })));
    expect(newest.live).toBeNull();
    const [withCalls] = Object.entries(newest).filter(([, at]) => at !== null).sort((a, b) => Date.parse(b[1]!) - Date.parse(a[1]!));
    expect(withCalls).toBeDefined();
    const label = { live: 'Live', historical: 'Imported history', simulated: 'Simulated' }[withCalls![0] as 'live'];
    await page.goto(`${e.base}/replay`);
    await expect.poll(() => page.getByTestId('replay-origin').inputValue(), { timeout: 30_000 }).toBe(label);
    await page.getByTestId('replay-run').click();
    await expect.poll(() => page.getByTestId('replay-calls').textContent(), { timeout: 60_000 }).toMatch(/^[1-9]\d* calls replayed/);
    expect(await page.getByTestId('replay-empty').count()).toBe(0);
    await expect.poll(() => page.getByTestId('replay-chart').locator('.recharts-bar-rectangle path').count()).toBeGreaterThan(0);
  });

  it('replays the week against the fleet and against a deployment typed in, and draws both beside the recorded tiers', async () => {
    const { page } = e;
    // Two live calls of today: the screen now starts with the live week.
    for (const location of [[9.5215, 47.141], [9.5095, 47.165]]) {
      const opened = await e.api(admin, 'POST', '/incidents', { type: 'medical', priority: 'P1', location });
      expect(opened.status, JSON.stringify(opened.json)).toBe(201);
    }
    await page.goto(`${e.base}/replay`);
    await expect.poll(() => page.getByTestId('replay-origin').inputValue(), { timeout: 30_000 }).toBe('Live');
    await page.getByTestId('replay-run').click();
    await expect.poll(() => page.getByTestId('replay-calls').textContent()).toContain('2 calls replayed');
    // One bar group per tier (1, 2, 3), one bar per series: recorded and the fleet as it stands.
    const chart = page.getByTestId('replay-chart');
    expect(await chart.textContent()).toContain('Fleet as it stands');
    expect(await chart.textContent()).toContain('Recorded');
    await expect.poll(() => chart.locator('.recharts-bar').count()).toBe(2);
    expect(await page.getByTestId('replay-row-all-run0').textContent()).toContain('Fleet as it stands');

    // Not JSON: said at the field, and nothing is sent.
    await page.getByTestId('replay-compare').fill('{ not json');
    expect(await page.getByTestId('replay').textContent()).toContain('This is not JSON');
    expect(await page.getByTestId('replay-run').isDisabled()).toBe(true);

    await page.getByTestId('replay-compare').fill(JSON.stringify({ name: 'One ambulance less', remove: [removed] }));
    await page.getByTestId('replay-run').click();
    await expect.poll(() => chart.locator('.recharts-bar').count()).toBe(3);
    expect(await chart.textContent()).toContain('One ambulance less');
    expect(await page.getByTestId('replay-row-all-run1').textContent()).toContain('One ambulance less');
    await screenshot(page, '80-replay-chart');

    // A call sign the fleet does not hold: the server's problem, shown on the screen.
    await page.getByTestId('replay-compare').fill(JSON.stringify({ remove: ['NO-SUCH-UNIT'] }));
    await page.getByTestId('replay-run').click();
    await expect.poll(() => page.getByTestId('replay').textContent()).toContain('NO-SUCH-UNIT');
  });

  it('imports another region\'s export from the replay screen, placed into the jurisdiction, and replays it on its roads', async () => {
    const { page } = e;
    // An administrator's card: the commander does not see it.
    await page.goto(`${e.base}/replay`);
    await page.getByTestId('replay-run').waitFor();
    expect(await page.getByTestId('history-import').count()).toBe(0);
    const [name, ...value] = admin.split('=');
    await page.context().clearCookies();
    await page.context().addCookies([{ name: name!, value: value.join('='), url: e.base }]);
    await page.goto(`${e.base}/replay`);
    const card = page.getByTestId('history-import');
    await card.waitFor({ timeout: 30_000 });
    await page.getByTestId('history-import-file').setInputFiles(SF_WEEK);
    // As they are, San Francisco's calls lie outside the country: the check says so.
    await page.getByTestId('history-import-check').click();
    await expect.poll(() => card.getByTestId('history-import-summary').textContent(), { timeout: 60_000 }).toContain('3560 calls read: 3560 would be new');
    expect(await card.getByTestId('history-import-summary').textContent()).toMatch(/\d+ calls lie outside this jurisdiction/);
    await page.getByTestId('history-import-relocate').check();
    await page.getByTestId('history-import-seed').fill('7');
    await page.getByTestId('history-import-check').click();
    await expect.poll(() => card.getByTestId('history-import-summary').textContent(), { timeout: 60_000 }).toContain('3560 calls placed into this jurisdiction');
    expect(await card.getByTestId('history-import-summary').textContent()).not.toContain('outside');
    await page.getByTestId('history-import-run').click();
    await expect.poll(() => card.getByTestId('history-import-summary').textContent(), { timeout: 180_000 }).toContain('3560 imported');
    const [batch] = await rows<{ n: number; inside: number }>(platformOf(e).db, sql`
      select count(*)::int as n, count(*) filter (where ST_Covers(j.boundary, i.location))::int as inside
        from imported_calls h join incidents i on i.id = h.incident_id join jurisdictions j on j.path = 'li' where h.relocated_from = 'sf_fire_calls_2016-12-31_week.csv'`);
    expect(batch).toEqual({ n: 3560, inside: 3560 });
    await screenshot(page, '82-replay-import-relocated');

    // The imported week replayed on the country's roads: every call, the relocation said.
    await page.getByTestId('replay-origin').click();
    await page.getByRole('option', { name: 'Imported history' }).click();
    await page.getByTestId('replay-from').fill('2016-12-31');
    await page.getByTestId('replay-to').fill('2017-01-08');
    await page.getByTestId('replay-run').click();
    await expect.poll(() => page.getByTestId('replay-calls').textContent(), { timeout: 60_000 }).toMatch(/^3560 calls replayed; 0 without a place/);
    expect(await page.getByTestId('replay-relocated').textContent()).toMatch(/^3560 calls relocated from sf_fire_calls_2016-12-31_week\.csv/);
  });

  it('replays the sample week in one click: its relocation said, no "Recorded" series without bars; in Chinese the jurisdiction pickers say the local names', async () => {
    const { page } = e;
    await page.goto(`${e.base}/replay`);
    await page.getByTestId('replay-sample').click();
    await expect.poll(() => page.getByTestId('replay-calls').textContent(), { timeout: 60_000 }).toMatch(/^[1-9]\d{3} calls replayed/);
    expect(await page.getByTestId('replay-relocated').textContent()).toMatch(/^\d+ calls relocated from sf_fire_calls_2016-12-31_week\.csv/);
    // The calls' recorded times are San Francisco's: not compared, and the screen says so instead of a legend with no bars.
    expect(await page.getByTestId('replay-recorded-not-compared').textContent()).toContain('Recorded: not compared');
    const chart = page.getByTestId('replay-chart');
    await expect.poll(() => chart.locator('.recharts-bar').count()).toBe(1);
    expect(await chart.textContent()).toContain('Fleet as it stands');
    expect(await chart.textContent()).not.toContain('Recorded');
    await expect.poll(() => chart.locator('.recharts-bar-rectangle path').count()).toBeGreaterThan(0);
    expect(await page.getByTestId('replay-row-all-recorded').count()).toBe(0);
    expect(await page.getByTestId('replay-row-all-run0').textContent()).toContain('Fleet as it stands');
    await screenshot(page, '81-replay-sample-week');

    // The demo's OSM data names Oberland in German only: give it the Chinese name an extract with
    // name:zh would carry. Every picker then offers it in Chinese, as the pages' own lines do.
    await platformOf(e).db.execute(sql`update jurisdictions set names = names || '{"zh-CN": "上区"}'::jsonb where path = 'li.oberland'`);
    await page.reload();
    await page.getByTestId('language-switch').getByText('简体中文').click();
    await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe('zh-CN');
    for (const [url, picker] of [['/replay', 'replay-jurisdiction'], ['/coverage', 'coverage-jurisdiction'], ['/reports', 'report-jurisdiction']] as const) {
      await page.goto(`${e.base}${url}`);
      await page.getByTestId(picker).click();
      await expect.poll(() => page.getByRole('option', { name: '· 上区', exact: true }).count(), { timeout: 30_000 }).toBe(1);
      expect(await page.getByRole('option', { name: /Oberland/ }).count()).toBe(0);
      await page.keyboard.press('Escape');
    }
    // A deployment the fleet cannot take, in Chinese: worded in Chinese, with the call sign to fix (was the bare "出现错误").
    await page.goto(`${e.base}/replay`);
    await page.getByTestId('replay-compare').fill(JSON.stringify({ remove: ['NO-SUCH-UNIT'] }));
    await page.getByTestId('replay-run').click();
    await expect.poll(() => page.getByTestId('replay').textContent(), { timeout: 30_000 }).toContain('推演的部署方案无法按所给内容使用');
    expect(await page.getByTestId('replay').textContent()).toContain('NO-SUCH-UNIT');
  });
});
