import { sql } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rows } from '../../platform/db/client.js';
import { createUser, jurisdictionByPath, loginAdmin, startTestApp, type TestApp, type TestUser } from '../../../test/harness.js';

const VADUZ: [number, number] = [9.5215, 47.141];

/**
 * A unit bound to its terminal takes HTTP fixes from that device account alone, and a bound
 * terminal reports for its own units alone. Before, any account holding `avl:report` on the
 * jurisdiction (every unit terminal of the town) could move every other unit on the dispatcher's
 * map: a fix dated a minute ahead made the real terminal's fixes "not newer", and the nearest
 * unit the recommendation offered was one that was in fact elsewhere.
 */
describe('units: only the bound terminal reports a unit', () => {
  let t: TestApp;
  const now = new Date('2026-03-10T08:00:00.000Z');
  let admin: string;
  let dispatcher: TestUser;
  let crew: TestUser;
  const units: Record<'a' | 'b' | 'c', string> = {} as never;
  const devices: Record<'termA' | 'termB' | 'gateway' | 'unterland', { id: string; token: string }> = {} as never;

  const call = (cookie: string, method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) =>
    t.app.inject({ method, url: `/api/v1${url}`, headers: { cookie }, ...(payload ? { payload } : {}) });
  const report = (who: keyof typeof devices, unitId: string, at: Date = now) =>
    t.app.inject({ method: 'POST', url: '/api/v1/avl/positions', headers: { authorization: `Bearer ${devices[who].token}` }, payload: { fixes: [{ unitId, location: VADUZ, at: at.toISOString() }] } });
  const track = async (unitId: string) => (await rows<{ n: number }>(t.app.platform.db, sql`select count(*)::int as n from unit_track where unit_id = ${unitId}`))[0]!.n;
  const bind = (unitId: string, terminalId: string | null, cookie = admin) => call(cookie, 'PUT', `/units/${unitId}/terminal`, { terminalId });

  beforeAll(async () => {
    t = await startTestApp({ clock: () => now });
    admin = await loginAdmin(t.app);
    dispatcher = await createUser(t.app, 'dispatcher', 'li.oberland.vaduz');
    crew = await createUser(t.app, 'unit_member', 'li.oberland.vaduz');
    const vaduz = await jurisdictionByPath(t.app, 'li.oberland.vaduz');
    for (const [key, callSign] of [['a', 'Terminal A'], ['b', 'Terminal B'], ['c', 'Terminal C']] as const) {
      const res = await call(admin, 'POST', '/units', { callSign, kind: 'patrol_car', jurisdictionId: vaduz.id, homeLocation: VADUZ, crewSize: 2 });
      expect(res.statusCode, res.body).toBe(201);
      units[key] = res.json().id;
    }
    for (const [name, path] of [['termA', 'li.oberland.vaduz'], ['termB', 'li.oberland.vaduz'], ['gateway', 'li.oberland.vaduz'], ['unterland', 'li.unterland']] as const) {
      const j = await jurisdictionByPath(t.app, path);
      const device = await call(admin, 'POST', '/staff', { username: `unit-${name.toLowerCase()}`, displayName: `${name} terminal`, kind: 'device', jurisdictionId: j.id, grants: [{ role: 'unit_member', jurisdictionId: j.id }] });
      expect(device.statusCode, device.body).toBe(201);
      devices[name] = { id: device.json().id, token: (await call(admin, 'POST', `/staff/${device.json().id}/tokens`, { name })).json().token };
    }
  }, 180_000);
  afterAll(async () => t?.close());

  it('refuses to bind a person, a device of another area or an unknown account (400 body.terminalId), and a dispatcher (403), changing nothing', async () => {
    const audit = async () => (await rows<{ n: number }>(t.app.platform.db, sql`select count(*)::int as n from audit_log where action = 'units.terminal_bound'`))[0]!.n;
    for (const terminalId of [crew.id, devices.unterland.id, uuidv7()]) {
      const res = await bind(units.a, terminalId);
      expect([res.statusCode, res.json().code], res.body).toEqual([400, 'VALIDATION_FAILED']);
      expect(res.json().errors.map((e: { path: string }) => e.path)).toEqual(['body.terminalId']);
    }
    expect((await bind(units.a, devices.termA.id, dispatcher.cookie)).statusCode).toBe(403);
    expect(await audit()).toBe(0);
    const [row] = await rows<{ terminal_id: string | null }>(t.app.platform.db, sql`select terminal_id from units where id = ${units.a}`);
    expect(row!.terminal_id).toBeNull();
  });

  it('binds a unit to its terminal, audited and announced', async () => {
    const res = await bind(units.a, devices.termA.id);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ unitId: units.a, terminalId: devices.termA.id });
    expect((await bind(units.b, devices.termB.id)).statusCode).toBe(200);
    const audit = await rows<{ before: unknown; after: unknown }>(t.app.platform.db, sql`select before, after from audit_log where action = 'units.terminal_bound' and entity_id = ${units.a}`);
    expect(audit).toEqual([{ before: { unitId: units.a, terminalId: null }, after: { unitId: units.a, terminalId: devices.termA.id } }]);
    const [event] = await rows<{ n: number }>(t.app.platform.db, sql`select count(*)::int as n from outbox where type = 'units.terminal_bound' and data->>'unitId' = ${units.a}`);
    expect(event!.n).toBe(1);
  });

  it('offers the bound account and the accounts the bind accepts to whoever manages units, staff:read or not; shows terminalId on the unit', async () => {
    const duty = await createUser(t.app, 'duty_officer', 'li.oberland.vaduz');
    const res = await call(duty.cookie, 'GET', `/units/${units.a}/terminal-choices`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().bound).toEqual({ id: devices.termA.id, username: 'unit-terma', displayName: 'termA terminal' });
    // Devices of Vaduz holding avl:report: not Unterland's, not a person (the crew member).
    const offered = res.json().candidates.map((a: { id: string }) => a.id).sort();
    expect(offered).toEqual([devices.termA.id, devices.termB.id, devices.gateway.id].sort());
    expect((await call(duty.cookie, 'GET', `/units/${units.c}/terminal-choices`)).json().bound).toBeNull();
    expect((await call(dispatcher.cookie, 'GET', `/units/${units.a}/terminal-choices`)).statusCode).toBe(403);
    expect((await call(dispatcher.cookie, 'GET', `/units/${units.a}`)).json().terminalId).toBe(devices.termA.id);
    expect((await call(dispatcher.cookie, 'GET', `/units/${units.c}`)).json().terminalId).toBeNull();
  });

  it("refuses another unit's terminal and an unbound gateway for a bound unit, storing nothing", async () => {
    const before = await track(units.b);
    for (const who of ['termA', 'gateway'] as const) {
      const res = await report(who, units.b, new Date(now.getTime() + 30_000));
      expect([res.statusCode, res.json().code], res.body).toEqual([400, 'VALIDATION_FAILED']);
      expect(res.json().errors.map((e: { path: string }) => e.path)).toEqual(['body.fixes.0.unitId']);
    }
    expect(await track(units.b)).toBe(before);
    const unit = (await call(admin, 'GET', `/units/${units.b}`)).json();
    expect(unit.position).toBeNull();
  });

  it('takes the bound terminal\'s own fixes; a bound terminal may not report an unbound unit, an unbound gateway still may', async () => {
    expect((await report('termA', units.a)).statusCode).toBe(200);
    expect((await report('termB', units.b)).statusCode).toBe(200);
    expect(await track(units.a)).toBe(1);
    expect((await report('termA', units.c)).statusCode).toBe(400);
    expect(await track(units.c)).toBe(0);
    expect((await report('gateway', units.c)).statusCode).toBe(200);
    expect(await track(units.c)).toBe(1);
  });

  it('unbinding an unbound unit, or binding again to the same terminal, is answered as done (the fuzz found a 500 there)', async () => {
    expect((await bind(units.c, null)).json()).toEqual({ unitId: units.c, terminalId: null });
    const again = await bind(units.a, devices.termA.id);
    expect([again.statusCode, again.json()]).toEqual([200, { unitId: units.a, terminalId: devices.termA.id }]);
  });

  it('unbinding gives the unit back to the wider rule', async () => {
    expect((await bind(units.b, null)).json()).toEqual({ unitId: units.b, terminalId: null });
    expect((await report('gateway', units.b, new Date(now.getTime() + 40_000))).statusCode).toBe(200);
  });
});
