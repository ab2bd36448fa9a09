import { manyToOne } from '@firebreak/roadgraph';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rows } from '../../platform/db/client.js';
import type { PublishedEvent } from '../../platform/events/bus.js';
import { createUser, jurisdictionByPath, loginAdmin, standDownDemoForces, startTestApp, type TestApp, type TestUser } from '../../../test/harness.js';
import { sweepResponseClocks } from '../incidents/index.js';
import { deploymentRoadNetwork } from './index.js';

const SCENE: [number, number] = [9.5215, 47.141]; // Vaduz
/** Where the Vaduz patrols are when the call comes in. */
const PATROLS: [number, number][] = [[9.523, 47.139], [9.515, 47.145], [9.53, 47.13], [9.5105, 47.13]];

describe('dispatch: intake, recommendation, assignment, the 1-3-5 clock', () => {
  let t: TestApp;
  let now = new Date('2026-03-02T08:00:00.000Z');
  let admin: string;
  let vaduzDispatcher: TestUser;
  let device: string;
  const events: PublishedEvent[] = [];
  const patrols: { id: string; callSign: string }[] = [];
  let schaanUnit: string;
  let offDutyUnit: string;
  const advance = (s: number) => void (now = new Date(now.getTime() + s * 1000));
  const call = (cookie: string, method: 'GET' | 'POST', url: string, payload?: object, headers: Record<string, string> = {}) =>
    t.app.inject({ method, url: `/api/v1${url}`, headers: { cookie, ...headers }, ...(payload ? { payload } : {}) });
  const asDevice = (url: string, payload: object) => t.app.inject({ method: 'POST', url: `/api/v1${url}`, headers: { authorization: `Bearer ${device}` }, payload });
  const count = async (query: ReturnType<typeof sql>) => Number((await rows<{ n: number }>(t.app.platform.db, query))[0]!.n);
  const published = async (type: string) => {
    await t.app.platform.relay.drain();
    return events.filter((e) => e.type === type);
  };

  async function unit(path: string, callSign: string, at: [number, number], onDuty = true): Promise<string> {
    const j = await jurisdictionByPath(t.app, path);
    const res = await call(admin, 'POST', '/units', { callSign, kind: 'patrol_car', jurisdictionId: j.id, homeLocation: at, crewSize: 2, onDuty });
    expect(res.statusCode, res.body).toBe(201);
    return res.json().id;
  }
  async function incident(body: object = {}, cookie = admin) {
    const res = await call(cookie, 'POST', '/incidents', { type: 'traffic_accident', priority: 'P1', location: SCENE, address: 'Äulestrasse 1, Vaduz', callerNumber: '+423 123 45 67', narrative: 'Two cars, one person trapped', ...body });
    expect(res.statusCode, res.body).toBe(201);
    return res.json();
  }

  beforeAll(async () => {
    t = await startTestApp({ clock: () => now });
    // This test's world is the patrols it registers: the template's demo forces stand down.
    await standDownDemoForces(t.app);
    t.app.platform.bus.subscribe((e) => events.push(e));
    admin = await loginAdmin(t.app);
    vaduzDispatcher = await createUser(t.app, 'dispatcher', 'li.oberland.vaduz');
    const oberland = await jurisdictionByPath(t.app, 'li.oberland');
    const d = await call(admin, 'POST', '/staff', { username: 'avl-oberland', displayName: 'AVL Oberland', kind: 'device', jurisdictionId: oberland.id, grants: [{ role: 'unit_member', jurisdictionId: oberland.id }] });
    device = (await call(admin, 'POST', `/staff/${d.json().id}/tokens`, { name: 'gateway' })).json().token;
    for (const i of PATROLS.keys()) patrols.push({ id: await unit('li.oberland.vaduz', `Vaduz ${i + 1}`, [9.52, 47.14]), callSign: `Vaduz ${i + 1}` });
    // Their live positions differ from their home: the ranking must use these.
    const fixes = PATROLS.map((at, i) => ({ unitId: patrols[i]!.id, location: at, at: now.toISOString() }));
    expect((await asDevice('/avl/positions', { fixes })).statusCode).toBe(200);
    schaanUnit = await unit('li.oberland.schaan', 'Schaan 1', [9.5095, 47.165]);
    offDutyUnit = await unit('li.oberland.vaduz', 'Vaduz 9', SCENE, false);
  }, 120_000);
  afterAll(async () => t?.close());

  it('takes a call: the deepest jurisdiction at the point owns it and the 1-3-5 clock starts at the call', async () => {
    const body = { type: 'traffic_accident', priority: 'P1', location: SCENE, address: 'Äulestrasse 1, Vaduz', callerNumber: '+423 123 45 67', narrative: 'Two cars, one person trapped', receivedAt: new Date(now.getTime() - 10_000).toISOString() };
    const created = await call(admin, 'POST', '/incidents', body, { 'idempotency-key': 'intake-purge-0001' });
    expect(created.statusCode, created.body).toBe(201);
    const inc = created.json();
    expect(inc).toMatchObject({ type: 'traffic_accident', priority: 'P1', state: 'open', jurisdictionPath: 'li.oberland.vaduz', location: SCENE, callerNumber: '+423 123 45 67' });
    const received = Date.parse(inc.receivedAt);
    expect(inc.tiers.map((x: { deadlineAt: string }) => Date.parse(x.deadlineAt) - received)).toEqual([60_000, 180_000, 300_000]);
    expect(inc.tiers.every((x: { metAt: null; missedAt: null }) => x.metAt === null && x.missedAt === null)).toBe(true);
    // The caller's number is in neither the audit trail nor the stream, and can be purged.
    const [opened] = await published('incidents.opened');
    expect(JSON.stringify(opened)).not.toContain('123 45 67');
    expect(JSON.stringify((await call(admin, 'GET', `/incidents/${inc.id}/timeline`)).json())).not.toContain('123 45 67');
    const purged = (await call(admin, 'POST', `/incidents/${inc.id}/purge-caller`)).json();
    expect(purged).toMatchObject({ callerNumber: null, callerPurgedAt: now.toISOString() });
    expect(await count(sql`select count(*)::int as n from incidents where caller_number is not null and id = ${inc.id}`)).toBe(0);
    // The answer kept for a retry of the intake held the number too: it is gone with the purge.
    expect(await count(sql`select count(*)::int as n from idempotency_keys where response::text like '%123 45 67%'`)).toBe(0);
  });

  it('refuses bad calls with a 4xx and writes nothing', async () => {
    const before = await count(sql`select count(*)::int as n from incidents`);
    for (const [body, status] of [
      [{ priority: 'P5' }, 400], [{ type: 'alien_landing' }, 400], [{ location: [9.52] }, 400], [{ callerNumber: 'call me' }, 400],
      [{ receivedAt: new Date(now.getTime() + 3600_000).toISOString() }, 400], [{ location: [8.54, 47.37] }, 404],
    ] as const) {
      const res = await call(admin, 'POST', '/incidents', { ...{ type: 'fire', priority: 'P2', location: SCENE }, ...body });
      expect(res.statusCode, JSON.stringify(body)).toBe(status);
    }
    // A dispatcher of Vaduz takes no calls located in Schaan.
    expect((await call(vaduzDispatcher.cookie, 'POST', '/incidents', { type: 'fire', priority: 'P2', location: [9.5095, 47.165] })).statusCode).toBe(403);
    expect(await count(sql`select count(*)::int as n from incidents`)).toBe(before);
  });

  it('recommends the units I may send in true road travel-time order from their live positions', async () => {
    const inc = await incident();
    const res = await call(vaduzDispatcher.cookie, 'GET', `/incidents/${inc.id}/recommendations`);
    expect(res.statusCode, res.body).toBe(200);
    const items = res.json().items as { unitId: string; etaSeconds: number; positionSource: string; makesTiers: number[] }[];
    const ids = items.map((i) => i.unitId);
    expect(ids).not.toContain(schaanUnit); // not in a Vaduz dispatcher's scope
    expect(ids).not.toContain(offDutyUnit);
    expect(new Set(ids)).toEqual(new Set(patrols.map((p) => p.id)));

    // Patrol cars drive the emergency profile (issue 17): snapped on the car's graph, timed on theirs.
    const { graph, byProfile } = await deploymentRoadNetwork(t.config);
    const origins = PATROLS.map((p) => graph.snapper.snap(p));
    const direct = manyToOne(byProfile.emergency, origins, graph.snapper.snap(SCENE), { engine: 'dijkstra' });
    const asCars = manyToOne(graph, origins, graph.snapper.snap(SCENE), { engine: 'dijkstra' });
    direct.forEach((eta, i) => expect(eta).toBeLessThan(asCars[i]!));
    const expected = patrols.map((p, i) => ({ unitId: p.id, eta: direct[i]! })).sort((a, b) => a.eta - b.eta);
    expect(ids).toEqual(expected.map((e) => e.unitId));
    for (const [i, item] of items.entries()) {
      expect(item.etaSeconds).toBeCloseTo(expected[i]!.eta, 3);
      expect(item.positionSource).toBe('avl');
      expect(item.makesTiers).toEqual([2, 3].filter((tier) => item.etaSeconds <= (tier === 2 ? 180 : 300)));
    }
    // An administrator of the country also sees Schaan's unit.
    expect((await call(admin, 'GET', `/incidents/${inc.id}/recommendations?limit=200`)).json().items.map((i: { unitId: string }) => i.unitId)).toContain(schaanUnit);
  });

  it('assigns once for a repeated Idempotency-Key, and the unit is dispatched', async () => {
    const inc = await incident();
    const unitId = patrols[3]!.id;
    const send = () => call(admin, 'POST', `/incidents/${inc.id}/assignments`, { unitIds: [unitId] }, { 'idempotency-key': `assign-${inc.id}` });
    const [first, second] = [await send(), await send()];
    expect(first.statusCode, first.body).toBe(201);
    expect(second.json()).toEqual(first.json());
    expect(await count(sql`select count(*)::int as n from assignments where incident_id = ${inc.id}`)).toBe(1);
    expect(first.json()[0]).toMatchObject({ unitId, state: 'assigned', etaSeconds: expect.any(Number) });
    expect((await call(admin, 'GET', `/units/${unitId}`)).json()).toMatchObject({ status: 'dispatched', incidentId: inc.id });
    expect((await published('dispatch.unit_assigned')).some((e) => (e.data as { incidentId: string }).incidentId === inc.id)).toBe(true);
    // The unit is no longer offered.
    expect((await call(admin, 'GET', `/incidents/${inc.id}/recommendations`)).json().items.map((i: { unitId: string }) => i.unitId)).not.toContain(unitId);
  });

  it('lets exactly one of two dispatchers racing for the same unit win; the other gets a 409', async () => {
    const [a, b] = [await incident(), await incident()];
    const unitId = patrols[2]!.id;
    const results = await Promise.all([
      call(admin, 'POST', `/incidents/${a.id}/assignments`, { unitIds: [unitId] }),
      call(vaduzDispatcher.cookie, 'POST', `/incidents/${b.id}/assignments`, { unitIds: [unitId] }),
    ]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([201, 409]);
    expect(results.find((r) => r.statusCode === 409)!.json().code).toBe('DISPATCH_UNIT_UNAVAILABLE');
    expect(await count(sql`select count(*)::int as n from assignments where unit_id = ${unitId} and state = 'assigned'`)).toBe(1);
  });

  it("refuses a Vaduz dispatcher Schaan's unit, and an all-or-none batch with one bad unit assigns none", async () => {
    const inc = await incident();
    const hidden = await call(vaduzDispatcher.cookie, 'POST', `/incidents/${inc.id}/assignments`, { unitIds: [patrols[0]!.id, schaanUnit] });
    expect(hidden.statusCode).toBe(404);
    const offDuty = await call(admin, 'POST', `/incidents/${inc.id}/assignments`, { unitIds: [patrols[0]!.id, offDutyUnit] });
    expect(offDuty.statusCode).toBe(409);
    expect(await count(sql`select count(*)::int as n from assignments where incident_id = ${inc.id}`)).toBe(0);
    expect((await call(admin, 'GET', `/units/${patrols[0]!.id}`)).json().status).toBe('available');
  });

  it('runs a call end to end: acknowledged in 30 s meets tier 1, on scene by AVL at 2:20 meets tier 2, one unit short at 5:00 misses tier 3', async () => {
    const inc = await incident();
    const [first, second] = [patrols[0]!.id, patrols[1]!.id];
    const sent = await call(vaduzDispatcher.cookie, 'POST', `/incidents/${inc.id}/assignments`, { unitIds: [first, second] });
    expect(sent.statusCode, sent.body).toBe(201);
    const [a1, a2] = sent.json() as { id: string }[];
    const step = async (id: string, action: string) => {
      const res = await asDevice(`/assignments/${id}/actions`, { action });
      expect(res.statusCode, res.body).toBe(200);
      return res.json();
    };
    advance(30);
    await step(a1!.id, 'acknowledge');
    let clock = (await call(admin, 'GET', `/incidents/${inc.id}`)).json().tiers;
    expect(clock[0]).toMatchObject({ tier: 1, metAt: now.toISOString(), missedAt: null });
    advance(10);
    await step(a1!.id, 'en_route');
    await step(a2!.id, 'en_route');
    // The AVL moves the first unit to the scene: arrival detection puts it on scene at the fix's time.
    advance(100);
    const arrivedAt = now.toISOString();
    expect((await asDevice('/avl/positions', { fixes: [{ unitId: first, location: SCENE, at: arrivedAt }] })).statusCode).toBe(200);
    advance(10);
    for (let tries = 0; ; tries++) {
      const mine = (await call(admin, 'GET', `/incidents/${inc.id}/assignments`)).json().find((a: { id: string }) => a.id === a1!.id);
      if (mine.state === 'on_scene') {
        expect(mine).toMatchObject({ onSceneAt: arrivedAt, arrivalSource: 'avl', arrivalDoubt: null });
        break;
      }
      if (tries > 300) throw new Error('the AVL arrival was not detected');
      await new Promise((r) => setTimeout(r, 50));
    }
    expect((await call(admin, 'GET', `/units/${first}`)).json()).toMatchObject({ status: 'on_scene', position: { location: SCENE } });
    clock = (await call(admin, 'GET', `/incidents/${inc.id}`)).json().tiers;
    expect(clock[1]).toMatchObject({ tier: 2, metAt: arrivedAt });
    expect(clock[2]).toMatchObject({ metAt: null, missedAt: null });

    // Nothing is missed before its deadline (the sweep settles other tests' incidents meanwhile);
    // at 5:00 and a second the sweep marks tier 3 missed, once.
    advance(100);
    await sweepResponseClocks(t.app.platform.command);
    expect((await call(admin, 'GET', `/incidents/${inc.id}`)).json().tiers[2]).toMatchObject({ metAt: null, missedAt: null });
    advance(51);
    expect(await sweepResponseClocks(t.app.platform.command)).toBeGreaterThanOrEqual(1);
    expect(await sweepResponseClocks(t.app.platform.command)).toBe(0);
    clock = (await call(admin, 'GET', `/incidents/${inc.id}`)).json().tiers;
    expect(clock[2]).toMatchObject({ tier: 3, metAt: null, missedAt: new Date(Date.parse(inc.receivedAt) + 300_000).toISOString() });

    const met = (await published('incidents.tier_met')).filter((e) => (e.data as { incidentId: string }).incidentId === inc.id);
    const missed = (await published('incidents.tier_missed')).filter((e) => (e.data as { incidentId: string }).incidentId === inc.id);
    expect(met.map((e) => (e.data as { tier: number }).tier)).toEqual([1, 2]);
    expect(missed.map((e) => (e.data as { tier: number }).tier)).toEqual([3]);

    // The second unit arrives late (the tier stays missed), both clear and are available again.
    await step(a2!.id, 'on_scene');
    expect((await call(admin, 'GET', `/incidents/${inc.id}`)).json().tiers[2].missedAt).not.toBeNull();
    await step(a1!.id, 'clear');
    await step(a2!.id, 'clear');
    const refused = await asDevice(`/assignments/${a2!.id}/actions`, { action: 'on_scene' });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().code).toBe('ASSIGNMENT_TRANSITION_NOT_ALLOWED');
    for (const id of [first, second]) expect((await call(admin, 'GET', `/units/${id}`)).json()).toMatchObject({ status: 'available', incidentId: null });

    const timeline = (await call(admin, 'GET', `/incidents/${inc.id}/timeline`)).json().map((e: { action: string }) => e.action);
    expect(timeline.filter((a: string) => a === 'dispatch.unit_assigned')).toHaveLength(2);
    expect(timeline).toEqual(expect.arrayContaining(['incidents.opened', 'dispatch.assignment_changed', 'incidents.tier_met', 'incidents.tier_missed']));
    const assignments = (await call(admin, 'GET', `/incidents/${inc.id}/assignments`)).json();
    expect(assignments.map((a: { state: string }) => a.state)).toEqual(['cleared', 'cleared']);
  });
});
