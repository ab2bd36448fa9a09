import { sql } from 'drizzle-orm';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rows } from '../../platform/db/client.js';
import { backend, createUser, jurisdictionByPath, loginAdmin, startTestApp, type TestApp, type TestUser } from '../../../test/harness.js';

const VADUZ: [number, number] = [9.5215, 47.141];

describe('units: registry, lifecycle, AVL', () => {
  let t: TestApp;
  let now = new Date('2026-03-02T08:00:00.000Z');
  let admin: string;
  let vaduzDispatcher: TestUser;
  let deviceToken: string;
  const advance = (ms: number) => void (now = new Date(now.getTime() + ms));
  const call = (cookie: string, method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object) =>
    t.app.inject({ method, url: `/api/v1${url}`, headers: { cookie }, ...(payload ? { payload } : {}) });
  const report = (fixes: object[], token = deviceToken) =>
    t.app.inject({ method: 'POST', url: '/api/v1/avl/positions', headers: { authorization: `Bearer ${token}` }, payload: { fixes } });
  const count = async (table: 'units' | 'unit_track' | 'audit_log') => Number((await rows<{ n: number }>(t.app.platform.db, sql`select count(*)::int as n from ${sql.raw(table)}`))[0]!.n);

  async function register(path: string, callSign: string, extra: object = {}) {
    const j = await jurisdictionByPath(t.app, path);
    const res = await call(admin, 'POST', '/units', { callSign, kind: 'patrol_car', jurisdictionId: j.id, homeLocation: VADUZ, crewSize: 2, ...extra });
    expect(res.statusCode, res.body).toBe(201);
    return res.json();
  }

  beforeAll(async () => {
    t = await startTestApp({ clock: () => now });
    admin = await loginAdmin(t.app);
    vaduzDispatcher = await createUser(t.app, 'dispatcher', 'li.oberland.vaduz');
    const vaduz = await jurisdictionByPath(t.app, 'li.oberland.vaduz');
    const device = await call(admin, 'POST', '/staff', { username: 'avl-vaduz', displayName: 'AVL gateway Vaduz', kind: 'device', jurisdictionId: vaduz.id, grants: [{ role: 'unit_member', jurisdictionId: vaduz.id }] });
    expect(device.statusCode, device.body).toBe(201);
    const token = await call(admin, 'POST', `/staff/${device.json().id}/tokens`, { name: 'gateway' });
    expect(token.statusCode, token.body).toBe(201);
    deviceToken = token.json().token;
  }, 120_000);
  afterAll(async () => t?.close());

  it('registers a unit at its fire station: home location from the station, available and off duty', async () => {
    const [station] = await rows<{ id: string; lon: number; lat: number; path: string }>(t.app.platform.db,
      sql`select id, ST_X(location) as lon, ST_Y(location) as lat, jurisdiction_path::text as path from places where category = 'fire_station' order by id limit 1`);
    const j = await jurisdictionByPath(t.app, station!.path);
    const res = await call(admin, 'POST', '/units', { callSign: 'Florian 1', kind: 'fire_engine', jurisdictionId: j.id, homeStationId: station!.id, crewSize: 6, capabilities: ['water', 'foam'] });
    expect(res.statusCode, res.body).toBe(201);
    const unit = res.json();
    expect(unit).toMatchObject({ callSign: 'Florian 1', kind: 'fire_engine', homeStationId: station!.id, status: 'available', onDuty: false, incidentId: null, position: null, capabilities: ['water', 'foam'] });
    expect(unit.homeLocation[0]).toBeCloseTo(Number(station!.lon), 6);
    expect(unit.homeLocation[1]).toBeCloseTo(Number(station!.lat), 6);
    expect((await call(admin, 'GET', `/units/${unit.id}`)).json()).toEqual(unit);
  });

  it('refuses a taken call sign (any case) and bad input with a 4xx, storing nothing', async () => {
    await register('li.oberland.vaduz', 'Vaduz 10');
    const j = await jurisdictionByPath(t.app, 'li.oberland.vaduz');
    const before = [await count('units'), await count('audit_log')];
    const taken = await call(admin, 'POST', '/units', { callSign: 'VADUZ 10', kind: 'patrol_car', jurisdictionId: j.id, homeLocation: VADUZ, crewSize: 2 });
    expect(taken.statusCode).toBe(409);
    expect(taken.json().code).toBe('UNIT_CALL_SIGN_TAKEN');
    for (const bad of [
      { callSign: 'X1', kind: 'tank', jurisdictionId: j.id, homeLocation: VADUZ, crewSize: 2 },
      { callSign: 'X2', kind: 'patrol_car', jurisdictionId: j.id, crewSize: 2 },
      { callSign: 'X3', kind: 'patrol_car', jurisdictionId: j.id, homeLocation: [200, 47], crewSize: 2 },
      { callSign: 'X4', kind: 'patrol_car', jurisdictionId: j.id, homeLocation: VADUZ, crewSize: -1 },
      { callSign: 'X5', kind: 'patrol_car', jurisdictionId: j.id, homeLocation: VADUZ, crewSize: 2, homeStationId: j.id },
    ]) {
      const res = await call(admin, 'POST', '/units', bad);
      expect(res.statusCode, JSON.stringify(bad)).toBe(400);
    }
    expect([await count('units'), await count('audit_log')]).toEqual(before);
  });

  it('goes on duty, out of and back in service, off duty, with a timestamp and a history entry for each', async () => {
    const unit = await register('li.oberland.vaduz', 'Vaduz 11');
    const step = async (action: string) => {
      advance(60_000);
      const res = await call(admin, 'POST', `/units/${unit.id}/actions`, { action });
      return res;
    };
    expect((await step('on_duty')).json()).toMatchObject({ onDuty: true, dutyChangedAt: now.toISOString(), status: 'available' });
    expect((await step('out_of_service')).json()).toMatchObject({ status: 'out_of_service', statusChangedAt: now.toISOString() });
    const refused = await step('off_duty').then(() => step('off_duty'));
    expect(refused.statusCode).toBe(409);
    expect(refused.json().code).toBe('UNIT_TRANSITION_NOT_ALLOWED');
    expect((await step('in_service')).json()).toMatchObject({ status: 'available', onDuty: false });
    const history = (await call(admin, 'GET', `/units/${unit.id}/history`)).json();
    expect(history.map((h: { action: string }) => h.action)).toEqual(['units.registered', ...Array(4).fill('units.status_changed')]);
  });

  it('takes AVL batches from a device token: the newest fix is the live position, older ones only extend the track', async () => {
    const unit = await register('li.oberland.vaduz', 'Vaduz 12');
    const t0 = now.getTime();
    const at = (s: number) => new Date(t0 + s * 1000).toISOString();
    const res = await report([
      { unitId: unit.id, location: [9.52, 47.14], at: at(-20), speedKmh: 30, heading: 90 },
      { unitId: unit.id, location: [9.521, 47.141], at: at(-10) },
      { unitId: unit.id, location: [9.5211, 47.1411], at: at(-15) },
    ]);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ accepted: 3 });
    let got = (await call(admin, 'GET', `/units/${unit.id}`)).json();
    expect(got.position).toEqual({ location: [9.521, 47.141], at: at(-10), speedKmh: null, heading: null, stale: false });

    // An older fix arriving late does not move the unit.
    expect((await report([{ unitId: unit.id, location: [9.6, 47.2], at: at(-30) }])).json()).toMatchObject({ accepted: 1, outOfOrder: 1 });
    got = (await call(admin, 'GET', `/units/${unit.id}`)).json();
    expect(got.position.location).toEqual([9.521, 47.141]);

    // Past the stale time without a report, the unit is flagged.
    advance(121_000);
    expect((await call(admin, 'GET', `/units/${unit.id}`)).json().position.stale).toBe(true);
    const listed = (await call(admin, 'GET', '/units?onDuty=false')).json().items.find((u: { id: string }) => u.id === unit.id);
    expect(listed.position.stale).toBe(true);
  });

  it('stores a downsampled track: a fix every 5 s at walking pace keeps one point per 30 s or 50 m', async () => {
    const unit = await register('li.oberland.vaduz', 'Vaduz 13');
    const t0 = now.getTime();
    // 5 minutes, a fix every 5 s, moving 1e-5 degrees (about 0.75 m east) per fix.
    const fixes = Array.from({ length: 60 }, (_, i) => ({ unitId: unit.id, location: [9.52 + i * 1e-5, 47.14], at: new Date(t0 - 300_000 + i * 5000).toISOString() }));
    const res = await report(fixes);
    expect(res.statusCode, res.body).toBe(200);
    const track = (await call(admin, 'GET', `/units/${unit.id}/track?from=${new Date(t0 - 3600_000).toISOString()}&to=${now.toISOString()}`)).json();
    expect(res.json().stored).toBe(track.length);
    expect(track.length).toBe(10); // 300 s / 30 s
    for (let i = 1; i < track.length; i++) expect(Date.parse(track[i].at) - Date.parse(track[i - 1].at)).toBe(30_000);
  });

  it('refuses a batch naming a unit the device may not report for, storing nothing of it', async () => {
    const own = await register('li.oberland.vaduz', 'Vaduz 14');
    const other = await register('li.oberland.schaan', 'Schaan 14');
    const before = await count('unit_track');
    const res = await report([
      { unitId: own.id, location: [9.52, 47.14], at: now.toISOString() },
      { unitId: other.id, location: [9.51, 47.165], at: now.toISOString() },
    ]);
    expect(res.statusCode).toBe(400);
    expect(res.json().errors ?? res.json().fields ?? res.body).toBeDefined();
    expect(res.body).toContain('body.fixes.1.unitId');
    expect(await count('unit_track')).toBe(before);
    expect((await call(admin, 'GET', `/units/${own.id}`)).json().position).toBeNull();
    // A session without avl:report is refused outright.
    expect((await t.app.inject({ method: 'POST', url: '/api/v1/avl/positions', headers: { cookie: vaduzDispatcher.cookie }, payload: { fixes: [{ unitId: own.id, location: [9.52, 47.14], at: now.toISOString() }] } })).statusCode).toBe(403);
  });

  it('ties every track point to its unit, checked once per statement, and keeps a unit with a track (migration 0049)', async () => {
    const db = t.app.platform.db;
    const sqlState = (q: Promise<unknown>) => q.then(() => 'ok', (e: { code?: string; cause?: { code?: string } }) => e.cause?.code ?? e.code);
    const detail = (q: Promise<unknown>) => q.then(() => '', (e: { detail?: string; cause?: { detail?: string } }) => e.cause?.detail ?? e.detail ?? '');
    const tracked = await register('li.oberland.vaduz', 'Vaduz 16');
    const untracked = await register('li.oberland.vaduz', 'Vaduz 17');
    expect((await report([{ unitId: tracked.id, location: [9.52, 47.14], at: now.toISOString() }])).statusCode).toBe(200);
    const points = async (id: string) => Number((await rows<{ n: number }>(db, sql`select count(*)::int as n from unit_track where unit_id = ${id}`))[0]!.n);
    expect(await points(tracked.id)).toBe(1);
    const before = await count('unit_track');
    // One statement with a point of a real unit and one of no unit: refused whole.
    const orphan = db.execute(sql`insert into unit_track (unit_id, at, location)
      values (${tracked.id}::uuid, '2001-01-01T00:00:00Z', ST_SetSRID(ST_MakePoint(9.5, 47.1), 4326)),
             ('0190a000-0000-7000-8000-000000000001'::uuid, '2001-01-01T00:00:01Z', ST_SetSRID(ST_MakePoint(9.5, 47.1), 4326))`);
    expect(await sqlState(orphan)).toBe('23503');
    expect(await sqlState(db.execute(sql`update unit_track set unit_id = '0190a000-0000-7000-8000-000000000001'::uuid where unit_id = ${tracked.id}`))).toBe('23503');
    expect(await count('unit_track')).toBe(before);
    // A unit with a track is neither deleted nor renumbered; the refusal reads as a foreign key's (the onboarding undo names the table from it).
    const refused = db.execute(sql`delete from units where id = ${tracked.id}`);
    expect(await detail(refused)).toContain('is still referenced from table "unit_track"');
    expect(await sqlState(db.execute(sql`delete from units where id = ${tracked.id}`))).toBe('23503');
    expect(await sqlState(db.execute(sql`update units set id = '0190a000-0000-7000-8000-000000000002'::uuid where id = ${tracked.id}`))).toBe('23503');
    expect(await sqlState(db.execute(sql`update units set crew_size = crew_size where id = ${tracked.id}`))).toBe('ok');
    expect(await points(tracked.id)).toBe(1);
    // A unit with no track may go (an onboarding batch undone removes the units it made).
    expect(await sqlState(db.execute(sql`delete from units where id = ${untracked.id}`))).toBe('ok');
  });

  it.runIf(backend === 'postgres')('refuses a track point whose unit is deleted at the same time, whichever commits first (PostgreSQL)', async () => {
    const open = async () => {
      const c = new pg.Client({ connectionString: t.db.url });
      await c.connect();
      return c;
    };
    const [a, b] = await Promise.all([open(), open()]);
    const state = (q: Promise<unknown>) => q.then(() => 'ok', (e: { code?: string }) => e.code);
    const point = (id: string) => a.query(`insert into unit_track (unit_id, at, location) values ($1, now(), ST_SetSRID(ST_MakePoint(9.5, 47.1), 4326))`, [id]);
    const exists = async (id: string) => (await a.query('select 1 from units where id = $1', [id])).rowCount === 1;
    try {
      // The point first, not yet committed: the delete waits for it, then finds the track and is refused.
      const first = await register('li.oberland.vaduz', 'Vaduz 18');
      await a.query('begin');
      await point(first.id);
      await b.query('begin');
      const del = state(b.query('delete from units where id = $1', [first.id]));
      await new Promise((r) => setTimeout(r, 300));
      await a.query('commit');
      expect(await del).toBe('23503');
      await b.query('rollback');
      expect(await exists(first.id)).toBe(true);
      // The delete first, not yet committed: the point waits for it, then finds no unit and is refused.
      const second = await register('li.oberland.vaduz', 'Vaduz 19');
      await b.query('begin');
      await b.query('delete from units where id = $1', [second.id]);
      await a.query('begin');
      const ins = state(point(second.id));
      await new Promise((r) => setTimeout(r, 300));
      await b.query('commit');
      expect(await ins).toBe('23503');
      await a.query('rollback');
      expect(await exists(second.id)).toBe(false);
      expect(Number((await a.query('select count(*)::int as n from unit_track where unit_id = any($1::uuid[])', [[first.id, second.id]])).rows[0].n)).toBe(1);
    } finally {
      await Promise.all([a.end(), b.end()]);
    }
  });

  it("scopes units: a dispatcher of Vaduz neither lists nor reads Schaan's units", async () => {
    const schaan = await register('li.oberland.schaan', 'Schaan 15');
    const vaduz = await register('li.oberland.vaduz', 'Vaduz 15');
    const list = (await call(vaduzDispatcher.cookie, 'GET', '/units?limit=1000')).json().items.map((u: { id: string }) => u.id);
    expect(list).toContain(vaduz.id);
    expect(list).not.toContain(schaan.id);
    expect((await call(vaduzDispatcher.cookie, 'GET', `/units/${schaan.id}`)).statusCode).toBe(404);
    // Dispatchers do not manage the registry.
    expect((await call(vaduzDispatcher.cookie, 'PATCH', `/units/${vaduz.id}`, { crewSize: 3 })).statusCode).toBe(403);
  });
});
