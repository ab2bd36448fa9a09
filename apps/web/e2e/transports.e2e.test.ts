import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GoodsSite, TransportPermit } from '@firebreak/contracts';
import { jurisdictionByPath, type TestUser } from '../../server/test/harness.js';
import { ensureDemoGoods } from '../../server/src/modules/controlled-goods/index.js';
import { chromiumPresent, deviceToken, screenshot, startE2E, type E2E } from './harness.js';

type LonLat = [number, number];
/** Metres north of a point, in lon/lat. */
const north = ([lon, lat]: LonLat, m: number): LonLat => [lon, lat + m / 111_000];
/** A site's option in the permit form: its name, then its supervising desk in brackets. */
const optionOf = (s: GoodsSite) => new RegExp(`^${s.place.name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} \\(`);

describe.skipIf(!chromiumPresent)('transports on /goods: a permit issued, the truck live on the map, its deviation alert', () => {
  let e: E2E;
  let officer: TestUser;
  let token: string;
  let permit: TransportPermit;
  let admin: string;
  let sender: GoodsSite;
  let receiver: GoodsSite;

  beforeAll(async () => {
    e = await startE2E();
    await ensureDemoGoods(e.t.app.platform.command);
    admin = await e.adminCookie();
    officer = await e.user('administrator', 'li.oberland');
    const sites: GoodsSite[] = (await e.api(admin, 'GET', '/goods/sites')).json;
    // Stations whose names no other site shares: the form's options are picked by their words.
    const named = (s: GoodsSite) => sites.filter((x) => x.place.name === s.place.name).length === 1;
    const station = (path: string) => sites.find((s) => s.place.category === 'fuel_station' && s.place.jurisdictionPath === path && named(s) && s.holdings.some((h) => h.key === 'UN1202' && h.balance > 1_000_000))!;
    sender = station('li.oberland.vaduz');
    receiver = station('li.oberland.schaan');
    expect(sites.some((s) => s.place.name.startsWith('Demo: gun dealer'))).toBe(true);
    token = await deviceToken(e, (await jurisdictionByPath(e.t.app, 'li.oberland')).id);
    // Signed in through the login screen; the operations map is not this test's business (it goes straight to /goods).
    const { page } = e;
    await page.goto(`${e.base}/`);
    await page.waitForURL(/\/login$/);
    await page.getByTestId('login-username').fill(officer.username);
    await page.getByTestId('login-password').fill(officer.password);
    await page.getByTestId('login-submit').click();
    await page.waitForURL((u) => !u.pathname.startsWith('/login'));
  }, 180_000);
  afterAll(async () => e?.close());

  const report = async (fixes: { location: LonLat; at: string }[]) => {
    const res = await fetch(`${e.base}/api/v1/goods/permits/${permit.id}/positions`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify({ fixes }) });
    expect(res.status).toBe(200);
    return res.json() as Promise<{ alerts: { kind: string }[] }>;
  };

  it('issues the permit through the Transports panel\'s form, showing a refusal under its field', async () => {
    const { page } = e;
    await page.goto(`${e.base}/goods`);
    await page.getByTestId('permit-issue-open').click();
    const form = page.getByTestId('permit-form');
    await form.waitFor({ timeout: 60_000 });
    const pick = async (testId: string, option: string | RegExp) => {
      await form.getByTestId(testId).click();
      await page.getByRole('option', { name: option }).first().click();
    };
    // Sent empty, every field says what it needs, before any request.
    await form.getByTestId('permit-form-submit').click();
    await expect.poll(() => form.getByText('Required').count()).toBeGreaterThanOrEqual(4);
    await pick('permit-from', optionOf(sender));
    await pick('permit-item', /^UN1202 — /);
    await form.getByTestId('permit-quantity').fill('400000');
    // A receiver not licensed for diesel: the server's refusal is shown under the receiving site.
    await pick('permit-to', /^Demo: gun dealer/);
    await form.getByTestId('permit-vehicle').fill('FL 4711');
    // The window stays as the form offers it: from now, for six hours.
    await form.getByTestId('permit-form-submit').click();
    await expect.poll(() => form.getByText('not licensed for this item').count(), { timeout: 60_000 }).toBe(1);
    await screenshot(page, 'transport-permit-form');
    await pick('permit-to', optionOf(receiver));
    // Arrival by dwell, and an approved stop at the sender's loading bay (typed as latitude, longitude; a slip is shown under the field).
    await form.getByTestId('permit-arrival-meters').fill('200');
    await form.getByTestId('permit-arrival-minutes').fill('3');
    await form.getByTestId('permit-stop-add').click();
    const stop = form.getByTestId('permit-stop').first();
    await stop.getByTestId('permit-stop-name').fill('Loading bay');
    await stop.getByTestId('permit-stop-location').fill('north of the station');
    await expect.poll(() => stop.getByText('Type the place as latitude, longitude', { exact: false }).count()).toBe(1);
    const [lon, lat] = sender.place.location;
    await stop.getByTestId('permit-stop-location').fill(`${lat}, ${lon}`);
    await stop.getByTestId('permit-stop-minutes').fill('45');
    await form.getByTestId('permit-form-submit').click();
    await form.waitFor({ state: 'detached', timeout: 60_000 });
    await expect.poll(() => new URL(page.url()).searchParams.get('permit'), { timeout: 20_000 }).not.toBeNull();
    const id = new URL(page.url()).searchParams.get('permit')!;
    permit = (await e.api(admin, 'GET', `/goods/permits/${id}`)).json;
    expect([permit.from.siteId, permit.to.siteId, permit.item.key, permit.quantity, permit.vehicle, permit.corridorMeters]).toEqual([sender.id, receiver.id, 'UN1202', 400_000, 'FL 4711', 200]);
    expect([permit.arrivalMeters, permit.arrivalMinutes, permit.stops.map((st) => [st.name, st.maxMinutes, st.radiusMeters])]).toEqual([200, 3, [['Loading bay', 45, 100]]]);
    expect(permit.stops[0]!.location.map((c) => c.toFixed(5))).toEqual(sender.place.location.map((c) => c.toFixed(5)));
  }, 120_000);

  it('shows the route and the truck where it reported, then its deviation, live, in English and Chinese', async () => {
    const { page } = e;
    const route = permit.route.coordinates as LonLat[];
    const onRoute = route[Math.floor(route.length / 4)]!;
    await report([{ location: onRoute, at: new Date(Date.now() - 5000).toISOString() }]);
    await page.goto(`${e.base}/goods?permit=${permit.id}`);
    const detail = page.getByTestId('transport-detail');
    await detail.waitFor({ timeout: 60_000 });
    expect(await detail.textContent()).toContain('FL 4711');
    // The approved stop on the map and in words, with the arrival rule.
    expect(await page.getByTestId('transport-map').getAttribute('data-stops')).toBe(permit.stops[0]!.location.join(','));
    expect(await page.getByTestId('transport-stops').textContent()).toBe('Arrives within 200 m of the receiver after 3 minutes there · Approved stops: Loading bay (up to 45 minutes)');
    await expect.poll(() => page.getByTestId('transport-map').getAttribute('data-vehicle-at')).toBe(onRoute.join(','));
    await page.locator('[data-testid="transport-map"] canvas').waitFor({ timeout: 60_000 });

    // 800 m off the route: out of its 200 m corridor. The page learns of it from the stream.
    const off = north(route[Math.floor(route.length / 2)]!, 800);
    const out = await report([{ location: off, at: new Date().toISOString() }]);
    expect(out.alerts.map((a) => a.kind)).toContain('left_corridor');
    await expect.poll(() => page.getByTestId('transport-map').getAttribute('data-vehicle-at'), { timeout: 20_000 }).toBe(off.join(','));
    await expect.poll(() => page.locator('[data-testid="transport-alert"][data-kind="left_corridor"]').count(), { timeout: 20_000 }).toBe(1);
    expect(await page.locator('[data-testid="transport-alert"][data-kind="left_corridor"]').textContent()).toContain('Left the corridor');
    await screenshot(page, 'transport-deviation');

    await page.getByTestId('language-switch').getByText('简体中文').click();
    await expect.poll(() => page.locator('[data-testid="transport-alert"][data-kind="left_corridor"]').textContent()).toContain('偏离走廊');
    expect(e.pageErrors).toEqual([]);
  }, 120_000);

  it("binds the unbound permit to its vehicle's terminal from the permit screen (in Chinese, as the page was left); the other reporter is refused from then on", async () => {
    const { page } = e;
    const oberland = (await jurisdictionByPath(e.t.app, 'li.oberland')).id;
    const terminal = await e.api(admin, 'POST', '/staff', { username: 'fl4711-terminal', displayName: 'FL 4711 terminal', kind: 'device', jurisdictionId: oberland, grants: [{ role: 'unit_member', jurisdictionId: oberland }] });
    expect(terminal.status).toBe(201);
    await page.goto(`${e.base}/goods?permit=${permit.id}`);
    const detail = page.getByTestId('transport-detail');
    await detail.waitFor({ timeout: 60_000 });
    expect(await detail.getByTestId('transport-terminal').getAttribute('data-terminal')).toBe('');
    expect(await detail.getByTestId('transport-terminal').textContent()).toContain('未绑定终端');
    await detail.getByTestId('permit-bind-terminal').click();
    const dialog = page.getByTestId('permit-terminal-dialog');
    await dialog.waitFor();
    await dialog.getByTestId('permit-terminal-account').click();
    await page.getByRole('option', { name: 'FL 4711 terminal (fl4711-terminal)' }).click();
    await dialog.getByTestId('permit-terminal-submit').click();
    await dialog.waitFor({ state: 'detached' });
    await expect.poll(() => detail.getByTestId('transport-terminal').getAttribute('data-terminal'), { timeout: 20_000 }).toBe(terminal.json.id);
    expect(await detail.getByTestId('transport-terminal').textContent()).toContain('已绑定终端');
    expect(await detail.getByTestId('permit-bind-terminal').count()).toBe(0);
    // The gateway that reported until now is answered as for a permit that does not exist.
    const refused = await fetch(`${e.base}/api/v1/goods/permits/${permit.id}/positions`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify({ fixes: [{ location: permit.route.coordinates[0], at: new Date().toISOString() }] }) });
    expect(refused.status).toBe(404);
    expect(e.pageErrors).toEqual([]);
  }, 120_000);
});
