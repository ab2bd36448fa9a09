import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clearDemoAgreements, createUser, jurisdictionByPath, loginAdmin, startTestApp, type TestApp, type TestUser } from '../../../test/harness.js';
import { StreamClient } from '../../../test/stream-client.js';
import type { PublishedEvent } from '../../platform/events/bus.js';

const SCHAAN: [number, number] = [9.5095, 47.165];
const VADUZ: [number, number] = [9.5215, 47.141];

describe("the stream of a dispatcher borrowing units: the lent units' events, nothing else of the lender", () => {
  let t: TestApp;
  let baseUrl: string;
  let admin: string;
  let dispatcher: TestUser;
  let device: string;
  const units = {} as { engine: string; ambulance: string; vaduz: string };
  const clients: StreamClient[] = [];
  const call = async (method: 'POST', url: string, payload: object, auth: Record<string, string> = { cookie: admin }) => {
    const res = await t.app.inject({ method, url: `/api/v1${url}`, headers: auth, payload });
    expect(res.statusCode, res.body).toBeOneOf([200, 201]);
    return res.json();
  };
  const unit = async (path: string, callSign: string, kind: string, at: [number, number]) =>
    (await call('POST', '/units', { callSign, kind, jurisdictionId: (await jurisdictionByPath(t.app, path)).id, homeLocation: at, crewSize: 2, onDuty: true })).id as string;
  const connect = async () => {
    const c = await StreamClient.connect(baseUrl, { cookie: dispatcher.cookie });
    clients.push(c);
    await c.waitForKind('caught_up');
    return c;
  };
  /** Changes in Schaan (engine and ambulance: status, one AVL batch; an incident), then a Vaduz change the dispatcher surely sees. */
  const lenderActivity = async (c: StreamClient): Promise<PublishedEvent[]> => {
    await call('POST', `/units/${units.engine}/actions`, { action: 'out_of_service' });
    await call('POST', `/units/${units.ambulance}/actions`, { action: 'out_of_service' });
    const at = new Date().toISOString();
    await call('POST', '/avl/positions', { fixes: [{ unitId: units.engine, location: SCHAAN, at }, { unitId: units.ambulance, location: SCHAAN, at }] }, { authorization: `Bearer ${device}` });
    await call('POST', '/incidents', { type: 'fire', priority: 'P2', location: SCHAAN });
    await call('POST', `/units/${units.engine}/actions`, { action: 'in_service' });
    await call('POST', `/units/${units.ambulance}/actions`, { action: 'in_service' });
    await call('POST', `/units/${units.vaduz}/actions`, { action: 'off_duty' });
    await c.waitForEventWhere((e) => e.type === 'units.status_changed' && (e.data as { id: string }).id === units.vaduz);
    await call('POST', `/units/${units.vaduz}/actions`, { action: 'on_duty' });
    return c.events();
  };
  const about = (events: PublishedEvent[], id: string) => events.filter((e) => JSON.stringify(e.data).includes(id));

  beforeAll(async () => {
    t = await startTestApp();
    // The agreements are the ones this test makes: the template's demo neighbours' go.
    await clearDemoAgreements(t.app);
    await t.app.listen({ host: '127.0.0.1', port: 0 });
    baseUrl = `http://127.0.0.1:${(t.app.server.address() as { port: number }).port}`;
    admin = await loginAdmin(t.app);
    dispatcher = await createUser(t.app, 'dispatcher', 'li.oberland.vaduz');
    units.engine = await unit('li.oberland.schaan', 'Lent Engine', 'fire_engine', SCHAAN);
    units.ambulance = await unit('li.oberland.schaan', 'Kept Ambulance', 'ambulance', SCHAAN);
    units.vaduz = await unit('li.oberland.vaduz', 'Own Patrol', 'patrol_car', VADUZ);
    const schaan = await jurisdictionByPath(t.app, 'li.oberland.schaan');
    const d = await call('POST', '/staff', { username: 'lent-avl', displayName: 'Lent AVL', kind: 'device', jurisdictionId: schaan.id, grants: [{ role: 'unit_member', jurisdictionId: schaan.id }] });
    device = (await call('POST', `/staff/${d.id}/tokens`, { name: 'gateway' })).token;
  }, 120_000);
  afterAll(async () => {
    await Promise.all(clients.map((c) => c.close()));
    await t?.close();
  });

  it('without an agreement, carries none of Schaan', async () => {
    const events = await lenderActivity(await connect());
    expect(events.filter((e) => e.jurisdictionPath?.startsWith('li.oberland.schaan'))).toEqual([]);
  });

  it('under an agreement lending fire engines, carries the engine (status and fixes) and neither the ambulance nor the incident', async () => {
    const vaduz = await jurisdictionByPath(t.app, 'li.oberland.vaduz');
    const schaan = await jurisdictionByPath(t.app, 'li.oberland.schaan');
    const agreement = await call('POST', '/mutual-aid-agreements', { providingJurisdictionId: schaan.id, requestingJurisdictionId: vaduz.id, unitKinds: ['fire_engine'] });
    const c = await connect();
    const events = await lenderActivity(c);
    const engine = about(events, units.engine);
    expect(engine.filter((e) => e.type === 'units.status_changed').map((e) => (e.data as { status: string }).status)).toEqual(['out_of_service', 'available']);
    const fixes = events.filter((e) => e.type === 'units.positions_reported').flatMap((e) => (e.data as { fixes: { unitId: string }[] }).fixes.map((f) => f.unitId));
    expect(fixes).toEqual([units.engine]);
    expect(about(events, units.ambulance)).toEqual([]);
    expect(events.filter((e) => e.type === 'incidents.opened' && e.jurisdictionPath === schaan.path)).toEqual([]);

    // Revoked: a new connection carries nothing of Schaan again.
    await call('POST', `/mutual-aid-agreements/${agreement.id}/revoke`, {});
    const after = await lenderActivity(await connect());
    expect(after.filter((e) => e.jurisdictionPath?.startsWith('li.oberland.schaan'))).toEqual([]);
  });
});
