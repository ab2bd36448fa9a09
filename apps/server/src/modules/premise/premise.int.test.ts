import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Cast, startTestApp, type TestApp } from '../../../test/harness.js';

/** Metres east and north of a point, in lon/lat (good enough at Vaduz's latitude for tens of metres). */
const offset = ([lon, lat]: [number, number], east: number, north: number): [number, number] => [lon + east / (111_000 * Math.cos((lat * Math.PI) / 180)), lat + north / 111_000];

describe('GET /intake/premise: what is known about the place, at intake', () => {
  let t: TestApp;
  const cast = new Cast(() => t.app);
  let now = new Date('2026-03-02T09:00:00Z');
  let at: [number, number];
  const premise = (who: string, query: string) => cast.call(who, 'GET', `/intake/premise?${query}`);
  const post = (url: string, payload: object) => cast.call('admin', 'POST', url, payload);
  /** Moves the injected clock; sessions end with their absolute lifetime, so everyone signs in again. */
  const setNow = (d: Date) => {
    now = d;
    cast.forgetSessions();
  };

  beforeAll(async () => {
    t = await startTestApp({ clock: () => now });
    await cast.add('vaduz', 'dispatcher', 'li.oberland.vaduz');
    await cast.add('schaan', 'dispatcher', 'li.oberland.schaan');
    const found = await cast.call('admin', 'GET', `/geocode?q=${encodeURIComponent('Aeulestrasse 20')}`);
    at = found.json().results[0].point.coordinates;

    // A kindergarten 80 m away with a hazard due in a week; a fuel station 150 m away with one due tomorrow; a school 400 m away.
    const kindergarten = await post('/places', { name: 'Kindergarten Äule (test)', category: 'kindergarten', geometry: { type: 'Point', coordinates: offset(at, 80, 0) } });
    expect(kindergarten.statusCode, kindergarten.body).toBe(201);
    const fuel = await post('/places', { name: 'Tankstelle (test)', category: 'fuel_station', geometry: { type: 'Point', coordinates: offset(at, 0, -150) } });
    const far = await post('/places', { name: 'Far school (test)', category: 'school', geometry: { type: 'Point', coordinates: offset(at, 400, 0) } });
    expect(far.statusCode).toBe(201);
    for (const [place, title, grade] of [[kindergarten, 'Blocked exit (test)', 'major'], [fuel, 'Leaking pump (test)', 'general']] as const) {
      const raised = await post('/hazards', { placeId: place.json().id, grade, title });
      expect(raised.statusCode, raised.body).toBe(201);
    }
    // A call at the address 3 days ago, and one 40 days ago (too old), one 200 m away (too far).
    for (const location of [at, offset(at, 200, 0)]) {
      const res = await post('/incidents', { type: 'fire', priority: 'P2', location });
      expect(res.statusCode, res.body).toBe(201);
    }
    setNow(new Date(now.getTime() + 3 * 86_400_000));
  }, 90_000);
  afterAll(async () => t?.close());

  it('answers in one request: jurisdiction, on duty, key places and open hazards within 200 m, recent incidents within 50 m', async () => {
    const res = await premise('vaduz', `lon=${at[0]}&lat=${at[1]}`);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.jurisdiction).toMatchObject({ path: 'li.oberland.vaduz', name: 'Vaduz', level: 'municipality' });
    const places = body.keyPlaces.map((p: { name: string }) => p.name);
    expect(places).toEqual(expect.arrayContaining(['Kindergarten Äule (test)', 'Tankstelle (test)']));
    expect(places).not.toContain('Far school (test)');
    const distances = body.keyPlaces.map((p: { distanceMetres: number }) => p.distanceMetres);
    expect(distances).toEqual([...distances].sort((a, b) => a - b));
    expect(Math.max(...distances)).toBeLessThanOrEqual(200);
    const kg = body.keyPlaces.find((p: { name: string }) => p.name === 'Kindergarten Äule (test)');
    expect(kg.distanceMetres).toBeGreaterThan(70); expect(kg.distanceMetres).toBeLessThan(90);

    const hazards = body.hazards.filter((h: { title: string }) => h.title.endsWith('(test)'));
    expect(hazards.map((h: { title: string }) => h.title).sort()).toEqual(['Blocked exit (test)', 'Leaking pump (test)']);
    for (const h of hazards) expect(h.ageDays).toBe(3);
    expect(body.recentIncidents.length).toBe(1);
    expect(body.recentIncidents[0]).toMatchObject({ type: 'fire', priority: 'P2' });
    expect(body.recentIncidents[0].distanceMetres).toBeLessThan(50);
    expect(body.duplicates).toBeNull();
    expect(Array.isArray(body.onDuty.units)).toBe(true);
    expect(body.onDuty.units.every((u: { status: string }) => u.status !== 'out_of_service')).toBe(true);
  });

  it('flags hazards past their deadline as overdue, and drops incidents older than 30 days', async () => {
    const before = (await premise('admin', `lon=${at[0]}&lat=${at[1]}`)).json();
    const saved = now;
    setNow(new Date(now.getTime() + 60 * 86_400_000));
    try {
      const later = (await premise('admin', `lon=${at[0]}&lat=${at[1]}`)).json();
      const overdueBefore = before.hazards.filter((h: { title: string; overdue: boolean }) => h.title.endsWith('(test)') && h.overdue);
      const overdueLater = later.hazards.filter((h: { title: string; overdue: boolean }) => h.title.endsWith('(test)') && h.overdue);
      expect(overdueLater.length).toBe(2);
      expect(overdueBefore.length).toBeLessThan(2);
      expect(later.recentIncidents).toEqual([]);
    } finally {
      setNow(saved);
    }
  });

  it('adds the possible duplicates once the type is known (the intake query, reused)', async () => {
    const res = await premise('vaduz', `lon=${at[0]}&lat=${at[1]}&type=fire`);
    expect(res.statusCode, res.body).toBe(200);
    const dup = await cast.call('vaduz', 'GET', `/incidents/possible-duplicates?type=fire&lon=${at[0]}&lat=${at[1]}`);
    expect(res.json().duplicates).toEqual(dup.json());
  });

  it('keeps each part within the caller\'s scope: a Schaan dispatcher sees the jurisdiction, not Vaduz\'s hazards or calls', async () => {
    const res = await premise('schaan', `lon=${at[0]}&lat=${at[1]}`);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.jurisdiction.path).toBe('li.oberland.vaduz');
    expect(body.hazards).toEqual([]);
    expect(body.recentIncidents).toEqual([]);
    expect(body.onDuty.units).toEqual([]);
  });

  it.each([
    ['lon=abc&lat=47.1', 'query.lon'],
    ['lon=9.5&lat=95', 'query.lat'],
    ['lat=47.1', 'query.lon'],
    ['lon=9.5&lat=47.1&type=volcano', 'query.type'],
    ['lon=9.5&lat=47.1&extra=1', 'query.extra'],
  ])('refuses %s with a 400 problem naming %s', async (query, field) => {
    const res = await premise('admin', query);
    expect(res.statusCode, res.body).toBe(400);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.json().errors.map((e: { path: string }) => e.path)).toContain(field);
  });

  it('is for signed-in users only', async () => {
    expect((await t.app.inject({ url: `/api/v1/intake/premise?lon=9.5&lat=47.1` })).statusCode).toBe(401);
  });
});
