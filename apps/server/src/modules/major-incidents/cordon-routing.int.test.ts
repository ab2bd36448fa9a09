import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rows } from '../../platform/db/client.js';
import { Cast, startTestApp, type TestApp } from '../../../test/harness.js';
import { insideRing, type LonLat } from '@firebreak/roadgraph';
import { deploymentRoadNetwork, travelTimes } from '../dispatch/index.js';

const MARKET: [number, number] = [9.5215, 47.141]; // Vaduz
const STAGING: [number, number] = [9.5215, 47.1355];
const ACCESS: [number, number] = [9.5232, 47.1425];

type Recs = { items: { unitId: string; kind: string; etaSeconds: number | null }[]; routedTo?: { cordon: string; point: { kind: string; name: string; location: [number, number] } | null } | null };

describe('major incidents: a call inside a closed cordon is reached at its staging or access point; buildings inside and hospitals by travel time', () => {
  let t: TestApp;
  const cast = new Cast(() => t.app);
  const ok = (...a: Parameters<Cast['ok']>) => cast.ok(...a);

  beforeAll(async () => {
    t = await startTestApp();
    await cast.add('dispatcher', 'dispatcher', 'li.oberland.vaduz');
    await cast.add('duty', 'duty_officer', 'li.oberland.vaduz');
  }, 180_000);
  afterAll(async () => t?.close());

  it('no road ETA to the closed scene: the answer says the ETAs are to the staging area (else the access point), and they match the road time there', { timeout: 120_000 }, async () => {
    const { byProfile } = await deploymentRoadNetwork(t.config);
    const incident = await ok('dispatcher', 'POST', '/incidents', { type: 'fire', priority: 'P1', location: MARKET, narrative: 'Explosion at the market hall' });
    const recs = async (): Promise<Recs> => ok('dispatcher', 'GET', `/incidents/${incident.id}/recommendations?limit=5`);
    const home = async (unitId: string) => (await rows<{ lon: number; lat: number; kind: string }>(t.app.platform.db,
      sql`select ST_X(home_location) as lon, ST_Y(home_location) as lat, kind from units where id = ${unitId}`))[0]!;
    const roadTime = async (unitId: string, to: [number, number]) => {
      const u = await home(unitId);
      return travelTimes(byProfile, [{ at: [Number(u.lon), Number(u.lat)], kind: u.kind as never }], to)[0];
    };

    const open = await recs();
    expect(open.routedTo ?? null).toBeNull();
    const first = open.items[0]!;
    expect(first.etaSeconds).not.toBeNull();

    const m = await ok('dispatcher', 'POST', '/major-incidents', { incidentId: incident.id, title: 'Market explosion', level: 'III' });
    type Hospitals = { from: { kind: string; name: string | null }; hospitals: { name: string; straightMetres: number; roadMetres: number | null; travelSeconds: number | null }[] };
    const atScene: Hospitals = await ok('duty', 'GET', `/major-incidents/${m.id}/hospitals`);
    expect(atScene.from.kind).toBe('scene');
    expect(atScene.hospitals.length).toBeGreaterThan(0);
    for (const h of atScene.hospitals.filter((x) => x.travelSeconds !== null)) expect(h.roadMetres!).toBeGreaterThanOrEqual(h.straightMetres);
    const times = atScene.hospitals.map((h) => h.travelSeconds ?? Infinity);
    expect(times).toEqual([...times].sort((a, b) => a - b));
    expect(atScene.hospitals[0]!.travelSeconds).toBeGreaterThan(0);

    const cordoned = await ok('duty', 'PUT', `/major-incidents/${m.id}/cordons/inner`, { radiusM: 150, closeRoads: true });
    await t.app.roadClosures.settled();
    // Who is inside: the OSM buildings of the cordon, counted here again point by point against its ring.
    const ring = cordoned.cordons[0].area.coordinates[0] as LonLat[];
    const near = await rows<{ lon: number; lat: number }>(t.app.platform.db, sql`select ST_X(location) as lon, ST_Y(location) as lat from building_centroids
      where location && ST_MakeEnvelope(${MARKET[0] - 0.01}, ${MARKET[1] - 0.01}, ${MARKET[0] + 0.01}, ${MARKET[1] + 0.01}, 4326)`);
    const inside = near.filter((b) => insideRing([Number(b.lon), Number(b.lat)], ring)).length;
    expect(inside).toBeGreaterThan(0);
    expect(cordoned.cordons[0].buildings).toBe(inside);
    // Closed, and no staging or access point yet: said so, and no unit gets a made-up ETA.
    const closed = await recs();
    expect(closed.routedTo).toMatchObject({ majorIncidentId: m.id, cordon: 'inner', point: null });
    expect(closed.items.every((i) => i.etaSeconds === null)).toBe(true);

    // An access point, then a staging area: staging is preferred even when the access point is nearer the call.
    await ok('duty', 'POST', `/major-incidents/${m.id}/points`, { kind: 'access', name: 'North access', location: ACCESS });
    let answer = await recs();
    expect(answer.routedTo!.point).toMatchObject({ kind: 'access', name: 'North access' });
    const staged = await ok('duty', 'POST', `/major-incidents/${m.id}/points`, { kind: 'staging', name: 'Car park south', location: STAGING });
    answer = await recs();
    expect(answer.routedTo!.point).toMatchObject({ kind: 'staging', name: 'Car park south', location: STAGING });
    // Hospitals are then timed from the staging area, as the ambulances leave from there.
    const fromStaging: Hospitals = await ok('duty', 'GET', `/major-incidents/${m.id}/hospitals`);
    expect(fromStaging.from).toMatchObject({ kind: 'staging', name: 'Car park south' });
    expect(fromStaging.hospitals[0]!.travelSeconds).not.toBeNull();
    const unit = answer.items.find((i) => i.unitId === first.unitId) ?? answer.items[0]!;
    expect(unit.etaSeconds).not.toBeNull();
    expect(unit.etaSeconds).toBeCloseTo((await roadTime(unit.unitId, STAGING))!, 0);

    // The staging area removed: back to the access point.
    await ok('duty', 'DELETE', `/major-incidents/${m.id}/points/${staged.points.find((p: { kind: string }) => p.kind === 'staging').id}`);
    expect((await recs()).routedTo!.point!.kind).toBe('access');

    // Lifted: the scene has its road ETA again, as before the cordon.
    await ok('duty', 'DELETE', `/major-incidents/${m.id}/cordons/inner`);
    await t.app.roadClosures.settled();
    const reopened = await recs();
    expect(reopened.routedTo ?? null).toBeNull();
    expect(reopened.items.find((i) => i.unitId === first.unitId)?.etaSeconds).toBe(first.etaSeconds);
  });
});
