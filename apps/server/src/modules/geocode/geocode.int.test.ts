import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser, loginAdmin, startTestApp, type TestApp } from '../../../test/harness.js';

/** Inside Vaduz, near the Städtle; and the Äulestrasse (spelled "Aeulestrasse" on its house numbers in OSM). */
const VADUZ: [number, number] = [9.5215, 47.141];

describe('geocoder: GET /geocode and /geocode/reverse over the demo extract', () => {
  let t: TestApp;
  let admin: string;
  let dispatcher: string;
  const geocode = (query: string, cookie = admin) => t.app.inject({ url: `/api/v1/geocode?${query}`, headers: { cookie } });

  beforeAll(async () => {
    t = await startTestApp();
    admin = await loginAdmin(t.app);
    // A dispatcher of another municipality: an address is public, so they find Vaduz's too.
    dispatcher = (await createUser(t.app, 'dispatcher', 'li.unterland')).cookie;
  }, 60_000);
  afterAll(async () => t?.close());

  it('finds "Aeulestrasse 20" (no umlaut, no town) as an address in Vaduz, owned by Vaduz', async () => {
    const res = await geocode('q=Aeulestrasse%2020', dispatcher);
    expect(res.statusCode, res.body).toBe(200);
    const [first] = res.json().results;
    expect(first).toMatchObject({ kind: 'address', interpolated: false, label: 'Aeulestrasse 20, Vaduz' });
    expect(first.jurisdiction.path).toBe('li.oberland.vaduz');
    expect(first.jurisdiction.name).toBe('Vaduz');
    expect(first.confidence).toBeGreaterThan(0.9);
    const [lon, lat] = first.point.coordinates;
    expect(Math.abs(lon - VADUZ[0])).toBeLessThan(0.02);
    expect(Math.abs(lat - VADUZ[1])).toBeLessThan(0.02);
  });

  it('takes the caller\'s words in any order, abbreviated, with a typo, while they are typed', async () => {
    for (const q of ['Vaduz, 20 Äulestr.', 'Aulestrase 20', 'Äulestrasse 20, Vaduz']) {
      const res = await geocode(`q=${encodeURIComponent(q)}`);
      expect(res.json().results[0]?.label, q).toBe('Aeulestrasse 20, Vaduz');
    }
    const typing = await geocode(`q=${encodeURIComponent('Aeulestrasse 2')}`);
    expect(typing.json().results.map((r: { label: string }) => r.label)).toContain('Aeulestrasse 20, Vaduz');
  });

  it('finds jurisdictions and places, in Chinese where OSM has name:zh', async () => {
    const res = await geocode(`q=${encodeURIComponent('瓦杜')}`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().results[0]).toMatchObject({ label: 'Vaduz' });
    const municipality = await geocode('q=Schaan&limit=20');
    expect(municipality.json().results.some((r: { kind: string; label: string }) => r.kind === 'jurisdiction' && r.label === 'Schaan')).toBe(true);
  });

  it('ranks equal matches by distance to near', async () => {
    // "Landstrasse" is a street in several municipalities: the nearest first.
    const near = (lon: number, lat: number) => geocode(`q=Landstrasse&limit=10&near=${lon},${lat}`).then((r) => r.json().results as { kind: string; distanceM: number }[]);
    for (const [lon, lat] of [[9.52, 47.14], [9.51, 47.23]] as const) {
      const streets = (await near(lon, lat)).filter((r) => r.kind === 'street');
      expect(streets.length).toBeGreaterThan(1);
      expect(streets.map((s) => s.distanceM)).toEqual([...streets.map((s) => s.distanceM)].sort((a, b) => a - b));
    }
  });

  it('reverse: the nearest address and street to a point in Vaduz, and Vaduz', async () => {
    const res = await t.app.inject({ url: `/api/v1/geocode/reverse?lon=${VADUZ[0]}&lat=${VADUZ[1]}`, headers: { cookie: dispatcher } });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.jurisdiction.path).toBe('li.oberland.vaduz');
    expect(body.street.kind).toBe('street');
    expect(body.street.distanceM).toBeLessThan(100);
    expect(body.address.kind).toBe('address');
    expect(body.address.distanceM).toBeLessThanOrEqual(150);
  });

  it('turns bad input away with a 400 naming the field', async () => {
    const bad: [string, string][] = [
      ['q=', 'q'], ['q=%20%20', 'q'], [`q=${'a'.repeat(10_240)}`, 'q'], ['q=Vaduz%00', 'q'], ['q=Va%07duz', 'q'],
      ['q=%ED%A0%80', 'q'], ['q=Vaduz&near=200,47', 'near'], ['q=Vaduz&near=abc', 'near'], ['q=Vaduz&limit=0', 'limit'], ['', 'q'],
    ];
    for (const [query, field] of bad) {
      const res = await geocode(query);
      expect(res.statusCode, `${query.slice(0, 40)}: ${res.body.slice(0, 200)}`).toBe(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(JSON.stringify(res.json()), query.slice(0, 40)).toContain(field);
    }
    for (const query of ['lon=181&lat=47', 'lon=9.5&lat=-91', 'lon=x&lat=47', 'lat=47']) {
      const res = await t.app.inject({ url: `/api/v1/geocode/reverse?${query}`, headers: { cookie: admin } });
      expect(res.statusCode, query).toBe(400);
    }
  });

  it('is for signed-in staff only', async () => {
    const res = await t.app.inject({ url: '/api/v1/geocode?q=Vaduz' });
    expect(res.statusCode).toBe(401);
  });
});
