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

  it('a closed day added in the coverage settings takes the schools out of a window on its date', async () => {
    const { page } = e;
    // Tuesday 10 March 2026, school opening: every school counts before the day is closed.
    await page.goto(`${e.base}/coverage?category=school&window=07:30-08:30&date=2026-03-10`);
    await expect.poll(() => page.getByTestId('coverage-row').count(), { timeout: 30_000 }).toBe(19);
    await page.getByTestId('closed-day-from').fill('2026-03-10');
    await page.getByTestId('closed-day-name').fill('Teacher training day');
    await page.getByTestId('closed-day-add').click();
    await expect.poll(() => page.getByTestId('closed-day-own').count(), { timeout: 30_000 }).toBe(1);
    expect(await page.getByTestId('closed-day-own').textContent()).toContain('Teacher training day');
    // The school's window on that date is not counted: all 19 closed throughout, none listed.
    await expect.poll(() => page.getByTestId('coverage-outside-window').textContent(), { timeout: 30_000 }).toContain('19');
    expect(await page.getByTestId('coverage-row').count()).toBe(0);
    // The next day they count again.
    await page.getByTestId('coverage-window-date').fill('2026-03-11');
    await expect.poll(() => page.getByTestId('coverage-row').count(), { timeout: 30_000 }).toBe(19);
    await screenshot(page, '63-coverage-closed-days');
    expect(e.pageErrors).toEqual([]);
  });

  it('counts only the schools open in the chosen window, and raises the move-up alert after a dispatch, accepted with one key', async () => {
    const { page } = e;
    await page.goto(`${e.base}/coverage?category=school&window=07:30-08:30&days=Sa,Su`);
    await expect.poll(() => page.getByTestId('coverage-outside-window').textContent(), { timeout: 30_000 }).toContain('19');
    expect(await page.getByTestId('coverage-row').count()).toBe(0);
    await page.getByTestId('coverage-window-choice').click();
    await page.getByRole('option', { name: /School opening/ }).click();
    await expect.poll(() => page.getByTestId('coverage-row').count(), { timeout: 30_000 }).toBe(19);
    expect(new URL(page.url()).searchParams.get('window')).toBe('07:00-08:30');

    // The threshold is today's coverage in the school-opening window of school days (without a
    // window the move-up counts the schools open now, which at night is none); a scripted dispatch
    // takes the unit first at the most schools.
    const opening = 'window=07:00-08:30&days=Mo,Tu,We,Th,Fr';
    const li = (await e.api(admin, 'GET', '/jurisdictions')).json[0] as { id: string; path: string };
    expect(li.path).toBe('li');
    const start = (await e.api(admin, 'GET', `/coverage/move-up?jurisdictionId=${li.id}&category=school&${opening}`)).json as { before: number };
    const set = await e.t.app.inject({ method: 'PUT', url: `/api/v1/coverage/settings/${li.id}`, headers: { cookie: admin }, payload: { moveUpThreshold: start.before, moveUpMinutes: 3 } });
    expect(set.statusCode, set.body).toBe(200);
    const cover = (await e.api(admin, 'GET', `/coverage?jurisdictionId=${li.id}&category=school`)).json as { items: { tier: number | null; nearestUnit: { id: string } | null }[] };
    const firstAt = new Map<string, number>();
    for (const i of cover.items) if (i.tier !== null && i.tier <= 3 && i.nearestUnit) firstAt.set(i.nearestUnit.id, (firstAt.get(i.nearestUnit.id) ?? 0) + 1);
    const [busiest] = [...firstAt.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
    const inc = await e.api(admin, 'POST', '/incidents', { type: 'traffic_accident', priority: 'P1', location: [9.5215, 47.141], address: 'Äulestrasse 1, Vaduz', narrative: 'Two cars' });
    expect(inc.status).toBe(201);
    expect((await e.api(admin, 'POST', `/incidents/${inc.json.id}/assignments`, { unitIds: [busiest![0]] })).status).toBe(201);
    const rec = (await e.api(admin, 'GET', `/coverage/move-up?jurisdictionId=${li.id}&category=school&${opening}`)).json as { below: boolean; moves: { unitId: string; callSign: string }[] };
    expect(rec.below).toBe(true);
    expect(rec.moves.length).toBeGreaterThan(0);

    await page.goto(`${e.base}/coverage?jurisdiction=${li.id}&category=school&${opening}`);
    await expect.poll(() => page.getByTestId('move-up-alert').isVisible(), { timeout: 30_000 }).toBe(true);
    // The alert says what it counted: the window chosen, as the tier card.
    expect(await page.getByTestId('move-up-basis').textContent()).toContain('19 places open in 07:00-08:30, as the tier card');
    const listed = await page.getByTestId('move-up-moves').textContent();
    for (const m of rec.moves) expect(listed).toContain(m.callSign);
    await screenshot(page, '62-coverage-move-up');
    await page.locator('body').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('a');
    await expect.poll(async () => ((await e.api(admin, 'GET', `/coverage/moves?jurisdictionId=${li.id}`)).json as { unitId: string }[]).map((m) => m.unitId).sort(), { timeout: 30_000 })
      .toEqual(rec.moves.map((m) => m.unitId).sort());
    expect(e.pageErrors).toEqual([]);
  });
});
