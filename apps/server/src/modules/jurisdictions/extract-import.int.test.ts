import { sql } from 'drizzle-orm';
import { DEFAULT_JURISDICTION_LEVELS } from '@firebreak/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { startTestApp, type TestApp } from '../../../test/harness.js';
import { rows } from '../../platform/db/client.js';
import { ensureWorld } from '../../world.js';
import { importOsmPlacesFile } from '../places/index.js';
import { mapAdminLevels } from './admin-levels.js';
import { checkTree } from './check-tree.js';
import { parseWithin } from './extract-bounds.js';
import { bboxArea } from './extract-bounds.js';
import { DEMO_PBF, importOsmFile } from './import-file.js';
import { importAdminBoundaries, type ImportSummary } from './import-osm.js';
import { readAdminBoundaries, type AdminBoundary, type LonLat } from './osm-boundaries.js';

/**
 * Issue 20: a US city's extract (Baltimore, cut to a rectangle by osmconvert, admin levels 6 and 8
 * only, every boundary cut by its edge) on a fresh deployment without the demo. It used to create
 * nothing: every boundary "clipped by the extract", every key place "outside every jurisdiction".
 */
const BALTIMORE = new URL('../../../../../data/osm/baltimore.osm.pbf', import.meta.url).pathname;
const ctx = { actor: null, actorName: 'test', requestId: null };
const CLIPPED = ['Baltimore', 'Baltimore County', 'Dundalk', 'Rosedale'];

describe('import osm: a clipped city extract with no national boundary', () => {
  let t: TestApp;
  let first: ImportSummary;
  const tree = async () => rows<{ path: string; name: string; osm_id: string | null; km2: number }>(t.app.platform.db,
    sql`select path::text as path, name, osm_id, ST_Area(boundary::geography) / 1e6 as km2 from jurisdictions order by path`);

  beforeAll(async () => {
    t = await startTestApp({ empty: true });
    first = await importOsmFile(t.app.platform.command, ctx, BALTIMORE, { countryCode: 'us', rootName: 'Baltimore area' });
  }, 180_000);
  afterAll(async () => t?.close());

  it('repairs every boundary the extract cut and hangs them under a root made from its bounds', async () => {
    expect(first.skipped).toEqual([]);
    expect(first.extractRoot).toEqual({ path: 'us', name: 'Baltimore area', created: true });
    expect(first.created).toBe(5);
    expect(first.clipped.map((c) => c.name).sort()).toEqual(CLIPPED);
    for (const c of first.clipped) expect(c.replacedM, c.name).toBeGreaterThan(0);
    const byName = Object.fromEntries(first.clipped.map((c) => [c.name, c]));
    // Baltimore's only ways in the extract are its straight eastern border: the rest of the box's
    // edge (west, north, south: about 6.8 + 2 × 5.3 km) closes it.
    expect(byName.Baltimore!.replacedM).toBeGreaterThan(15_000);
    expect(byName.Baltimore!.missingWays).toBe(12);

    const j = await tree();
    expect(j.map((r) => r.path)).toEqual(['us', 'us.baltimore', 'us.baltimore_county', 'us.baltimore_county.dundalk', 'us.baltimore_county.rosedale']);
    const km2 = Object.fromEntries(j.map((r) => [r.name, Number(r.km2)]));
    // The box is ~6.8 km × 5.3 km; the city is all of it west of its eastern border line.
    expect(km2.Baltimore!).toBeGreaterThan(30);
    expect(km2['Baltimore County']!).toBeLessThan(1);
    expect(km2['Baltimore area']!).toBeGreaterThanOrEqual(km2.Baltimore! + km2['Baltimore County']! - 0.01);
    expect(await checkTree(t.app.platform.db)).toEqual([]);
  });

  it('records the repair in the audit trail of each boundary', async () => {
    const audited = await rows<{ after: { name: string; clipped?: { replacedM: number; missingWays: number } } }>(t.app.platform.db,
      sql`select after from audit_log where action = 'jurisdictions.created' and after ? 'clipped'`);
    expect(audited.map((a) => a.after.name).sort()).toEqual(CLIPPED);
    expect(audited.every((a) => a.after.clipped!.replacedM > 0 && a.after.clipped!.missingWays > 0)).toBe(true);
  });

  it('puts the key places of the extract inside jurisdictions, most of them in the city', async () => {
    const places = await importOsmPlacesFile(t.app.platform.command, ctx, BALTIMORE);
    expect(places).toMatchObject({ created: 126, outside: 0 });
    const [inCity] = await rows<{ n: number }>(t.app.platform.db, sql`select count(*)::int as n from places p join jurisdictions j on j.id = p.jurisdiction_id where j.path = 'us.baltimore'`);
    expect(Number(inCity!.n)).toBeGreaterThan(100);
  });

  it('re-importing changes nothing: the same paths, nothing created', async () => {
    const before = await tree();
    const again = await importOsmFile(t.app.platform.command, ctx, BALTIMORE, { countryCode: 'us', rootName: 'Baltimore area' });
    expect(again).toMatchObject({ created: 0, updated: 5, skipped: [] });
    expect(again.extractRoot).toMatchObject({ path: 'us', created: false });
    const after = await tree();
    expect(after.map((r) => r.path)).toEqual(before.map((r) => r.path));
    for (const [i, r] of after.entries()) expect(r.km2).toBeCloseTo(before[i]!.km2, 6);
    expect(await importOsmPlacesFile(t.app.platform.command, ctx, BALTIMORE)).toMatchObject({ created: 0, outside: 0 });
  });
});

describe('import osm --within', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ empty: true });
  }, 180_000);
  afterAll(async () => t?.close());

  it('leaves out a boundary wholly outside the area of interest and closes the rest along it', async () => {
    // South of 39.295: Rosedale (north of the Dundalk/Rosedale line at 39.299) lies wholly outside.
    const within = await parseWithin('-76.6081,39.2586,-76.5288,39.295');
    const summary = await importOsmFile(t.app.platform.command, ctx, BALTIMORE, { countryCode: 'us', within });
    expect(summary.excluded).toEqual([{ osmId: 133425, name: 'Rosedale', reason: 'wholly outside the --within area' }]);
    expect(summary.clipped.map((c) => c.name).sort()).toEqual(['Baltimore', 'Baltimore County', 'Dundalk']);
    const [north] = await rows<{ n: number }>(t.app.platform.db, sql`select max(ST_YMax(boundary)) as n from jurisdictions where osm_id is not null`);
    expect(Number(north!.n)).toBeLessThanOrEqual(39.295 + 1e-6);
  });

  it('refuses a --within that is neither a bbox nor a GeoJSON area, naming it', async () => {
    await expect(parseWithin('-76.5,39.3,-76.6,39.2')).rejects.toThrow(/--within: .*west < east/);
    await expect(parseWithin('/nonexistent/area.geojson')).rejects.toThrow(/--within: neither a bbox/);
  });
});

describe('repairing against the truth: Liechtenstein cut to a box the way an extract tool cuts it', () => {
  let t: TestApp;
  afterAll(async () => t?.close());

  it('gives each cut boundary exactly its true part of the box (regions and municipalities, no national boundary)', async () => {
    t = await startTestApp({ empty: true });
    // The northern third: Unterland and its five municipalities whole, Oberland and three of its municipalities cut.
    const box = [9.48, 47.17, 9.6, 47.28] as const;
    const inBox = ([lon, lat]: LonLat) => lon >= box[0] && lon <= box[2] && lat >= box[1] && lat <= box[3];
    const complete = (await readAdminBoundaries(DEMO_PBF)).filter((b) => b.missingWays === 0 && b.adminLevel > 2);
    // A complete-ways extract: a way with a node in the box is kept whole, every other way is gone.
    const cut: AdminBoundary[] = complete.flatMap((b) => {
      const outer = b.outer.filter((l) => l.some(inBox));
      const inner = b.inner.filter((l) => l.some(inBox));
      const missingWays = b.outer.length + b.inner.length - outer.length - inner.length;
      return outer.length + inner.length > 0 ? [{ ...b, outer, inner, missingWays }] : [];
    });
    expect(cut.filter((b) => b.missingWays > 0).map((b) => b.name).sort()).toEqual(['Planken', 'Schaan', 'Vaduz', 'Wahlkreis Oberland']);

    const area = bboxArea(box);
    const mapping = mapAdminLevels({ levels: DEFAULT_JURISDICTION_LEVELS, countryCode: 'li', present: cut.map((b) => b.adminLevel) });
    const levelOf = (a: number) => mapping.byAdminLevel.get(a)!;
    const summary = await importAdminBoundaries(t.app.platform.command, ctx, cut, { countryCode: 'xx', bounds: area, levelOf, rootLevel: DEFAULT_JURISDICTION_LEVELS[0] });
    expect(summary.skipped).toEqual([]);
    expect(summary.roots).toEqual(['xx']);

    const boxSql = sql`ST_SetSRID(ST_GeomFromGeoJSON(${JSON.stringify(area)}), 4326)`;
    for (const b of complete) {
      const lines = JSON.stringify({ type: 'MultiLineString', coordinates: [...b.outer, ...b.inner] });
      const [r] = await rows<{ truth: number; got: number | null; iou: number | null }>(t.app.platform.db, sql`with truth as (
          select ST_Intersection(ST_MakeValid(ST_BuildArea(ST_SetSRID(ST_GeomFromGeoJSON(${lines}), 4326))), ${boxSql}) as g
        ), got as (select boundary as g from jurisdictions where osm_id = ${b.osmId})
        select ST_Area(truth.g::geography) / 1e6 as truth, ST_Area(got.g::geography) / 1e6 as got,
          ST_Area(ST_Intersection(truth.g, got.g)::geography) / nullif(ST_Area(ST_Union(truth.g, got.g)::geography), 0) as iou
        from truth left join got on true`);
      if (Number(r!.truth) < 0.01) continue;
      expect(r!.got, b.name).not.toBeNull();
      expect(Number(r!.iou), b.name).toBeGreaterThan(0.999);
    }
    expect(await checkTree(t.app.platform.db)).toEqual([]);
  }, 180_000);
});

describe('import osm after a first start without the demo', () => {
  let t: TestApp;
  afterAll(async () => t?.close());

  it('adopts the bare root the first start made (the administrator is granted there) instead of making a second', async () => {
    t = await startTestApp({ empty: true });
    await ensureWorld(t.app.platform, t.config, () => undefined);
    const summary = await importOsmFile(t.app.platform.command, ctx, BALTIMORE, { countryCode: 'us' });
    expect(summary.extractRoot).toMatchObject({ path: 'national', created: false });
    expect(summary.roots).toEqual(['national']);
    const roots = await rows<{ path: string; km2: number }>(t.app.platform.db, sql`select path::text as path, ST_Area(boundary::geography) / 1e6 as km2 from jurisdictions where parent_id is null`);
    expect(roots.map((r) => r.path)).toEqual(['national']);
    expect(Number(roots[0]!.km2)).toBeGreaterThan(30);
    const [grant] = await rows<{ path: string }>(t.app.platform.db, sql`select j.path::text as path from grants g join users u on u.id = g.user_id join jurisdictions j on j.id = g.jurisdiction_id where u.username = 'admin'`);
    expect(grant!.path).toBe('national');
    const [city] = await rows<{ n: number }>(t.app.platform.db, sql`select count(*)::int as n from jurisdictions where path = 'national.baltimore'`);
    expect(Number(city!.n)).toBe(1);
  }, 180_000);
});
