import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser, loginAdmin, startTestApp, type TestApp } from '../../../test/harness.js';
import { DEMO_COUNTRY_CODE, DEMO_PBF, importOsmFile } from './index.js';

const MUNICIPALITIES = ['Balzers', 'Eschen', 'Gamprin', 'Mauren', 'Planken', 'Ruggell', 'Schaan', 'Schellenberg', 'Triesen', 'Triesenberg', 'Vaduz'];

describe('jurisdictions of the demo country', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => t?.close());

  it('shows the national administrator the whole tree: Liechtenstein > 2 regions > 11 municipalities', async () => {
    const cookie = await loginAdmin(t.app);
    const res = await t.app.inject({ url: '/api/v1/jurisdictions', headers: { cookie } });
    expect(res.statusCode).toBe(200);
    const tree = res.json();
    expect(tree).toHaveLength(1);
    expect(tree[0]).toMatchObject({ name: 'Liechtenstein', path: 'li', level: 'national' });
    const regions = tree[0].children;
    expect(regions.map((r: { path: string }) => r.path).sort()).toEqual(['li.oberland', 'li.unterland']);
    const municipalities = regions.flatMap((r: { children: { name: string }[] }) => r.children.map((c) => c.name)).sort();
    expect(municipalities).toEqual(MUNICIPALITIES);
    const unterland = regions.find((r: { path: string }) => r.path === 'li.unterland');
    expect(unterland.children.map((c: { name: string }) => c.name).sort()).toEqual(['Eschen', 'Gamprin', 'Mauren', 'Ruggell', 'Schellenberg']);
  });

  it('looks up the jurisdictions containing a point, deepest first', async () => {
    const cookie = await loginAdmin(t.app);
    // Vaduz town centre (Rathaus), and Malbun in Triesenberg.
    const vaduz = await t.app.inject({ url: '/api/v1/jurisdictions/lookup?lon=9.5215&lat=47.1410', headers: { cookie } });
    expect(vaduz.statusCode).toBe(200);
    expect(vaduz.json().map((j: { path: string }) => j.path)).toEqual(['li.oberland.vaduz', 'li.oberland', 'li']);
    const malbun = await t.app.inject({ url: '/api/v1/jurisdictions/lookup?lon=9.6100&lat=47.1020', headers: { cookie } });
    expect(malbun.json()[0].path).toBe('li.oberland.triesenberg');
    const zurich = await t.app.inject({ url: '/api/v1/jurisdictions/lookup?lon=8.54&lat=47.37', headers: { cookie } });
    expect(zurich.statusCode).toBe(404);
    expect(zurich.json().code).toBe('NO_JURISDICTION_AT_POINT');
  });

  it('returns a boundary as GeoJSON with its area', async () => {
    const cookie = await loginAdmin(t.app);
    const [vaduz] = (await t.app.inject({ url: '/api/v1/jurisdictions/lookup?lon=9.5215&lat=47.1410', headers: { cookie } })).json();
    const res = await t.app.inject({ url: `/api/v1/jurisdictions/${vaduz.id}`, headers: { cookie } });
    expect(res.statusCode).toBe(200);
    const detail = res.json();
    expect(detail.boundary.type).toBe('MultiPolygon');
    // Vaduz covers about 17.3 km².
    expect(detail.areaKm2).toBeGreaterThan(15);
    expect(detail.areaKm2).toBeLessThan(20);
  });

  it('names paths outside the caller\'s tree (a parent, a neighbour), leaves unknown paths out and names the bad field', async () => {
    const user = await createUser(t.app, 'dispatcher', 'li.oberland.vaduz');
    const res = await t.app.inject({ url: '/api/v1/jurisdictions/names?paths=li.oberland.balzers,li,li.oberland,li.nowhere,li', headers: { cookie: user.cookie } });
    expect(res.statusCode).toBe(200);
    expect(res.json().map((j: { path: string; name: string; parent: { name: string } | null; ambiguous: boolean }) => [j.path, j.name, j.parent?.name ?? null, j.ambiguous])).toEqual([
      ['li', 'Liechtenstein', null, false],
      ['li.oberland', 'Wahlkreis Oberland', 'Liechtenstein', false],
      ['li.oberland.balzers', 'Balzers', 'Wahlkreis Oberland', false],
    ]);
    // The demo country's Chinese names (demo-names.ts; its OSM boundaries have none), the parent's too.
    expect(res.json().map((j: { names: Record<string, string>; parent: { names: Record<string, string> } | null }) => [j.names['zh-CN'], j.parent?.names['zh-CN'] ?? null]))
      .toEqual([['列支敦士登', null], ['上地区', '列支敦士登'], ['巴尔采斯', '上地区']]);
    // A station named like a municipality: both are ambiguous now, and each says its parent.
    const admin = await loginAdmin(t.app);
    const [vaduz] = (await t.app.inject({ url: '/api/v1/jurisdictions/lookup?lon=9.5215&lat=47.1410', headers: { cookie: admin } })).json();
    const station = await t.app.inject({ method: 'POST', url: '/api/v1/jurisdictions', headers: { cookie: admin }, payload: { parentId: vaduz.id, name: 'Balzers', slug: 'balzers_post', level: 'station' } });
    expect(station.statusCode, station.body).toBe(201);
    const both = await t.app.inject({ url: `/api/v1/jurisdictions/names?paths=li.oberland.balzers,${station.json().path}`, headers: { cookie: user.cookie } });
    expect(both.json().map((j: { name: string; parent: { name: string }; ambiguous: boolean }) => [j.name, j.parent.name, j.ambiguous])).toEqual([['Balzers', 'Wahlkreis Oberland', true], ['Balzers', 'Vaduz', true]]);
    const bad = await t.app.inject({ url: '/api/v1/jurisdictions/names?paths=Li.Oberland', headers: { cookie: user.cookie } });
    expect(bad.statusCode).toBe(400);
    expect(JSON.stringify(bad.json())).toContain('paths');
    const anonymous = await t.app.inject({ url: '/api/v1/jurisdictions/names?paths=li' });
    expect(anonymous.statusCode).toBe(401);
  });

  it('shows a user granted in Vaduz only Vaduz', async () => {
    const user = await createUser(t.app, 'dispatcher', 'li.oberland.vaduz');
    const res = await t.app.inject({ url: '/api/v1/jurisdictions', headers: { cookie: user.cookie } });
    expect(res.json().map((j: { path: string }) => j.path)).toEqual(['li.oberland.vaduz']);
    const schaan = await t.app.inject({ url: '/api/v1/jurisdictions/lookup?lon=9.5095&lat=47.1650', headers: { cookie: user.cookie } });
    expect(schaan.statusCode).toBe(404);
  });

  it('re-importing the same file refreshes the tree in place and reports what it skipped', async () => {
    const cookie = await loginAdmin(t.app);
    const before = (await t.app.inject({ url: '/api/v1/jurisdictions', headers: { cookie } })).json();
    const summary = await importOsmFile(t.app.platform.command, { actor: null, actorName: 'test', requestId: null }, DEMO_PBF, { countryCode: DEMO_COUNTRY_CODE });
    expect(summary).toMatchObject({ created: 0, updated: 14, roots: ['li'] });
    // Neighbouring Austrian and Swiss units are cut by the edge of the extract.
    expect(summary.skipped.map((s) => s.name)).toEqual(expect.arrayContaining(['Feldkirch', 'Österreich']));
    // The Austrian and Swiss states (admin_level 4) have no level in the demo country's preset: reported, not read as regions.
    expect(summary.unmapped).toEqual([{ adminLevel: 4, count: 3, names: ['Graubünden - Grigioni - Grischun', 'Sankt Gallen', 'Vorarlberg'] }]);
    const after = (await t.app.inject({ url: '/api/v1/jurisdictions', headers: { cookie } })).json();
    expect(after).toEqual(before);
  });

  it('rejects a file that is not OSM PBF with a message naming it', async () => {
    await expect(importOsmFile(t.app.platform.command, { actor: null, actorName: 'test', requestId: null }, new URL(import.meta.url).pathname)).rejects.toThrow(/not a valid OSM PBF file/);
  });

  it('a rename shows in every language: the OSM translations of the old name are dropped with it', async () => {
    // The country's OSM boundary carries name:en, name:de, …; the web app shows names[language] before name.
    // Renamed, those would keep showing the old name to everyone reading in one of those languages.
    const cookie = await loginAdmin(t.app);
    const [li] = (await t.app.inject({ url: '/api/v1/jurisdictions', headers: { cookie } })).json();
    expect(li.names.en).toBe('Liechtenstein');
    const res = await t.app.inject({ method: 'PATCH', url: `/api/v1/jurisdictions/${li.id}`, headers: { cookie }, payload: { name: 'Principality of Liechtenstein' } });
    expect(res.statusCode).toBe(200);
    const [after] = (await t.app.inject({ url: '/api/v1/jurisdictions', headers: { cookie } })).json();
    expect(after.name).toBe('Principality of Liechtenstein');
    for (const language of ['en', 'de', 'fr', 'ru']) expect(after.names[language] ?? after.name, language).toBe('Principality of Liechtenstein');
    const [named] = (await t.app.inject({ url: '/api/v1/jurisdictions/names?paths=li', headers: { cookie } })).json();
    expect(named.names.en ?? named.name).toBe('Principality of Liechtenstein');
  });
});
