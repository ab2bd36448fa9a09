import { PATROL_UNIT_KINDS } from '@firebreak/contracts';
import { oneToMany, PROFILES, RoadGraph } from '@firebreak/roadgraph';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rows } from '../../platform/db/client.js';
import { jurisdictionByPath, loginAdmin, startTestApp, type TestApp } from '../../../test/harness.js';
import { deploymentRoadNetwork, travelGraphOf, type ProfileGraphs } from '../dispatch/index.js';
import { keyPlacePoints } from '../places/index.js';
import { listUnitRows } from '../units/index.js';

type Move = { unitId: string; callSign: string; to: [number, number]; postName: string | null; postPlaceId: string | null; etaSeconds: number | null };

describe('move-up after a dispatch empties an area', () => {
  let t: TestApp;
  let admin: string;
  let graph: RoadGraph;
  /** The deployment's profiles without turn costs. */
  let graphs: ProfileGraphs;
  let li: { id: string; path: string };
  const call = (method: 'GET' | 'POST' | 'PUT', url: string, payload?: object, headers: Record<string, string> = {}) =>
    t.app.inject({ method, url: `/api/v1${url}`, headers: { cookie: admin, ...headers }, ...(payload ? { payload } : {}) });
  const moveUp = async () => {
    const res = await call('GET', `/coverage/move-up?jurisdictionId=${li.id}&category=school`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  };

  /**
   * The move-up counts the places open now (in the deployment's zone, Europe/Vaduz): the app's
   * clock runs from Tuesday 8 December 2026, 09:00 local, when every school is open.
   */
  let clockAt = Date.parse('2026-12-08T08:00:00Z');
  let clockSetAt = Date.now();
  const setClock = (iso: string) => { clockAt = Date.parse(iso); clockSetAt = Date.now(); };
  const clock = () => new Date(clockAt + Date.now() - clockSetAt);

  /** The share of schools within 3 minutes of the available patrol units, plain Dijkstra from each, some units put elsewhere. */
  async function bruteShare(movedTo: Map<string, [number, number]>): Promise<number> {
    const { rows: avail } = await listUnitRows(t.app.platform.db, { roots: [''], dispatchable: true, kinds: PATROL_UNIT_KINDS, limit: 10_000 });
    const schools = await keyPlacePoints(t.app.platform.db, { roots: [''], underPath: 'li', category: ['school'] });
    const targets = schools.map((p) => graph.snapper.snap([p.lon, p.lat]));
    const best = new Float64Array(schools.length).fill(Infinity);
    for (const u of avail) {
      const at = movedTo.get(u.id) ?? [Number(u.homeLon), Number(u.homeLat)];
      // Each unit on its kind's road profile (a patrol car under lights and sirens, a foot patrol as a car),
      // node-based as live coverage and the move-up time them (ADR 0013: no turn costs in coverage).
      oneToMany(travelGraphOf(graphs, u.kind), graph.snapper.snap(at), targets, { engine: 'dijkstra' }).forEach((s, i) => { best[i] = Math.min(best[i]!, s); });
    }
    return Array.from(best).filter((s) => s <= 180).length / schools.length;
  }

  beforeAll(async () => {
    t = await startTestApp({ clock });
    admin = await loginAdmin(t.app);
    ({ graph } = await deploymentRoadNetwork(t.app.platform.config));
    graphs = Object.fromEntries(PROFILES.map((p) => [p, new RoadGraph(graph.data, p)])) as unknown as ProfileGraphs;
    li = await jurisdictionByPath(t.app, 'li');
  }, 120_000);
  afterAll(async () => t?.close());

  it('recommends moving units when a dispatch drops coverage below the threshold, and accepting orders them in one transaction', async () => {
    // The threshold is today's coverage: nothing to do yet.
    setClock('2026-12-08T08:00:00Z');
    const start = await moveUp();
    expect(start.places).toBe(19);
    expect(start.window).toEqual({ hours: '09:00-09:01', days: ['Tu'], asked: false });
    expect(start.unitKinds).toEqual([...PATROL_UNIT_KINDS]);
    expect(start.before).toBeCloseTo(await bruteShare(new Map()), 9);
    const set = await call('PUT', `/coverage/settings/${li.id}`, { moveUpThreshold: start.before, moveUpMinutes: 3 });
    expect(set.statusCode, set.body).toBe(200);
    expect(set.json()).toMatchObject({ setAt: 'li', moveUpThreshold: start.before, moveUpMinutes: 3, version: 1 });
    const calm = await moveUp();
    expect(calm).toMatchObject({ below: false, moves: [], threshold: start.before });

    // Scripted dispatch: the patrol unit first at the most schools goes to an incident.
    const cover = (await call('GET', `/coverage?jurisdictionId=${li.id}&category=school`)).json();
    const firstAt = new Map<string, number>();
    for (const item of cover.items as { tier: number | null; nearestUnit: { id: string } | null }[]) {
      if (item.tier !== null && item.tier <= 3 && item.nearestUnit) firstAt.set(item.nearestUnit.id, (firstAt.get(item.nearestUnit.id) ?? 0) + 1);
    }
    const [busiest] = [...firstAt.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
    expect(busiest, 'some patrol unit is first at a school within 3 minutes').toBeDefined();
    const inc = await call('POST', '/incidents', { type: 'traffic_accident', priority: 'P1', location: [9.5215, 47.141], address: 'Äulestrasse 1, Vaduz', narrative: 'Two cars' });
    expect(inc.statusCode, inc.body).toBe(201);
    const sent = await call('POST', `/incidents/${inc.json().id}/assignments`, { unitIds: [busiest![0]] });
    expect(sent.statusCode, sent.body).toBe(201);

    const rec = await moveUp();
    expect(rec.before).toBeLessThan(start.before);
    expect(rec.before).toBeCloseTo(await bruteShare(new Map()), 9);
    expect(rec.below).toBe(true);
    expect(rec.moves.length).toBeGreaterThan(0);
    expect(rec.after).toBeGreaterThan(rec.before);
    const moves: Move[] = rec.moves;
    expect(moves.every((m) => m.unitId !== busiest![0])).toBe(true);
    // What it claims is what the units at their posts really cover (brute force).
    expect(rec.after).toBeCloseTo(await bruteShare(new Map(moves.map((m) => [m.unitId, m.to]))), 9);

    const body = { jurisdictionId: li.id, moves: moves.map((m) => ({ unitId: m.unitId, to: m.to, postName: m.postName, postPlaceId: m.postPlaceId, etaSeconds: m.etaSeconds })), shareBefore: rec.before, shareAfter: rec.after };
    const accepted = await call('POST', '/coverage/move-ups', body, { 'idempotency-key': 'move-up-test-0001' });
    expect(accepted.statusCode, accepted.body).toBe(201);
    const ordered = accepted.json().moves as { id: string; unitId: string; state: string }[];
    expect(ordered.map((m) => [m.unitId, m.state])).toEqual(moves.map((m) => [m.unitId, 'ordered']));
    // The move has its audit row (on the unit) and its events, from the one request (runCommand: one transaction).
    for (const m of ordered) {
      const [w] = await rows<{ audits: number; requests: number; events: number; otherEvents: number }>(t.app.platform.db, sql`select
        (select count(*)::int from audit_log a where a.action = 'coverage.move_up_ordered' and a.after->>'id' = m.id::text and a.entity_id = m.unit_id::text) as audits,
        (select count(distinct request_id)::int from audit_log a where a.action = 'coverage.move_up_ordered' and a.after->>'id' = m.id::text) as requests,
        (select count(*)::int from outbox o where o.type = 'coverage.move_up_ordered' and o.data->>'id' = m.id::text) as events,
        (select count(*)::int from outbox o where o.type = 'coverage.move_up_ordered' and o.data->>'id' = m.id::text and o.data->>'unitId' <> m.unit_id::text) as "otherEvents"
        from coverage_moves m where m.id = ${m.id}`);
      expect(w).toMatchObject({ audits: 1, requests: 1, otherEvents: 0 });
      expect(w!.events).toBeGreaterThan(0);
    }
    // A retry answers the first result and writes nothing more.
    const again = await call('POST', '/coverage/move-ups', body, { 'idempotency-key': 'move-up-test-0001' });
    expect(again.statusCode, again.body).toBe(201);
    expect((again.json().moves as { id: string }[]).map((m) => m.id)).toEqual(ordered.map((m) => m.id));
    const open = await call('GET', `/coverage/moves?jurisdictionId=${li.id}`);
    expect((open.json() as { id: string }[]).map((m) => m.id).sort()).toEqual(ordered.map((m) => m.id).sort());
    // The next recommendation counts the ordered units at their posts: the gap is being filled, no alert.
    const next = await moveUp();
    expect(next.ordered).toBe(moves.length);
    expect(next.before).toBeCloseTo(rec.after, 9);
    expect(next.below).toBe(rec.after < start.before);
    // A move-up is cover, not a commitment: the units stay available.
    for (const m of moves) expect((await call('GET', `/units/${m.unitId}`)).json().status).toMatch(/available|at_station/);

    // A unit that was dispatched meanwhile cannot be moved: 409 naming it, nothing written.
    const busy = await call('POST', '/coverage/move-ups', { jurisdictionId: li.id, moves: [{ unitId: busiest![0], to: moves[0]!.to }] });
    expect(busy.statusCode, busy.body).toBe(409);
    expect(busy.json().code).toBe('MOVE_UP_UNIT_UNAVAILABLE');
    expect(busy.body).toContain('body.moves.0.unitId');
    const [count] = await rows<{ moves: number; audits: number }>(t.app.platform.db, sql`select
      (select count(*)::int from coverage_moves where unit_id = ${busiest![0]}) as moves,
      (select count(*)::int from audit_log where action = 'coverage.move_up_ordered' and entity_id = ${busiest![0]}) as audits`);
    expect(count).toEqual({ moves: 0, audits: 0 });

    // The order ends by itself when the unit reaches its post (AVL): a fix 2 km short does nothing, one at the post completes it.
    const gateway = await call('POST', '/staff', { username: 'move-up-gateway', displayName: 'Move-up AVL gateway', kind: 'device', jurisdictionId: li.id, grants: [{ role: 'unit_member', jurisdictionId: li.id }] });
    expect(gateway.statusCode, gateway.body).toBe(201);
    const device = `Bearer ${(await call('POST', `/staff/${gateway.json().id}/tokens`, { name: 'gateway' })).json().token}`;
    const [first] = ordered;
    const post = moves[0]!.to;
    const fix = (location: [number, number]) => call('POST', '/avl/positions', { fixes: [{ unitId: first!.unitId, location, at: clock().toISOString(), speedKmh: 20 }] }, { authorization: device });
    expect((await fix([post[0], post[1] - 0.02])).statusCode).toBe(200);
    const stateOf = async () => (await rows<{ state: string; ended_at: Date | null }>(t.app.platform.db, sql`select state, ended_at from coverage_moves where id = ${first!.id}`))[0]!;
    expect((await stateOf()).state).toBe('ordered');
    expect((await fix([post[0] + 0.0002, post[1]])).statusCode).toBe(200);
    await expect.poll(async () => (await stateOf()).state, { timeout: 30_000 }).toBe('completed');
    const [ending] = await rows<{ actor_name: string; reason: string; events: number }>(t.app.platform.db, sql`select a.actor_name, a.after->>'reason' as reason,
      (select count(*)::int from outbox o where o.type = 'coverage.move_up_ended' and o.data->>'id' = ${first!.id} and o.data->>'state' = 'completed') as events
      from audit_log a where a.action = 'coverage.move_up_ended' and a.after->>'id' = ${first!.id}`);
    expect(ending).toMatchObject({ actor_name: 'avl-arrival', reason: 'arrived at the post (AVL)' });
    expect(ending!.events).toBeGreaterThan(0);
    // The dispatcher's list of open orders no longer has it; the others are still open.
    const stillOpen = (await call('GET', `/coverage/moves?jurisdictionId=${li.id}`)).json() as { id: string }[];
    expect(stillOpen.map((m) => m.id).sort()).toEqual(ordered.slice(1).map((m) => m.id).sort());
  });

  it('counts the schools open now, or in the window asked for', async () => {
    // Sunday 10:00 in Vaduz: every school is closed (Mo-Fr by default), so nothing to cover and no alert.
    setClock('2026-12-13T09:00:00Z');
    admin = await loginAdmin(t.app); // five days on: the session has lapsed
    try {
      const sunday = await moveUp();
      expect(sunday).toMatchObject({ places: 0, outsideWindow: 19, below: false, moves: [], window: { hours: '10:00-10:01', days: ['Su'], asked: false } });
      // The window asked for is the one used, whatever the hour now.
      const asked = await call('GET', `/coverage/move-up?jurisdictionId=${li.id}&category=school&window=07:30-08:30&days=Mo,Tu`);
      expect(asked.json()).toMatchObject({ places: 19, outsideWindow: 0, window: { hours: '07:30-08:30', days: ['Mo', 'Tu'], asked: true } });
    } finally {
      setClock('2026-12-08T08:30:00Z');
      admin = await loginAdmin(t.app);
    }
  });

  it('refuses bad settings and bad move-up requests with the field named', async () => {
    const hours = await call('PUT', `/coverage/settings/${li.id}`, { categoryHours: { school: 'Mo-Fr 25:00-26:00' }, moveUpThreshold: 0.5, moveUpMinutes: 3 });
    expect(hours.statusCode, hours.body).toBe(422);
    expect(hours.json().code).toBe('COVERAGE_HOURS_INVALID');
    expect(hours.body).toContain('body.categoryHours.school');
    const threshold = await call('PUT', `/coverage/settings/${li.id}`, { moveUpThreshold: 1.5, moveUpMinutes: 3 });
    expect(threshold.statusCode).toBe(400);
    expect(threshold.body).toContain('moveUpThreshold');
    expect((await call('PUT', `/coverage/settings/${li.id}`, { moveUpThreshold: 0.5, moveUpMinutes: 4 })).statusCode).toBe(400);
    const stale = await call('PUT', `/coverage/settings/${li.id}`, { moveUpThreshold: 0.5, moveUpMinutes: 3, expectedVersion: 99 });
    expect(stale.statusCode, stale.body).toBe(409);
    const window = await call('GET', `/coverage/move-up?jurisdictionId=${li.id}&window=09:00-08:00`);
    expect(window.statusCode).toBe(400);
    expect(window.body).toContain('window');
    const twice = await call('POST', '/coverage/move-ups', { jurisdictionId: li.id, moves: [{ unitId: li.id, to: [9.5, 47.1] }, { unitId: li.id, to: [9.5, 47.1] }] });
    expect(twice.statusCode).toBe(400);
    expect(twice.body).toContain('body.moves');
    expect((await call('POST', '/coverage/move-ups', { jurisdictionId: li.id, moves: [] })).statusCode).toBe(400);
  });
});
