import type { GoodsSite, TransportAlert, TransportPermit } from '@firebreak/contracts';
import { route } from '@firebreak/roadgraph';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rows } from '../../platform/db/client.js';
import { createUser, jurisdictionByPath, loginAdmin, startTestApp, type TestApp, type TestUser } from '../../../test/harness.js';
import { deploymentRoadNetwork } from '../dispatch/index.js';
import { ensureDemoGoods, sweepTransports } from './index.js';

type LonLat = [number, number];
const MINUTE = 60_000;

/** Metres between two positions (equirectangular: the tracks are a few kilometres). */
function metres(a: LonLat, b: LonLat): number {
  const kx = 111_320 * Math.cos((((a[1] + b[1]) / 2) * Math.PI) / 180);
  return Math.hypot((a[0] - b[0]) * kx, (a[1] - b[1]) * 110_574);
}

/** Positions every `step` metres along a line, as a GPS track sampled at a steady speed would give. */
function resample(line: readonly LonLat[], step: number): LonLat[] {
  const out: LonLat[] = [line[0]!];
  let carry = 0;
  for (let i = 1; i < line.length; i++) {
    const a = line[i - 1]!;
    const b = line[i]!;
    const len = metres(a, b);
    let d = step - carry;
    while (d <= len) {
      const f = d / len;
      out.push([a[0] + (b[0] - a[0]) * f, a[1] + (b[1] - a[1]) * f]);
      d += step;
    }
    carry = len - (d - step);
  }
  out.push(line[line.length - 1]!);
  return out;
}

describe('transport permits: an approved route, held to by a live geofence', () => {
  let t: TestApp;
  let now = new Date('2026-03-10T08:00:00.000Z'); // a Tuesday, 09:00 in Vaduz: schools are in
  let admin: string;
  let vaduzCommander: TestUser;
  let schaanInspector: TestUser;
  let deviceToken: string;
  let from: GoodsSite;
  let to: GoodsSite;
  const item = 'UN1202';
  const window = { from: '2026-03-10T08:00:00.000Z', until: '2026-03-10T14:00:00.000Z' };

  const call = (cookie: string, method: 'GET' | 'POST', url: string, payload?: object) =>
    t.app.inject({ method, url: `/api/v1${url}`, headers: { cookie }, ...(payload ? { payload } : {}) });
  const report = (permitId: string, fixes: object[], token = deviceToken) =>
    t.app.inject({ method: 'POST', url: `/api/v1/goods/permits/${permitId}/positions`, headers: { authorization: `Bearer ${token}` }, payload: { fixes } });
  const balance = async (siteId: string, kind: string) => Number((await rows<{ b: number }>(t.app.platform.db, sql`select coalesce(sum(credits_posted - debits_posted), 0)::float8 as b
    from goods_accounts where site_id = ${siteId} and item_key = ${item} and kind = ${kind}`))[0]!.b);

  beforeAll(async () => {
    t = await startTestApp({ clock: () => now });
    admin = await loginAdmin(t.app);
    vaduzCommander = await createUser(t.app, 'commander', 'li.oberland.vaduz');
    schaanInspector = await createUser(t.app, 'inspector', 'li.oberland.schaan');
    await ensureDemoGoods(t.app.platform.command);
    const sites: GoodsSite[] = (await call(admin, 'GET', '/goods/sites')).json();
    const station = (path: string) => sites.find((s) => s.place.category === 'fuel_station' && s.place.jurisdictionPath === path && s.holdings.some((h) => h.key === item && h.balance > 1_000_000))!;
    from = station('li.oberland.vaduz');
    to = station('li.oberland.schaan');
    const oberland = await jurisdictionByPath(t.app, 'li.oberland');
    const device = await call(admin, 'POST', '/staff', { username: 'tanker-terminal', displayName: 'Tanker terminal', kind: 'device', jurisdictionId: oberland.id, grants: [{ role: 'unit_member', jurisdictionId: oberland.id }] });
    expect(device.statusCode, device.body).toBe(201);
    deviceToken = (await call(admin, 'POST', `/staff/${device.json().id}/tokens`, { name: 'tanker' })).json().token;
  }, 180_000);
  afterAll(async () => t?.close());

  const permitBody = (extra: object = {}) => ({ fromSiteId: from.id, toSiteId: to.id, itemKey: item, quantity: 500_000, vehicle: 'FL 1234', window, ...extra });

  it('refuses bad permits with 4xx naming the field, and stores nothing', async () => {
    const before = await balance(from.id, 'stock');
    const cases: [object, string, number, string | undefined][] = [
      [{ quantity: 1.5 }, admin, 400, 'body.quantity'],
      [{ quantity: -3 }, admin, 400, 'body.quantity'],
      [{ window: { from: window.until, until: window.from } }, admin, 400, 'body.window.until'],
      [{ toSiteId: from.id }, admin, 400, 'body.toSiteId'],
      [{ fromSiteId: '0190a000-0000-7000-8000-000000000000' }, admin, 400, 'body.fromSiteId'],
      [{ quantity: 10 ** 13 }, admin, 409, 'body.quantity'],
      [{ itemKey: 'UN1005' }, admin, 422, 'body.itemKey'],
      // A Vaduz commander may license in Vaduz, but the receiving station lies outside his scope.
      [{}, vaduzCommander.cookie, 400, 'body.toSiteId'],
      [{}, schaanInspector.cookie, 403, undefined],
      [{ stops: [{ name: 'Rest area', location: [9.5, 47.1], maxMinutes: 0 }] }, admin, 400, 'body.stops.0.maxMinutes'],
      [{ arrivalMinutes: 61 }, admin, 400, 'body.arrivalMinutes'],
      // An approved stop must lie on the way: the far north of the country is off every route between the two.
      [{ stops: [{ name: 'Ruggell', location: [9.528, 47.243], maxMinutes: 30 }] }, admin, 400, 'body.stops.0.location'],
    ];
    for (const [extra, who, status, field] of cases) {
      const res = await call(who, 'POST', '/goods/permits', permitBody(extra));
      expect(res.statusCode, `${JSON.stringify(extra)} ${res.body}`).toBe(status);
      expect(res.headers['content-type']).toContain('application/problem+json');
      if (field) expect(JSON.stringify(res.json())).toContain(field);
    }
    expect(await balance(from.id, 'stock')).toBe(before);
    expect(Number((await rows<{ n: number }>(t.app.platform.db, sql`select count(*)::int as n from goods_permits`))[0]!.n)).toBe(0);
  });

  it('a recorded deviating track on the demo roads raises exactly the expected alerts, in order, once each', async () => {
    const stockBefore = await balance(from.id, 'stock');
    // One approved stop a fifth of the way (placed once the route is known: a first permit is cancelled).
    const probe: TransportPermit = (await call(admin, 'POST', '/goods/permits', permitBody())).json();
    expect((await call(admin, 'POST', `/goods/permits/${probe.id}/cancel`, {})).statusCode).toBe(200);
    const restArea = probe.route.coordinates[Math.floor(probe.route.coordinates.length * 0.2)] as LonLat;
    const issued = await call(admin, 'POST', '/goods/permits', permitBody({ stops: [{ name: 'Rest area', location: restArea, maxMinutes: 30 }] }));
    expect(issued.statusCode, issued.body).toBe(201);
    const permit: TransportPermit = issued.json();
    expect(permit).toMatchObject({ stops: [{ name: 'Rest area', maxMinutes: 30, radiusMeters: 100 }], arrivalMeters: 150, arrivalMinutes: 2, timeZone: 'Europe/Vaduz' });
    expect(permit.route.coordinates).toEqual(probe.route.coordinates);
    expect(permit.state).toBe('issued');
    expect(permit.route.coordinates.length).toBeGreaterThan(2);
    expect(permit.zones.some((z) => z.kind === 'school')).toBe(true);
    expect(await balance(from.id, 'stock')).toBe(stockBefore - 500_000);
    expect(await balance(from.id, 'in_transit')).toBe(500_000);
    // The approved route keeps out of every avoided zone (PostGIS says so, not our geometry).
    const [crossing] = await rows<{ n: number }>(t.app.platform.db, sql`select count(*)::int as n from goods_permits g, jsonb_array_elements(g.zones) z
      where g.id = ${permit.id} and ST_Intersects(g.route, ST_SetSRID(ST_GeomFromGeoJSON((z->'area')::text), 4326))`);
    expect(crossing!.n).toBe(0);

    // The detour: from 40 % along the route by road to a school that is off the corridor, whose
    // road there and back meets no other zone; it stands there, goes dark, and drives back.
    const network = await deploymentRoadNetwork(t.config);
    const g = network.graph;
    const along = (share: number) => permit.route.coordinates[Math.floor(permit.route.coordinates.length * share)] as LonLat;
    const leave = along(0.4);
    const rejoin = along(0.7);
    const roadLine = (a: LonLat, b: LonLat) => route(g, g.snapper.snap(a), g.snapper.snap(b)).geometry.coordinates as LonLat[];
    let detour: { zone: TransportPermit['zones'][number]; out: LonLat[]; back: LonLat[] } | undefined;
    for (const zone of permit.zones.filter((z) => z.kind === 'school')) {
      const at = zone.area.coordinates[0]![0] as LonLat;
      if (metres(at, to.place.location as LonLat) < 1000 || metres(at, from.place.location as LonLat) < 1000) continue;
      let out: LonLat[];
      let back: LonLat[];
      try {
        out = roadLine(leave, at);
        back = roadLine(at, rejoin);
      } catch {
        continue;
      }
      // Driving past the receiving site would be an arrival: not this detour.
      if (resample([...out, ...back], 25).some((q) => metres(q, to.place.location as LonLat) < 400)) continue;
      const [check] = await rows<{ off: boolean; others: number; own: boolean }>(t.app.platform.db, sql`with l as (select ST_SetSRID(ST_GeomFromGeoJSON(${JSON.stringify({ type: 'LineString', coordinates: [...out, ...back] })}), 4326) as geom)
        select not ST_DWithin(ST_SetSRID(ST_GeomFromGeoJSON(${JSON.stringify({ type: 'Point', coordinates: out[out.length - 1] })}), 4326)::geography, g.route::geography, g.corridor_meters + 50) as off,
          (select count(*)::int from jsonb_array_elements(g.zones) z where z->>'id' <> ${zone.id} and ST_Intersects(l.geom, ST_SetSRID(ST_GeomFromGeoJSON((z->'area')::text), 4326))) as others,
          ST_Intersects(ST_SetSRID(ST_GeomFromGeoJSON(${JSON.stringify({ type: 'Point', coordinates: out[out.length - 1] })}), 4326), ST_SetSRID(ST_GeomFromGeoJSON(${JSON.stringify(zone.area)}), 4326)) as own
        from goods_permits g, l where g.id = ${permit.id}`);
      if (check!.off && check!.others === 0 && check!.own) {
        detour = { zone, out, back };
        break;
      }
    }
    expect(detour, 'a school off the corridor reachable by road').toBeDefined();

    const routeLine = permit.route.coordinates as LonLat[];
    const i40 = Math.floor(routeLine.length * 0.4);
    const i70 = Math.floor(routeLine.length * 0.7);
    let clock = Date.parse(window.from) + MINUTE;
    const drive = (line: LonLat[]) => resample(line, 50).map((p) => ({ location: p, at: new Date((clock += 5000)).toISOString(), speedKmh: 36 }));
    const stand = (p: LonLat, minutes: number) => Array.from({ length: minutes * 2 }, () => ({ location: p, at: new Date((clock += 30_000)).toISOString(), speedKmh: 0 }));
    const send = async (fixes: { at: string }[]) => {
      now = new Date(Date.parse(fixes[fixes.length - 1]!.at));
      const res = await report(permit.id, fixes);
      expect(res.statusCode, res.body).toBe(200);
      return res.json() as { accepted: number; ignored: number; alerts: TransportAlert[]; state: string };
    };

    const i20 = Math.floor(routeLine.length * 0.2);
    // Twelve minutes at the approved stop: beyond the permit's ten, within the stop's thirty.
    const first = await send([...drive(routeLine.slice(0, i20 + 1)), ...stand(restArea, 12), ...drive(routeLine.slice(i20, i40 + 1))]);
    expect(first.alerts).toEqual([]);
    expect(first.state).toBe('in_transit');
    const schoolAt = detour!.out[detour!.out.length - 1]!;
    const outbound = drive(detour!.out);
    const standing = stand(schoolAt, 12);
    await send([...outbound, ...standing]);
    // A retry of the same batch changes nothing.
    const again = await report(permit.id, standing);
    expect(again.json()).toMatchObject({ accepted: 0, ignored: standing.length, alerts: [] });
    // Silence: the sweep reports it dark once, however often it runs.
    now = new Date(clock + 7 * MINUTE);
    clock = now.getTime();
    expect((await sweepTransports(t.app.platform.command)).dark).toBe(1);
    expect((await sweepTransports(t.app.platform.command)).dark).toBe(0);
    // Driving up to the receiver is not arriving: it must stay there (arrival by dwell, 2 minutes).
    expect((await send(drive([...detour!.back, ...routeLine.slice(i70)]))).state).toBe('in_transit');
    const arrival = await send(stand(routeLine[routeLine.length - 1]!, 3));
    expect(arrival.state).toBe('arrived');
    expect(arrival.alerts.map((a) => [a.kind, a.detail.minutes])).toEqual([['arrived', 2]]);

    const alerts: TransportAlert[] = (await call(admin, 'GET', `/goods/permits/${permit.id}/alerts`)).json();
    const inOrder = [...alerts].sort((a, b) => a.seq - b.seq);
    expect(inOrder.map((a) => a.kind)).toEqual(['left_corridor', 'entered_zone', 'stopped', 'dark', 'rejoined_corridor', 'arrived']);
    expect(inOrder.map((a) => a.seq)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(inOrder[1]!.detail.zoneId).toBe(detour!.zone.id);
    expect(inOrder[2]!.detail.minutes).toBeGreaterThanOrEqual(10);
    // Each went to the supervising desk (li.oberland) as an event.
    const [events] = await rows<{ n: number }>(t.app.platform.db, sql`select count(*)::int as n from outbox where type = 'goods.transport_alert' and jurisdiction_path = 'li.oberland'::ltree`);
    expect(events!.n).toBe(6);

    // Arrived: it takes no more fixes; the receiver takes the load in.
    const late = await report(permit.id, [{ location: to.place.location, at: new Date(clock + 1000).toISOString() }]);
    expect(late.statusCode).toBe(409);
    expect(late.json().code).toBe('GOODS_PERMIT_FINISHED');
    const toBefore = await balance(to.id, 'stock');
    const received = await call(admin, 'POST', `/goods/permits/${permit.id}/receive`, {});
    expect(received.statusCode, received.body).toBe(200);
    expect(received.json().state).toBe('received');
    expect(await balance(to.id, 'stock')).toBe(toBefore + 500_000);
    expect(await balance(from.id, 'in_transit')).toBe(0);
    expect((await call(admin, 'POST', `/goods/permits/${permit.id}/receive`, {})).statusCode).toBe(409);
    const trail = (await call(admin, 'GET', `/goods/permits/${permit.id}/trail`)).json() as unknown[];
    expect(trail.length).toBeGreaterThan(50);
  }, 240_000);

  it('refuses fixes for unknown permits and from tokens outside the permit, and a cancel puts the load back', async () => {
    const unknown = await report('0190a000-0000-7000-8000-000000000000', [{ location: from.place.location, at: now.toISOString() }]);
    expect(unknown.statusCode).toBe(404);
    const before = await balance(from.id, 'stock');
    // Sent twice under one Idempotency-Key (a form's retry): one permit, one dispatch, the same answer.
    const once = () => t.app.inject({ method: 'POST', url: '/api/v1/goods/permits', headers: { cookie: admin, 'idempotency-key': 'permit-form-retry-1' }, payload: permitBody({ quantity: 1000 }) });
    const issued = await once();
    expect(issued.statusCode, issued.body).toBe(201);
    const again = await once();
    expect(again.statusCode, again.body).toBe(201);
    expect(again.json().id).toBe(issued.json().id);
    const stock = await balance(from.id, 'stock');
    expect(stock).toBe(before - 1000);
    const cancelled = await call(admin, 'POST', `/goods/permits/${issued.json().id}/cancel`, { note: 'lorry broke down' });
    expect(cancelled.statusCode, cancelled.body).toBe(200);
    expect(await balance(from.id, 'stock')).toBe(stock + 1000);
    const after = await report(issued.json().id, [{ location: from.place.location, at: now.toISOString() }]);
    expect(after.statusCode).toBe(409);
    expect(after.json().code).toBe('GOODS_PERMIT_FINISHED');
  }, 120_000);

  it('ties every trail fix to its permit, checked once per statement, and never deletes nor renumbers a permit', async () => {
    const db = t.app.platform.db;
    const sqlState = (q: Promise<unknown>) => q.then(() => 'ok', (e: { code?: string; cause?: { code?: string } }) => e.cause?.code ?? e.code);
    const [p] = await rows<{ id: string }>(db, sql`select id from goods_permits order by issued_at limit 1`);
    const trail = async () => Number((await rows<{ n: number }>(db, sql`select count(*)::int as n from goods_transport_trail where permit_id = ${p!.id}`))[0]!.n);
    const before = await trail();
    // One statement with a fix of a real permit and one of no permit: refused whole (the set-wise check of migration 0045).
    const orphan = db.execute(sql`insert into goods_transport_trail (permit_id, at, location)
      values (${p!.id}::uuid, '2001-01-01T00:00:00Z', ST_SetSRID(ST_MakePoint(9.5, 47.1), 4326)),
             ('0190a000-0000-7000-8000-000000000001'::uuid, '2001-01-01T00:00:01Z', ST_SetSRID(ST_MakePoint(9.5, 47.1), 4326))`);
    expect(await sqlState(orphan)).toBe('23503');
    expect(await sqlState(db.execute(sql`update goods_transport_trail set permit_id = '0190a000-0000-7000-8000-000000000001'::uuid where permit_id = ${p!.id}`))).toBe(before ? '23503' : 'ok');
    expect(await trail()).toBe(before);
    // The permit the trail names stays: no delete, no new id; its other columns change as the watch needs.
    expect(await sqlState(db.execute(sql`delete from goods_permits where id = ${p!.id}`))).toBe('23001');
    expect(await sqlState(db.execute(sql`update goods_permits set id = '0190a000-0000-7000-8000-000000000002'::uuid where id = ${p!.id}`))).toBe('23001');
    expect(await sqlState(db.execute(sql`update goods_permits set note = note where id = ${p!.id}`))).toBe('ok');
    expect((await rows(db, sql`select 1 from goods_permits where id = ${p!.id}`)).length).toBe(1);
  });

  it('keeps the route away from a school only while the school is open, by the hours the coverage module gives it', async () => {
    const issue = async (w: { from: string; until: string }) => {
      const res = await call(admin, 'POST', '/goods/permits', permitBody({ quantity: 1000, window: w }));
      expect(res.statusCode, res.body).toBe(201);
      return res.json() as TransportPermit;
    };
    // Schools on a permit's route: within the zone's reach (100 m) of their outline.
    const schoolsOnRoute = async (id: string) => (await rows<{ id: string }>(t.app.platform.db, sql`select p.id from goods_permits g, places p
      where g.id = ${id} and p.category = 'school' and ST_DWithin(p.geom::geography, g.route::geography, 100) order by p.id`)).map((r) => r.id);
    // Tuesday 21:00-23:30 in Vaduz: every school is shut (built-in Mo-Fr 07:00-17:00), none is avoided.
    const evening = { from: '2026-03-10T20:00:00.000Z', until: '2026-03-10T22:30:00.000Z' };
    const night = await issue(evening);
    expect(night.zones.filter((z) => z.kind !== 'cordon')).toEqual([]);
    const passed = await schoolsOnRoute(night.id);
    expect(passed.length, 'the fastest route passes a school').toBeGreaterThan(0);
    // The same trip in school hours keeps out of them.
    const day = await issue(window);
    expect(await schoolsOnRoute(day.id)).toEqual([]);
    for (const id of passed) expect(day.zones.find((z) => z.id === id)?.hours).toBe('Mo-Fr 07:00-17:00');
    // A school that keeps evening classes (its own OSM hours) is avoided in the evening too.
    await t.app.platform.db.execute(sql`update places set opening_hours = 'Mo-Fr 07:00-17:00; Tu 19:00-23:00' where id = ${passed[0]!}`);
    const evening2 = await issue(evening);
    expect(evening2.zones.find((z) => z.id === passed[0])?.hours).toBe('Mo-Fr 07:00-17:00; Tu 19:00-23:00');
    expect(await schoolsOnRoute(evening2.id)).not.toContain(passed[0]);
    await t.app.platform.db.execute(sql`update places set opening_hours = null where id = ${passed[0]!}`);
    for (const p of [night, day, evening2]) expect((await call(admin, 'POST', `/goods/permits/${p.id}/cancel`, { note: 'test' })).statusCode).toBe(200);
  }, 180_000);

  it("shows on a major incident's board what the licensed sites near it hold, per their ledgers", async () => {
    const declared = await call(admin, 'POST', '/major-incidents', { location: [from.place.location[0] + 0.002, from.place.location[1]], title: 'Tanker fire', level: 'III', exercise: true });
    expect(declared.statusCode, declared.body).toBe(201);
    const res = await call(admin, 'GET', `/goods/major-incidents/${declared.json().id}/holdings`);
    expect(res.statusCode, res.body).toBe(200);
    const near = res.json() as { siteId: string; distanceMeters: number; holdings: { itemKey: string; unNumber: string | null; balance: number }[] }[];
    const site = near.find((s) => s.siteId === from.id)!;
    expect(site.distanceMeters).toBeGreaterThan(100);
    expect(site.distanceMeters).toBeLessThan(200);
    expect(site.holdings.find((h) => h.itemKey === item)!.balance).toBe(await balance(from.id, 'stock'));
    expect(near.every((s) => s.distanceMeters <= 500)).toBe(true);
    expect(near.some((s) => s.siteId === to.id)).toBe(false);
    // A dispatcher of another municipality does not see the incident, nor what lies around it.
    const schaanDispatcher = await createUser(t.app, 'dispatcher', 'li.oberland.schaan');
    expect((await call(schaanDispatcher.cookie, 'GET', `/goods/major-incidents/${declared.json().id}/holdings`)).statusCode).toBe(404);
  }, 60_000);

  it("routes around a major incident's cordon and alerts the desk when the vehicle enters it anyway", async () => {
    // Where the route goes without a cordon: a permit issued, then cancelled.
    const probe: TransportPermit = (await call(admin, 'POST', '/goods/permits', permitBody({ quantity: 1000, vehicle: 'FL 2001' }))).json();
    expect((await call(admin, 'POST', `/goods/permits/${probe.id}/cancel`, {})).statusCode).toBe(200);
    const coords = probe.route.coordinates as LonLat[];
    const mid = coords[Math.floor(coords.length / 2)]!;
    const declared = await call(admin, 'POST', '/major-incidents', { location: mid, title: 'Chlorine leak', level: 'III' });
    expect(declared.statusCode, declared.body).toBe(201);
    const cordon = await t.app.inject({ method: 'PUT', url: `/api/v1/major-incidents/${declared.json().id}/cordons/outer`, headers: { cookie: admin }, payload: { radiusM: 150 } });
    expect(cordon.statusCode, cordon.body).toBe(200);

    const issued = await call(admin, 'POST', '/goods/permits', permitBody({ quantity: 1000, vehicle: 'FL 2002' }));
    expect(issued.statusCode, issued.body).toBe(201);
    const permit: TransportPermit = issued.json();
    const zone = permit.zones.find((z) => z.kind === 'cordon' && z.name.startsWith('Chlorine leak'))!;
    expect(zone).toBeDefined();
    // The approved route does not cross the cordon.
    const [crossing] = await rows<{ crosses: boolean }>(t.app.platform.db, sql`select ST_Intersects(ST_GeomFromGeoJSON(${JSON.stringify(permit.route)}), ST_GeomFromGeoJSON(${JSON.stringify(zone.area)})) as crosses`);
    expect(crossing!.crosses).toBe(false);

    // The vehicle drives into it all the same: the desk is told which zone, a cordon.
    const res = await report(permit.id, [{ location: from.place.location, at: now.toISOString(), speedKmh: 30 }, { location: mid, at: new Date(now.getTime() + 60_000).toISOString(), speedKmh: 30 }]);
    expect(res.statusCode, res.body).toBe(200);
    const entered = (res.json().alerts as TransportAlert[]).filter((a) => a.kind === 'entered_zone');
    expect(entered.map((a) => [a.detail.zoneKind, a.detail.zoneId])).toEqual([['cordon', zone.id]]);
    expect((await call(admin, 'POST', `/goods/permits/${permit.id}/cancel`, {})).statusCode).toBe(200);
  }, 120_000);
});
