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
});
