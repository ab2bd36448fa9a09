import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rows } from '../../server/src/platform/db/client.js';
import { chromiumPresent, deviceToken, screenshot, startE2E, type E2E } from './harness.js';

type Plan = { id: string; version: number; title: string; state: string; shiftStart: string; shiftEnd: string; cancelReason: string | null; posts: { id: string; name: string; location: [number, number]; placeId: string | null; windows: { start: string; end: string }[]; unitId: string | null }[] };

/** An instant's local wall-clock time in Vaduz (the browser's zone), as the form shows it. */
const vaduzClock = (iso: string | number): string => new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Vaduz', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(new Date(iso));
const vaduzDate = (iso: string | number): string => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Vaduz', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(iso));

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
  let token: string | undefined;

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
    token = await deviceToken(e, li.id);
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

  it('edits a plan, refuses a unit already in an overlapping plan with the clash message (English and Chinese), then cancels the plan with a reason', async () => {
    const { page } = e;
    const li = (await e.api(admin, 'GET', '/jurisdictions')).json[0] as { id: string; path: string };
    const units = (await e.api(admin, 'GET', '/units?limit=1000')).json as { items: { id: string; callSign: string; kind: string }[] };
    const car = units.items.filter((u) => u.kind === 'patrol_car')[1]!;
    // Two days ahead (UTC), so nothing of it has begun wherever the browser's midnight falls.
    const day = new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 10);
    const utc = (hh: string) => `${day}T${hh}:00:00Z`;
    // The car holds a post of another plan then (07:00-09:00 UTC: 09:00-10:00 in Vaduz, winter or summer, lies inside it).
    const other = await e.api(admin, 'POST', '/coverage/patrol-plans', { jurisdictionId: li.id, title: 'E2E early patrol', shiftStart: utc('03'), shiftEnd: utc('15'), posts: [{ name: 'Bridge', location: [9.52, 47.135], windows: [{ start: utc('07'), end: utc('09') }], unitId: car.id }] });
    expect(other.status, JSON.stringify(other.json)).toBe(201);
    const made = await e.api(admin, 'POST', '/coverage/patrol-plans', { jurisdictionId: li.id, title: 'E2E patrol to edit', shiftStart: utc('04'), shiftEnd: utc('16'), posts: [{ name: 'School gate', location: [9.5215, 47.141], windows: [{ start: utc('05'), end: utc('06') }] }] });
    expect(made.status, JSON.stringify(made.json)).toBe(201);
    const planId = (made.json as Plan).id;
    const read = async () => (await e.api(admin, 'GET', `/coverage/patrol-plans/${planId}`)).json as Plan;

    // The latest shift is the one shown: this plan.
    await page.goto(`${e.base}/coverage?jurisdiction=${li.id}&category=school`);
    await expect.poll(() => page.getByTestId('patrol-plan-choice').inputValue(), { timeout: 30_000 }).toContain('E2E patrol to edit');
    await page.getByTestId('patrol-edit').click();
    await page.getByTestId('patrol-edit-title').fill('E2E patrol, edited');
    await page.getByTestId('patrol-edit-windows').first().fill('09:00-10:00');
    await page.getByTestId('patrol-edit-save').click();
    await expect.poll(async () => (await read()).version, { timeout: 20_000 }).toBe(2);
    const edited = await read();
    expect(edited.title).toBe('E2E patrol, edited');
    expect(new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Vaduz', hour: '2-digit', minute: '2-digit' }).format(new Date(edited.posts[0]!.windows[0]!.start))).toBe('09:00');
    await expect.poll(() => page.getByTestId('patrol-plan-choice').inputValue()).toContain('E2E patrol, edited');

    // The car is in the other plan at 09:00-10:00: the assignment is refused, and the screen says why.
    const assignCar = async () => {
      await page.getByTestId('patrol-unit').first().click();
      await page.getByRole('option', { name: car.callSign, exact: true }).click();
    };
    await assignCar();
    await expect.poll(() => page.getByTestId('patrol-plan').textContent(), { timeout: 20_000 }).toContain('The unit already holds a post of another active patrol plan in an overlapping window.');
    await page.evaluate(() => localStorage.setItem('firebreak.language', 'zh-CN'));
    await page.reload();
    await expect.poll(() => page.getByTestId('patrol-plan-choice').inputValue(), { timeout: 30_000 }).toContain('E2E patrol, edited');
    await assignCar();
    await expect.poll(() => page.getByTestId('patrol-plan').textContent(), { timeout: 20_000 }).toContain('该单位已在另一个有效巡逻计划的重叠时段值守岗点。');
    expect((await read()).posts[0]!.unitId).toBeNull();
    await page.evaluate(() => localStorage.setItem('firebreak.language', 'en'));
    await page.reload();

    // Cancel, with a confirm and a reason: the plan says it is cancelled, by whom and why, and offers no more changes.
    await page.getByTestId('patrol-cancel').click({ timeout: 30_000 });
    await expect.poll(() => page.getByTestId('patrol-cancel-confirm').isDisabled()).toBe(true);
    await page.getByTestId('patrol-cancel-reason').fill('School closed for the day');
    await page.getByTestId('patrol-cancel-confirm').click();
    // By name, the staff member's (one's own marked so), not "you" / "another user".
    const me = (await e.api(admin, 'GET', '/auth/me')).json as { displayName: string };
    await expect.poll(() => page.getByTestId('patrol-cancelled').textContent(), { timeout: 20_000 }).toContain(`by ${me.displayName} (you): School closed for the day`);
    expect(await page.getByTestId('patrol-edit').count()).toBe(0);
    expect(await read()).toMatchObject({ state: 'cancelled', cancelReason: 'School closed for the day' });
    await screenshot(page, '65-coverage-patrol-plan-cancelled');
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
    // A unit it names went off duty since (the row changed underneath, no event): accepting is refused
    // whole (409), and the pushed alert asks again and shows the new recommendation with the reason.
    const gone = rec.moves[0]!;
    await rows(e.t.app.platform.db, sql`update units set on_duty = false where id = ${gone.unitId}`);
    await page.locator('body').click({ position: { x: 700, y: 5 } });
    await page.keyboard.press('a');
    await expect.poll(() => page.getByTestId('move-up-pushed-changed').textContent(), { timeout: 30_000 }).toContain(`The recommendation changed since it was pushed (moves.0.unitId: ${gone.callSign} is off duty now): here is the new one`);
    expect((await e.api(admin, 'GET', `/coverage/moves?jurisdictionId=${li.id}`)).json).toEqual([]);
    const fresh = (await e.api(admin, 'GET', asked)).json as { below: boolean; moves: { unitId: string; callSign: string }[] };
    expect(fresh.moves.length).toBeGreaterThan(0);
    expect(fresh.moves.map((m) => m.unitId)).not.toContain(gone.unitId);
    const relisted = await page.getByTestId('move-up-pushed-moves').textContent();
    for (const m of fresh.moves) expect(relisted).toContain(m.callSign);
    await page.keyboard.press('a');
    await expect.poll(async () => ((await e.api(admin, 'GET', `/coverage/moves?jurisdictionId=${li.id}`)).json as { unitId: string }[]).map((m) => m.unitId).sort(), { timeout: 30_000 })
      .toEqual(fresh.moves.map((m) => m.unitId).sort());
    await expect.poll(() => page.getByTestId('move-up-pushed-accepted').isVisible()).toBe(true);

    // The first unit's AVL fix at its post ends its order (completed by arrival): the dispatcher's screen says so.
    const [move] = ((await e.api(admin, 'GET', `/coverage/moves?jurisdictionId=${li.id}`)).json as { id: string; unitId: string; callSign: string; to: [number, number] }[]).filter((m) => m.unitId === fresh.moves[0]!.unitId);
    const fix = await e.api('', 'POST', '/avl/positions', { fixes: [{ unitId: move!.unitId, location: move!.to, at: new Date().toISOString(), speedKmh: 0 }] }, { authorization: `Bearer ${token ?? await deviceToken(e, li.id)}` });
    expect(fix.status, JSON.stringify(fix.json)).toBe(200);
    await expect.poll(() => page.getByText(`${move!.callSign} reached`).count(), { timeout: 30_000 }).toBeGreaterThan(0);
    expect(((await e.api(admin, 'GET', `/coverage/moves?jurisdictionId=${li.id}`)).json as { id: string }[]).map((m) => m.id)).not.toContain(move!.id);
    expect(e.pageErrors).toEqual([]);
  });
  it('edits a night shift in the form: a window across midnight, a post added at a key place and one removed; a begun window stays, refused at its post in English and Chinese', async () => {
    const { page } = e;
    const li = (await e.api(admin, 'GET', '/jurisdictions')).json[0] as { id: string; path: string };
    const read = async (id: string) => (await e.api(admin, 'GET', `/coverage/patrol-plans/${id}`)).json as Plan;
    const choose = async (title: string) => {
      await page.getByTestId('patrol-plan-choice').click();
      await page.getByRole('option', { name: new RegExp(title) }).click();
      await expect.poll(() => page.getByTestId('patrol-plan-choice').inputValue()).toContain(title);
    };
    // A night shift three days ahead, 19:00-04:00 UTC (20:00-05:00 or 21:00-06:00 in Vaduz): Gate early, Bridge after midnight.
    const day = new Date(Date.now() + 3 * 86_400_000).toISOString().slice(0, 10);
    const next = new Date(Date.parse(`${day}T12:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
    const night = await e.api(admin, 'POST', '/coverage/patrol-plans', {
      jurisdictionId: li.id, title: 'E2E night patrol', shiftStart: `${day}T19:00:00Z`, shiftEnd: `${next}T04:00:00Z`,
      posts: [
        { name: 'Gate', location: [9.5215, 47.141], windows: [{ start: `${day}T20:00:00Z`, end: `${day}T21:00:00Z` }] },
        { name: 'Bridge', location: [9.52, 47.135], windows: [{ start: `${next}T01:00:00Z`, end: `${next}T02:00:00Z` }] },
      ],
    });
    expect(night.status, JSON.stringify(night.json)).toBe(201);
    const plan = night.json as Plan;
    const school = ((await e.api(admin, 'GET', '/places?category=school&limit=1')).json as { items: { id: string; name: string; location: [number, number] }[] }).items[0]!;

    await page.goto(`${e.base}/coverage?jurisdiction=${li.id}&category=school`);
    await expect.poll(() => page.getByTestId('patrol-plan-choice').count(), { timeout: 30_000 }).toBe(1);
    await choose('E2E night patrol');
    await page.getByTestId('patrol-edit').click();
    // The night shift reads as it is, past midnight.
    const start = vaduzClock(plan.shiftStart);
    expect(await page.getByTestId('patrol-edit-shift').inputValue()).toBe(`${start}-${vaduzClock(plan.shiftEnd)}`);
    // One hour longer; Gate held across midnight; Bridge removed; a post added at a school, held after midnight.
    const longer = Date.parse(plan.shiftEnd) + 3_600_000;
    await page.getByTestId('patrol-edit-shift').fill(`${start}-${vaduzClock(longer)}`);
    await page.getByTestId('patrol-edit-windows').first().fill('23:30-00:30');
    await page.getByTestId('patrol-edit-remove').nth(1).click();
    await expect.poll(() => page.getByTestId('patrol-edit-post').count()).toBe(1);
    await page.getByTestId('patrol-edit-add').click();
    await expect.poll(() => page.getByTestId('patrol-edit-save').isDisabled()).toBe(true);
    await page.getByTestId('patrol-edit-place').click();
    await page.getByTestId('patrol-edit-place').fill(school.name.slice(0, 6));
    // Any school the search finds (the option shows its display name, which for an unnamed one is not the stored name).
    await page.getByRole('option').first().click();
    await page.getByTestId('patrol-edit-windows').nth(1).fill('02:00-03:00');
    // A window outside the shift is flagged before anything is sent.
    await page.getByTestId('patrol-edit-windows').nth(1).fill('12:00-13:00');
    await expect.poll(() => page.getByTestId('patrol-edit-form').textContent()).toContain('A window does not lie within the shift');
    await page.getByTestId('patrol-edit-windows').nth(1).fill('02:00-03:00');
    await page.getByTestId('patrol-edit-save').click();
    await expect.poll(async () => (await read(plan.id)).version, { timeout: 20_000 }).toBe(2);
    const edited = await read(plan.id);
    expect(edited.shiftEnd).toBe(new Date(longer).toISOString());
    expect(edited.posts.map((p) => p.name)).toEqual(['Gate', expect.any(String)]);
    expect(edited.posts[0]!.id).toBe(plan.posts[0]!.id);
    expect(edited.posts[1]!.placeId).not.toBeNull();
    const [gate, added] = [edited.posts[0]!.windows[0]!, edited.posts[1]!.windows[0]!];
    expect([vaduzClock(gate.start), vaduzDate(gate.start), vaduzClock(gate.end), vaduzDate(gate.end)]).toEqual(['23:30', vaduzDate(plan.shiftStart), '00:30', vaduzDate(longer)]);
    expect([vaduzClock(added.start), vaduzDate(added.start)]).toEqual(['02:00', vaduzDate(longer)]);

    // A shift under way (whole minutes, as the form writes them): Gate's window has begun, Market's has not.
    const minute = 60_000;
    const now = Math.floor(Date.now() / minute) * minute;
    const at = (minutes: number) => new Date(now + minutes * minute).toISOString();
    const running = await e.api(admin, 'POST', '/coverage/patrol-plans', {
      jurisdictionId: li.id, title: 'E2E begun patrol', shiftStart: at(-60), shiftEnd: at(240),
      posts: [
        { name: 'Gate', location: [9.5215, 47.141], windows: [{ start: at(-30), end: at(30) }] },
        { name: 'Market', location: [9.522, 47.139], windows: [{ start: at(90), end: at(120) }] },
      ],
    });
    expect(running.status, JSON.stringify(running.json)).toBe(201);
    const begun = running.json as Plan;
    for (const [language, says] of [['en', 'A window of this post has begun: it must stay as it was.'], ['zh-CN', '该岗点有时段已开始：须保持原样。']] as const) {
      await page.evaluate((l) => localStorage.setItem('firebreak.language', l), language);
      await page.reload();
      await expect.poll(() => page.getByTestId('patrol-plan-choice').count(), { timeout: 30_000 }).toBe(1);
      await choose('E2E begun patrol');
      await page.getByTestId('patrol-edit').click();
      // The begun post is marked and cannot be removed here; the other can.
      await expect.poll(() => page.getByTestId('patrol-edit-begun').count()).toBe(1);
      expect(await page.getByTestId('patrol-edit-remove').count()).toBe(1);
      // Moving Gate's begun window is refused by the server, at Gate's windows, in the reader's language.
      await page.getByTestId('patrol-edit-windows').first().fill(`${vaduzClock(at(-20))}-${vaduzClock(at(30))}`);
      await page.getByTestId('patrol-edit-save').click();
      await expect.poll(() => page.getByTestId('patrol-edit-post').first().textContent(), { timeout: 20_000 }).toContain(says);
      await expect.poll(() => page.getByTestId('patrol-edit-refused').isVisible()).toBe(true);
    }
    expect((await read(begun.id)).version).toBe(1);
    await screenshot(page, '66-coverage-patrol-plan-begun-refused');
    await page.evaluate(() => localStorage.setItem('firebreak.language', 'en'));
    expect(e.pageErrors).toEqual([]);
  });
});
