import { oneToMany, type RoadGraph } from '@firebreak/roadgraph';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser, jurisdictionByPath, loginAdmin, startTestApp, type TestApp } from '../../../test/harness.js';
import { deploymentRoadNetwork } from '../dispatch/index.js';
import { keyPlacePoints } from '../places/index.js';
import { listUnitRows } from '../units/index.js';

type Item = { id: string; name: string; seconds: number | null; tier: 1 | 3 | 5 | null; nearestUnit: { id: string; callSign: string } | null; offRoad: boolean; category: string };

describe('live coverage', () => {
  let t: TestApp;
  let admin: string;
  let graph: RoadGraph;
  const get = (query: string, cookie = admin) => t.app.inject({ url: `/api/v1/coverage?${query}`, headers: { cookie } });

  /** The obvious way: one plain Dijkstra from each available unit, the best time per place. */
  async function bruteForce(category: string): Promise<Map<string, { seconds: number; unit: string | null }>> {
    const { rows } = await listUnitRows(t.app.platform.db, { roots: [''], dispatchable: true, limit: 10_000 });
    const places = await keyPlacePoints(t.app.platform.db, { roots: [''], category: [category] });
    const targets = places.map((p) => graph.snapper.snap([p.lon, p.lat]));
    const best = new Map(places.map((p) => [p.id, { seconds: Infinity, unit: null as string | null }]));
    for (const u of rows) {
      const times = oneToMany(graph, graph.snapper.snap([Number(u.homeLon), Number(u.homeLat)]), targets, { engine: 'dijkstra' });
      places.forEach((p, j) => { if (times[j]! < best.get(p.id)!.seconds) best.set(p.id, { seconds: times[j]!, unit: u.id }); });
    }
    return best;
  }

  beforeAll(async () => {
    t = await startTestApp();
    admin = await loginAdmin(t.app);
    graph = (await deploymentRoadNetwork(t.app.platform.config)).graph;
  }, 120_000);
  afterAll(async () => t?.close());

  it("gives the demo country's 19 schools the times and tiers of a brute-force Dijkstra from each available unit", async () => {
    const res = await get('category=school');
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.places).toBe(19);
    expect(body.units).toBeGreaterThan(0);
    const brute = await bruteForce('school');
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
      expect(exact).toMatchObject({ kind: 'mclp', method: 'exact', p: 3, minutes: 3, demand: 19, gap: 0, timedOut: false });
      expect(exact.posts).toHaveLength(3);
      // The objective is what the posts really cover, by road travel times from them.
      const schools = await keyPlacePoints(t.app.platform.db, { roots: [''], category: ['school'] });
      const targets = schools.map((s) => graph.snapper.snap([s.lon, s.lat]));
      const best = new Float64Array(targets.length).fill(Infinity);
      for (const post of exact.posts as { location: [number, number] }[]) {
        oneToMany(graph, graph.snapper.snap(post.location), targets).forEach((s, i) => { best[i] = Math.min(best[i]!, s); });
      }
      expect(exact.objective).toBe(Array.from(best).filter((s) => s <= 180).length);
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
