import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BoundaryImportReport } from '@firebreak/contracts';
import { sql, type SQL } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseLevels } from '../../../config-levels.js';
import { createUser, loginAdmin, startTestApp, type TestApp, type TestUser } from '../../../../test/harness.js';
import { cliEnvFor, runCli, tempDir } from '../../../../test/processes.js';
import { rows } from '../../../platform/db/client.js';
import { importBoundaryFile, type BoundaryImportOptions } from './import-boundaries.js';
import { loadSourceFile } from './read-file.js';

/**
 * Issue 20, part 3: police-station areas from an agency's own files. The fixtures (made by
 * scripts/make-boundary-fixtures.ts) hold one tree in every format: a police district cut from
 * Vaduz's real boundary, and three station areas in it, with parent codes.
 */

const FIXTURES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../../../fixtures/boundaries');
// A police district between the municipality and its stations, and posts below a station (areas
// some tests draw inside one): levels the demo's four lack.
const LEVEL_NAMES = 'post=Post|岗位';
const LEVELS = parseLevels('national,region,municipality,district,station,post', LEVEL_NAMES).levels!;
const MAPPING = { nameField: 'name', codeField: 'code', parentField: 'parent' } as const;
const DISTRICT = 'li.oberland.vaduz.polizeibezirk_vaduz';
const TREE = [
  [DISTRICT, 'Polizeibezirk Vaduz', 'LP-V', 'district'],
  [`${DISTRICT}.posten_vaduz_west`, 'Posten Vaduz West', 'LP-V-W', 'station'],
  [`${DISTRICT}.posten_vaduz_mitte`, 'Posten Vaduz Mitte', 'LP-V-M', 'station'],
  [`${DISTRICT}.posten_vaduz_ost_berggebiet`, 'Posten Vaduz Ost (Berggebiet)', 'LP-V-O', 'station'],
];

let t: TestApp;
let admin: string;
let vaduzAdmin: TestUser;
const cli = { actor: null, actorName: 'test', requestId: null };

const importFile = async (name: string, opts: Partial<BoundaryImportOptions> = {}) =>
  importBoundaryFile(t.app.platform.command, cli, await loadSourceFile(path.join(FIXTURES, name)), { ...MAPPING, ...opts }, LEVELS);
/** A GeoJSON file made in the test: features with name/code/parent and a geometry from PostGIS. */
async function geojsonOf(features: { name: string; code: string; parent: string | null; geom: SQL | object }[]) {
  const list = [];
  for (const f of features) {
    const geometry = 'getSQL' in f.geom ? JSON.parse((await rows<{ g: string }>(t.app.platform.db, sql`select ST_AsGeoJSON(${f.geom}, 8) as g`))[0]!.g) : f.geom;
    list.push({ type: 'Feature', properties: { name: f.name, code: f.code, parent: f.parent }, geometry });
  }
  return { name: 'test.geojson', bytes: Buffer.from(JSON.stringify({ type: 'FeatureCollection', features: list })) };
}
const stored = async () =>
  rows<{ path: string; name: string; code: string; level: string; km2: number }>(t.app.platform.db, sql`select path::text as path, name, code, level, ST_Area(boundary::geography) / 1e6 as km2
    from jurisdictions where code is not null order by path`);
const count = async (table: 'jurisdictions' | 'audit_log') => (await rows<{ n: number }>(t.app.platform.db, sql`select count(*)::int as n from ${sql.raw(table)}`))[0]!.n;
const boundaryOf = (p: string) => sql`(select boundary from jurisdictions where path = ${p}::ltree)`;
const outcomes = (r: BoundaryImportReport) => r.features.map((f) => [f.code, f.outcome, f.reason ?? f.path]);

beforeAll(async () => {
  t = await startTestApp({ config: { levels: LEVELS } });
  admin = await loginAdmin(t.app);
  vaduzAdmin = await createUser(t.app, 'administrator', 'li.oberland.vaduz');
}, 120_000);
afterAll(async () => t?.close());

describe('import boundaries', () => {
  it('a dry run of each format reports the same tree and writes nothing', async () => {
    const before = await Promise.all([count('jurisdictions'), count('audit_log'), rows(t.app.platform.db, sql`select max(seq) from outbox`)]);
    for (const file of ['stations.geojson', 'stations.zip', 'stations.gpkg']) {
      const r = await importFile(file, { dryRun: true });
      expect(r.written, file).toBe(false);
      expect(r.features.map((f) => [f.path, f.name, f.code, f.outcome]), file).toEqual(TREE.map(([p, n, c]) => [p, n, c, 'created']));
    }
    expect(await Promise.all([count('jurisdictions'), count('audit_log'), rows(t.app.platform.db, sql`select max(seq) from outbox`)])).toEqual(before);
  });

  it('imports the GeoJSON tree in dependency order, each area inside its parent and off its siblings, with audit rows', async () => {
    const r = await importFile('stations.geojson');
    expect([r.written, r.created, r.updated, r.rejected]).toEqual([true, 4, 0, 0]);
    const tree = await stored();
    expect(tree.map((j) => [j.path, j.name, j.code, j.level])).toEqual([...TREE].sort((a, b) => a[0]!.localeCompare(b[0]!)));
    // The stations tile the district: their areas add up to it and no two overlap.
    const [fit] = await rows<{ district: number; stations: number; overlap: number; outside: number }>(t.app.platform.db, sql`
      select ST_Area(${boundaryOf(DISTRICT)}::geography) as district,
             (select sum(ST_Area(boundary::geography)) from jurisdictions where path ~ ${`${DISTRICT}.*{1}`}::lquery) as stations,
             (select coalesce(sum(ST_Area(ST_Intersection(a.boundary, b.boundary)::geography)), 0) from jurisdictions a, jurisdictions b
               where a.path ~ ${`${DISTRICT}.*{1}`}::lquery and b.path ~ ${`${DISTRICT}.*{1}`}::lquery and a.path < b.path) as overlap,
             ST_Area(ST_Difference(${boundaryOf(DISTRICT)}, ${boundaryOf('li.oberland.vaduz')})::geography) as outside`);
    expect(Math.abs(fit!.stations - fit!.district) / fit!.district).toBeLessThan(0.001);
    expect(fit!.overlap).toBeLessThan(1);
    expect(fit!.outside).toBeLessThan(1);
    // The simplified district strayed up to 5 m over Vaduz's border: cut off within the tolerance, and said so.
    expect(r.features[0]!.clippedM2).toBeGreaterThan(0);
    // Rows are linked into the chain after commit (seq comes later): select them by what they say.
    const audit = await rows<{ action: string; n: number }>(t.app.platform.db, sql`select action, count(*)::int as n from audit_log
      where after->>'source' = 'boundary-file' group by action order by action`);
    expect(audit).toEqual([{ action: 'jurisdictions.created', n: 4 }, { action: 'jurisdictions.imported', n: 1 }]);
    // A point in the west station now belongs to it (the deepest boundary containing a point owns it).
    const [west] = await rows<{ path: string }>(t.app.platform.db, sql`select path::text as path from jurisdictions
      where ST_Contains(boundary, (select ST_PointOnSurface(boundary) from jurisdictions where code = 'LP-V-W')) order by nlevel(path) desc limit 1`);
    expect(west!.path).toBe(`${DISTRICT}.posten_vaduz_west`);
    // The API shows each area's code (the first-run wizard lists what a file matched).
    const lookup = await t.app.inject({ url: '/api/v1/jurisdictions/lookup?lon=9.5215&lat=47.141', headers: { cookie: admin } });
    expect((lookup.json() as { path: string; code: string | null }[]).map((j) => j.code)).toEqual(expect.arrayContaining(['LP-V', null]));
  });

  it('the Shapefile and the GeoPackage hold the same tree: matched by code, nothing created, paths kept, areas within 0.5 %', async () => {
    const before = await stored();
    for (const file of ['stations.zip', 'stations.gpkg']) {
      const r = await importFile(file);
      expect([r.created, r.rejected], file).toEqual([0, 0]);
      expect(r.updated + r.unchanged, file).toBe(4);
      const after = await stored();
      expect(after.map((j) => [j.path, j.name, j.code]), file).toEqual(before.map((j) => [j.path, j.name, j.code]));
      after.forEach((j, i) => expect(Math.abs(j.km2 - before[i]!.km2) / before[i]!.km2, `${file} ${j.path}`).toBeLessThan(0.005));
    }
  });

  it('a re-run is idempotent: 0 created, 0 updated, all unchanged, no jurisdiction event', async () => {
    const [{ last }] = (await rows<{ last: number }>(t.app.platform.db, sql`select coalesce(max(seq), 0)::int as last from outbox`)) as [{ last: number }];
    const r = await importFile('stations.gpkg');
    expect([r.created, r.updated, r.unchanged, r.rejected]).toEqual([0, 0, 4, 0]);
    const events = await rows<{ type: string }>(t.app.platform.db, sql`select type from outbox where seq > ${last} order by seq`);
    expect(events.map((e) => e.type)).toEqual(['jurisdictions.imported']);
  });

  it('reads GB 18030 names from a DBF without a .cpg and renames the areas in place', async () => {
    const r = await importFile('stations-gb18030.zip');
    expect(r.encoding).toBe('gb18030 (detected: Chinese text in GB 18030)');
    expect([r.created, r.updated]).toEqual([0, 4]);
    expect((await stored()).map((j) => j.name).sort()).toEqual(['瓦杜兹东山区派出所', '瓦杜兹中派出所', '瓦杜兹警察局', '瓦杜兹西派出所'].sort());
  });

  it('names the codes of a cycle, and imports nothing else without allowPartial', async () => {
    const square = sql`ST_Buffer((select ST_PointOnSurface(boundary) from jurisdictions where code = 'LP-V-M')::geography, 40)::geometry`;
    const file = await geojsonOf([
      { name: 'Ring A', code: 'RA', parent: 'RB', geom: square },
      { name: 'Ring B', code: 'RB', parent: 'RA', geom: square },
      { name: 'Fine', code: 'OK1', parent: 'LP-V-M', geom: square },
    ]);
    const before = await count('jurisdictions');
    const r = await importBoundaryFile(t.app.platform.command, cli, file, MAPPING, LEVELS);
    expect(outcomes(r)).toEqual([
      ['RA', 'rejected', 'parent codes form a cycle: RA → RB → RA'],
      ['RB', 'rejected', 'parent codes form a cycle: RB → RA → RB'],
      ['OK1', 'created', 'li.oberland.vaduz.polizeibezirk_vaduz.posten_vaduz_mitte.fine'],
    ]);
    expect(r.written).toBe(false);
    expect(await count('jurisdictions')).toBe(before);
  });

  it('reprojects a GeoJSON file whose crs names an EPSG code (LV95) with PostGIS', async () => {
    const file = await geojsonOf([{ name: 'LV95 area', code: 'LV95', parent: 'LP-V-M', geom: sql`ST_Transform(ST_Buffer((select ST_PointOnSurface(boundary) from jurisdictions where code = 'LP-V-M')::geography, 30)::geometry, 2056)` }]);
    const doc = JSON.parse(String(file.bytes)) as Record<string, unknown>;
    const r = await importBoundaryFile(t.app.platform.command, cli, { ...file, bytes: Buffer.from(JSON.stringify({ ...doc, crs: { type: 'name', properties: { name: 'urn:ogc:def:crs:EPSG::2056' } } })) }, MAPPING, LEVELS);
    expect([r.srid, r.created, r.rejected]).toEqual([2056, 1, 0]);
    const [area] = await rows<{ m2: number }>(t.app.platform.db, sql`select ST_Area(boundary::geography) as m2 from jurisdictions where code = 'LV95'`);
    expect(Math.abs(area!.m2 - Math.PI * 30 * 30) / (Math.PI * 30 * 30)).toBeLessThan(0.02);
  });

  it('refuses per feature an area overlapping a sibling, one leaving its parent, an unknown parent, a point and a bow tie; allowPartial imports the rest', async () => {
    const file = await geojsonOf([
      // Half of Mitte claimed by a new station beside it.
      { name: 'Claim', code: 'X1', parent: 'LP-V', geom: sql`ST_Buffer((select ST_PointOnSurface(boundary) from jurisdictions where code = 'LP-V-M')::geography, 300)::geometry` },
      // Vaduz grown 500 m: reaches into Schaan and Triesen.
      { name: 'Too big', code: 'X2', parent: 'li.oberland.vaduz', geom: sql`ST_Buffer(${boundaryOf('li.oberland.vaduz')}::geography, 500)::geometry` },
      { name: 'Orphan', code: 'X3', parent: 'NOPE', geom: sql`ST_Buffer(ST_SetSRID(ST_MakePoint(9.52, 47.14), 4326)::geography, 30)::geometry` },
      { name: 'A point', code: 'X4', parent: 'LP-V', geom: { type: 'Point', coordinates: [9.52, 47.14] } },
      { name: 'Bow tie', code: 'X6', parent: 'LP-V', geom: { type: 'Polygon', coordinates: [[[9.52, 47.14], [9.521, 47.141], [9.521, 47.14], [9.52, 47.141], [9.52, 47.14]]] } },
      { name: 'Schaan Nord', code: 'X5', parent: 'li.oberland.schaan', geom: sql`ST_Buffer((select ST_PointOnSurface(boundary) from jurisdictions where path = 'li.oberland.schaan')::geography, 200)::geometry` },
    ]);
    const r = await importBoundaryFile(t.app.platform.command, cli, file, { ...MAPPING, allowPartial: true }, LEVELS);
    const byCode = Object.fromEntries(r.features.map((f) => [f.code, f]));
    expect(byCode['X1']!.reason).toMatch(/^overlaps \S+ \(li\.oberland\.vaduz\.polizeibezirk_vaduz\.posten_vaduz_mitte\) by [\d,]+ m², more than 50 m inside its border/);
    expect(byCode['X2']!.reason).toMatch(/^reaches [\d,]+ m² beyond Vaduz \(li\.oberland\.vaduz\), more than 50 m past its border/);
    expect(byCode['X3']!.reason).toBe("unknown parent NOPE: not a code in the file, nor a stored jurisdiction's code or path");
    expect(byCode['X4']!.reason).toBe('a Point, not an area: a boundary must be a Polygon or MultiPolygon');
    expect(byCode['X6']!.reason).toMatch(/^not a valid polygon: Self-intersection\[9\.5205 47\.1405\] \(repair it/);
    expect([byCode['X5']!.outcome, byCode['X5']!.path, r.written, r.created, r.rejected]).toEqual(['created', 'li.oberland.schaan.schaan_nord', true, 1, 5]);
    expect((await stored()).map((j) => j.code)).not.toContain('X1');
  });

  it('gives an OSM-built municipality the file\'s code instead of drawing a twin over it, and checks a level field', async () => {
    const file = await geojsonOf([
      { name: 'Vaduz', code: 'LI-VADUZ', parent: 'li.oberland', geom: boundaryOf('li.oberland.vaduz') },
      { name: 'Wrong level', code: 'LV1', parent: 'LI-VADUZ', geom: sql`ST_Buffer(ST_SetSRID(ST_MakePoint(9.5215, 47.141), 4326)::geography, 20)::geometry` },
    ]);
    const withLevels = { ...file, bytes: Buffer.from(String(file.bytes).replace('"code":"LI-VADUZ"', '"code":"LI-VADUZ","lvl":"municipality"').replace('"code":"LV1"', '"code":"LV1","lvl":"precinct"')) };
    const r = await importBoundaryFile(t.app.platform.command, cli, withLevels, { ...MAPPING, levelField: 'lvl', allowPartial: true }, LEVELS);
    expect(outcomes(r)).toEqual([
      ['LI-VADUZ', 'updated', 'li.oberland.vaduz'],
      ['LV1', 'rejected', 'level "precinct" is not one of the configured levels (national, region, municipality, district, station, post)'],
    ]);
    const [vaduz] = await rows<{ code: string; n: number }>(t.app.platform.db, sql`select code, (select count(*)::int from jurisdictions where path ~ 'li.oberland.*{1}') as n from jurisdictions where path = 'li.oberland.vaduz'`);
    expect(vaduz).toEqual({ code: 'LI-VADUZ', n: 6 });
    const again = await importBoundaryFile(t.app.platform.command, cli, file, MAPPING, LEVELS);
    expect(outcomes(again)[0]).toEqual(['LI-VADUZ', 'unchanged', 'li.oberland.vaduz']);
  });

  it('over HTTP: a dry run for the wizard, 4xx naming the field, 422 on rejections, scoped by jurisdictions:manage', async () => {
    const post = (cookie: string, query: string, body: Buffer | string, type = 'application/octet-stream') =>
      t.app.inject({ method: 'POST', url: `/api/v1/jurisdictions/boundary-imports?${query}`, headers: { cookie, 'content-type': type }, payload: body });
    const geojson = readFileSync(path.join(FIXTURES, 'stations.geojson'));
    const q = 'filename=stations.geojson&nameField=name&codeField=code&parentField=parent&parentPath=li.oberland.vaduz';
    const dry = await post(admin, `${q}&dryRun=true`, geojson, 'application/geo+json');
    expect(dry.statusCode, dry.body).toBe(200);
    expect((dry.json() as BoundaryImportReport).features.map((f) => f.outcome)).toEqual(['updated', 'updated', 'updated', 'updated']);
    const problem = (res: Awaited<ReturnType<typeof post>>, status: number, field: string) => {
      expect(res.statusCode, res.body).toBe(status);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect((res.json() as { errors: { path: string }[] }).errors.map((e) => e.path)).toContain(field);
      return res.json() as { code: string; errors: { path: string; message: string }[] };
    };
    problem(await post(admin, q.replace('nameField=name', 'nameField=NAMN'), geojson), 400, 'query.nameField');
    problem(await post(admin, q.replace('stations.geojson', 'stations.gpkg'), geojson), 400, 'body');
    problem(await post(admin, q.replace('stations.geojson', 'stations.kml'), geojson), 400, 'query.filename');
    // Schaan's administrator cannot see Vaduz: the parent path reads as unknown, as for any path outside one's scope.
    const outsider = await createUser(t.app, 'administrator', 'li.oberland.schaan');
    problem(await post(outsider.cookie, q, geojson), 400, 'query.parentPath');
    const dispatcher = await createUser(t.app, 'dispatcher', 'li.oberland.vaduz');
    expect((await post(dispatcher.cookie, q, geojson)).statusCode).toBe(403);
    const cycle = Buffer.from(JSON.stringify({ type: 'FeatureCollection', features: [
      { type: 'Feature', properties: { name: 'A', code: 'CA', parent: 'CB' }, geometry: { type: 'Polygon', coordinates: [[[9.52, 47.14], [9.521, 47.14], [9.521, 47.141], [9.52, 47.14]]] } },
      { type: 'Feature', properties: { name: 'B', code: 'CB', parent: 'CA' }, geometry: { type: 'Polygon', coordinates: [[[9.52, 47.14], [9.521, 47.14], [9.521, 47.141], [9.52, 47.14]]] } },
    ] }));
    const refused = problem(await post(vaduzAdmin.cookie, q, cycle, 'application/json'), 422, 'body.features.1');
    expect(refused.code).toBe('BOUNDARY_FEATURES_REJECTED');
    expect(refused.errors[0]!.message).toBe('CA A: parent codes form a cycle: CA → CB → CA');
    // A zipped Shapefile and a GeoPackage upload the same way.
    for (const file of ['stations.zip', 'stations.gpkg']) {
      const res = await post(admin, `${q.replace('stations.geojson', file)}&dryRun=true`, readFileSync(path.join(FIXTURES, file)));
      expect(res.statusCode, res.body).toBe(200);
      expect((res.json() as BoundaryImportReport).features.map((f) => f.path)).toEqual(TREE.map(([p]) => p));
    }
    // Schaan's administrator may add under Schaan, but a code stored in Vaduz is not theirs, and Vaduz is not named.
    const taken = Buffer.from(JSON.stringify({ type: 'Feature', properties: { name: 'Mine', code: 'LP-V-W', parent: null }, geometry: { type: 'Polygon', coordinates: [[[9.52, 47.14], [9.521, 47.14], [9.521, 47.141], [9.52, 47.14]]] } }));
    const theirs = problem(await post(outsider.cookie, q.replace('li.oberland.vaduz', 'li.oberland.schaan'), taken), 422, 'body.features.1');
    expect(theirs.errors[0]!.message).toBe('LP-V-W Mine: code LP-V-W belongs to a jurisdiction outside your scope');
    const done = await post(vaduzAdmin.cookie, q, geojson, 'application/geo+json');
    expect(done.statusCode, done.body).toBe(201);
    expect((done.json() as BoundaryImportReport).features.map((f) => f.name)).toEqual(TREE.map(([, n]) => n));
  });

  it('the CLI refuses a file that is not what its extension says, before opening the database', { timeout: 180_000 }, async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'fb-boundaries-'));
    writeFileSync(path.join(dir, 'areas.gpkg'), readFileSync(path.join(FIXTURES, 'stations.geojson')));
    // An empty data folder: the file is refused before a database would be created in it.
    const res = await runCli(['import', 'boundaries', path.join(dir, 'areas.gpkg'), '--name-field', 'name', '--code-field', 'code'], { FIREBREAK_DATA_DIR: dir });
    expect(res.code).toBe(1);
    expect(res.stderr).toContain('areas.gpkg is not a GeoPackage: it is not an SQLite database');
    expect(existsSync(path.join(dir, 'pgdata'))).toBe(false);
  });

  it('the CLI says per feature what a dry run would do and exits 3 on a rejection', { timeout: 180_000 }, async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'fb-boundaries-'));
    const fc = JSON.parse(readFileSync(path.join(FIXTURES, 'stations.geojson'), 'utf8')) as { features: { properties: { parent: string } }[] };
    fc.features[3]!.properties.parent = 'NOWHERE';
    writeFileSync(path.join(dir, 'areas.geojson'), JSON.stringify(fc));
    const folder = tempDir('firebreak-boundaries-');
    const res = await runCli(['import', 'boundaries', path.join(dir, 'areas.geojson'), '--name-field', 'name', '--code-field', 'code', '--parent-field', 'parent', '--dry-run'], { ...(await cliEnvFor(t, folder.dir)), FIREBREAK_LEVELS: LEVELS.keys.join(','), FIREBREAK_LEVEL_NAMES: LEVEL_NAMES }, 120_000)
      .finally(() => folder.remove());
    expect(res.code, res.stderr).toBe(3);
    expect(res.stdout).toContain("rejected  #4 LP-V-O Posten Vaduz Ost (Berggebiet): unknown parent NOWHERE: not a code in the file, nor a stored jurisdiction's code or path");
    expect(res.stdout).toContain('The import would stop here');
  });
});
