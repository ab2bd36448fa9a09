import type { UnitKind } from '@firebreak/contracts';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rows } from '../../platform/db/client.js';
import { clearDemoAgreements, clearDemoRunCards, createUser, jurisdictionByPath, loginAdmin, standDownDemoForces, startTestApp, type TestApp } from '../../../test/harness.js';
import { deploymentRoadNetwork, travelTimes } from './index.js';

const SCENE: [number, number] = [9.5095, 47.165]; // Schaan
const PATROLS: [number, number][] = [[9.512, 47.168], [9.505, 47.16], [9.515, 47.17]];
const ENGINES: [number, number][] = [[9.518, 47.162], [9.5, 47.163], [9.508, 47.172]];

const OBERLAND_PLAN = [
  { tier: 1, slots: [{ kind: 'patrol_car', units: 1 }] },
  { tier: 2, slots: [{ kind: 'fire_engine', units: 1 }, { kind: 'patrol_car', units: 1 }] },
  { tier: 3, slots: [{ kind: 'fire_engine', units: 3 }] },
];
const VADUZ_PLAN = [{ tier: 1, slots: [{ kind: 'fire_engine', units: 1 }] }];

describe('response plans (run cards): inherited down the tree, overridable, filled by the recommendation', () => {
  let t: TestApp;
  let admin: string;
  const ids: Record<string, string> = {};
  const call = (method: 'GET' | 'POST' | 'PUT', url: string, payload?: object, cookie = admin) =>
    t.app.inject({ method, url: `/api/v1${url}`, headers: { cookie }, ...(payload ? { payload } : {}) });
  const plansCount = async () => Number((await rows<{ n: number }>(t.app.platform.db, sql`select count(*)::int as n from response_plans`))[0]!.n);
  const inForce = async (path: string, type = 'fire', priority = 'P1') =>
    (await call('GET', `/response-plans/in-force?jurisdictionId=${ids[path]}&incidentType=${type}&priority=${priority}`)).json().plan;

  beforeAll(async () => {
    t = await startTestApp();
    // The plan is filled from the units this test registers: the template's demo forces stand down.
    await standDownDemoForces(t.app);
    // The plans in force are the ones this test sets: the template's national defaults go.
    await clearDemoRunCards(t.app);
    await clearDemoAgreements(t.app);
    admin = await loginAdmin(t.app);
    for (const path of ['li.oberland', 'li.oberland.vaduz', 'li.oberland.schaan', 'li.unterland']) ids[path] = (await jurisdictionByPath(t.app, path)).id;
  }, 120_000);
  afterAll(async () => t?.close());

  it('sets a plan for a region, overrides it for one municipality, and answers the plan in force by the tree', async () => {
    const set = await call('PUT', '/response-plans', { jurisdictionId: ids['li.oberland'], incidentType: 'fire', priority: 'P1', tiers: [...OBERLAND_PLAN].reverse() });
    expect(set.statusCode, set.body).toBe(200);
    expect(set.json()).toMatchObject({ jurisdictionPath: 'li.oberland', incidentType: 'fire', priority: 'P1', tiers: OBERLAND_PLAN, version: 1 });
    expect((await call('PUT', '/response-plans', { jurisdictionId: ids['li.oberland.vaduz'], incidentType: 'fire', priority: 'P1', tiers: VADUZ_PLAN })).statusCode).toBe(200);

    expect(await inForce('li.oberland.schaan')).toMatchObject({ jurisdictionPath: 'li.oberland', tiers: OBERLAND_PLAN });
    expect(await inForce('li.oberland.vaduz')).toMatchObject({ jurisdictionPath: 'li.oberland.vaduz', tiers: VADUZ_PLAN });
    expect(await inForce('li.unterland')).toBeNull();
    expect(await inForce('li.oberland.schaan', 'fire', 'P2')).toBeNull();

    // Setting it again replaces the municipality's own plan; the region's stays.
    const again = await call('PUT', '/response-plans', { jurisdictionId: ids['li.oberland.vaduz'], incidentType: 'fire', priority: 'P1', tiers: [{ tier: 1, slots: [{ kind: 'ladder', units: 1 }] }] });
    expect(again.json()).toMatchObject({ version: 2, tiers: [{ tier: 1, slots: [{ kind: 'ladder', units: 1 }] }] });
    expect(await plansCount()).toBe(2);
    const timeline = await rows<{ n: number }>(t.app.platform.db, sql`select count(*)::int as n from audit_log where action = 'dispatch.response_plan_set' and actor_name <> 'system'`);
    expect(Number(timeline[0]!.n)).toBe(3);
  });

  it('refuses bad plans with a 400, a dispatcher with a 403 and a jurisdiction outside scope, and writes nothing', async () => {
    const before = await plansCount();
    const body = { jurisdictionId: ids['li.oberland.schaan'], incidentType: 'fire', priority: 'P1', tiers: OBERLAND_PLAN };
    for (const bad of [
      { tiers: [] }, { tiers: [OBERLAND_PLAN[0], OBERLAND_PLAN[0]] }, { tiers: [{ tier: 1, slots: [{ kind: 'tank', units: 1 }] }] },
      { tiers: [{ tier: 1, slots: [{ kind: 'ladder', units: 0 }] }] }, { tiers: [{ tier: 1, slots: [{ kind: 'ladder', units: 1 }, { kind: 'ladder', units: 2 }] }] },
      { priority: 'P9' }, { incidentType: 'alien_landing' },
    ]) expect((await call('PUT', '/response-plans', { ...body, ...bad })).statusCode, JSON.stringify(bad)).toBe(400);
    const dispatcher = await createUser(t.app, 'dispatcher', 'li.oberland.schaan');
    expect((await call('PUT', '/response-plans', body, dispatcher.cookie)).statusCode).toBe(403);
    const unterland = await createUser(t.app, 'duty_officer', 'li.unterland');
    expect((await call('PUT', '/response-plans', body, unterland.cookie)).statusCode).toBe(400);
    expect((await call('GET', `/response-plans/in-force?jurisdictionId=${ids['li.oberland.schaan']}&incidentType=fire&priority=P1`, undefined, unterland.cookie)).statusCode).toBe(404);
    expect(await plansCount()).toBe(before);
  });

  it("marks each recommended unit with the plan's slot it fills, fastest of its kind to the earliest tier, and what stays unfilled", async () => {
    const schaan = ids['li.oberland.schaan'];
    const register = async (kind: string, at: [number, number], i: number) => {
      const res = await call('POST', '/units', { callSign: `${kind} ${i}`, kind, jurisdictionId: schaan, homeLocation: at, crewSize: 2, onDuty: true });
      expect(res.statusCode, res.body).toBe(201);
      return res.json().id as string;
    };
    const patrols = await Promise.all(PATROLS.map((at, i) => register('patrol_car', at, i)));
    const engines = await Promise.all(ENGINES.map((at, i) => register('fire_engine', at, i)));
    const inc = await call('POST', '/incidents', { type: 'fire', priority: 'P1', location: SCENE });
    expect(inc.statusCode, inc.body).toBe(201);

    // The expected fill, from travel times worked out here: fastest first within each kind.
    const { byProfile } = await deploymentRoadNetwork(t.config);
    const byEta = (unitIds: string[], at: [number, number][], kind: UnitKind) => {
      const eta = travelTimes(byProfile, at.map((p) => ({ at: p, kind })), SCENE);
      expect(eta.every((e) => e !== null)).toBe(true);
      return unitIds.map((id, i) => ({ id, eta: eta[i]! })).sort((a, b) => a.eta - b.eta).map((u) => u.id);
    };
    const [p1, p2, p3] = byEta(patrols, PATROLS, 'patrol_car');
    const [e1, e2, e3] = byEta(engines, ENGINES, 'fire_engine');

    const res = await call('GET', `/incidents/${inc.json().id}/recommendations`);
    expect(res.statusCode, res.body).toBe(200);
    const rec = res.json();
    expect(rec.plan).toMatchObject({ jurisdictionPath: 'li.oberland', tiers: OBERLAND_PLAN });
    const slotOf = new Map(rec.items.map((i: { unitId: string; planSlot: unknown }) => [i.unitId, i.planSlot]));
    expect(Object.fromEntries([p1, p2, p3, e1, e2, e3].map((id) => [id, slotOf.get(id!)]))).toEqual({
      [p1!]: { tier: 1, kind: 'patrol_car' },
      [p2!]: { tier: 2, kind: 'patrol_car' },
      [p3!]: null,
      [e1!]: { tier: 2, kind: 'fire_engine' },
      [e2!]: { tier: 3, kind: 'fire_engine' },
      [e3!]: { tier: 3, kind: 'fire_engine' },
    });
    expect(rec.unfilled).toEqual([{ tier: 3, kind: 'fire_engine', missing: 1 }]);

    // With no plan in force (P3), the fire's default card still asks for an engine (issue 12: the
    // type used to be ignored, and a patrol car came first): the fastest engine fills it, first.
    const p3Incident = (await call('POST', '/incidents', { type: 'fire', priority: 'P3', location: SCENE })).json();
    const plain = (await call('GET', `/incidents/${p3Incident.id}/recommendations`)).json();
    expect(plain).toMatchObject({ plan: null, card: 'type_default', unfilled: [] });
    expect(plain.items.filter((i: { planSlot: unknown }) => i.planSlot !== null).map((i: { unitId: string }) => i.unitId)).toEqual([e1]);
    expect(plain.items[0]).toMatchObject({ unitId: e1, planSlot: { tier: 3, kind: 'fire_engine' } });
  });
});
