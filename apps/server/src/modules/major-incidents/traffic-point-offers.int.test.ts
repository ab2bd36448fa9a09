import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MajorIncident, MajorPoint, TrafficPointOffer } from '@firebreak/contracts';
import { rows } from '../../platform/db/client.js';
import { Cast, startTestApp, type TestApp } from '../../../test/harness.js';

const MARKET: [number, number] = [9.5215, 47.141]; // Vaduz

describe('major incidents: traffic control points offered to the patrols near them, taken by a crew, held on the board', () => {
  let t: TestApp;
  const cast = new Cast(() => t.app);
  const call = (who: string, method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, payload?: object) => cast.call(who, method, url, payload);
  const ok = <T = MajorIncident>(who: string, method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, payload?: object) => cast.ok<T>(who, method, url, payload);
  const unitsAt = async (path: string, patrol: boolean) => rows<{ id: string; callSign: string }>(t.app.platform.db, sql`select id, call_sign as "callSign" from units
    where (kind in ('patrol_car', 'foot_patrol', 'bicycle_patrol', 'motorcycle')) = ${patrol} and jurisdiction_path <@ ${path}::ltree order by call_sign`);
  const count = async (q: ReturnType<typeof sql>) => (await rows<{ n: number }>(t.app.platform.db, q))[0]!.n;
  const offersOf = async (who: string, majorId: string) => (await ok<TrafficPointOffer[]>(who, 'GET', '/major-incidents/traffic-point-offers')).filter((o) => o.majorIncidentId === majorId);

  beforeAll(async () => {
    t = await startTestApp();
    await cast.add('dispatcher', 'dispatcher', 'li.oberland.vaduz');
    await cast.add('duty', 'duty_officer', 'li.oberland.vaduz');
    await cast.add('crew', 'unit_member', 'li.oberland.vaduz');
    await cast.add('schaan', 'dispatcher', 'li.oberland.schaan');
    await cast.add('auditor', 'auditor', 'li');
  }, 180_000);
  afterAll(async () => t?.close());

  it('offers the open points to the crew of a near patrol, lets it take one (audited, pushed), first come first served, and the board shows it held', { timeout: 180_000 }, async () => {
    const m = await ok('dispatcher', 'POST', '/major-incidents', { location: MARKET, title: 'Market explosion', level: 'III' });
    expect(m.command.path).toBe('li.oberland.vaduz');
    const drawn = await ok('duty', 'PUT', `/major-incidents/${m.id}/cordons/outer`, { radiusM: 300 });
    const points = drawn.points.filter((p) => p.kind === 'traffic_control');
    expect(points.length).toBeGreaterThan(1);
    const patrols = await unitsAt('li.oberland.vaduz', true);
    expect(patrols.length).toBeGreaterThan(1);

    // The crew sees every open point, each with Vaduz's patrols, nearest first.
    const offers = await offersOf('crew', m.id);
    expect(offers.map((o) => o.pointId).sort()).toEqual(points.map((p) => p.id).sort());
    for (const o of offers) {
      expect(o.patrols.map((p) => p.unitId).sort()).toEqual(patrols.map((p) => p.id).sort());
      expect(o.patrols.map((p) => p.metres)).toEqual([...o.patrols.map((p) => p.metres)].sort((a, b) => a - b));
    }
    // A dispatcher of another municipality has no patrol near a municipal command: offered nothing, and cannot take.
    expect(await offersOf('schaan', m.id)).toEqual([]);
    const [schaanPatrol] = await unitsAt('li.oberland.schaan', true);
    expect(schaanPatrol).toBeTruthy();
    expect((await call('schaan', 'POST', `/major-incidents/${m.id}/points/${points[0]!.id}/take`, { unitId: schaanPatrol!.id })).statusCode).toBe(404);

    const [a, b] = patrols;
    const take = async () => t.app.inject({ method: 'POST', url: `/api/v1/major-incidents/${m.id}/points/${points[0]!.id}/take`,
      headers: { cookie: await cast.cookieOf('crew'), 'idempotency-key': 'take-point-1' }, payload: { unitId: a!.id } });
    const taken = await take();
    expect(taken.statusCode, taken.body).toBe(200);
    expect((taken.json() as MajorPoint).patrol).toMatchObject({ unitId: a!.id, callSign: a!.callSign });
    // A retry with the same key gets the same answer and stores nothing more; taking it again without one is refused.
    expect((await take()).body).toBe(taken.body);
    expect((await call('crew', 'POST', `/major-incidents/${m.id}/points/${points[0]!.id}/take`, { unitId: a!.id })).json().code).toBe('MAJOR_INCIDENT_CHANGE_NOT_ALLOWED');
    expect(await count(sql`select count(*)::int as n from audit_log where action = 'major_incidents.traffic_point_taken' and entity_id = ${m.id}`)).toBe(1);
    expect(await count(sql`select count(*)::int as n from outbox where type = 'major_incidents.traffic_point_taken' and data->>'pointId' = ${points[0]!.id} and data->>'unitId' = ${a!.id}`)).toBe(1);

    // First come, first served: another patrol is refused the held point; the patrol holding one takes no second.
    const held = await call('dispatcher', 'POST', `/major-incidents/${m.id}/points/${points[0]!.id}/take`, { unitId: b!.id });
    expect(held.statusCode, held.body).toBe(409);
    expect(held.json()).toMatchObject({ code: 'MAJOR_INCIDENT_POINT_HELD', errors: [{ path: 'path.pointId' }] });
    const second = await call('crew', 'POST', `/major-incidents/${m.id}/points/${points[1]!.id}/take`, { unitId: a!.id });
    expect(second.statusCode).toBe(409);
    expect(second.json()).toMatchObject({ code: 'MAJOR_INCIDENT_UNIT_ELSEWHERE', errors: [{ path: 'body.unitId' }] });

    // The held point is no longer offered, and the patrol holding one is offered nothing more.
    const after = await offersOf('crew', m.id);
    expect(after.map((o) => o.pointId)).not.toContain(points[0]!.id);
    expect(after.length).toBe(points.length - 1);
    expect(after.every((o) => o.patrols.every((p) => p.unitId !== a!.id))).toBe(true);

    // The command's board: which are held and which are not.
    const board = await ok('duty', 'GET', `/major-incidents/${m.id}`);
    const tcps = board.points.filter((p) => p.kind === 'traffic_control');
    expect(tcps.filter((p) => p.patrol !== null).map((p) => [p.id, p.patrol!.unitId])).toEqual([[points[0]!.id, a!.id]]);
    const report = await ok<{ timeline: { action: string }[] }>('duty', 'GET', `/major-incidents/${m.id}/after-action`);
    expect(report.timeline.filter((e) => e.action === 'major_incidents.traffic_point_taken')).toHaveLength(1);

    // Stood down: nothing is offered, nothing taken.
    await ok('duty', 'POST', `/major-incidents/${m.id}/stand-down`, { note: 'Scene cleared' });
    expect(await offersOf('crew', m.id)).toEqual([]);
    expect((await call('crew', 'POST', `/major-incidents/${m.id}/points/${points[1]!.id}/take`, { unitId: b!.id })).json().code).toBe('MAJOR_INCIDENT_STOOD_DOWN');
  });

  it('refuses bad input with 4xx and stores nothing', { timeout: 120_000 }, async () => {
    const m = await ok('dispatcher', 'POST', '/major-incidents', { location: MARKET, title: 'Second scene', level: 'III' });
    const drawn = await ok('duty', 'PUT', `/major-incidents/${m.id}/cordons/outer`, { radiusM: 300 });
    const tcp = drawn.points.find((p) => p.kind === 'traffic_control')!;
    const [engine] = await unitsAt('li.oberland.vaduz', false);
    const [patrol] = await unitsAt('li.oberland.vaduz', true);
    const notPatrol = await call('crew', 'POST', `/major-incidents/${m.id}/points/${tcp.id}/take`, { unitId: engine!.id });
    expect(notPatrol.statusCode).toBe(422);
    expect(notPatrol.json()).toMatchObject({ code: 'MAJOR_INCIDENT_NOT_A_PATROL', errors: [{ path: 'body.unitId' }] });
    const unknown = await call('crew', 'POST', `/major-incidents/${m.id}/points/${tcp.id}/take`, { unitId: '00000000-0000-4000-8000-000000000000' });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().errors[0].path).toBe('body.unitId');
    const noBody = await call('crew', 'POST', `/major-incidents/${m.id}/points/${tcp.id}/take`, { unitId: 'nope', extra: 1 });
    expect(noBody.statusCode).toBe(400);
    const staging = await ok('duty', 'POST', `/major-incidents/${m.id}/points`, { kind: 'staging', name: 'Car park', location: [9.5205, 47.1385] });
    const stagingId = staging.points.find((p) => p.kind === 'staging')!.id;
    const notTcp = await call('crew', 'POST', `/major-incidents/${m.id}/points/${stagingId}/take`, { unitId: patrol!.id });
    expect(notTcp.statusCode).toBe(422);
    expect(notTcp.json().code).toBe('MAJOR_INCIDENT_NOT_A_TRAFFIC_POINT');
    expect((await call('auditor', 'GET', '/major-incidents/traffic-point-offers')).statusCode).toBe(403);
    expect((await call('auditor', 'POST', `/major-incidents/${m.id}/points/${tcp.id}/take`, { unitId: patrol!.id })).statusCode).toBe(403);
    expect(await count(sql`select count(*)::int as n from major_incident_points where major_incident_id = ${m.id} and unit_id is not null`)).toBe(0);
    expect(await count(sql`select count(*)::int as n from audit_log where action = 'major_incidents.traffic_point_taken' and entity_id = ${m.id}`)).toBe(0);
  });
});
