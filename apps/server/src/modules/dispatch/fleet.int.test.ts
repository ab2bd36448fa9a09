import { manyToOne } from '@firebreak/roadgraph';
import { sql } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { rows } from '../../platform/db/client.js';
import { backend, cloneTemplate, jurisdictionByPath, loginAdmin, startTestApp, type TestApp } from '../../../test/harness.js';
import { ServerProcess, httpLogin, tcpReachable } from '../../../test/processes.js';
import { TEST_ADMIN_PASSWORD } from '../../../test/template.js';
import { fleetOf } from './fleet.js';
import { deploymentRoadNetwork } from './index.js';
import { travelGraphOf } from './travel-profile.js';

const SCENE: [number, number] = [9.5215, 47.141]; // Vaduz
const HOME: [number, number] = [9.523, 47.139];

interface Item {
  unitId: string;
  etaSeconds: number | null;
  positionSource: string;
}

describe('the fleet view behind recommendations (one node)', () => {
  let t: TestApp;
  let now = new Date('2026-03-02T08:00:00.000Z');
  let admin: string;
  let unitId: string;
  let incidentId: string;
  let device: string;
  const call = (method: 'GET' | 'POST', url: string, payload?: object) =>
    t.app.inject({ method, url: `/api/v1${url}`, headers: { cookie: admin }, ...(payload ? { payload } : {}) });
  const recommended = async (): Promise<Item[]> => {
    const res = await call('GET', `/incidents/${incidentId}/recommendations?limit=200`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json().items;
  };
  const offered = async () => (await recommended()).map((i) => i.unitId);
  const act = async (action: string) => {
    const res = await call('POST', `/units/${unitId}/actions`, { action });
    expect(res.statusCode, res.body).toBe(200);
  };

  beforeAll(async () => {
    // With turn costs, as the server runs: the units an answer shows and every unit filling a
    // place of the card are timed with their turns whichever way they were found (prepared sweep or
    // widening search), so the equivalences below hold to the millisecond (ADR 0013).
    t = await startTestApp({ clock: () => now });
    admin = await loginAdmin(t.app);
    const vaduz = await jurisdictionByPath(t.app, 'li.oberland.vaduz');
    const inc = await call('POST', '/incidents', { type: 'fire', priority: 'P1', location: SCENE });
    expect(inc.statusCode, inc.body).toBe(201);
    incidentId = inc.json().id;
    // The first recommendation loads the view; the unit is registered after that.
    await recommended();
    const unit = await call('POST', '/units', { callSign: 'Fleet 1', kind: 'fire_engine', jurisdictionId: vaduz.id, homeLocation: HOME, crewSize: 4, onDuty: true });
    expect(unit.statusCode, unit.body).toBe(201);
    unitId = unit.json().id;
    const oberland = await jurisdictionByPath(t.app, 'li.oberland');
    const d = await call('POST', '/staff', { username: 'avl-fleet', displayName: 'AVL Fleet', kind: 'device', jurisdictionId: oberland.id, grants: [{ role: 'unit_member', jurisdictionId: oberland.id }] });
    expect(d.statusCode, d.body).toBe(201);
    device = (await call('POST', `/staff/${d.json().id}/tokens`, { name: 'gateway' })).json().token;
  }, 120_000);
  afterAll(async () => t?.close());

  it('shows registration, duty and service changes made on this node in the very next recommendation', async () => {
    // With the relay stopped nothing reaches the bus: the node applies its own commits at once.
    await t.app.platform.relay.stop();
    try {
      expect(await offered()).toContain(unitId);
      await act('off_duty');
      expect(await offered()).not.toContain(unitId);
      await act('on_duty');
      expect(await offered()).toContain(unitId);
      await act('out_of_service');
      expect(await offered()).not.toContain(unitId);
      await act('in_service');
      expect(await offered()).toContain(unitId);
    } finally {
      t.app.platform.relay.start();
    }
  });

  it('ranks a unit from the fix it reported, snapped when reported, with the ETA of a direct query', async () => {
    const at: [number, number] = [9.515, 47.145];
    now = new Date(now.getTime() + 1000);
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/avl/positions', headers: { authorization: `Bearer ${device}` }, payload: { fixes: [{ unitId, location: at, at: now.toISOString() }] } });
    expect(res.statusCode, res.body).toBe(200);
    const item = (await recommended()).find((i) => i.unitId === unitId)!;
    // A fire engine drives the emergency profile (issue 17): snapped on the car's graph, timed on its own.
    const { graph, byProfile } = await deploymentRoadNetwork(t.config);
    const [direct] = manyToOne(byProfile.emergency, [graph.snapper.snap(at)], graph.snapper.snap(SCENE), { engine: 'dijkstra' });
    const [asCar] = manyToOne(graph, [graph.snapper.snap(at)], graph.snapper.snap(SCENE), { engine: 'dijkstra' });
    expect(direct).toBeLessThan(asCar!);
    expect(item.positionSource).toBe('avl');
    expect(item.etaSeconds).toBeCloseTo(direct!, 3);
  });

  it('ranks units that moved since the fleet was prepared as one unbounded search from where they stand now would', async () => {
    const fleet = fleetOf(t.app.platform);
    const { graph, byProfile } = await deploymentRoadNetwork(t.config);
    const get = async (limit: number) => {
      const res = await call('GET', `/incidents/${incidentId}/recommendations?limit=${limit}`);
      expect(res.statusCode, res.body).toBe(200);
      return res.json() as { items: (Item & { kind: Parameters<typeof travelGraphOf>[1] })[] };
    };
    // The background preparation is held off: the moved units stay off the sweep until prepared here.
    fleet.prepareEveryMs = 3_600_000;
    const spy = vi.spyOn(fleet, 'preparedSecondsTo');
    const last = () => spy.mock.results.at(-1)!.value as { uncovered: number[]; moved: number } | null;
    try {
      const everyone = (await get(200)).items;
      expect(everyone.length).toBeGreaterThan(8);
      const movers = everyone.filter((i) => i.unitId !== unitId).slice(0, 5);
      const places: [number, number][] = [[9.505, 47.165], [9.53, 47.107], [9.52, 47.21], [9.542, 47.118], [9.5, 47.066]];
      for (const [round, limit] of [3, 200, 1].entries()) {
        fleet.prepare();
        now = new Date(now.getTime() + 1000);
        const fixes = movers.map((m, k) => ({ unitId: m.unitId, location: places[(k + round) % places.length]!, at: now.toISOString() }));
        const res = await t.app.inject({ method: 'POST', url: '/api/v1/avl/positions', headers: { authorization: `Bearer ${device}` }, payload: { fixes } });
        expect(res.statusCode, res.body).toBe(200);
        const moved = await get(limit);
        // The moved units were timed from where they stand now by the prepared query, none searched apart.
        expect(last()).toMatchObject({ moved: movers.length, uncovered: [] });
        fleet.prepare();
        const prepared = await get(limit);
        expect(last()).toMatchObject({ moved: 0, uncovered: [] });
        // Prepared with the full cutoff: the unbounded answer, from the same positions at the same time.
        expect(moved).toEqual(prepared);
        // And each moved unit's time is that of a direct search from its new position with the full cutoff.
        const all = (await get(200)).items;
        for (const f of fixes) {
          const item = all.find((i) => i.unitId === f.unitId)!;
          const [direct] = manyToOne(travelGraphOf(byProfile, item.kind), [graph.snapper.snap(f.location)], graph.snapper.snap(SCENE), { cutoff: 3600, engine: 'dijkstra' });
          expect(item.positionSource).toBe('avl');
          expect(item.etaSeconds).toBeCloseTo(direct!, 3);
        }
      }
    } finally {
      spy.mockRestore();
      fleet.prepareEveryMs = 1000;
    }
  });

  it('prepares the positions of moved units again by itself, in slices between requests', async () => {
    const fleet = fleetOf(t.app.platform);
    const spy = vi.spyOn(fleet, 'preparedSecondsTo');
    try {
      const mover = (await recommended()).find((i) => i.unitId !== unitId)!;
      now = new Date(now.getTime() + 1000);
      const res = await t.app.inject({ method: 'POST', url: '/api/v1/avl/positions', headers: { authorization: `Bearer ${device}` }, payload: { fixes: [{ unitId: mover.unitId, location: [9.51, 47.15], at: now.toISOString() }] } });
      expect(res.statusCode, res.body).toBe(200);
      // Within a few snapping ticks and one PREPARE_EVERY_MS, the background preparation covers the move.
      await vi.waitFor(async () => {
        const items = await recommended();
        expect(items.find((i) => i.unitId === mover.unitId)?.positionSource).toBe('avl');
        expect(spy.mock.results.at(-1)!.value).toMatchObject({ moved: 0, uncovered: [] });
      }, { timeout: 10_000, interval: 250 });
    } finally {
      spy.mockRestore();
    }
  });

  it('never offers a unit whose row changed without an event, and heals after a gap in the event stream', async () => {
    const db = t.app.platform.db;
    const fleet = fleetOf(t.app.platform);
    // A change the view was never told of: the database is checked before a unit is offered.
    await db.execute(sql`update units set on_duty = false, version = version + 1 where id = ${unitId}`);
    expect(await offered()).not.toContain(unitId);
    expect(fleet.get(unitId)).toMatchObject({ onDuty: false });
    // Back on duty, again without an event: not offered (nothing says so) until the view learns of it.
    await db.execute(sql`update units set on_duty = true, version = version + 1 where id = ${unitId}`);
    expect(await offered()).not.toContain(unitId);
    // A hole in the delivery positions means an event may have been lost: the view rereads everything.
    await t.app.platform.relay.drain();
    const [{ last }] = (await rows<{ last: string | number }>(db, sql`select coalesce(max(position), 0) as last from outbox`)) as [{ last: string | number }];
    const loads = fleet.loads;
    await t.app.platform.bus.publish([{ id: uuidv7(), position: Number(last) + 2, type: 'test.after_a_gap', occurredAt: now.toISOString(), jurisdictionPath: null, data: null }]);
    expect(await offered()).toContain(unitId);
    expect(fleet.loads).toBe(loads + 1);
  });

  it('never offers a unit only an event speaks of (another deployment on a shared bus)', async () => {
    const ghost = { id: uuidv7(), callSign: 'Ghost 1', kind: 'fire_engine', jurisdictionPath: 'li.oberland.vaduz', homeLocation: SCENE, capabilities: [], status: 'available', onDuty: true, version: 1 };
    await t.app.platform.bus.publish([{ id: uuidv7(), position: 0, type: 'units.registered', occurredAt: now.toISOString(), jurisdictionPath: ghost.jurisdictionPath, data: ghost }]);
    expect(fleetOf(t.app.platform).get(ghost.id)).toBeDefined();
    expect(await offered()).not.toContain(ghost.id);
    expect(fleetOf(t.app.platform).get(ghost.id)).toBeUndefined();
  });

  it('drops a unit once it is assigned, on this node, before the relay has published anything', async () => {
    const res = await call('POST', `/incidents/${incidentId}/assignments`, { unitIds: [unitId] });
    expect(res.statusCode, res.body).toBe(201);
    expect(await offered()).not.toContain(unitId);
  });
});

const NATS_URL = process.env.NATS_URL ?? 'nats://127.0.0.1:4222';
const natsUp = backend === 'postgres' && (await tcpReachable(NATS_URL, 4222));

// Multi-node needs a PostgreSQL server and NATS: under CI a missing NATS fails this test rather than skipping it.
describe.runIf(backend === 'postgres' && (natsUp || process.env.CI === 'true'))('the fleet view on two nodes sharing PostgreSQL and NATS', () => {
  const running: ServerProcess[] = [];
  const cleanups: (() => Promise<void>)[] = [];
  afterAll(async () => {
    await Promise.all(running.map((s) => s.kill()));
    for (const c of cleanups.reverse()) await c();
  }, 60_000);

  it('never offers on node B a unit that went off duty on node A, and offers it again once its event arrives', { timeout: 180_000 }, async () => {
    expect(natsUp, `NATS is not reachable at ${NATS_URL}`).toBe(true);
    const db = await cloneTemplate();
    cleanups.push(() => db.drop(), () => db.database.close());
    const env = { ...db.env, NATS_URL, FIREBREAK_DEMO: 'false', FIREBREAK_ADMIN_PASSWORD: TEST_ADMIN_PASSWORD, OUTBOX_POLL_MS: '100' };
    const [a, b] = await Promise.all([ServerProcess.start({ ...env, NODE_NAME: 'node-a' }), ServerProcess.start({ ...env, NODE_NAME: 'node-b' })]);
    running.push(a, b);
    const cookie = await httpLogin(a.url, 'admin', TEST_ADMIN_PASSWORD);
    const send = async (node: ServerProcess, method: 'GET' | 'POST', url: string, body?: object) => {
      const res = await fetch(`${node.url}/api/v1${url}`, { method, headers: { cookie, 'content-type': 'application/json' }, ...(body ? { body: JSON.stringify(body) } : {}) });
      const json = (await res.json()) as Record<string, unknown>;
      expect(res.status, JSON.stringify(json)).toBeLessThan(300);
      return json;
    };
    const [vaduz] = (await (await fetch(`${a.url}/api/v1/jurisdictions/lookup?lon=${SCENE[0]}&lat=${SCENE[1]}`, { headers: { cookie } })).json()) as { id: string }[];
    const incident = await send(a, 'POST', '/incidents', { type: 'fire', priority: 'P1', location: SCENE });
    const offeredOn = async (node: ServerProcess) =>
      ((await send(node, 'GET', `/incidents/${String(incident.id)}/recommendations?limit=200`)).items as Item[]).map((i) => i.unitId);
    const eventually = async (node: ServerProcess, id: string) => {
      for (let i = 0; i < 100 && !(await offeredOn(node)).includes(id); i++) await new Promise((r) => setTimeout(r, 100));
      return offeredOn(node);
    };
    // B loads its view now, so that what follows reaches it as events.
    await offeredOn(b);

    const unit = await send(a, 'POST', '/units', { callSign: 'Two Nodes 1', kind: 'fire_engine', jurisdictionId: vaduz!.id, homeLocation: HOME, crewSize: 4, onDuty: true });
    const id = String(unit.id);
    expect(await eventually(b, id)).toContain(id);

    // Several rounds: the event may reach B before, during or after B checks its offer.
    for (let round = 0; round < 10; round++) {
      await send(a, 'POST', `/units/${id}/actions`, { action: 'off_duty' });
      // Right after, whether or not B has the event yet: the database is checked before offering.
      expect(await offeredOn(b)).not.toContain(id);
      await send(a, 'POST', `/units/${id}/actions`, { action: 'on_duty' });
      expect(await eventually(b, id)).toContain(id);
    }

    // Sent on A: B never offers it again.
    await send(a, 'POST', `/incidents/${String(incident.id)}/assignments`, { unitIds: [id] });
    expect(await offeredOn(b)).not.toContain(id);
    await Promise.all([a.stop('SIGTERM'), b.stop('SIGTERM')]);
  });
});
