import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AfterActionReport, MajorIncident, MajorPoint } from '@firebreak/contracts';
import { rows } from '../../platform/db/client.js';
import { Cast, startTestApp, type TestApp } from '../../../test/harness.js';
import { deploymentRoadNetwork } from '../dispatch/index.js';
import { nearMetres } from './model.js';
import { crossingsOf } from './traffic-points.js';

const MARKET: [number, number] = [9.5215, 47.141]; // Vaduz

describe('major incidents: traffic control points where roads cross the outer cordon, given to patrols; evacuation points on record', () => {
  let t: TestApp;
  const cast = new Cast(() => t.app);
  const call = (who: string, method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, payload?: object) => cast.call(who, method, url, payload);
  const ok = <T = MajorIncident>(who: string, method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, payload?: object) => cast.ok<T>(who, method, url, payload);
  const computed = (m: MajorIncident): MajorPoint[] => m.points.filter((p) => p.cordon === 'outer');
  const unitOf = async (patrol: boolean) => (await rows<{ id: string; callSign: string }>(t.app.platform.db, sql`select id, call_sign as "callSign" from units
    where (kind = 'patrol_car') = ${patrol} and jurisdiction_path <@ 'li.oberland.vaduz' order by call_sign limit 2`));
  const count = async (q: ReturnType<typeof sql>) => (await rows<{ n: number }>(t.app.platform.db, q))[0]!.n;

  beforeAll(async () => {
    t = await startTestApp();
    await cast.add('dispatcher', 'dispatcher', 'li.oberland.vaduz');
    await cast.add('duty', 'duty_officer', 'li.oberland.vaduz');
    await cast.add('viewer', 'unit_member', 'li.oberland.vaduz');
  }, 180_000);
  afterAll(async () => t?.close());

  it('computes the points from the road graph, merges close crossings, keeps them (and their patrol) on a redraw, moves them with the cordon and ends them when it is lifted', { timeout: 180_000 }, async () => {
    const { graph } = await deploymentRoadNetwork(t.config);
    const m = await ok('dispatcher', 'POST', '/major-incidents', { location: MARKET, title: 'Market explosion', level: 'III' });
    const drawn = await ok('duty', 'PUT', `/major-incidents/${m.id}/cordons/outer`, { radiusM: 300 });
    const points = computed(drawn);
    expect(points.length).toBeGreaterThan(2);
    expect(points.every((p) => p.kind === 'traffic_control' && p.patrol === null && p.roads! >= 1)).toBe(true);
    expect(new Set(points.map((p) => p.name)).size).toBe(points.length);

    // Checked against the graph and PostGIS independently: every holdable crossing is held by a point near it, the
    // others (at 300 m around the market, three service roads) count for none; every point lies on the cordon's outline.
    const crossings = crossingsOf(graph, drawn.cordons[0]!.area.coordinates);
    const holdable = crossings.filter((c) => c.holdable);
    expect(crossings.length).toBeGreaterThan(holdable.length);
    expect(points.reduce((n, p) => n + p.roads!, 0)).toBe(holdable.length);
    for (const c of holdable) expect(Math.min(...points.map((p) => nearMetres(p.location, [c.lon, c.lat])))).toBeLessThan(100);
    for (const p of points) {
      const [{ metres }] = await rows<{ metres: number }>(t.app.platform.db, sql`select ST_Distance(ST_Boundary(geom)::geography,
        ST_SetSRID(ST_MakePoint(${p.location[0]}, ${p.location[1]}), 4326)::geography) as metres from major_incident_cordons where major_incident_id = ${m.id} and kind = 'outer'`) as [{ metres: number }];
      expect(Number(metres)).toBeLessThan(50);
    }

    // One action gives a point to a patrol; audited, with its event.
    const [patrol, second] = await unitOf(true);
    expect(patrol && second).toBeTruthy();
    const given = await ok('duty', 'PUT', `/major-incidents/${m.id}/points/${points[0]!.id}/patrol`, { unitId: patrol!.id });
    expect(computed(given).find((p) => p.id === points[0]!.id)!.patrol).toMatchObject({ unitId: patrol!.id, callSign: patrol!.callSign });
    expect(await count(sql`select count(*)::int as n from audit_log where action = 'major_incidents.traffic_point_assigned' and entity_id = ${m.id}`)).toBe(1);
    expect(await count(sql`select count(*)::int as n from outbox where type = 'major_incidents.traffic_point_assigned' and data->>'pointId' = ${points[0]!.id}`)).toBe(1);
    // The same patrol given another point moves there: the first is offered again.
    const moved = await ok('duty', 'PUT', `/major-incidents/${m.id}/points/${points[1]!.id}/patrol`, { unitId: patrol!.id });
    expect(computed(moved).find((p) => p.id === points[0]!.id)!.patrol).toBeNull();
    expect(computed(moved).find((p) => p.id === points[1]!.id)!.patrol?.unitId).toBe(patrol!.id);

    // Redrawn the same: every point stays, with its patrol.
    const again = await ok('duty', 'PUT', `/major-incidents/${m.id}/cordons/outer`, { radiusM: 300 });
    expect(computed(again).map((p) => p.id).sort()).toEqual(points.map((p) => p.id).sort());
    expect(computed(again).find((p) => p.id === points[1]!.id)!.patrol?.unitId).toBe(patrol!.id);

    // Moved out to 700 m: the old crossings are no longer on the outline, so their points end (their patrol is free).
    const wider = await ok('duty', 'PUT', `/major-incidents/${m.id}/cordons/outer`, { radiusM: 700 });
    const outer = computed(wider);
    expect(outer.length).toBeGreaterThan(0);
    expect(outer.some((p) => points.some((o) => o.id === p.id))).toBe(false);
    expect(outer.every((p) => p.patrol === null)).toBe(true);
    await ok('duty', 'PUT', `/major-incidents/${m.id}/points/${outer[0]!.id}/patrol`, { unitId: second!.id });

    const lifted = await ok('duty', 'DELETE', `/major-incidents/${m.id}/cordons/outer`);
    expect(computed(lifted)).toEqual([]);
    expect(await count(sql`select count(*)::int as n from major_incident_points where major_incident_id = ${m.id} and unit_id is not null and removed_at is null`)).toBe(0);
    const report = await ok<AfterActionReport>('viewer', 'GET', `/major-incidents/${m.id}/after-action`);
    const ended = report.points.filter((p) => p.cordon === 'outer');
    expect(ended.length).toBe(points.length + outer.length);
    expect(ended.every((p) => p.removedAt !== null)).toBe(true);
    expect(ended.find((p) => p.id === outer[0]!.id)!.patrol?.unitId).toBe(second!.id);
    expect(report.timeline.filter((e) => e.action === 'major_incidents.traffic_points_computed')).toHaveLength(3);
  });

  it('refuses a unit that is not a patrol, a point that is not a traffic control point, and a viewer: 4xx, nothing stored', { timeout: 120_000 }, async () => {
    const m = await ok('dispatcher', 'POST', '/major-incidents', { location: MARKET, title: 'Second scene', level: 'III' });
    const withPoints = await ok('duty', 'PUT', `/major-incidents/${m.id}/cordons/outer`, { radiusM: 300 });
    const tcp = computed(withPoints)[0]!;
    const [engine] = await unitOf(false);
    const notPatrol = await call('duty', 'PUT', `/major-incidents/${m.id}/points/${tcp.id}/patrol`, { unitId: engine!.id });
    expect(notPatrol.statusCode, notPatrol.body).toBe(422);
    expect(notPatrol.json()).toMatchObject({ code: 'MAJOR_INCIDENT_NOT_A_PATROL', errors: [{ path: 'body.unitId' }] });
    const evac = await ok('duty', 'POST', `/major-incidents/${m.id}/points`, { kind: 'evacuation', name: 'School gym', location: [9.5205, 47.1385] });
    const evacId = evac.points.find((p) => p.kind === 'evacuation')!.id;
    const [patrol] = await unitOf(true);
    const notTcp = await call('duty', 'PUT', `/major-incidents/${m.id}/points/${evacId}/patrol`, { unitId: patrol!.id });
    expect(notTcp.statusCode).toBe(422);
    expect(notTcp.json().code).toBe('MAJOR_INCIDENT_NOT_A_TRAFFIC_POINT');
    expect((await call('viewer', 'PUT', `/major-incidents/${m.id}/points/${tcp.id}/patrol`, { unitId: patrol!.id })).statusCode).toBe(403);
    const takeOffNobody = await call('duty', 'PUT', `/major-incidents/${m.id}/points/${tcp.id}/patrol`, { unitId: null });
    expect(takeOffNobody.statusCode).toBe(409);
    expect(await count(sql`select count(*)::int as n from major_incident_points where major_incident_id = ${m.id} and unit_id is not null`)).toBe(0);

    // The evacuation point the commander chose, then removed, stays in the after-action report with when.
    await ok('duty', 'DELETE', `/major-incidents/${m.id}/points/${evacId}`);
    const report = await ok<AfterActionReport>('viewer', 'GET', `/major-incidents/${m.id}/after-action`);
    expect(report.points.find((p) => p.id === evacId)).toMatchObject({ kind: 'evacuation', name: 'School gym', cordon: null });
    expect(report.points.find((p) => p.id === evacId)!.removedAt).not.toBeNull();
    const csv = await call('viewer', 'GET', `/major-incidents/${m.id}/after-action.csv`);
    expect(csv.body).toContain('evacuation · School gym');
  });
});
