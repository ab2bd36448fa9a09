import { MAP_FONT_STACK } from '@firebreak/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeGlyphPbf } from '../../../test/glyph-pbf.js';
import { decodeTile, tileAt } from '../../../test/mvt.js';
import { loginAdmin, startTestApp, type TestApp } from '../../../test/harness.js';

const VADUZ: [number, number] = [9.5215, 47.141];

describe('names on the base map: label layers and the glyphs to draw them', () => {
  let t: TestApp;
  let cookie: string;
  const layersAt = async (at: { z: number; x: number; y: number }) => {
    const res = await t.app.inject({ url: `/api/v1/tiles/${at.z}/${at.x}/${at.y}.mvt`, headers: { cookie } });
    expect(res.statusCode, res.body).toBe(200);
    return decodeTile(res.rawPayload, at.z, at.x, at.y);
  };

  beforeAll(async () => {
    t = await startTestApp();
    cookie = await loginAdmin(t.app);
  }, 60_000);
  afterAll(async () => t?.close());

  it('carries house numbers and street names in the z17 tile of an address in Vaduz', async () => {
    // The address as the geocoder finds it in the same extract: the tile must print its number and street.
    const found = await t.app.inject({ url: `/api/v1/geocode?q=${encodeURIComponent('Aeulestrasse 20')}`, headers: { cookie } });
    expect(found.statusCode, found.body).toBe(200);
    const hit = found.json().results[0];
    expect(hit).toMatchObject({ kind: 'address', label: expect.stringMatching(/^Aeulestrasse 20\b/) });
    const point = hit.point.coordinates as [number, number];
    const layers = await layersAt(tileAt(point, 17));
    const numbers = layers.housenumbers ?? [];
    expect(numbers.length).toBeGreaterThan(0);
    expect(numbers.every((n) => n.type === 'Point' && typeof n.properties.housenumber === 'string')).toBe(true);
    const twenty = numbers.filter((n) => n.properties.housenumber === '20');
    const near = twenty.map((n) => n.geometry.coordinates as [number, number])
      .map(([lon, lat]) => Math.hypot((lon - point[0]) * 75_000, (lat - point[1]) * 111_000));
    expect(Math.min(...near)).toBeLessThan(40);
    // OSM spells the street both ways (a 2015 extract): either is its name on the map.
    expect((layers.roads ?? []).some((r) => /^(Ä|Ae)ulestrasse$/.test(String(r.properties.name)))).toBe(true);
  });

  it('leaves house numbers out above street level', async () => {
    const layers = await layersAt(tileAt(VADUZ, 14));
    expect(layers.housenumbers).toBeUndefined();
    expect((layers.roads ?? []).filter((r) => r.properties.name).length).toBeGreaterThan(5);
  });

  it('has place names and one label point per jurisdiction, with name:zh where OSM has it', async () => {
    const layers = await layersAt(tileAt(VADUZ, 12));
    const places = layers.places ?? [];
    expect(places.length).toBeGreaterThan(0);
    expect(places.every((p) => p.type === 'Point' && typeof p.properties.kind === 'string' && (p.properties.name || p.properties['name:zh']))).toBe(true);
    const labels = layers.jurisdiction_labels ?? [];
    const vaduz = labels.find((l) => l.properties.path === 'li.oberland.vaduz');
    expect(vaduz?.properties).toMatchObject({ level: 'municipality', depth: 3, name: 'Vaduz' });
    // Vaduz is 瓦杜兹 in OSM's name:zh: the UI shows it in Chinese.
    expect([...labels, ...places].some((f) => /^瓦杜/.test(String(f.properties['name:zh'])))).toBe(true);
  });

  it('serves glyph ranges made from the bundled Noto fonts, Latin and CJK, without signing in', async () => {
    const url = (range: string) => `/api/v1/glyphs/${encodeURIComponent(MAP_FONT_STACK)}/${range}.pbf`;
    const latin = await t.app.inject({ url: url('0-255') });
    expect(latin.statusCode, latin.body).toBe(200);
    expect(latin.headers['content-type']).toBe('application/x-protobuf');
    const [stack] = decodeGlyphPbf(latin.rawPayload);
    expect(stack).toMatchObject({ name: MAP_FONT_STACK, range: '0-255' });
    const a = stack!.glyphs.find((g) => g.id === 'A'.codePointAt(0));
    expect(a).toBeDefined();
    expect(a!.bitmap!.length).toBe((a!.width + 6) * (a!.height + 6));
    expect(a!.advance).toBeGreaterThan(10);
    // Ä and ü, for Äulestrasse and Schaanerstrasse's neighbours.
    expect(stack!.glyphs.map((g) => g.id)).toEqual(expect.arrayContaining([0xc4, 0xfc]));
    // 瓦 (U+74E6) of 瓦杜兹, Vaduz in Chinese: range 29696-29951.
    const cjk = await t.app.inject({ url: url('29696-29951'), headers: { 'accept-encoding': 'gzip' } });
    expect(cjk.statusCode).toBe(200);
    expect(cjk.headers['content-encoding']).toBe('gzip');
    const { gunzipSync } = await import('node:zlib');
    const wa = decodeGlyphPbf(gunzipSync(cjk.rawPayload))[0]!.glyphs.find((g) => g.id === 0x74e6);
    expect(wa?.width).toBeGreaterThan(15);
    // A range no bundled font covers is a valid, empty range.
    const none = await t.app.inject({ url: url('57344-57599') });
    expect(none.statusCode).toBe(200);
    expect(decodeGlyphPbf(none.rawPayload)[0]!.glyphs).toEqual([]);
  });

  it.each([
    ['/glyphs/Noto%20Sans%20Regular/1-256.pbf', 400, 'path.range'],
    ['/glyphs/Noto%20Sans%20Regular/0-511.pbf', 400, 'path.range'],
    ['/glyphs/Noto%20Sans%20Regular/65536-65791.pbf', 400, 'path.range'],
    ['/glyphs/Comic%20Sans/0-255.pbf', 404, null],
  ])('refuses %s', async (path, status, field) => {
    const res = await t.app.inject({ url: `/api/v1${path}` });
    expect(res.statusCode, res.body).toBe(status);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    if (field) expect(res.json().errors.map((e: { path: string }) => e.path)).toContain(field);
  });
});
