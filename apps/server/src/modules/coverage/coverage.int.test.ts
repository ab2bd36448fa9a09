import { PATROL_UNIT_KINDS, UNIT_KINDS, type UnitKind } from '@firebreak/contracts';
import { oneToMany, PROFILES, RoadGraph } from '@firebreak/roadgraph';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser, jurisdictionByPath, loginAdmin, startTestApp, type TestApp } from '../../../test/harness.js';
import { deploymentRoadNetwork, travelGraphOf, type ProfileGraphs } from '../dispatch/index.js';
import { keyPlaceListOf, keyPlacePoints } from '../places/index.js';
import { listUnitRows, livePositionsOf } from '../units/index.js';
import { liveCoverage } from './live-coverage.js';
import { availableUnits } from './move-up-for.js';

type Item = { id: string; name: string; seconds: number | null; tier: 1 | 3 | 5 | null; nearestUnit: { id: string; callSign: string } | null; offRoad: boolean; category: string; location: [number, number] };

describe('live coverage', () => {
  let t: TestApp;
  let admin: string;
  let graph: RoadGraph;
  /** The deployment's profiles without turn costs (what live coverage times by). */
  let nodeBased: ProfileGraphs;
  /** The deployment's profiles as the server times plans by (with its turn costs). */
  let graphs: ProfileGraphs;
  const get = (query: string, cookie = admin) => t.app.inject({ url: `/api/v1/coverage?${query}`, headers: { cookie } });

  /**
   * The obvious way: one plain Dijkstra from each available unit on its kind's graph, the best
   * time per place. Live coverage is one multi-source search over the node-based costs (ADR 0013:
   * without turn costs), so the brute force is run on the same graphs without them.
   */
  async function bruteForce(category: string, kinds?: readonly UnitKind[]): Promise<Map<string, { seconds: number; unit: string | null }>> {
    const { rows } = await listUnitRows(t.app.platform.db, { roots: [''], dispatchable: true, kinds, limit: 10_000 });
    const places = await keyPlacePoints(t.app.platform.db, { roots: [''], category: [category] });
    const targets = places.map((p) => graph.snapper.snap([p.lon, p.lat]));
    const best = new Map(places.map((p) => [p.id, { seconds: Infinity, unit: null as string | null }]));
    for (const u of rows) {
      const times = oneToMany(travelGraphOf(nodeBased, u.kind), graph.snapper.snap([Number(u.homeLon), Number(u.homeLat)]), targets, { engine: 'dijkstra' });
      places.forEach((p, j) => { if (times[j]! < best.get(p.id)!.seconds) best.set(p.id, { seconds: times[j]!, unit: u.id }); });
    }
    return best;
  }

  beforeAll(async () => {
    t = await startTestApp();
    admin = await loginAdmin(t.app);
    ({ graph, byProfile: graphs } = await deploymentRoadNetwork(t.app.platform.config));
    nodeBased = Object.fromEntries(PROFILES.map((p) => [p, new RoadGraph(graph.data, p)])) as unknown as ProfileGraphs;
  }, 120_000);
  afterAll(async () => t?.close());

  it.each([
    ['the patrol units (the default for schools)', '', PATROL_UNIT_KINDS],
    ['every unit kind when asked', `&unitKinds=${UNIT_KINDS.join(',')}`, UNIT_KINDS],
  ])("gives the demo country's 19 schools the times and tiers of a brute-force Dijkstra from each available unit: %s", async (_, extra, kinds) => {
    const res = await get(`category=school${extra}`);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.places).toBe(19);
    expect(body.units).toBeGreaterThan(0);
    expect(body.unitKinds).toEqual([...kinds]);
    const brute = await bruteForce('school', kinds);
    const items: Item[] = body.items;
    expect(items).toHaveLength(19);
    for (const item of items) {
      const b = brute.get(item.id)!;
      expect(item.category).toBe('school');
      expect(item.offRoad).toBe(false);
      const within30 = b.seconds <= 1800 ? b.seconds : null;
      expect(item.seconds, item.name).toBe(within30 === null ? null : Math.round(within30 * 10) / 10);
      expect(item.tier, item.name).toBe(b.seconds <= 60 ? 1 : b.seconds <= 180 ? 3 : b.seconds <= 300 ? 5 : null);
      // The unit named is one that gets there in that time (ties may name another unit).
      if (within30 !== null) expect(item.nearestUnit).not.toBeNull();
    }
    const times = [...brute.values()].map((b) => b.seconds);
    expect(body.tiers).toEqual([1, 3, 5].map((minutes) => {
      const covered = times.filter((s) => s <= minutes * 60).length;
      return { minutes, covered, share: covered / 19 };
    }));
    expect(body.uncovered).toBe(times.filter((s) => s > 300).length);
    // Worst covered first.
    const shown = items.map((i) => i.seconds ?? Infinity);
    expect(shown).toEqual([...shown].sort((a, b) => b - a));
  });

  it('every unit kind counts for other categories, and the counts differ from the patrol-only answer', async () => {
    const all = (await get('category=school,hospital')).json();
    expect(all.unitKinds).toBeNull();
    const { rows: every } = await listUnitRows(t.app.platform.db, { roots: [''], dispatchable: true, limit: 10_000 });
    const { rows: patrol } = await listUnitRows(t.app.platform.db, { roots: [''], dispatchable: true, kinds: PATROL_UNIT_KINDS, limit: 10_000 });
    expect(all.units).toBe(every.length);
    expect((await get('category=school')).json().units).toBe(patrol.length);
    expect(patrol.length).toBeLessThan(every.length);
  });

  it('counts only the places open in a time window: built-in school hours, OSM hours, a jurisdiction\'s defaults', async () => {
    const schoolDays = (await get('category=school&window=07:30-08:30&days=Mo,Tu,We,Th,Fr')).json();
    expect(schoolDays).toMatchObject({ places: 19, outsideWindow: 0, window: { hours: '07:30-08:30', days: ['Mo', 'Tu', 'We', 'Th', 'Fr'] } });
    expect((schoolDays.items as { hoursSource: string; hours: string }[]).every((i) => i.hoursSource === 'default' && i.hours === 'Mo-Fr 07:00-17:00')).toBe(true);
    const weekend = (await get('category=school&window=07:30-08:30&days=Sa,Su')).json();
    expect(weekend).toMatchObject({ places: 0, outsideWindow: 19, items: [] });
    expect(weekend.tiers.every((x: { covered: number }) => x.covered === 0)).toBe(true);
    // Without a window every place counts, whatever its hours.
    expect((await get('category=school')).json()).toMatchObject({ places: 19, outsideWindow: 0, window: null });

    // Oberland's schools open at 08:00 by its own default; one Vaduz school tags its own hours in OSM.
    const oberland = await jurisdictionByPath(t.app, 'li.oberland');
    const set = await t.app.inject({ method: 'PUT', url: `/api/v1/coverage/settings/${oberland.id}`, headers: { cookie: admin }, payload: { categoryHours: { school: 'Mo-Fr 08:00-16:00' }, moveUpThreshold: 0.8, moveUpMinutes: 3 } });
    expect(set.statusCode, set.body).toBe(200);
    expect(set.json()).toMatchObject({ setAt: 'li.oberland', categoryHours: { school: 'Mo-Fr 08:00-16:00', kindergarten: 'Mo-Fr 07:00-18:00' } });
    const schools = await keyPlacePoints(t.app.platform.db, { roots: [''], category: ['school'] });
    const inOberland = schools.filter((s) => s.jurisdictionPath.startsWith('li.oberland'));
    expect(inOberland.length).toBeGreaterThan(1);
    const early = inOberland[0]!;
    await t.app.platform.db.execute(sql`update places set opening_hours = 'Mo-Fr 07:15-15:00' where id = ${early.id}`);
    keyPlaceListOf(t.app.platform).drop(); // SQL bypasses the commands: no place event
    const morning = (await get('category=school&window=07:00-07:45&days=Mo')).json();
    const counted = new Set((morning.items as { id: string }[]).map((i) => i.id));
    expect(morning.places).toBe(19 - inOberland.length + 1);
    expect(morning.outsideWindow).toBe(inOberland.length - 1);
    expect(counted.has(early.id)).toBe(true);
    expect((morning.items as { id: string; hoursSource: string }[]).find((i) => i.id === early.id)!.hoursSource).toBe('place');
    expect(inOberland.slice(1).every((s) => !counted.has(s.id))).toBe(true);
    // A settings row in force below: the Oberland default for a Vaduz school, read back.
    const vaduz = await jurisdictionByPath(t.app, 'li.oberland.vaduz');
    expect((await t.app.inject({ url: `/api/v1/coverage/settings/${vaduz.id}`, headers: { cookie: admin } })).json()).toMatchObject({ setAt: 'li.oberland', version: null });

    // Placement demand is weighted by the share of the window each school is open.
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/coverage/placements', headers: { cookie: admin }, payload: { kind: 'mclp', p: 19, minutes: 30, demand: { categories: ['school'], window: '07:00-07:45', days: ['Mo'] }, candidates: { sources: ['places'] } } });
    expect(res.statusCode, res.body).toBe(200);
    // Every counted school can get its own post: the weight covered is the sum of their open shares,
    // 1 for the schools outside Oberland (open 07:00-17:00) and 30/45 for the one opening at 07:15.
    const fullyOpen = 19 - inOberland.length;
    expect(res.json().demand).toBe(fullyOpen + 1);
    expect(res.json().objective).toBeCloseTo(fullyOpen + 30 / 45, 6);
    const closed = await t.app.inject({ method: 'POST', url: '/api/v1/coverage/placements', headers: { cookie: admin }, payload: { kind: 'mclp', p: 2, demand: { categories: ['school'], window: '07:00-08:00', days: ['Su'] } } });
    expect(closed.statusCode, closed.body).toBe(422);
    expect(closed.body).toContain('body.demand.window');
    await t.app.platform.db.execute(sql`update places set opening_hours = null where id = ${early.id}`);
    keyPlaceListOf(t.app.platform).drop(); // SQL bypasses the commands: no place event
    await t.app.platform.db.execute(sql`delete from coverage_settings`);
  });

  it('refuses a window that cannot be read, naming it', async () => {
    for (const bad of ['window=08:30-07:30', 'window=7:30-8:30', 'window=07:30-08:30&days=Mo,Xx']) {
      const res = await get(`category=school&${bad}`);
      expect(res.statusCode, bad).toBe(400);
      expect(res.body).toContain(bad.includes('Xx') ? 'days' : 'window');
    }
  });

  it('follows an AVL fix on the maintained state, and answers as the full recompute does', async () => {
    const before: Item[] = (await get('category=school')).json().items;
    const pick = before.find((i) => i.nearestUnit && i.seconds !== null)!;
    const farthest = before.find((i) => i.id !== pick.id && !i.offRoad)!;
    const li = await jurisdictionByPath(t.app, 'li');
    const gateway = await t.app.inject({ method: 'POST', url: '/api/v1/staff', headers: { cookie: admin }, payload: { username: 'coverage-gateway', displayName: 'Coverage AVL gateway', kind: 'device', jurisdictionId: li.id, grants: [{ role: 'unit_member', jurisdictionId: li.id }] } });
    expect(gateway.statusCode, gateway.body).toBe(201);
    const token = (await t.app.inject({ method: 'POST', url: `/api/v1/staff/${gateway.json().id}/tokens`, headers: { cookie: admin }, payload: { name: 'gateway' } })).json().token;
    // The unit nearest a school drives to the worst covered one.
    const fix = await t.app.inject({ method: 'POST', url: '/api/v1/avl/positions', headers: { authorization: `Bearer ${token}` }, payload: { fixes: [{ unitId: pick.nearestUnit!.id, location: farthest.location, at: t.app.platform.clock().toISOString(), speedKmh: 30 }] } });
    expect(fix.statusCode, fix.body).toBe(200);
    await expect.poll(() => livePositionsOf(t.app.platform).get(pick.nearestUnit!.id)?.lon, { timeout: 10_000 }).toBe(farthest.location[0]);
    const after = (await get('category=school')).json();
    // The reference: the full computation over the same units (as the database and the live positions give them) and places.
    const units = await availableUnits(t.app.platform, [''], [...PATROL_UNIT_KINDS]);
    expect(units.find((u) => u.id === pick.nearestUnit!.id)!.lon).toBe(farthest.location[0]);
    const places = await keyPlacePoints(t.app.platform.db, { roots: [''], category: ['school'] });
    const ref = liveCoverage(graphs, units, places);
    expect(after.tiers).toEqual(ref.tiers);
    expect(after.units).toBe(ref.units);
    expect((after.items as Item[]).map((i) => [i.id, i.seconds, i.tier])).toEqual(ref.items.map((i) => [i.id, i.seconds, i.tier]));
    expect((after.items as Item[]).find((i) => i.id === farthest.id)!.seconds).toBeLessThanOrEqual(60);
  });

  it('follows the units: a unit going off duty takes its places with it', async () => {
    const before: Item[] = (await get('category=school,kindergarten')).json().items;
    const pick = before.find((i) => i.tier === 1 && i.nearestUnit)!;
    expect(pick, 'some place is within a minute of a unit').toBeDefined();
    const off = await t.app.inject({ method: 'POST', url: `/api/v1/units/${pick.nearestUnit!.id}/actions`, headers: { cookie: admin }, payload: { action: 'off_duty' } });
    expect(off.statusCode, off.body).toBe(200);
    const after = (await get('category=school,kindergarten')).json();
    const again = (after.items as Item[]).find((i) => i.id === pick.id)!;
    expect(again.nearestUnit?.id).not.toBe(pick.nearestUnit!.id);
    expect(again.seconds ?? Infinity).toBeGreaterThanOrEqual(pick.seconds!);
    expect((after.items as Item[]).every((i) => i.nearestUnit?.id !== pick.nearestUnit!.id)).toBe(true);
  });

  it('scopes the places to a jurisdiction subtree, and refuses what the caller may not see', async () => {
    const vaduz = await jurisdictionByPath(t.app, 'li.oberland.vaduz');
    const res = await get(`jurisdictionId=${vaduz.id}`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().jurisdiction.path).toBe('li.oberland.vaduz');
    expect((res.json().items as { jurisdictionPath: string }[]).every((i) => i.jurisdictionPath.startsWith('li.oberland.vaduz'))).toBe(true);
    const schaanDispatcher = await createUser(t.app, 'dispatcher', 'li.oberland.schaan');
    expect((await get(`jurisdictionId=${vaduz.id}`, schaanDispatcher.cookie)).statusCode).toBe(404);
    const bad = await get('category=school,castle');
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('category');
    expect((await get('unitKind=spaceship')).statusCode).toBe(400);
  });

  describe('placement', () => {
    const plan = (payload: object) => t.app.inject({ method: 'POST', url: '/api/v1/coverage/placements', headers: { cookie: admin }, payload });

    it('places 3 posts covering the most schools within 3 minutes, exactly, and the heuristic is no better', async () => {
      const res = await plan({ kind: 'mclp', p: 3, minutes: 3, demand: { categories: ['school'] } });
      expect(res.statusCode, res.body).toBe(200);
      const exact = res.json();
      expect(exact).toMatchObject({ kind: 'mclp', method: 'exact', p: 3, minutes: 3, demand: 19, gap: 0, timedOut: false, unitKind: 'patrol_car' });
      expect(exact.posts).toHaveLength(3);
      // The objective is what the posts really cover, by road travel times from them on the unit kind's profile.
      const schools = await keyPlacePoints(t.app.platform.db, { roots: [''], category: ['school'] });
      const targets = schools.map((s) => graph.snapper.snap([s.lon, s.lat]));
      const covered = (posts: { location: [number, number] }[], travel: RoadGraph) => {
        const best = new Float64Array(targets.length).fill(Infinity);
        for (const post of posts) oneToMany(travel, graph.snapper.snap(post.location), targets).forEach((s, i) => { best[i] = Math.min(best[i]!, s); });
        return Array.from(best).filter((s) => s <= 180).length;
      };
      expect(exact.objective).toBe(covered(exact.posts, travelGraphOf(graphs, 'patrol_car')));
      // A foot patrol is timed as a car (no lights and sirens): its posts cover what a car reaches from them.
      const foot = (await plan({ kind: 'mclp', p: 3, minutes: 3, demand: { categories: ['school'] }, unitKind: 'foot_patrol' })).json();
      expect(foot).toMatchObject({ unitKind: 'foot_patrol', method: 'exact', gap: 0 });
      expect(foot.objective).toBe(covered(foot.posts, graphs.car));
      expect(foot.objective).toBeLessThanOrEqual(exact.objective);
      expect((await plan({ kind: 'mclp', p: 3, unitKind: 'spaceship' })).statusCode).toBe(400);
      expect(exact.summary).toBeCloseTo(exact.objective / 19, 9);
      const heuristic = (await plan({ kind: 'mclp', p: 3, minutes: 3, demand: { categories: ['school'] }, method: 'heuristic' })).json();
      expect(heuristic.method).toBe('heuristic');
      expect(heuristic.objective).toBeLessThanOrEqual(exact.objective);
      expect(heuristic.bound).toBeGreaterThanOrEqual(exact.objective - 1e-6);
      const median = await plan({ kind: 'p-median', p: 2, demand: { categories: ['school', 'kindergarten'], weights: { kindergarten: 2 } }, candidates: { sources: ['stations'] } });
      expect(median.statusCode, median.body).toBe(200);
      expect(median.json()).toMatchObject({ kind: 'p-median', method: 'exact', gap: 0, minutes: null });
      expect((median.json().posts as { source: string }[]).every((p) => p.source === 'station')).toBe(true);
    });

    it('refuses impossible and oversized models with a problem naming the field', async () => {
      const field = async (payload: object) => {
        const res = await plan(payload);
        return { status: res.statusCode, code: res.json().code, fields: (res.json().errors ?? res.json().fields ?? []).map((f: { path: string }) => f.path), body: res.body };
      };
      expect(await field({ kind: 'mclp', p: 500, minutes: 3 })).toMatchObject({ status: 422, code: 'PLACEMENT_MODEL_INVALID' });
      expect((await field({ kind: 'mclp', p: 500, minutes: 3 })).body).toContain('body.p');
      expect((await field({ kind: 'mclp', p: 2, minutes: 0 })).body).toContain('body.minutes');
      expect((await field({ kind: 'mclp', p: 2, minutes: -1 })).status).toBe(422);
      const negative = await field({ kind: 'p-median', p: 2, demand: { weights: { school: -1 } } });
      expect(negative).toMatchObject({ status: 422, code: 'PLACEMENT_MODEL_INVALID' });
      expect(negative.body).toContain('body.demand.weights.school');
      expect((await field({ kind: 'mclp', p: 2, demand: { categories: ['explosives_magazine'] } })).body).toContain('body.demand');
      // 1,000 drawn points on roads and the stations and places: more candidates than the limit.
      const points = Array.from({ length: graph.nodeCount }, (_, v) => v).filter((v) => graph.mainNetwork[v] === 1 && v % 3 === 0).slice(0, 1000).map((v) => [graph.data.nodeLon[v]!, graph.data.nodeLat[v]!]);
      const big = await field({ kind: 'mclp', p: 2, method: 'exact', demand: { categories: ['school', 'kindergarten', 'fuel_station', 'fire_station', 'police_station', 'hospital', 'crowded_place', 'other'] }, candidates: { sources: ['stations', 'places'], points } });
      expect(points).toHaveLength(1000);
      expect(big, big.body).toMatchObject({ status: 413, code: 'PLACEMENT_TOO_LARGE' });
      expect(big.body).toContain('the limit is 1000');
      expect(big.body).toContain('body.candidates');
      // An exact solve is refused above its own, smaller limit (the heuristic takes such models).
      const exactBig = await field({ kind: 'mclp', p: 2, method: 'exact', demand: { categories: ['school', 'kindergarten', 'fuel_station', 'fire_station', 'police_station', 'hospital'] }, candidates: { sources: ['stations', 'places'], points: points.slice(0, 960) } });
      expect(exactBig.body).toMatch(/limited to 50000|limit is 1000/);
      expect(exactBig.status).toBe(413);
      const fraction = await field({ kind: 'mclp', p: 2.5 });
      expect(fraction.status).toBe(400);
      expect(fraction.body).toContain('body.p');
      expect((await field({ kind: 'center', p: 2 })).status).toBe(400);
    });
  });
});
