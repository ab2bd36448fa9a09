import type { UnitKind } from '@firebreak/contracts';
import { route, type RoadGraph } from '@firebreak/roadgraph';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rows } from '../../platform/db/client.js';
import { jurisdictionByPath, loginAdmin, startTestApp, type TestApp } from '../../../test/harness.js';
import { deploymentRoadNetwork, travelProfileOf } from '../dispatch/index.js';
import { livePositionsOf } from '../units/index.js';
import { Simulator, type TickReport } from './index.js';

type LonLat = [number, number];

/** Metres from a point to a polyline, on a local flat projection (enough over a few km). */
function metresToLine(p: LonLat, line: LonLat[]): number {
  const k = Math.cos((p[1] * Math.PI) / 180) * 111_320;
  const xy = (q: LonLat) => [(q[0] - p[0]) * k, (q[1] - p[1]) * 110_574] as const;
  let best = Infinity;
  for (let i = 1; i < line.length; i++) {
    const [ax, ay] = xy(line[i - 1]!);
    const [bx, by] = xy(line[i]!);
    const [dx, dy] = [bx - ax, by - ay];
    const len2 = dx * dx + dy * dy;
    const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, -(ax * dx + ay * dy) / len2));
    best = Math.min(best, Math.hypot(ax + t * dx, ay + t * dy));
  }
  return best;
}

describe('simulation: a seeded, living demo country on an injected clock', () => {
  let t: TestApp;
  let graph: RoadGraph;
  let admin: string;
  let now = new Date('2026-04-06T08:00:00.000Z');
  const start = now.toISOString();
  const reports: TickReport[] = [];
  /** Each tick's live position of the first unit the simulator sent, while it drives. */
  const track: LonLat[] = [];
  let first: { incidentId: string; unitId: string } | undefined;
  let firstHome: LonLat;
  let firstKind: UnitKind;
  let firstScene: LonLat;
  let firstArrivedAt = -1;
  let firstSentAt = -1;

  beforeAll(async () => {
    t = await startTestApp({ clock: () => now });
    admin = await loginAdmin(t.app);
    graph = (await deploymentRoadNetwork(t.config)).graph;
    const sim = await Simulator.start(t.app.platform, { seed: 20260406, ratePerHour: 40 });
    const live = livePositionsOf(t.app.platform);
    for (let i = 0; i < 240; i++) { // an hour in 15 s steps
      now = new Date(now.getTime() + 15_000);
      const r = await sim.tick();
      reports.push(r);
      if (!first && r.dispatched.length > 0) {
        first = r.dispatched[0]!;
        firstSentAt = i;
        const [u] = await rows<{ lon: number; lat: number; kind: UnitKind }>(t.app.platform.db, sql`select ST_X(home_location) as lon, ST_Y(home_location) as lat, kind from units where id = ${first.unitId}`);
        firstKind = u!.kind;
        const [inc] = await rows<{ lon: number; lat: number }>(t.app.platform.db, sql`select ST_X(location) as lon, ST_Y(location) as lat from incidents where id = ${first.incidentId}`);
        [firstHome, firstScene] = [[Number(u!.lon), Number(u!.lat)], [Number(inc!.lon), Number(inc!.lat)]];
      }
      if (first && firstArrivedAt < 0) {
        const fix = live.get(first.unitId);
        if (fix) track.push([fix.lon, fix.lat]);
        const [a] = await rows<{ state: string }>(t.app.platform.db, sql`select state from assignments where unit_id = ${first.unitId} and incident_id = ${first.incidentId}`);
        if (a && a.state !== 'assigned' && a.state !== 'acknowledged' && a.state !== 'en_route') firstArrivedAt = i;
      }
    }
  }, 300_000);
  afterAll(async () => t?.close());

  it('raises simulated incidents at a seeded rate, beside a road near key places, in the demo country', async () => {
    const raised = reports.flatMap((r) => r.raised);
    // 40 an hour on average; a Poisson count for one hour lies in 20..60 with near certainty.
    expect(raised.length).toBeGreaterThan(20);
    expect(raised.length).toBeLessThan(60);
    const incidents = await rows<{ origin: string; path: string; lon: number; lat: number; address: string }>(t.app.platform.db, sql`
      select origin, jurisdiction_path::text as path, ST_X(location) as lon, ST_Y(location) as lat, address from incidents order by id`);
    expect(incidents).toHaveLength(raised.length);
    for (const i of incidents) {
      expect(i.origin).toBe('simulated');
      expect(i.path).toMatch(/^li\.(oberland|unterland)\.[a-z]+$/);
      expect(i.address).toMatch(/^near /);
      expect(graph.snapper.snap([Number(i.lon), Number(i.lat)]).distance).toBeLessThan(1);
    }
  });

  it('sends units and drives the first one along its road route from its home to the scene, then on scene and clear', async () => {
    expect(first).toBeDefined();
    expect(firstArrivedAt).toBeGreaterThan(0);
    // Snapped on the car's graph, driven on the profile of the unit's kind (issue 17).
    const { byProfile } = await deploymentRoadNetwork(t.config);
    const expected = route(byProfile[travelProfileOf(firstKind)], graph.snapper.snap(firstHome), graph.snapper.snap(firstScene));
    const line = expected.geometry.coordinates as LonLat[];
    expect(track.length).toBeGreaterThanOrEqual(2);
    for (const p of track) expect(metresToLine(p, line)).toBeLessThan(1);
    // It moved: the first fix is at its home, the last at the scene.
    expect(metresToLine(track[0]!, [line[0]!, line[0]!])).toBeLessThan(1);
    expect(metresToLine(track.at(-1)!, [line.at(-1)!, line.at(-1)!])).toBeLessThan(1);
    // Travel took the route's time, to the tick (it sets off in the tick it is sent, 15 s apart).
    const travelled = (firstArrivedAt - firstSentAt) * 15;
    expect(travelled).toBeGreaterThanOrEqual(expected.time);
    expect(travelled).toBeLessThan(expected.time + 15);
    const steps = await rows<{ action: string; step: string }>(t.app.platform.db, sql`select action, after->>'step' as step from audit_log
      where entity_id = ${first!.incidentId} and action = 'dispatch.assignment_changed' order by id`);
    expect(steps.map((s) => s.step).slice(0, 3)).toEqual(['acknowledge', 'en_route', 'on_scene']);
    expect(reports.flatMap((r) => r.cleared).length).toBeGreaterThan(0);
    // The fixes went through the AVL path: its track holds them.
    const [kept] = await rows<{ n: number }>(t.app.platform.db, sql`select count(*)::int as n from unit_track where unit_id = ${first!.unitId}`);
    expect(kept!.n).toBeGreaterThanOrEqual(2);
  });

  it('keeps simulated incidents out of the default report, and reports them only when asked', async () => {
    const li = await jurisdictionByPath(t.app, 'li');
    const get = async (origin: string) => {
      const res = await t.app.inject({ method: 'GET', url: `/api/v1/reports/response-times?jurisdictionId=${li.id}&from=${start}&to=${new Date(now.getTime() + 1000).toISOString()}${origin}`, headers: { cookie: admin } });
      expect(res.statusCode, res.body).toBe(200);
      return res.json();
    };
    expect((await get('')).counts).toEqual({ incidents: 0, dispatched: 0, arrived: 0 });
    const simulated = await get('&origin=simulated');
    expect(simulated.counts.incidents).toBe(reports.flatMap((r) => r.raised).length);
    expect(simulated.counts.arrived).toBeGreaterThan(0);
  });
});
