import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumPresent, deviceToken, screenshot, startE2E, type E2E } from './harness.js';

type Plan = { id: string; posts: { id: string; name: string; location: [number, number]; windows: { start: string; end: string }[]; unitId: string | null }[] };

/** Yesterday's date in Vaduz, where the browser lives (the harness's time zone): the windows lie wholly in the past. */
function yesterdayInVaduz(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Vaduz', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(Date.now() - 86_400_000));
}

/** A patrol car's fixes every 10 s standing at `post` (GPS wander under 20 m) from `from` to `to`. */
function standing(unitId: string, post: [number, number], from: number, to: number) {
  const fixes = [];
  for (let at = from, i = 0; at <= to; at += 10_000, i++) {
    fixes.push({ unitId, location: [post[0] + (((i * 7) % 21) - 10) * 1e-5, post[1] + (((i * 11) % 21) - 10) * 1e-5] as [number, number], at: new Date(at).toISOString(), speedKmh: 0 });
  }
  return fixes;
}

describe.skipIf(!chromiumPresent)('patrol plans (posts from a placement, held by units, visible presence from AVL) and the pushed move-up', () => {
  let e: E2E;
  let admin: string;

  beforeAll(async () => {
    e = await startE2E();
    admin = await e.adminCookie();
    const [name, ...value] = admin.split('=');
    await e.page.context().addCookies([{ name: name!, value: value.join('='), url: e.base }]);
  });
  afterAll(async () => e?.close());

  it('makes a plan from 3 suggested posts, assigns a unit, and shows its minutes at the post with the missed windows loud', async () => {
    const { page } = e;
    const li = (await e.api(admin, 'GET', '/jurisdictions')).json[0] as { id: string; path: string };
    expect(li.path).toBe('li');
    await page.goto(`${e.base}/coverage?jurisdiction=${li.id}&category=school`);
    await expect.poll(() => page.getByTestId('coverage-row').count(), { timeout: 30_000 }).toBe(19);
    await expect.poll(() => page.getByTestId('patrol-plans').textContent()).toContain('Suggest patrol posts above');

    await page.getByTestId('placement-run').click();
    await expect.poll(() => page.getByTestId('placement-posts').locator('li').count(), { timeout: 30_000 }).toBe(3);
    const day = yesterdayInVaduz();
    await page.getByTestId('patrol-date').fill(day);
    await page.getByTestId('patrol-shift').fill('06:00-14:00');
    await page.getByTestId('patrol-windows').fill('07:00-08:30, 11:00-11:30');
    await page.getByTestId('patrol-create').click();

    // Six windows (3 posts × 2), all past and nobody assigned: every one is missed, loudly.
    await expect.poll(() => page.getByTestId('patrol-window').count(), { timeout: 30_000 }).toBe(6);
    await expect.poll(() => page.getByTestId('patrol-missed').textContent()).toContain('6 windows missed');
    const [summary] = (await e.api(admin, 'GET', `/coverage/patrol-plans?jurisdictionId=${li.id}`)).json as { id: string }[];
    const plan = (await e.api(admin, 'GET', `/coverage/patrol-plans/${summary!.id}`)).json as Plan;
    expect(plan.posts).toHaveLength(3);
    // The window reads as typed, in the browser's time (Vaduz): 07:00 local.
    expect(new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Vaduz', hour: '2-digit', minute: '2-digit' }).format(new Date(plan.posts[0]!.windows[0]!.start))).toBe('07:00');

    // Assign the first post's unit on the screen.
    const units = (await e.api(admin, 'GET', '/units?limit=1000')).json as { items: { id: string; callSign: string; jurisdictionPath: string; kind: string }[] };
    const car = units.items.find((u) => u.kind === 'patrol_car')!;
    await page.getByTestId('patrol-unit').first().click();
    await page.getByRole('option', { name: car.callSign, exact: true }).click();
    await expect.poll(async () => ((await e.api(admin, 'GET', `/coverage/patrol-plans/${plan.id}`)).json as Plan).posts[0]!.unitId, { timeout: 20_000 }).toBe(car.id);

    // The car's AVL gateway reports it standing at the post 07:10-08:30 (80 of 90 minutes: held) and never at 11:00.
    const token = await deviceToken(e, li.id);
    const opening = plan.posts[0]!.windows[0]!;
    const fixes = standing(car.id, plan.posts[0]!.location, Date.parse(opening.start) + 10 * 60_000, Date.parse(opening.end));
    for (let i = 0; i < fixes.length; i += 200) {
      const res = await e.api('', 'POST', '/avl/positions', { fixes: fixes.slice(i, i + 200) }, { authorization: `Bearer ${token}` });
      expect(res.status, JSON.stringify(res.json)).toBe(200);
    }
    await expect.poll(() => page.getByTestId('patrol-window').first().getAttribute('data-verdict'), { timeout: 40_000 }).toBe('held');
    expect(await page.getByTestId('patrol-present').first().textContent()).toBe('80 min');
    expect(await page.getByTestId('patrol-window').nth(1).getAttribute('data-verdict')).toBe('missed');
    await expect.poll(() => page.getByTestId('patrol-missed').textContent()).toContain('5 windows missed');
    await page.getByTestId('patrol-plans').scrollIntoViewIfNeeded();
    await screenshot(page, '63-coverage-patrol-plan');
    expect(e.pageErrors).toEqual([]);
  });

  it("pushes the move-up to a dispatcher's operations screen after a dispatch drops coverage, accepted there with one key", async () => {
    const { page } = e;
    const li = (await e.api(admin, 'GET', '/jurisdictions')).json[0] as { id: string; path: string };
    const asked = `/coverage/move-up?jurisdictionId=${li.id}&category=school,kindergarten`;
    // The pushed move-up counts the places open now: open schools and kindergartens round the clock
    // (the jurisdiction's default hours), so the test does not depend on the hour it runs at.
    const hours = await e.t.app.inject({ method: 'PUT', url: `/api/v1/coverage/settings/${li.id}`, headers: { cookie: admin }, payload: { categoryHours: { school: '24/7', kindergarten: '24/7' }, moveUpThreshold: 0, moveUpMinutes: 3 } });
    expect(hours.statusCode, hours.body).toBe(200);
    const start = (await e.api(admin, 'GET', asked)).json as { before: number };
    const set = await e.t.app.inject({ method: 'PUT', url: `/api/v1/coverage/settings/${li.id}`, headers: { cookie: admin }, payload: { categoryHours: { school: '24/7', kindergarten: '24/7' }, moveUpThreshold: start.before, moveUpMinutes: 3, expectedVersion: 1 } });
    expect(set.statusCode, set.body).toBe(200);
    await page.goto(`${e.base}/units`);
    await page.getByRole('heading').first().waitFor();

    // The patrol first at the most schools and kindergartens is sent to a crash.
    const cover = (await e.api(admin, 'GET', `/coverage?jurisdictionId=${li.id}&category=school,kindergarten`)).json as { items: { tier: number | null; nearestUnit: { id: string } | null }[] };
    const firstAt = new Map<string, number>();
    for (const i of cover.items) if (i.tier !== null && i.tier <= 3 && i.nearestUnit) firstAt.set(i.nearestUnit.id, (firstAt.get(i.nearestUnit.id) ?? 0) + 1);
    const [busiest] = [...firstAt.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
    const inc = await e.api(admin, 'POST', '/incidents', { type: 'traffic_accident', priority: 'P1', location: [9.5215, 47.141], address: 'Äulestrasse 1, Vaduz', narrative: 'Two cars' });
    expect(inc.status).toBe(201);
    expect((await e.api(admin, 'POST', `/incidents/${inc.json.id}/assignments`, { unitIds: [busiest![0]] })).status).toBe(201);
    const rec = (await e.api(admin, 'GET', asked)).json as { below: boolean; moves: { unitId: string; callSign: string }[] };
    expect(rec.below).toBe(true);

    await expect.poll(() => page.getByTestId('move-up-pushed').isVisible(), { timeout: 40_000 }).toBe(true);
    const listed = await page.getByTestId('move-up-pushed-moves').textContent();
    for (const m of rec.moves) expect(listed).toContain(m.callSign);
    await screenshot(page, '64-move-up-pushed');
    await page.locator('body').click({ position: { x: 700, y: 5 } });
    await page.keyboard.press('a');
    await expect.poll(async () => ((await e.api(admin, 'GET', `/coverage/moves?jurisdictionId=${li.id}`)).json as { unitId: string }[]).map((m) => m.unitId).sort(), { timeout: 30_000 })
      .toEqual(rec.moves.map((m) => m.unitId).sort());
    await expect.poll(() => page.getByTestId('move-up-pushed-accepted').isVisible()).toBe(true);
    expect(e.pageErrors).toEqual([]);
  });
});
