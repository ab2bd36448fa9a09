import type { GoodsSite } from '@firebreak/contracts';
import { sql } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rows } from '../../platform/db/client.js';
import { createUser, jurisdictionByPath, loginAdmin, startTestApp, type TestApp, type TestUser } from '../../../test/harness.js';
import { ensureDemoGoods } from './index.js';

/**
 * A permit bound to its vehicle's terminal takes fixes from that device account only. Without the
 * binding, any account holding `avl:report` where the transport is supervised (a fire engine's
 * terminal, a crew member signed in) could write the explosives lorry's trail: a fix dated a minute
 * ahead makes the real terminal's fixes "not newer" and ignored, so a detour never reaches the geofence.
 */
describe('transport permits: only the bound terminal reports', () => {
  let t: TestApp;
  const now = new Date('2026-03-10T08:00:00.000Z');
  let admin: string;
  let crew: TestUser;
  let from: GoodsSite;
  let to: GoodsSite;
  const tokens: Record<'tanker' | 'engine' | 'unterland', { id: string; token: string }> = {} as never;
  const item = 'UN1202';
  const window = { from: '2026-03-10T08:00:00.000Z', until: '2026-03-10T14:00:00.000Z' };

  const call = (cookie: string, method: 'GET' | 'POST', url: string, payload?: object) =>
    t.app.inject({ method, url: `/api/v1${url}`, headers: { cookie }, ...(payload ? { payload } : {}) });
  const report = (permitId: string, headers: Record<string, string>, at: Date = now) =>
    t.app.inject({ method: 'POST', url: `/api/v1/goods/permits/${permitId}/positions`, headers, payload: { fixes: [{ location: from.place.location, at: at.toISOString(), speedKmh: 0 }] } });
  const bearer = (who: keyof typeof tokens) => ({ authorization: `Bearer ${tokens[who].token}` });
  const trail = async (permitId: string) => (await rows<{ n: number }>(t.app.platform.db, sql`select count(*)::int as n from goods_transport_trail where permit_id = ${permitId}`))[0]!.n;
  const issue = (extra: object) => call(admin, 'POST', '/goods/permits', { fromSiteId: from.id, toSiteId: to.id, itemKey: item, quantity: 1000, vehicle: 'FL 1234', window, ...extra });

  beforeAll(async () => {
    t = await startTestApp({ clock: () => now });
    admin = await loginAdmin(t.app);
    crew = await createUser(t.app, 'unit_member', 'li.oberland');
    await ensureDemoGoods(t.app.platform.command);
    const sites: GoodsSite[] = (await call(admin, 'GET', '/goods/sites')).json();
    const station = (path: string) => sites.find((s) => s.place.category === 'fuel_station' && s.place.jurisdictionPath === path && s.holdings.some((h) => h.key === item && h.balance > 1_000_000))!;
    from = station('li.oberland.vaduz');
    to = station('li.oberland.schaan');
    // Three device accounts with unit_member (avl:report): the lorry's terminal and a fire engine's in the region, and one in the other region.
    for (const [name, path] of [['tanker', 'li.oberland'], ['engine', 'li.oberland'], ['unterland', 'li.unterland']] as const) {
      const j = await jurisdictionByPath(t.app, path);
      const device = await call(admin, 'POST', '/staff', { username: `${name}-terminal`, displayName: `${name} terminal`, kind: 'device', jurisdictionId: j.id, grants: [{ role: 'unit_member', jurisdictionId: j.id }] });
      expect(device.statusCode, device.body).toBe(201);
      tokens[name] = { id: device.json().id, token: (await call(admin, 'POST', `/staff/${device.json().id}/tokens`, { name })).json().token };
    }
  }, 180_000);
  afterAll(async () => t?.close());

  it('refuses to bind a person, a device that reports elsewhere or an unknown account, naming body.terminalId', async () => {
    const permits = async () => (await rows<{ n: number }>(t.app.platform.db, sql`select count(*)::int as n from goods_permits`))[0]!.n;
    const before = await permits();
    for (const terminalId of [crew.id, tokens.unterland.id, uuidv7()]) {
      const res = await issue({ terminalId });
      expect([res.statusCode, res.json().code], res.body).toEqual([400, 'VALIDATION_FAILED']);
      expect(res.json().errors.map((e: { path: string }) => e.path)).toEqual(['body.terminalId']);
    }
    expect(await permits()).toBe(before);
  });

  it("takes a bound permit's fixes from its terminal only: another device or a crew member there is answered as if the permit did not exist", async () => {
    const issued = await issue({ terminalId: tokens.tanker.id });
    expect(issued.statusCode, issued.body).toBe(201);
    const permit = issued.json();
    expect(permit.terminalId).toBe(tokens.tanker.id);
    expect((await call(admin, 'GET', `/goods/permits/${permit.id}`)).json().terminalId).toBe(tokens.tanker.id);

    // The fire engine's terminal dates its fix a minute ahead: were it taken, the lorry's own fixes would be ignored as old.
    const spoofed = await report(permit.id, bearer('engine'), new Date(now.getTime() + 60_000));
    expect([spoofed.statusCode, spoofed.json().code], spoofed.body).toEqual([404, 'NOT_FOUND']);
    const byCrew = await report(permit.id, { cookie: crew.cookie });
    expect([byCrew.statusCode, byCrew.json().code], byCrew.body).toEqual([404, 'NOT_FOUND']);
    expect(await trail(permit.id)).toBe(0);
    expect((await call(admin, 'GET', `/goods/permits/${permit.id}`)).json().lastFix).toBeNull();

    const own = await report(permit.id, bearer('tanker'));
    expect(own.statusCode, own.body).toBe(200);
    expect(own.json()).toMatchObject({ accepted: 1, ignored: 0 });
    expect(await trail(permit.id)).toBe(1);
  });

  it('an unbound permit keeps the wider rule (avl:report where it is supervised), and nothing beyond it', async () => {
    const permit = (await issue({})).json();
    expect(permit.terminalId).toBeNull();
    expect((await report(permit.id, bearer('unterland'))).statusCode).toBe(404);
    expect((await report(permit.id, bearer('engine'))).statusCode).toBe(200);
  });

  it('binds an unbound permit to its terminal afterwards (PUT /goods/permits/:id/terminal): then the others are refused; a person or a dispatcher may not bind', async () => {
    const permit = (await issue({ vehicle: 'FL 5678' })).json();
    const bind = (terminalId: string, cookie = admin) => t.app.inject({ method: 'PUT', url: `/api/v1/goods/permits/${permit.id}/terminal`, headers: { cookie }, payload: { terminalId } });
    expect((await bind(tokens.tanker.id, crew.cookie)).statusCode).toBe(403);
    for (const terminalId of [crew.id, tokens.unterland.id, uuidv7()]) {
      const res = await bind(terminalId);
      expect([res.statusCode, res.json().errors?.map((e: { path: string }) => e.path)], res.body).toEqual([400, ['body.terminalId']]);
    }
    expect((await call(admin, 'GET', `/goods/permits/${permit.id}`)).json().terminalId).toBeNull();

    const bound = await bind(tokens.tanker.id);
    expect(bound.statusCode, bound.body).toBe(200);
    expect(bound.json().terminalId).toBe(tokens.tanker.id);
    const [audit] = await rows<{ n: number }>(t.app.platform.db, sql`select count(*)::int as n from audit_log where action = 'goods.permit_terminal_bound' and entity_id = ${permit.id}`);
    const [events] = await rows<{ n: number }>(t.app.platform.db, sql`select count(*)::int as n from outbox where type = 'goods.permit_terminal_bound' and data->>'permitId' = ${permit.id}`);
    expect(audit!.n).toBe(1);
    expect(events!.n).toBeGreaterThan(0);
    expect((await report(permit.id, bearer('engine'))).statusCode).toBe(404);
    expect((await report(permit.id, bearer('tanker'))).statusCode).toBe(200);
    // Bound again to the same terminal (a retry): done, not a 500.
    expect((await bind(tokens.tanker.id)).statusCode).toBe(200);
  });

  it('a permit that took fixes before it was bound refuses the other reporters at once (the node had the permit as issued, unbound, in its cache)', async () => {
    const permit = (await issue({ vehicle: 'FL 9012' })).json();
    expect((await report(permit.id, bearer('engine'), new Date(now.getTime() - 60_000))).statusCode).toBe(200);
    const bound = await t.app.inject({ method: 'PUT', url: `/api/v1/goods/permits/${permit.id}/terminal`, headers: { cookie: admin }, payload: { terminalId: tokens.tanker.id } });
    expect(bound.statusCode, bound.body).toBe(200);
    const before = await trail(permit.id);
    expect((await report(permit.id, bearer('engine'))).statusCode).toBe(404);
    expect(await trail(permit.id)).toBe(before);
    expect((await report(permit.id, bearer('tanker'))).statusCode).toBe(200);
  });
});
