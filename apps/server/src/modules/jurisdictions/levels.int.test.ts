import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseLevels, type LevelConfig } from '../../config-levels.js';
import { rows } from '../../platform/db/client.js';
import { ensureWorld } from '../../world.js';
import { escalateDirectives } from '../directives/index.js';
import { loginAdmin, startTestApp, type TestApp } from '../../../test/harness.js';
import { TEST_ADMIN_PASSWORD } from '../../../test/template.js';
import { DEMO_PBF, importOsmFile } from './index.js';

const HOUR = 3_600_000;
const levels = (text: string, names?: string): LevelConfig => parseLevels(text, names).levels!;
const square = ([lon, lat]: readonly [number, number], half: number) => ({
  type: 'Polygon', coordinates: [[[lon - half, lat - half], [lon + half, lat - half], [lon + half, lat + half], [lon - half, lat + half], [lon - half, lat - half]]],
});

/**
 * Deployments made from scratch (an empty database, the demo off) at three and at five levels:
 * the tree is built through the API at that depth, and the rules hold at every level.
 */
describe.each([
  { depth: 3, config: levels('national,city,station') },
  { depth: 5, config: levels('national,province,city,district,station', 'station=Police station|派出所') },
])('a deployment at $depth levels', ({ depth, config }) => {
  let t: TestApp;
  let cookie: string;
  let now = new Date('2026-06-01T08:00:00.000Z');
  /** The chain root → … → deepest level, one jurisdiction per level. */
  const chain: { id: string; path: string; level: string }[] = [];
  const post = (payload: object) => t.app.inject({ method: 'POST', url: '/api/v1/jurisdictions', headers: { cookie }, payload });
  const get = (url: string) => t.app.inject({ method: 'GET', url: `/api/v1${url}`, headers: { cookie } });

  beforeAll(async () => {
    t = await startTestApp({ empty: true, config: { levels: config }, clock: () => now });
    await ensureWorld(t.app.platform, { ...t.config, adminPassword: TEST_ADMIN_PASSWORD }, () => undefined);
    cookie = await loginAdmin(t.app);
  }, 120_000);
  afterAll(async () => t?.close());

  it('names its levels in both languages at GET /jurisdictions/levels, and the root is at the first', async () => {
    const res = await get('/jurisdictions/levels');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual(config.info);
    expect(res.json().map((l: { depth: number }) => l.depth)).toEqual(Array.from({ length: depth }, (_, i) => i + 1));
    const [root] = (await get('/jurisdictions')).json();
    expect(root).toMatchObject({ path: 'national', level: 'national', children: [] });
    chain.push({ id: root.id, path: root.path, level: root.level });
  });

  it(`builds a tree ${depth} deep through the API, each boundary inside its parent's`, async () => {
    for (let i = 1; i < depth; i++) {
      const key = config.keys[i]!;
      const res = await post({ parentId: chain.at(-1)!.id, name: `${key} ${i}`, slug: key, level: key, boundary: square([9.52, 47.14], 0.05 / i) });
      expect(res.statusCode, res.body).toBe(201);
      chain.push({ id: res.json().id, path: res.json().path, level: res.json().level });
    }
    expect(chain.map((c) => c.level)).toEqual(config.keys);
    expect(chain.at(-1)!.path.split('.')).toHaveLength(depth);
    let node = (await get('/jurisdictions')).json()[0];
    for (let i = 1; i < depth; i++) node = node.children[0];
    expect(node).toMatchObject({ level: config.keys.at(-1), children: [] });
  });

  it('finds every level holding a point, deepest first', async () => {
    const res = await get('/jurisdictions/lookup?lon=9.52&lat=47.14');
    expect(res.statusCode, res.body).toBe(200);
    // The root was made without a boundary; every level below it holds the point.
    expect(res.json().map((j: { level: string }) => j.level)).toEqual(config.keys.slice(1).reverse());
  });

  it('refuses a level that is not configured with a 422 naming body.level, and writes nothing', async () => {
    const before = await count(t);
    const res = await post({ parentId: chain[0]!.id, name: 'Old style', level: 'region' });
    expect(res.statusCode).toBe(422);
    expect(res.json()).toMatchObject({ code: 'JURISDICTION_LEVEL_INVALID', errors: [{ path: 'body.level', message: `"region" is not one of the configured levels (${config.keys.join(', ')})` }] });
    expect(await count(t)).toBe(before);
  });

  it('refuses a child that is not deeper than its parent (same level, or above), and accepts one that skips levels', async () => {
    const second = chain[1]!;
    for (const level of [second.level, config.keys[0]!]) {
      const res = await post({ parentId: second.id, name: `Not deeper ${level}`, level });
      expect(res.statusCode, res.body).toBe(422);
      expect(res.json()).toMatchObject({ code: 'JURISDICTION_LEVEL_INVALID', errors: [{ path: 'body.level', message: expect.stringContaining(`must be deeper than the parent's level "${second.level}"`) }] });
    }
    const under = await post({ parentId: chain.at(-1)!.id, name: 'Below the deepest', level: config.keys.at(-1) });
    expect(under.json().errors[0].message).toContain('nothing is deeper');
    const skipping = await post({ parentId: second.id, name: 'Skips levels', slug: 'skipper', level: config.keys.at(-1) });
    expect(skipping.statusCode, skipping.body).toBe(201);
  });

  it('rolls a directive issued at the root up from the deepest level, and escalates a late one to its parent', async () => {
    const deepest = chain.at(-1)!;
    const issued = await t.app.inject({ method: 'POST', url: '/api/v1/directives', headers: { cookie }, payload: {
      issuerJurisdictionId: chain[0]!.id, title: 'Level check', content: 'Confirm the duty roster.', requiredActions: ['Confirm'],
      targetJurisdictionIds: [deepest.id], acknowledgeBy: new Date(now.getTime() + HOUR).toISOString(), reportBy: new Date(now.getTime() + 24 * HOUR).toISOString(),
    } });
    expect(issued.statusCode, issued.body).toBe(201);
    const id = issued.json().id;
    // At every level above the target, the one child on the way down counts it.
    for (let i = 0; i < depth - 1; i++) {
      const rollup = (await get(`/directives/${id}/rollup?jurisdictionId=${chain[i]!.id}`)).json();
      expect(rollup.children, `at ${chain[i]!.path}`).toEqual([expect.objectContaining({ jurisdictionId: chain[i + 1]!.id, targets: 1, acknowledged: 0 })]);
    }
    now = new Date(now.getTime() + 2 * HOUR);
    expect(await escalateDirectives(t.app.platform.command)).toBe(1);
    const [escalated] = await rows<{ path: string }>(t.app.platform.db, sql`select jurisdiction_path::text as path from outbox where type = 'directives.escalated' and data->>'directiveId' = ${id}`);
    expect(escalated!.path).toBe(chain.at(-2)!.path);
    cookie = await loginAdmin(t.app);
    const ack = await t.app.inject({ method: 'POST', url: `/api/v1/directives/${id}/targets/${deepest.id}/acknowledgement`, headers: { cookie }, payload: {} });
    expect(ack.statusCode, ack.body).toBe(200);
    const top = (await get(`/directives/${id}/rollup`)).json();
    expect(top.children).toEqual([expect.objectContaining({ jurisdictionId: chain[1]!.id, targets: 1, acknowledged: 1, acknowledgementOverdue: 0 })]);
  });
});

async function count(t: TestApp): Promise<number> {
  const [row] = await rows<{ n: number }>(t.app.platform.db, sql`select count(*)::int as n from jurisdictions`);
  return row!.n;
}

describe('an OSM import at five levels with --levels', () => {
  let t: TestApp;
  const five = levels('national,province,city,district,station');
  beforeAll(async () => {
    t = await startTestApp({ empty: true, config: { levels: five } });
  }, 120_000);
  afterAll(async () => t?.close());

  it('lays the admin_levels given onto the configured levels and reports the ones left out', async () => {
    const summary = await importOsmFile(t.app.platform.command, { actor: null, actorName: 'test', requestId: null }, DEMO_PBF, { countryCode: 'li', levels: five.keys, levelsOption: '2:national,6:province,8:city' });
    expect(summary.roots).toEqual(['li']);
    expect(summary.created).toBe(1 + 2 + 11);
    expect(summary.unmapped).toEqual([{ adminLevel: 4, count: 3, names: ['Graubünden - Grigioni - Grischun', 'Sankt Gallen', 'Vorarlberg'] }]);
    const byLevel = await rows<{ level: string; n: number; admin: number }>(t.app.platform.db, sql`select level, count(*)::int as n, min(admin_level) as admin from jurisdictions group by level order by 3`);
    expect(byLevel).toEqual([{ level: 'national', n: 1, admin: 2 }, { level: 'province', n: 2, admin: 6 }, { level: 'city', n: 11, admin: 8 }]);
  });

  it('refuses a --levels that names an unconfigured level before reading the file', async () => {
    await expect(importOsmFile(t.app.platform.command, { actor: null, actorName: 'test', requestId: null }, '/nonexistent.pbf', { levels: five.keys, levelsOption: '2:national,8:municipality' }))
      .rejects.toThrow('--levels: "municipality" is not a configured level (FIREBREAK_LEVELS: national, province, city, district, station)');
  });
});

describe('the demo at five levels', () => {
  let t: TestApp;
  const five = levels('national,province,city,district,station');
  beforeAll(async () => {
    t = await startTestApp({ empty: true, config: { levels: five } });
  }, 120_000);
  afterAll(async () => t?.close());

  it('lays the demo country onto the first three levels, with its staff, forces and agreements by depth', { timeout: 180_000 }, async () => {
    const accounts = await ensureWorld(t.app.platform, { ...t.config, demo: true, adminPassword: TEST_ADMIN_PASSWORD }, () => undefined);
    const byLevel = await rows<{ level: string; n: number }>(t.app.platform.db, sql`select level, count(*)::int as n from jurisdictions group by level order by min(nlevel(path))`);
    expect(byLevel).toEqual([{ level: 'national', n: 1 }, { level: 'province', n: 2 }, { level: 'city', n: 11 }]);
    // A duty officer per region (depth 2) and per municipality (depth 3, ADR 0008).
    const dutyPaths = accounts.filter((a) => a.role === 'duty_officer').map((a) => a.jurisdictionPath);
    expect(dutyPaths.filter((p) => p.split('.').length === 2).sort()).toEqual(['li.oberland', 'li.unterland']);
    expect(dutyPaths.filter((p) => p.split('.').length === 3)).toHaveLength(11);
    expect(accounts.filter((a) => a.role === 'dispatcher')).toHaveLength(11);
    const [units] = await rows<{ n: number }>(t.app.platform.db, sql`select count(*)::int as n from units`);
    expect(units!.n).toBe(24);
    const [agreements] = await rows<{ n: number }>(t.app.platform.db, sql`select count(*)::int as n from mutual_aid_agreements`);
    expect(agreements!.n).toBe(21);
  });
});
