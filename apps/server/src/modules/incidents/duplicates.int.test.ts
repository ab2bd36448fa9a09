import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rows } from '../../platform/db/client.js';
import { createUser, jurisdictionByPath, loginAdmin, startTestApp, type TestApp, type TestUser } from '../../../test/harness.js';
import type { Actor } from '../../platform/auth/access.js';
import { CallsMapping, importCalls } from '../history/index.js';
import { SIMULATOR_ID } from '../simulation/index.js';
import { openIncident, sweepResponseClocks } from './index.js';

const SCENE: [number, number] = [9.5215, 47.141]; // Vaduz
/** About 110 m north of the scene, and about 1.1 km. */
const NEARBY: [number, number] = [9.5215, 47.142];
const FAR: [number, number] = [9.5215, 47.151];

type Candidate = { id: string; distanceMetres: number; minutesApart: number };

describe('possible duplicates: offered at intake and on the incident, linked and unlinked', () => {
  let t: TestApp;
  let now = new Date('2026-03-05T12:00:00.000Z');
  let admin: string;
  let dispatcher: TestUser;
  const advance = (s: number) => void (now = new Date(now.getTime() + s * 1000));
  const call = (cookie: string, method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, payload?: object) =>
    t.app.inject({ method, url: `/api/v1${url}`, headers: { cookie }, ...(payload ? { payload } : {}) });
  const count = async (q: ReturnType<typeof sql>) => Number((await rows<{ n: number }>(t.app.platform.db, q))[0]!.n);
  async function incident(at: [number, number], type = 'fire', priority = 'P1'): Promise<{ id: string }> {
    const res = await call(dispatcher.cookie, 'POST', '/incidents', { type, priority, location: at });
    expect(res.statusCode, res.body).toBe(201);
    return res.json();
  }
  const atIntake = async (type: string, at: [number, number]) => {
    const res = await call(dispatcher.cookie, 'GET', `/incidents/possible-duplicates?type=${type}&lon=${at[0]}&lat=${at[1]}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as { radiusMetres: number; windowMinutes: number; items: Candidate[] };
  };
  const escalations = (incidentId: string) => count(sql`select count(*)::int as n from outbox where type = 'incidents.escalated' and data->>'incidentId' = ${incidentId}`);

  beforeAll(async () => {
    t = await startTestApp({ clock: () => now });
    admin = await loginAdmin(t.app);
    dispatcher = await createUser(t.app, 'dispatcher', 'li.oberland.vaduz');
  }, 120_000);
  afterAll(async () => t?.close());

  let original: string;
  let duplicate: string;

  it('offers incidents of the same type nearby and close in time at intake, nearest first, with the defaults it used', async () => {
    original = (await incident(SCENE)).id;
    const farOne = (await incident(FAR)).id;
    const otherType = (await incident(SCENE, 'medical')).id;
    advance(5 * 60);
    const found = await atIntake('fire', NEARBY);
    expect(found).toMatchObject({ radiusMetres: 300, windowMinutes: 30 });
    expect(found.items.map((c) => c.id)).toEqual([original]);
    // Same longitude: the distance is the arc along the meridian (mean Earth radius), ~111 m.
    const meridianArc = ((NEARBY[1] - SCENE[1]) * Math.PI / 180) * 6_371_008.8;
    expect(found.items[0]!.distanceMetres).toBeCloseTo(meridianArc, -1);
    expect(found.items[0]!.minutesApart).toBe(5);
    expect(found.items.map((c) => c.id)).not.toContain(farOne);
    expect(found.items.map((c) => c.id)).not.toContain(otherType);
    // Outside the window, nothing.
    advance(30 * 60);
    expect((await atIntake('fire', NEARBY)).items).toEqual([]);
    now = new Date(now.getTime() - 30 * 60_000);
    // A dispatcher of Schaan sees none of Vaduz's incidents.
    const schaan = await createUser(t.app, 'dispatcher', 'li.oberland.schaan');
    expect((await call(schaan.cookie, 'GET', `/incidents/possible-duplicates?type=fire&lon=${NEARBY[0]}&lat=${NEARBY[1]}`)).json().items).toEqual([]);
    expect((await call(dispatcher.cookie, 'GET', '/incidents/possible-duplicates?type=fire&lon=200&lat=47')).statusCode).toBe(400);
  });

  it('lists them on the incident too, leaving the incident itself out', async () => {
    duplicate = (await incident(NEARBY)).id;
    const res = await call(dispatcher.cookie, 'GET', `/incidents/${duplicate}/duplicates`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().items.map((c: Candidate) => c.id)).toEqual([original]);
  });

  it('links a duplicate: audited on both timelines, it takes no units, and its clock neither misses nor escalates', async () => {
    const vaduz = await jurisdictionByPath(t.app, 'li.oberland.vaduz');
    const report = async () => (await call(admin, 'GET', `/reports/response-times?jurisdictionId=${vaduz.id}&from=2026-03-05T00:00:00Z&to=2026-03-06T00:00:00Z`)).json().counts.incidents as number;
    const counted = await report();
    const res = await call(dispatcher.cookie, 'PUT', `/incidents/${duplicate}/duplicate-of`, { duplicateOf: original });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ id: duplicate, duplicateOf: original });
    for (const id of [duplicate, original]) {
      const actions = (await call(admin, 'GET', `/incidents/${id}/timeline`)).json().map((e: { action: string }) => e.action);
      expect(actions).toContain('incidents.duplicate_linked');
    }
    // The same emergency counts once in the reports.
    expect(await report()).toBe(counted - 1);
    // A linked duplicate is not offered again: its original is.
    expect((await atIntake('fire', NEARBY)).items.map((c) => c.id)).toEqual([original]);

    const j = await jurisdictionByPath(t.app, 'li.oberland.vaduz');
    const unit = (await call(admin, 'POST', '/units', { callSign: 'DUP 1', kind: 'patrol_car', jurisdictionId: j.id, homeLocation: SCENE, crewSize: 2, onDuty: true })).json().id;
    const sent = await call(dispatcher.cookie, 'POST', `/incidents/${duplicate}/assignments`, { unitIds: [unit] });
    expect(sent.statusCode).toBe(409);
    expect(sent.json().code).toBe('INCIDENT_IS_DUPLICATE');

    advance(6 * 60);
    await sweepResponseClocks(t.app.platform.command);
    const tiers = (await call(admin, 'GET', `/incidents/${duplicate}`)).json().tiers as { missedAt: string | null }[];
    expect(tiers.every((x) => x.missedAt === null)).toBe(true);
    expect(await escalations(duplicate)).toBe(0);
    expect(await escalations(original)).toBeGreaterThan(0); // the original runs its clock as before
  });

  it('refuses links that would chain or self-link, or leave units behind, with a 409 and no change', async () => {
    const third = (await incident(SCENE)).id;
    const withUnit = (await incident(SCENE)).id;
    const j = await jurisdictionByPath(t.app, 'li.oberland.vaduz');
    const unit = (await call(admin, 'POST', '/units', { callSign: 'DUP 2', kind: 'patrol_car', jurisdictionId: j.id, homeLocation: SCENE, crewSize: 2, onDuty: true })).json().id;
    expect((await call(dispatcher.cookie, 'POST', `/incidents/${withUnit}/assignments`, { unitIds: [unit] })).statusCode).toBe(201);
    const audit = await count(sql`select count(*)::int as n from audit_log`);
    for (const [id, body, status] of [
      [third, { duplicateOf: third }, 409], // itself
      [third, { duplicateOf: duplicate }, 409], // a duplicate is no original
      [original, { duplicateOf: third }, 409], // others are linked to it
      [duplicate, { duplicateOf: third }, 409], // already linked
      [withUnit, { duplicateOf: third }, 409], // units still on it
      [third, { duplicateOf: '0190a000-0000-7000-8000-000000000000' }, 400],
      [third, { duplicateOf: 'x' }, 400],
    ] as const) {
      const res = await call(dispatcher.cookie, 'PUT', `/incidents/${id}/duplicate-of`, body);
      expect(res.statusCode, `${id} ${JSON.stringify(body)}: ${res.body}`).toBe(status);
    }
    expect(await count(sql`select count(*)::int as n from audit_log`)).toBe(audit);
    expect(await count(sql`select count(*)::int as n from incidents where duplicate_of is not null`)).toBe(1);
  });

  it('unlinks: the incident runs its own clock again from the call, so the tiers it has passed are missed and escalate', async () => {
    const res = await call(dispatcher.cookie, 'DELETE', `/incidents/${duplicate}/duplicate-of`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().duplicateOf).toBeNull();
    await sweepResponseClocks(t.app.platform.command);
    const tiers = (await call(admin, 'GET', `/incidents/${duplicate}`)).json().tiers as { missedAt: string | null }[];
    expect(tiers.every((x) => x.missedAt !== null)).toBe(true);
    expect(await escalations(duplicate)).toBeGreaterThan(0);
    for (const id of [duplicate, original]) {
      expect((await call(admin, 'GET', `/incidents/${id}/timeline`)).json().map((e: { action: string }) => e.action)).toContain('incidents.duplicate_unlinked');
    }
    const again = await call(dispatcher.cookie, 'DELETE', `/incidents/${duplicate}/duplicate-of`);
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('INCIDENT_NOT_DUPLICATE');
  });

  it('offers only incidents of the same origin: a live call live ones, a simulated incident simulated ones, an imported one imported ones; and links none across', async () => {
    // A rescue in Vaduz, three times over: taken live, made up by the simulator, imported from a CAD export.
    const live = (await incident(SCENE, 'rescue')).id;
    const li = await jurisdictionByPath(t.app, 'li');
    const simulator: Actor = {
      id: SIMULATOR_ID, username: 'simulator', displayName: 'Simulator', kind: 'device', via: { kind: 'system' },
      grants: [{ id: SIMULATOR_ID, role: 'administrator', jurisdictionId: li.id, path: li.path, jurisdictionName: 'Liechtenstein' }],
    };
    const simulated = (await openIncident(t.app.platform.command, { actor: simulator, requestId: null }, { type: 'rescue', priority: 'P2', location: SCENE }, t.config.responseTiers, 'simulated')).id;
    const local = (d: Date) => new Date(d.getTime() + 3600_000).toISOString().slice(0, 19).replace('T', ' '); // Vaduz is UTC+1 in March
    const mapping = CallsMapping.parse({
      name: 'origin-test', timeZone: 'Europe/Vaduz', timeFormat: 'YYYY-MM-DD HH:mm:ss',
      columns: { callId: 'nr', receivedAt: 'received', type: 'kind', priority: 'prio', latitude: 'lat', longitude: 'lon', unit: 'unit', dispatchedAt: 'sent' },
      types: { Rettung: 'rescue' }, priorities: { '2': 'P2' },
    });
    const vaduz = await jurisdictionByPath(t.app, 'li.oberland.vaduz');
    await importCalls(t.app.platform.command, { actor: null, actorName: 'cli', requestId: null }, {
      text: `nr,received,kind,prio,lat,lon,unit,sent\nH-1,${local(now)},Rettung,2,${SCENE[1]},${SCENE[0]},,\n`, file: 'origin.csv', mapping, jurisdiction: vaduz, tiers: t.config.responseTiers,
    });
    const [{ id: imported }] = await rows<{ id: string }>(t.app.platform.db, sql`select id from incidents where external_ref = 'H-1' and origin = 'historical'`) as [{ id: string }];

    const offered = async (id: string) => (await call(admin, 'GET', `/incidents/${id}/duplicates`)).json().items.map((c: Candidate) => c.id);
    // Same type, same place, same minute: without the origin filter each would be offered the other two.
    expect((await atIntake('rescue', NEARBY)).items.map((c) => c.id)).toEqual([live]);
    expect(await offered(live)).toEqual([]);
    expect(await offered(simulated)).toEqual([]);
    expect(await offered(imported)).toEqual([]);
    const simulated2 = (await openIncident(t.app.platform.command, { actor: simulator, requestId: null }, { type: 'rescue', priority: 'P3', location: NEARBY }, t.config.responseTiers, 'simulated')).id;
    expect(await offered(simulated)).toEqual([simulated2]);
    expect(await offered(live)).toEqual([]);

    for (const [id, other] of [[live, simulated], [simulated, live], [live, imported]] as const) {
      const res = await call(admin, 'PUT', `/incidents/${id}/duplicate-of`, { duplicateOf: other });
      expect(res.statusCode, res.body).toBe(409);
      expect(res.json().code).toBe('INCIDENT_DUPLICATE_NOT_ALLOWED');
    }
    expect(await count(sql`select count(*)::int as n from incidents where duplicate_of in (${live}, ${simulated}, ${imported})`)).toBe(0);
  });
});
