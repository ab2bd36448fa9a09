import { gunzipSync } from 'node:zlib';
import { ROAD_CLASSES } from '@firebreak/contracts';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { decodeTile, tileAt } from '../../../test/mvt.js';
import { jurisdictionByPath, loginAdmin, startTestApp, type TestApp } from '../../../test/harness.js';

const VADUZ: [number, number] = [9.5215, 47.141];
/** On the Rhine, the western border of Vaduz with Switzerland. */
const RHINE: [number, number] = [9.5035, 47.1395];
const ZURICH: [number, number] = [8.54, 47.37];

describe('offline base map: vector tiles from the OSM extract', () => {
  let t: TestApp;
  let cookie: string;
  const tile = (at: { z: number; x: number; y: number }, headers: Record<string, string> = {}) =>
    t.app.inject({ url: `/api/v1/tiles/${at.z}/${at.x}/${at.y}.mvt`, headers: { cookie, ...headers } });
  const layersAt = async (at: { z: number; x: number; y: number }) => {
    const res = await tile(at);
    expect(res.statusCode, res.body).toBe(200);
    return decodeTile(res.rawPayload, at.z, at.x, at.y);
  };

  beforeAll(async () => {
    t = await startTestApp();
    cookie = await loginAdmin(t.app);
  }, 60_000);
  afterAll(async () => t?.close());

  it('describes itself as TileJSON 3.0.0 with the layers, bounds around the country and OSM attribution', async () => {
    const res = await t.app.inject({ url: '/api/v1/tiles.json', headers: { cookie, host: 'map.example:8080' } });
    expect(res.statusCode, res.body).toBe(200);
    const tj = res.json();
    expect(tj).toMatchObject({ tilejson: '3.0.0', minzoom: 0, maxzoom: 17, attribution: '© OpenStreetMap contributors', tiles: ['http://map.example:8080/api/v1/tiles/{z}/{x}/{y}.mvt'] });
    expect(tj.vector_layers.map((l: { id: string }) => l.id)).toEqual(['roads', 'water', 'buildings', 'landuse', 'boundaries', 'places', 'housenumbers', 'jurisdiction_labels']);
    const [west, south, east, north] = tj.bounds;
    expect(west).toBeLessThan(VADUZ[0]); expect(east).toBeGreaterThan(VADUZ[0]);
    expect(south).toBeLessThan(VADUZ[1]); expect(north).toBeGreaterThan(VADUZ[1]);
    expect(east - west).toBeLessThan(1);
  });

  it('has the streets of Vaduz by class, with names and one-way flags', async () => {
    const layers = await layersAt(tileAt(VADUZ, 15));
    const roads = layers.roads ?? [];
    expect(roads.length).toBeGreaterThan(10);
    for (const r of roads) {
      expect(r.type).toBe('LineString');
      expect(ROAD_CLASSES).toContain(r.properties.class);
    }
    const classes = new Set(roads.map((r) => r.properties.class));
    expect(classes).toContain('minor');
    expect([...classes].some((c) => c === 'primary' || c === 'secondary')).toBe(true);
    expect(roads.some((r) => r.properties.name === 'Städtle')).toBe(true);
    expect(layers.buildings?.length ?? 0).toBeGreaterThan(10);
    expect(layers.buildings!.every((b) => b.type === 'Polygon')).toBe(true);
  });

  it('leaves minor roads and buildings out of a country-wide tile', async () => {
    const layers = await layersAt(tileAt(VADUZ, 9));
    const classes = new Set((layers.roads ?? []).map((r) => r.properties.class));
    expect(classes.has('primary')).toBe(true);
    expect(classes.has('minor') || classes.has('path') || classes.has('track')).toBe(false);
    expect(layers.buildings).toBeUndefined();
  });

  it('has the Rhine as a river line and water areas, and forests as land use', async () => {
    const layers = await layersAt(tileAt(RHINE, 13));
    const water = layers.water ?? [];
    expect(water.some((w) => w.type === 'LineString' && w.properties.kind === 'river' && /Rhein/.test(String(w.properties.name)))).toBe(true);
    expect(water.some((w) => w.type === 'Polygon' && w.properties.kind === 'water')).toBe(true);
    const wide = await layersAt(tileAt(VADUZ, 11));
    expect((wide.landuse ?? []).some((l) => l.properties.kind === 'forest')).toBe(true);
  });

  it('draws the jurisdiction boundaries as lines with level, name and path, and redraws them when a jurisdiction changes', async () => {
    const at = tileAt(VADUZ, 11);
    const boundaries = (await layersAt(at)).boundaries ?? [];
    expect(boundaries.every((b) => b.type === 'LineString')).toBe(true);
    const vaduz = boundaries.find((b) => b.properties.path === 'li.oberland.vaduz');
    expect(vaduz?.properties).toMatchObject({ level: 'municipality', depth: 3, name: 'Vaduz' });
    expect(boundaries.some((b) => b.properties.path === 'li' && b.properties.level === 'national')).toBe(true);

    const { id } = await jurisdictionByPath(t.app, 'li.oberland.vaduz');
    const renamed = await t.app.inject({ method: 'PATCH', url: `/api/v1/jurisdictions/${id}`, headers: { cookie }, payload: { name: 'Vaduz (Hauptort)' } });
    expect(renamed.statusCode, renamed.body).toBe(200);
    await vi.waitFor(async () => {
      const now = (await layersAt(at)).boundaries ?? [];
      expect(now.find((b) => b.properties.path === 'li.oberland.vaduz')?.properties.name).toBe('Vaduz (Hauptort)');
    }, { timeout: 10_000, interval: 100 });
  });

  it('answers 204 for a tile with nothing in it (MapLibre draws it empty)', async () => {
    const res = await tile(tileAt(ZURICH, 14));
    expect(res.statusCode).toBe(204);
    expect(res.rawPayload.length).toBe(0);
    expect((await tile({ z: 0, x: 0, y: 0 })).statusCode).toBe(200);
  });

  it('sends gzip when accepted, with the MVT media type, an ETag and revalidation by If-None-Match', async () => {
    const at = tileAt(VADUZ, 14);
    const plain = await tile(at);
    const zipped = await tile(at, { 'accept-encoding': 'gzip, deflate, br' });
    expect(zipped.statusCode).toBe(200);
    expect(zipped.headers['content-type']).toBe('application/vnd.mapbox-vector-tile');
    expect(zipped.headers['content-encoding']).toBe('gzip');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(Buffer.compare(gunzipSync(zipped.rawPayload), plain.rawPayload)).toBe(0);
    expect(zipped.headers['cache-control']).toMatch(/max-age=\d+/);
    const etag = String(zipped.headers.etag);
    expect(etag).toMatch(/^".+"$/);
    const again = await tile(at, { 'if-none-match': etag });
    expect(again.statusCode).toBe(304);
    expect(again.rawPayload.length).toBe(0);
  });

  it.each([
    ['/tiles/3/8/0.mvt', 'path.x'],
    ['/tiles/3/0/8.mvt', 'path.y'],
    ['/tiles/23/0/0.mvt', 'path.z'],
    ['/tiles/-1/0/0.mvt', 'path.z'],
    ['/tiles/abc/0/0.mvt', 'path.z'],
    ['/tiles/4/1.5/0.mvt', 'path.x'],
  ])('refuses %s with a problem naming %s', async (url, field) => {
    const res = await t.app.inject({ url: `/api/v1${url}`, headers: { cookie } });
    expect(res.statusCode, res.body).toBe(400);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.json().errors.map((e: { path: string }) => e.path)).toContain(field);
  });

  it('is in the OpenAPI document, with the reachability rings', async () => {
    const doc = (await t.app.inject('/api/v1/openapi.json')).json();
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/v1/tiles.json', '/api/v1/tiles/{z}/{x}/{y}.mvt', '/api/v1/isochrones']));
    expect(doc.paths['/api/v1/isochrones'].get.parameters.map((p: { name: string }) => p.name).sort()).toEqual(['from', 'lat', 'lon', 'minutes']);
  });

  it('is for signed-in users only', async () => {
    expect((await t.app.inject({ url: '/api/v1/tiles/0/0/0.mvt' })).statusCode).toBe(401);
    expect((await t.app.inject({ url: '/api/v1/tiles.json' })).statusCode).toBe(401);
  });
});
