import { DEFAULT_JURISDICTION_LEVELS } from '@firebreak/contracts';
import { sql, type SQL } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser, jurisdictionByPath, loginAdmin, startTestApp, type TestApp, type TestUser } from '../../../test/harness.js';
import { snapshot } from '../../../test/db-snapshot.js';
import { parseLevels } from '../../config-levels.js';
import { rows } from '../../platform/db/client.js';
import { checkTree } from './check-tree.js';
import { mapAdminLevels } from './admin-levels.js';
import { importAdminBoundaries } from './import-osm.js';
import { DEMO_PBF } from './index.js';
import { readAdminBoundaries } from './osm-boundaries.js';

/**
 * Issue 11, holes 2 and 8: a boundary stays inside its parent and off its neighbours (else the
 * deepest boundary containing a point would take the neighbour's calls), and every geometry a
 * client sends is 2-D, valid and sane, and reads back.
 */

type Geo = { type: string; coordinates: unknown };
const api = (path: string) => `/api/v1${path}`;
const VADUZ = 'li.oberland.vaduz';
const SCHAAN = 'li.oberland.schaan';

let t: TestApp;
let admin: string;
const ids = {} as { vaduz: string; schaan: string; oberland: string; li: string };
const who = {} as { vaduzAdmin: TestUser; oberlandAdmin: TestUser; schaanDispatcher: TestUser };
/** A point on the longest stretch of the real Vaduz/Schaan border, and places around it (PostGIS, geography metres). */
const at = {} as { claim: Geo; deepInSchaan: [number, number]; tracedClaim: Geo; stripInSchaan: [number, number] };

async function geo(expr: SQL): Promise<Geo> {
  const [r] = await rows<{ g: string }>(t.app.platform.db, sql`select ST_AsGeoJSON(${expr}, 9) as g`);
  return JSON.parse(r!.g) as Geo;
}
const boundaryOf = (path: string) => sql`(select boundary from jurisdictions where path = ${path}::ltree)`;
const BORDER = sql`(select ST_LineInterpolatePoint(d.geom, 0.5) from ST_Dump(ST_LineMerge(ST_Intersection(${boundaryOf(VADUZ)}, ${boundaryOf(SCHAAN)}))) d
  where ST_GeometryType(d.geom) = 'ST_LineString' order by ST_Length(d.geom) desc limit 1)`;
const disk = (metres: number) => sql`ST_Buffer(${BORDER}::geography, ${metres})::geometry`;
const grown = (path: string, metres: number) => sql`ST_Buffer(${boundaryOf(path)}::geography, ${metres})::geometry`;
const square = ([lon, lat]: [number, number], half: number): Geo => ({
  type: 'Polygon',
  coordinates: [[[lon - half, lat - half], [lon + half, lat - half], [lon + half, lat + half], [lon - half, lat + half], [lon - half, lat - half]]],
});
const VADUZ_CENTRE: [number, number] = [9.5215, 47.141];

const send = (cookie: string, method: 'POST' | 'PATCH', url: string, payload: object) => t.app.inject({ method, url: api(url), headers: { cookie }, payload });
const lonLat = (g: Geo) => g.coordinates as [number, number];

function expectProblem(res: LightMyRequestResponse, status: number, code: string, field: string): string {
  expect(res.statusCode, res.body).toBe(status);
  expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
  const body = res.json() as { code: string; errors: { path: string; message: string }[] };
  expect(body.code).toBe(code);
  expect(body.errors.map((e) => e.path)).toContain(field);
  return body.errors.find((e) => e.path === field)!.message;
}

/** Schaan's dispatcher takes a call at a point in Schaan: it must be theirs. */
async function schaanTakesCallAt(location: [number, number]): Promise<void> {
  const res = await send(who.schaanDispatcher.cookie, 'POST', '/incidents', { type: 'fire', priority: 'P1', location });
  expect(res.statusCode, res.body).toBe(201);
  expect(res.json().jurisdictionPath).toBe(SCHAAN);
}

beforeAll(async () => {
  // A district between municipality and station: the tests nest a station (post) in a smaller area of Vaduz.
  t = await startTestApp({ config: { levels: parseLevels('national,region,municipality,district,station', undefined).levels! } });
  admin = await loginAdmin(t.app);
  const idOf = async (path: string) => (await jurisdictionByPath(t.app, path)).id;
  [ids.vaduz, ids.schaan, ids.oberland, ids.li] = await Promise.all([idOf(VADUZ), idOf(SCHAAN), idOf('li.oberland'), idOf('li')]);
  [who.vaduzAdmin, who.oberlandAdmin, who.schaanDispatcher] = await Promise.all([
    createUser(t.app, 'administrator', VADUZ), createUser(t.app, 'administrator', 'li.oberland'), createUser(t.app, 'dispatcher', SCHAAN),
  ]);
  // A 300 m disk around the border point: half of it is Schaan's.
  at.claim = await geo(disk(300));
  at.deepInSchaan = lonLat(await geo(sql`ST_PointOnSurface(ST_Difference(ST_Intersection(${disk(250)}, ${boundaryOf(SCHAAN)}), ${grown(VADUZ, 120)}))`));
  // The same disk traced by hand along the border: at most 20 m over it.
  at.tracedClaim = await geo(sql`ST_Intersection(${disk(300)}, ${grown(VADUZ, 20)})`);
  at.stripInSchaan = lonLat(await geo(sql`ST_PointOnSurface(ST_Difference(ST_Intersection(${disk(300)}, ${grown(VADUZ, 15)}), ${grown(VADUZ, 5)}))`));
}, 120_000);
afterAll(async () => t?.close());

describe('a boundary stays inside its parent and off its neighbours', () => {
  it("refuses Vaduz's administrator a child reaching into Schaan, and Schaan's dispatcher still takes the calls there", async () => {
    const before = await snapshot(t.app.platform.db, ['jurisdictions']);
    const res = await send(who.vaduzAdmin.cookie, 'POST', '/jurisdictions', { parentId: ids.vaduz, name: 'Vaduz north', level: 'station', boundary: at.claim });
    const message = expectProblem(res, 422, 'JURISDICTION_BOUNDARY_OUTSIDE_PARENT', 'body.boundary');
    expect(message).toMatch(/beyond Vaduz \(li\.oberland\.vaduz\)/);
    expect(message).toMatch(/[\d,]+ m²/);
    expect(await snapshot(t.app.platform.db, ['jurisdictions'])).toEqual(before);
    await schaanTakesCallAt(at.deepInSchaan);
  });

  it('refuses a child of the region laid over Schaan, naming Schaan and the overlap', async () => {
    const res = await send(who.oberlandAdmin.cookie, 'POST', '/jurisdictions', { parentId: ids.oberland, name: 'Border district', level: 'municipality', boundary: at.claim });
    const message = expectProblem(res, 422, 'JURISDICTION_BOUNDARY_OVERLAPS', 'body.boundary');
    expect(message).toMatch(/Schaan \(li\.oberland\.schaan\) by [\d,]+ m²/);
    expect(message).toMatch(/Vaduz \(li\.oberland\.vaduz\)/);
  });

  it('refuses the same claim by PATCH, on a child and on Vaduz itself, and changes nothing', async () => {
    const created = await send(who.vaduzAdmin.cookie, 'POST', '/jurisdictions', { parentId: ids.vaduz, name: 'Vaduz centre', slug: 'centre', level: 'district', boundary: square(VADUZ_CENTRE, 0.002) });
    expect(created.statusCode, created.body).toBe(201);
    const before = await snapshot(t.app.platform.db, ['jurisdictions']);
    const onChild = await send(who.vaduzAdmin.cookie, 'PATCH', `/jurisdictions/${created.json().id}`, { boundary: at.claim });
    expectProblem(onChild, 422, 'JURISDICTION_BOUNDARY_OUTSIDE_PARENT', 'body.boundary');
    const wider = await geo(sql`ST_Union(${boundaryOf(VADUZ)}, ${disk(300)})`);
    const onVaduz = await send(who.oberlandAdmin.cookie, 'PATCH', `/jurisdictions/${ids.vaduz}`, { boundary: wider });
    expect(expectProblem(onVaduz, 422, 'JURISDICTION_BOUNDARY_OVERLAPS', 'body.boundary')).toMatch(/Schaan \(li\.oberland\.schaan\)/);
    expect(await snapshot(t.app.platform.db, ['jurisdictions'])).toEqual(before);
    await schaanTakesCallAt(at.deepInSchaan);
  });

  it('refuses a sibling laid over another, and a parent shrunk away from its child', async () => {
    const centre = await jurisdictionByPath(t.app, `${VADUZ}.centre`);
    const overlapping = await send(who.vaduzAdmin.cookie, 'POST', '/jurisdictions', { parentId: ids.vaduz, name: 'Old town', level: 'station', boundary: square([VADUZ_CENTRE[0] + 0.002, VADUZ_CENTRE[1]], 0.002) });
    expect(expectProblem(overlapping, 422, 'JURISDICTION_BOUNDARY_OVERLAPS', 'body.boundary')).toMatch(/Vaduz centre \(li\.oberland\.vaduz\.centre\)/);
    const beside = await send(who.vaduzAdmin.cookie, 'POST', '/jurisdictions', { parentId: ids.vaduz, name: 'Old town', level: 'station', boundary: square([VADUZ_CENTRE[0] + 0.004, VADUZ_CENTRE[1]], 0.002) });
    expect(beside.statusCode, beside.body).toBe(201);
    const post = await send(who.vaduzAdmin.cookie, 'POST', '/jurisdictions', { parentId: centre.id, name: 'Centre post', slug: 'post', level: 'station', boundary: square([VADUZ_CENTRE[0] - 0.001, VADUZ_CENTRE[1]], 0.0005) });
    expect(post.statusCode, post.body).toBe(201);
    const shrunk = await send(who.vaduzAdmin.cookie, 'PATCH', `/jurisdictions/${centre.id}`, { boundary: square([VADUZ_CENTRE[0] + 0.001, VADUZ_CENTRE[1]], 0.001) });
    expect(expectProblem(shrunk, 422, 'JURISDICTION_BOUNDARY_CUTS_CHILD', 'body.boundary')).toMatch(/Centre post \(li\.oberland\.vaduz\.centre\.post\)/);
  });

  it('cuts what lies under a redrawn boundary when it strays within 50 m, and records it', async () => {
    const centre = await jurisdictionByPath(t.app, `${VADUZ}.centre`);
    const [lon, lat] = VADUZ_CENTRE;
    // The post spans lon - 0.0015 .. lon - 0.0005; the new west edge leaves some 15 m of it outside.
    const narrower = { type: 'Polygon', coordinates: [[[lon - 0.0013, lat - 0.002], [lon + 0.002, lat - 0.002], [lon + 0.002, lat + 0.002], [lon - 0.0013, lat + 0.002], [lon - 0.0013, lat - 0.002]]] };
    const res = await send(who.vaduzAdmin.cookie, 'PATCH', `/jurisdictions/${centre.id}`, { boundary: narrower });
    expect(res.statusCode, res.body).toBe(200);
    const [post] = await rows<{ id: string; inside: boolean }>(t.app.platform.db, sql`select id, ST_CoveredBy(boundary, ${boundaryOf(`${VADUZ}.centre`)}) as inside
      from jurisdictions where path = ${`${VADUZ}.centre.post`}::ltree`);
    expect(post!.inside).toBe(true);
    const [audit] = await rows<{ after: { clippedTo: string; boundaryClippedM2: number } }>(t.app.platform.db, sql`select after from audit_log
      where entity_id = ${post!.id} and action = 'jurisdictions.updated'`);
    expect(audit!.after).toMatchObject({ clippedTo: `${VADUZ}.centre` });
    expect(audit!.after.boundaryClippedM2).toBeGreaterThan(100);
  });

  it('checks two neighbours drawn at the same moment one after the other: one of them is refused', async () => {
    const at = (dLon: number) => square([VADUZ_CENTRE[0] + dLon, VADUZ_CENTRE[1] - 0.006], 0.001);
    const [a, b] = await Promise.all([
      send(who.vaduzAdmin.cookie, 'POST', '/jurisdictions', { parentId: ids.vaduz, name: 'Race east', level: 'station', boundary: at(0.0005) }),
      send(who.vaduzAdmin.cookie, 'POST', '/jurisdictions', { parentId: ids.vaduz, name: 'Race west', level: 'station', boundary: at(-0.0005) }),
    ]);
    expect([a!.statusCode, b!.statusCode].sort()).toEqual([201, 422]);
  });

  it('accepts a border traced within 50 m, cut back to the parent: every point of Schaan stays Schaan', async () => {
    const res = await send(who.vaduzAdmin.cookie, 'POST', '/jurisdictions', { parentId: ids.vaduz, name: 'Border station', slug: 'border', level: 'station', boundary: at.tracedClaim });
    expect(res.statusCode, res.body).toBe(201);
    const [stored] = await rows<{ inside: boolean; area: number }>(t.app.platform.db, sql`select ST_CoveredBy(boundary, ${boundaryOf(VADUZ)}) as inside,
      ST_Area(boundary::geography) as area from jurisdictions where id = ${res.json().id}`);
    expect(stored!.inside).toBe(true);
    expect(Number(stored!.area)).toBeGreaterThan(100_000);
    const lookup = await t.app.inject({ url: api(`/jurisdictions/lookup?lon=${at.stripInSchaan[0]}&lat=${at.stripInSchaan[1]}`), headers: { cookie: admin } });
    expect(lookup.json()[0].path).toBe(SCHAAN);
    await schaanTakesCallAt(at.stripInSchaan);
    const [audit] = await rows<{ clipped: string }>(t.app.platform.db, sql`select after->>'boundaryClippedM2' as clipped from audit_log where entity_id = ${res.json().id}`);
    expect(Number(audit!.clipped)).toBeGreaterThan(0);
  });

  it('skips an imported boundary laid over its neighbours, with the reason, and imports the rest', async () => {
    const mapping = mapAdminLevels({ levels: DEFAULT_JURISDICTION_LEVELS, countryCode: 'li', present: [] });
    const boundaries = (await readAdminBoundaries(DEMO_PBF)).filter((b) => mapping.byAdminLevel.has(b.adminLevel));
    const ring = (at.claim.coordinates as [number, number][][])[0]!;
    boundaries.push({ osmId: 999_000_001, name: 'Claimed ground', names: {}, adminLevel: 8, outer: [ring], inner: [], missingWays: 0 });
    const summary = await importAdminBoundaries(t.app.platform.command, { actor: null, actorName: 'test', requestId: null }, boundaries, { countryCode: 'li', levelOf: (a) => mapping.byAdminLevel.get(a)!, rootLevel: DEFAULT_JURISDICTION_LEVELS[0] });
    expect(summary.created).toBe(0);
    const skipped = summary.skipped.find((s) => s.osmId === 999_000_001);
    expect(skipped?.reason).toMatch(/overlaps .*Schaan \(li\.oberland\.schaan\)/);
    expect(summary.skipped.map((s) => s.name)).not.toEqual(expect.arrayContaining(['Vaduz', 'Schaan', 'Oberland', 'Liechtenstein']));
    await schaanTakesCallAt(at.deepInSchaan);
  });
});

describe('firebreak jurisdictions check', () => {
  it('finds a claim stored before the rule, and nothing else in the demo country', async () => {
    expect(await checkTree(t.app.platform.db)).toEqual([]);
    const created = await send(admin, 'POST', '/jurisdictions', { parentId: ids.vaduz, name: 'Legacy claim', slug: 'legacy', level: 'station' });
    expect(created.statusCode, created.body).toBe(201);
    await t.app.platform.db.execute(sql`update jurisdictions set boundary = ST_Multi(${disk(300)}) where id = ${created.json().id}`);
    // The claim, and each jurisdiction it lies over (Schaan among them), naming the claim.
    const misfits = await checkTree(t.app.platform.db);
    const claim = misfits.find((m) => m.path === `${VADUZ}.legacy`);
    expect(claim).toMatchObject({ verdict: 'refused', problem: expect.stringMatching(/beyond Vaduz \(li\.oberland\.vaduz\)/) });
    const victims = misfits.filter((m) => m !== claim);
    expect(victims.map((m) => m.path)).toContain(SCHAAN);
    for (const m of victims) expect(m.problem).toMatch(/overlaps Legacy claim \(li\.oberland\.vaduz\.legacy\) by [\d,]+ m²/);
    await t.app.platform.db.execute(sql`update jurisdictions set boundary = null where id = ${created.json().id}`);
  });
});

describe('every boundary a client sends is 2-D, valid and sane, and reads back', () => {
  const station = (boundary: unknown) => ({ parentId: ids.vaduz, name: 'Shape station', level: 'station', boundary });
  const ring = square(VADUZ_CENTRE, 0.0004).coordinates as number[][][];

  it('refuses positions with more than 2 numbers, naming the field', async () => {
    for (const extra of [[455], [455, 1, 2], Array.from({ length: 4998 }, (_, i) => i)]) {
      const polygon = { type: 'Polygon', coordinates: [ring[0]!.map((p, i) => (i === 0 || i === 4 ? [...p, ...extra] : p))] };
      const res = await send(admin, 'POST', '/jurisdictions', station(polygon));
      expectProblem(res, 400, 'VALIDATION_FAILED', 'body.boundary.coordinates.0.0');
    }
    const patch = await send(admin, 'PATCH', `/jurisdictions/${ids.vaduz}`, { boundary: { type: 'MultiPolygon', coordinates: [[ring[0]!.map((p) => [...p, 1, 2, 3])]] } });
    expectProblem(patch, 400, 'VALIDATION_FAILED', 'body.boundary.coordinates.0.0.0');
  });

  it("refuses a self-intersecting boundary with PostGIS's reason", async () => {
    const bowTie = { type: 'Polygon', coordinates: [[[9.52, 47.14], [9.521, 47.141], [9.521, 47.14], [9.52, 47.141], [9.52, 47.14]]] };
    const res = await send(admin, 'POST', '/jurisdictions', station(bowTie));
    expect(expectProblem(res, 400, 'GEOMETRY_INVALID', 'body.boundary')).toMatch(/Self-intersection/);
  });

  it('refuses a world-sized polygon, and a boundary stored before the rule still reads: no 500 anywhere', async () => {
    const world = { type: 'Polygon', coordinates: [[[-180, -90], [180, -90], [180, 90], [-180, 90], [-180, -90]]] };
    expectProblem(await send(admin, 'POST', '/jurisdictions', station(world)), 400, 'VALIDATION_FAILED', 'body.boundary.coordinates.0');
    expectProblem(await send(admin, 'PATCH', `/jurisdictions/${ids.li}`, { boundary: world }), 400, 'VALIDATION_FAILED', 'body.boundary.coordinates.0');
    // Half a world passes the shape rules, not its parent.
    const half = { type: 'Polygon', coordinates: [[[-89, -60], [89, -60], [89, 60], [-89, 60], [-89, -60]]] };
    expectProblem(await send(admin, 'POST', '/jurisdictions', station(half)), 422, 'JURISDICTION_BOUNDARY_OUTSIDE_PARENT', 'body.boundary');

    const created = await send(admin, 'POST', '/jurisdictions', { parentId: ids.li, name: 'Legacy world', level: 'region' });
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json().id as string;
    await t.app.platform.db.execute(sql`update jurisdictions set boundary = ST_Multi(ST_SetSRID(ST_GeomFromGeoJSON(${JSON.stringify(world)}), 4326)) where id = ${id}`);
    const detail = await t.app.inject({ url: api(`/jurisdictions/${id}`), headers: { cookie: admin } });
    expect(detail.statusCode, detail.body).toBe(200);
    // On the sphere that ring runs up the antimeridian and back down: it encloses nothing.
    expect(detail.json().areaKm2).toBeTypeOf('number');
    for (const url of ['/jurisdictions', `/jurisdictions/lookup?lon=${VADUZ_CENTRE[0]}&lat=${VADUZ_CENTRE[1]}`]) {
      expect((await t.app.inject({ url: api(url), headers: { cookie: admin } })).statusCode, url).toBe(200);
    }
    await t.app.platform.db.execute(sql`update jurisdictions set boundary = null where id = ${id}`);
  });
});
