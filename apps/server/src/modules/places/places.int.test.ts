import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser, jurisdictionByPath, loginAdmin, startTestApp, type TestApp } from '../../../test/harness.js';
import { rows } from '../../platform/db/client.js';
import { DEMO_PBF } from '../jurisdictions/index.js';
import { importOsmPlacesFile } from './index.js';

interface PlaceOut { id: string; name: string; category: string; jurisdictionPath: string; location: [number, number]; version: number; geometry: { type: string } }

describe('key places of the demo country', () => {
  let t: TestApp;
  let admin: string;
  const get = async (url: string, cookie = admin) => t.app.inject({ url, headers: { cookie } });

  beforeAll(async () => {
    t = await startTestApp();
    admin = await loginAdmin(t.app);
  }, 120_000);
  afterAll(async () => t?.close());

  async function all(query: string, cookie = admin): Promise<PlaceOut[]> {
    const out: PlaceOut[] = [];
    let cursor: string | null = null;
    for (let page = 0; page < 50; page++) {
      const res = await get(`/api/v1/places?limit=7&${query}${cursor ? `&cursor=${cursor}` : ''}`, cookie);
      expect(res.statusCode, res.body).toBe(200);
      const body = res.json();
      out.push(...body.items);
      cursor = body.nextCursor;
      if (!cursor) break;
    }
    return out;
  }

  it('starts with the real places from OSM, each in the municipality that contains it', async () => {
    const res = await get('/api/v1/places?category=school&limit=500');
    expect(res.statusCode).toBe(200);
    const schools: PlaceOut[] = res.json().items;
    expect(res.json().total).toBe(19);
    expect(schools.every((s) => s.category === 'school')).toBe(true);
    const byName = new Map(schools.map((s) => [s.name, s]));
    expect(byName.get('Universität Liechtenstein')).toMatchObject({ jurisdictionPath: 'li.oberland.vaduz', geometry: { type: 'Point' } });
    expect(byName.get('Primarschule Triesen')).toMatchObject({ jurisdictionPath: 'li.oberland.triesen', geometry: { type: 'Polygon' } });
    expect(byName.get('Kleinschule Planken')?.jurisdictionPath).toBe('li.oberland.planken');
    const counts = Object.fromEntries(await Promise.all(
      ['kindergarten', 'hospital', 'fuel_station', 'fire_station', 'police_station'].map(async (c) => [c, (await get(`/api/v1/places?category=${c}&limit=1`)).json().total]),
    ));
    expect(counts).toEqual({ kindergarten: 8, hospital: 1, fuel_station: 15, fire_station: 6, police_station: 1 });
  });

  it('pages through a filter without gaps or repeats, and filters by jurisdiction and bounding box', async () => {
    const vaduz = await jurisdictionByPath(t.app, 'li.oberland.vaduz');
    const inVaduz = await all(`jurisdictionId=${vaduz.id}`);
    expect(inVaduz).toHaveLength(17);
    expect(new Set(inVaduz.map((p) => p.id)).size).toBe(17);
    expect(inVaduz.every((p) => p.jurisdictionPath === 'li.oberland.vaduz')).toBe(true);
    const several = await all('category=school,kindergarten');
    expect(several).toHaveLength(27);
    // A box around Vaduz's schools holds exactly the schools whose point lies in it.
    const everySchool = await all('category=school');
    const box = [9.5, 47.12, 9.53, 47.15] as const;
    const inBox = everySchool.filter(({ location: [x, y] }) => x >= box[0] && x <= box[2] && y >= box[1] && y <= box[3]);
    expect(inBox.length).toBeGreaterThan(0);
    expect(inBox.length).toBeLessThan(everySchool.length);
    const boxed = await all(`category=school&bbox=${box.join(',')}`);
    expect(boxed.map((p) => p.id).sort()).toEqual(inBox.map((p) => p.id).sort());
  });

  it('refuses bad filters with a problem naming the field', async () => {
    for (const [query, field] of [['bbox=9.6,47,9.5,47.1', 'query.bbox'], ['category=castle', 'query.category.0'], ['bbox=abc', 'query.bbox']] as const) {
      const res = await get(`/api/v1/places?${query}`);
      expect(res.statusCode, query).toBe(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.json().errors.map((e: { path: string }) => e.path), query).toContain(field);
    }
  });

  it('shows a Vaduz inspector only the places of Vaduz', async () => {
    const inspector = await createUser(t.app, 'inspector', 'li.oberland.vaduz');
    const seen = await all('', inspector.cookie);
    expect(seen).toHaveLength(17);
    const schaanSchool = (await all('category=school')).find((p) => p.jurisdictionPath === 'li.oberland.schaan')!;
    expect((await get(`/api/v1/places/${schaanSchool.id}`, inspector.cookie)).statusCode).toBe(404);
    const schaan = await jurisdictionByPath(t.app, 'li.oberland.schaan');
    expect((await get(`/api/v1/places?jurisdictionId=${schaan.id}`, inspector.cookie)).statusCode).toBe(404);
    const create = await t.app.inject({ method: 'POST', url: '/api/v1/places', headers: { cookie: inspector.cookie }, payload: { name: 'x', category: 'other', geometry: { type: 'Point', coordinates: [9.52, 47.14] } } });
    expect(create.statusCode).toBe(403);
  });

  it('adds a road black spot by hand in the municipality it lies in, and keeps its history', async () => {
    const commander = await createUser(t.app, 'commander', 'li.oberland');
    const line = { type: 'LineString', coordinates: [[9.5115, 47.1755], [9.5135, 47.1772]] };
    const created = await t.app.inject({ method: 'POST', url: '/api/v1/places', headers: { cookie: commander.cookie }, payload: { name: 'Feldkircher Strasse bend', category: 'road_black_spot', geometry: line, responsiblePost: 'Road safety officer' } });
    expect(created.statusCode, created.body).toBe(201);
    const place = created.json();
    expect(place).toMatchObject({ jurisdictionPath: 'li.oberland.schaan', version: 1, geometry: line, responsiblePost: 'Road safety officer' });
    const patch = (payload: object) => t.app.inject({ method: 'PATCH', url: `/api/v1/places/${place.id}`, headers: { cookie: commander.cookie }, payload });
    const edited = await patch({ version: 1, operator: 'Amt für Tiefbau', contact: '+423 000 00 00' });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json()).toMatchObject({ version: 2, operator: 'Amt für Tiefbau', responsiblePost: 'Road safety officer' });
    const stale = await patch({ version: 1, name: 'overwritten' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().errors[0].path).toBe('body.version');
    const history = (await get(`/api/v1/places/${place.id}/history`)).json();
    expect(history.map((h: { action: string }) => h.action)).toEqual(['places.created', 'places.updated']);
    expect(history[1].before.operator).toBeNull();
    expect(history[1].after.operator).toBe('Amt für Tiefbau');
    expect((await get(`/api/v1/places/${place.id}`)).json().name).toBe('Feldkircher Strasse bend');
  });

  it('refuses invalid geometry and places outside every jurisdiction, naming the field', async () => {
    const post = (geometry: object) => t.app.inject({ method: 'POST', url: '/api/v1/places', headers: { cookie: admin }, payload: { name: 'x', category: 'other', geometry } });
    const bowtie = await post({ type: 'Polygon', coordinates: [[[9.52, 47.14], [9.53, 47.15], [9.53, 47.14], [9.52, 47.15], [9.52, 47.14]]] });
    expect(bowtie.statusCode).toBe(400);
    expect(bowtie.json()).toMatchObject({ code: 'GEOMETRY_INVALID', errors: [{ path: 'body.geometry' }] });
    const zurich = await post({ type: 'Point', coordinates: [8.54, 47.37] });
    expect(zurich.statusCode).toBe(400);
    expect(zurich.json().errors[0].path).toBe('body.geometry');
  });

  it('keeps a place inside (or touching) its jurisdiction, and refuses positions that are not 2-D', async () => {
    const vaduz = await jurisdictionByPath(t.app, 'li.oberland.vaduz');
    const post = (geometry: object, jurisdictionId?: string) =>
      t.app.inject({ method: 'POST', url: '/api/v1/places', headers: { cookie: admin }, payload: { name: 'Edge case', category: 'other', geometry, ...(jurisdictionId ? { jurisdictionId } : {}) } });
    // A point in Schaan given to Vaduz: Vaduz's people would own a place that is not theirs.
    const inSchaan = await post({ type: 'Point', coordinates: [9.5095, 47.165] }, vaduz.id);
    expect(inSchaan.statusCode, inSchaan.body).toBe(422);
    expect(inSchaan.json()).toMatchObject({ code: 'PLACE_OUTSIDE_JURISDICTION', errors: [{ path: 'body.geometry' }] });
    expect(inSchaan.json().errors[0].message).toMatch(/m outside Vaduz \(li\.oberland\.vaduz\)/);
    // A corner of Vaduz's own border touches it.
    const [corner] = await rows<{ g: string }>(t.app.platform.db, sql`select ST_AsGeoJSON(ST_PointN(ST_ExteriorRing(ST_GeometryN(boundary, 1)), 1), 15) as g from jurisdictions where id = ${vaduz.id}`);
    const touching = await post(JSON.parse(corner!.g), vaduz.id);
    expect(touching.statusCode, touching.body).toBe(201);
    // A stretch of road from Vaduz into Schaan belongs to the region holding both ends.
    const across = await post({ type: 'LineString', coordinates: [[9.5215, 47.141], [9.5095, 47.165]] });
    expect(across.statusCode, across.body).toBe(201);
    expect(across.json().jurisdictionPath).toBe('li.oberland');
    for (const coordinates of [[9.52, 47.14, 455], [9.52, 47.14, 1, 2, 3], Array.from({ length: 5000 }, (_, i) => (i === 0 ? 9.52 : 47.14))]) {
      const res = await post({ type: 'Point', coordinates }, vaduz.id);
      expect(res.statusCode, String(coordinates.length)).toBe(400);
      expect(res.json().errors.map((e: { path: string }) => e.path)).toContain('body.geometry.coordinates');
    }
  });

  it('re-imports the same OSM file without creating or changing anything', async () => {
    const summary = await importOsmPlacesFile(t.app.platform.command, { actor: null, actorName: 'test', requestId: null }, DEMO_PBF);
    expect(summary).toEqual({ created: 0, updated: 0, unchanged: 58, outside: 0, buildings: 0 });
    // The building centroids came with the template's import (the extract's building outlines), one per way.
    const [b] = await rows<{ n: number }>(t.app.platform.db, sql`select count(*)::int as n from building_centroids`);
    expect(b!.n).toBe(8991);
  });

  it('describes the places, hazards, checklists, inspections, campaigns and risk endpoints in the OpenAPI document', async () => {
    const res = await t.app.inject('/api/v1/openapi.json');
    expect(res.statusCode).toBe(200);
    const paths = Object.keys(res.json().paths);
    for (const p of ['/api/v1/places', '/api/v1/places/{id}/history', '/api/v1/hazards/{id}/actions', '/api/v1/hazards/board', '/api/v1/checklists',
      '/api/v1/inspections', '/api/v1/campaigns/{id}/coverage', '/api/v1/campaigns/{id}/report.csv', '/api/v1/risk/places']) {
      expect(paths).toContain(p);
    }
  });
});
