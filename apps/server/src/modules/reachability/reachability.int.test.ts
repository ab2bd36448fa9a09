import { manyToOne, oneToMany, RoadGraph, type MultiPolygon, type Snapped } from '@firebreak/roadgraph';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser, jurisdictionByPath, loginAdmin, startTestApp, type TestApp } from '../../../test/harness.js';
import { deploymentRoadNetwork, travelGraphOf } from '../dispatch/index.js';
import { listUnitRows } from '../units/index.js';

const VADUZ: [number, number] = [9.5215, 47.141];

function inside([x, y]: readonly [number, number], polygon: MultiPolygon): boolean {
  let hit = false;
  for (const rings of polygon.coordinates) {
    for (const ring of rings) {
      for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
        const [xi, yi] = ring[i]!, [xj, yj] = ring[j]!;
        if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) hit = !hit;
      }
    }
  }
  return hit;
}

type Ring = { geometry: MultiPolygon; properties: { minutes: number; direction: string } };

describe('reachability rings', () => {
  let t: TestApp;
  let cookie: string;
  let graph: RoadGraph;
  /** Every 5th junction of the main network (cut-off pieces of road are never snapped to), as a road position. */
  let samples: Snapped[];
  const get = (query: string, as = cookie) => t.app.inject({ url: `/api/v1/isochrones?${query}`, headers: { cookie: as } });

  beforeAll(async () => {
    t = await startTestApp();
    cookie = await loginAdmin(t.app);
    graph = (await deploymentRoadNetwork(t.app.platform.config)).graph;
    samples = Array.from({ length: Math.floor(graph.nodeCount / 5) }, (_, k) => 5 * k)
      .filter((v) => graph.mainNetwork[v] === 1)
      .map((v) => graph.snapper.snap([graph.data.nodeLon[v]!, graph.data.nodeLat[v]!]));
  }, 60_000);
  afterAll(async () => t?.close());

  it('draws the 1/3/5-minute areas from which a unit reaches the place, matching road travel times to it', async () => {
    const res = await get(`lat=${VADUZ[1]}&lon=${VADUZ[0]}&minutes=5,1,3`);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.type).toBe('FeatureCollection');
    const rings: Ring[] = body.features;
    expect(rings.map((r) => r.properties)).toEqual([1, 3, 5].map((minutes) => ({ minutes, direction: 'to_place' })));
    const place = graph.snapper.snap(VADUZ);
    expect(body.snapped).toEqual([place.point[0], place.point[1]]);
    // Travel times *to* the place (the way a unit drives), from every sampled road position, by
    // the node-based costs the rings are drawn from (isochrones know no turn costs: ADR 0013).
    const toPlace = manyToOne(new RoadGraph(graph.data), samples, place);
    for (const ring of rings) {
      const limit = ring.properties.minutes * 60;
      const reached = samples.filter((_, i) => toPlace[i]! <= limit);
      expect(reached.length).toBeGreaterThan(0);
      // Every road position that reaches the place in time lies inside its ring...
      for (const s of reached) expect(inside(s.point, ring.geometry), `${s.point} reaches in ${toPlace[samples.indexOf(s)]} s`).toBe(true);
      // ...and what lies inside reaches it in time, but for the raster's edge: the rings are drawn
      // on 50 m cells, so a junction a cell away from a road reached in time is inside too.
      const within = samples.map((s, i) => [s, toPlace[i]!] as const).filter(([s]) => inside(s.point, ring.geometry));
      const late = within.filter(([, secs]) => secs > limit);
      expect(late.length / within.length).toBeLessThan(1 / 3);
      const unreachable = late.filter(([, secs]) => !Number.isFinite(secs));
      expect(unreachable.length / within.length).toBeLessThan(0.02);
      for (const [s, secs] of late) if (Number.isFinite(secs)) expect(secs, `${s.point}`).toBeLessThan(limit + 45);
    }
  });

  it('measures the way to the place, not from it: a one-way street counts in the direction a unit drives it', async () => {
    const place = graph.snapper.snap(VADUZ);
    const toPlace = manyToOne(graph, samples, place);
    const fromPlace = oneToMany(graph, place, samples);
    // The graph has one-way roads near the centre, so the two directions differ somewhere.
    expect(samples.some((_, i) => Math.abs(toPlace[i]! - fromPlace[i]!) > 5)).toBe(true);
    const rings: Ring[] = (await get(`lat=${VADUZ[1]}&lon=${VADUZ[0]}&minutes=3`)).json().features;
    const misses = samples.filter((s, i) => toPlace[i]! <= 180 && !inside(s.point, rings[0]!.geometry));
    expect(misses).toEqual([]);
  });

  it('draws what the available units I may see reach (from=units)', async () => {
    const vaduz = await jurisdictionByPath(t.app, 'li.oberland.vaduz');
    const unit = await t.app.inject({
      method: 'POST', url: '/api/v1/units', headers: { cookie },
      payload: { callSign: 'RING-1', kind: 'fire_engine', jurisdictionId: vaduz.id, homeLocation: VADUZ, crewSize: 4, onDuty: true },
    });
    expect(unit.statusCode, unit.body).toBe(201);
    const res = await get('from=units&minutes=1,3');
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.units).toBeGreaterThanOrEqual(1);
    const rings: Ring[] = body.features;
    expect(rings.map((r) => r.properties)).toEqual([{ minutes: 1, direction: 'from_units' }, { minutes: 3, direction: 'from_units' }]);
    // Every available unit drives its kind's graph (patrol cars and engines under lights and
    // sirens), not the car's: the ring holds what the fastest of them reaches in 3 minutes,
    // including road a car from any of them would need over 200 s for.
    const { byProfile } = await deploymentRoadNetwork(t.app.platform.config);
    const { rows } = await listUnitRows(t.app.platform.db, { roots: [''], dispatchable: true, limit: 10_000 });
    const best = new Float64Array(samples.length).fill(Infinity);
    const bestByCar = new Float64Array(samples.length).fill(Infinity);
    for (const u of rows) {
      const at = graph.snapper.snap([Number(u.homeLon), Number(u.homeLat)]);
      oneToMany(travelGraphOf(byProfile, u.kind), at, samples).forEach((s, i) => { best[i] = Math.min(best[i]!, s); });
      oneToMany(graph, at, samples).forEach((s, i) => { bestByCar[i] = Math.min(bestByCar[i]!, s); });
    }
    const onlyUnderSirens = samples.filter((_, i) => best[i]! <= 180 && bestByCar[i]! > 200);
    expect(onlyUnderSirens.length).toBeGreaterThan(0);
    for (const s of onlyUnderSirens) expect(inside(s.point, rings[1]!.geometry), `${s.point}`).toBe(true);
    samples.forEach((s, i) => {
      if (best[i]! <= 180) expect(inside(s.point, rings[1]!.geometry), `${s.point}`).toBe(true);
    });
    // An inspector sees no units: refused before anything is computed.
    const inspector = await createUser(t.app, 'inspector', 'li.oberland');
    expect((await get('from=units', inspector.cookie)).statusCode).toBe(403);
    // A dispatcher of Unterland sees none of Vaduz's units.
    const dispatcher = await createUser(t.app, 'dispatcher', 'li.unterland');
    const theirs = (await get('from=units&minutes=3', dispatcher.cookie)).json();
    expect(theirs.features[0].geometry.coordinates.some((p: [number, number][][]) => inside(VADUZ, { type: 'MultiPolygon', coordinates: [p] }))).toBe(false);
  });

  it.each([
    ['lat=95&lon=9.52', 'query.lat'],
    ['lat=47.14&lon=200', 'query.lon'],
    ['lat=north&lon=9.52', 'query.lat'],
    ['lon=9.52', 'query.lat'],
    ['lat=47.14', 'query.lon'],
    ['lat=47.37&lon=9.52', 'query.lat'],
    ['lat=47.14&lon=8.54', 'query.lon'],
    ['lat=47.14&lon=9.52&minutes=0', 'query.minutes'],
    ['lat=47.14&lon=9.52&minutes=61', 'query.minutes'],
    ['lat=47.14&lon=9.52&minutes=1,2,3,4,5,6', 'query.minutes'],
    ['lat=47.14&lon=9.52&minutes=1.5', 'query.minutes'],
    ['lat=47.14&lon=9.52&minutes=', 'query.minutes'],
    ['lat=47.14&lon=9.52&from=stations', 'query.from'],
    ['lat=47.14&lon=9.52&radius=3', 'query.radius'],
  ])('refuses %s with a problem naming %s', async (query, field) => {
    const res = await get(query);
    expect(res.statusCode, res.body).toBe(400);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.json().errors.map((e: { path: string }) => e.path)).toContain(field);
  });

  it('is for signed-in users only', async () => {
    expect((await t.app.inject({ url: `/api/v1/isochrones?lat=${VADUZ[1]}&lon=${VADUZ[0]}` })).statusCode).toBe(401);
  });
});
