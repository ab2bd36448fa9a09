import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CorridorIndex, naiveInside, segmentDistanceSq } from './corridor-index.js';
import { freshWatch, watchFix, watchPlan, watchSilence, localSpans, zoneActiveAt, zoneActiveDuring } from './transport-model.js';

const MINUTE = 60_000;
// A straight route due east at 47.1° N: 0.01° of longitude is about 758 m.
const route: [number, number][] = [[9.50, 47.1], [9.52, 47.1], [9.54, 47.1]];
const school = { id: 's1', kind: 'school' as const, name: 'Primarschule', hours: 'Mo-Fr 07:00-17:00', rings: [[[9.525, 47.1005], [9.527, 47.1005], [9.527, 47.1015], [9.525, 47.1015], [9.525, 47.1005]]] as [number, number][][] };

describe('zone hours', () => {
  const school = { kind: 'school' as const, hours: 'Mo-Fr 07:00-17:00' }; // the built-in default
  it('protects a school while it is open by its hours, in local time, and cordons always', () => {
    expect(zoneActiveAt(school, Date.parse('2026-03-10T08:00:00Z'))).toBe(true); // Tuesday 09:00 CET
    expect(zoneActiveAt(school, Date.parse('2026-03-10T16:30:00Z'))).toBe(false); // 17:30
    expect(zoneActiveAt(school, Date.parse('2026-03-14T09:00:00Z'))).toBe(false); // Saturday
    expect(zoneActiveAt(school, Date.parse('2026-07-07T05:30:00Z'))).toBe(true); // 07:30 CEST
    expect(zoneActiveAt(school, Date.parse('2026-07-07T04:30:00Z'))).toBe(false); // 06:30 CEST
    expect(zoneActiveAt({ kind: 'cordon', hours: null }, Date.parse('2026-03-14T23:00:00Z'))).toBe(true);
  });

  it('reads a place\'s own OSM hours, and treats no hours or unreadable ones as always open', () => {
    const morning = { kind: 'kindergarten' as const, hours: 'Mo-Fr 08:00-12:00; Sa 09:00-11:00' };
    expect(zoneActiveAt(morning, Date.parse('2026-03-10T08:00:00Z'))).toBe(true); // Tue 09:00
    expect(zoneActiveAt(morning, Date.parse('2026-03-10T12:00:00Z'))).toBe(false); // Tue 13:00
    expect(zoneActiveAt(morning, Date.parse('2026-03-14T09:30:00Z'))).toBe(true); // Sat 10:30
    expect(zoneActiveAt({ kind: 'school', hours: null }, Date.parse('2026-03-15T02:00:00Z'))).toBe(true);
    expect(zoneActiveAt({ kind: 'school', hours: 'not hours at all' }, Date.parse('2026-03-15T02:00:00Z'))).toBe(true);
  });

  it('holds a window against the hours over its local days', () => {
    // Monday 20:00 to Tuesday 07:30 CET reaches Tuesday's opening; to 06:45 it does not.
    expect(zoneActiveDuring(school, Date.parse('2026-03-09T19:00:00Z'), Date.parse('2026-03-10T06:30:00Z'))).toBe(true);
    expect(zoneActiveDuring(school, Date.parse('2026-03-09T19:00:00Z'), Date.parse('2026-03-10T05:45:00Z'))).toBe(false);
    // Friday 20:00 to Sunday 21:00: a weekend.
    expect(zoneActiveDuring(school, Date.parse('2026-03-13T19:00:00Z'), Date.parse('2026-03-15T20:00:00Z'))).toBe(false);
    // Friday evening to Monday 08:00 (72 h less a little) catches Monday morning.
    expect(zoneActiveDuring(school, Date.parse('2026-03-13T19:00:00Z'), Date.parse('2026-03-16T07:00:00Z'))).toBe(true);
    expect(zoneActiveDuring({ kind: 'cordon', hours: null }, Date.parse('2026-03-14T19:00:00Z'), Date.parse('2026-03-14T20:00:00Z'))).toBe(true);
  });

  it('cuts a window into local days, across midnight and a DST change', () => {
    expect(localSpans(Date.parse('2026-03-09T19:00:00Z'), Date.parse('2026-03-10T06:30:00Z'))).toEqual([
      { day: 'Mo', date: '2026-03-09', fromMinute: 20 * 60, toMinute: 1440 }, { day: 'Tu', date: '2026-03-10', fromMinute: 0, toMinute: 7 * 60 + 30 },
    ]);
    // Sunday 29 March 2026, 02:00 CET becomes 03:00 CEST.
    expect(localSpans(Date.parse('2026-03-29T00:30:00Z'), Date.parse('2026-03-29T02:00:00Z'))).toEqual([{ day: 'Su', date: '2026-03-29', fromMinute: 90, toMinute: 240 }]);
  });
});

describe('the watch', () => {
  const plan = watchPlan({ route, corridorMeters: 200, zones: [school], from: route[0]!, to: route[2]!, maxStopMinutes: 10, darkAfterMinutes: 5 });
  const t0 = Date.parse('2026-03-10T08:00:00Z');

  it('raises each alert once per excursion, in order, and ignores fixes not newer than the last', () => {
    const s = freshWatch();
    const at = (lon: number, lat: number, min: number, speedKmh = 40) => watchFix(plan, s, { lon, lat, at: t0 + min * MINUTE, speedKmh })?.map((a) => a.kind) ?? null;
    expect(at(9.505, 47.1, 1)).toEqual([]);
    expect(at(9.510, 47.105, 2)).toEqual(['left_corridor']); // ~550 m north
    expect(watchFix(plan, freshWatch(), { lon: 9.51, lat: 47.11, at: t0, speedKmh: 40 })?.[0]?.detail.metersOff).toBe(1106); // 0.01° north: far beyond every box
    expect(at(9.511, 47.105, 3)).toEqual([]); // still out: no repeat
    expect(at(9.511, 47.105, 2.5)).toBeNull(); // older than the last
    expect(at(9.515, 47.1, 4)).toEqual(['rejoined_corridor']);
    expect(at(9.518, 47.104, 5)).toEqual(['left_corridor']); // a second excursion is a second alert
    expect(at(9.526, 47.101, 6)).toEqual(['rejoined_corridor', 'entered_zone']);
    expect(at(9.526, 47.101, 10, 0)).toEqual([]);
    expect(at(9.526, 47.101, 17, 0)).toEqual(['stopped']); // 11 minutes where it stopped at 6
    expect(at(9.526, 47.101, 25, 0)).toEqual([]); // once per stop
    expect(watchSilence(plan, s, t0 + 29 * MINUTE, t0)).toBeNull();
    expect(watchSilence(plan, s, t0 + 31 * MINUTE, t0)?.kind).toBe('dark');
    expect(watchSilence(plan, s, t0 + 40 * MINUTE, t0)).toBeNull(); // once per silence
    expect(at(9.530, 47.1, 41)).toEqual([]); // left the zone: no alert for that
    expect(at(9.5399, 47.1, 43)).toEqual(['arrived']);
    expect(at(9.5399, 47.1, 44)).toBeNull();
  });

  it('does not count standing at the sending site, nor a school out of its hours', () => {
    const s = freshWatch();
    const saturday = Date.parse('2026-03-14T08:00:00Z');
    for (let m = 0; m <= 30; m += 5) expect(watchFix(plan, s, { lon: 9.5001, lat: 47.1, at: saturday + m * MINUTE, speedKmh: 0 })).toEqual([]);
    expect(watchFix(plan, s, { lon: 9.526, lat: 47.101, at: saturday + 40 * MINUTE, speedKmh: 30 })).toEqual([]);
  });
});

describe('approved stops and arrival by dwell', () => {
  const t0 = Date.parse('2026-03-10T08:00:00Z');
  // A rest area on the route at 9.52 (1.5 km from either site), allowed 30 minutes; elsewhere 10.
  const plan = watchPlan({ route, corridorMeters: 200, zones: [], from: route[0]!, to: route[2]!, maxStopMinutes: 10, darkAfterMinutes: 5,
    stops: [{ name: 'Rest area', location: [9.52, 47.1], maxMinutes: 30, radiusMeters: 100 }], arrivalMeters: 150, arrivalMinutes: 3 });
  const fixAt = (s: ReturnType<typeof freshWatch>, lon: number, min: number, speedKmh = 0) => watchFix(plan, s, { lon, lat: 47.1, at: t0 + min * MINUTE, speedKmh });

  it('lets a vehicle stand at an approved stop for its own allowance, and no longer', () => {
    const s = freshWatch();
    expect(fixAt(s, 9.5205, 0)).toEqual([]);
    for (let m = 5; m <= 25; m += 5) expect(fixAt(s, 9.5205, m)).toEqual([]); // 25 minutes: beyond 10, within 30
    const over = fixAt(s, 9.5205, 31)!;
    expect(over.map((a) => a.kind)).toEqual(['stopped']);
    expect(over[0]!.detail).toEqual({ minutes: 31, allowedMinutes: 30, stopName: 'Rest area' });
  });

  it('holds a stop outside the approved ones to the permit\'s allowance', () => {
    const s = freshWatch();
    expect(fixAt(s, 9.53, 0)).toEqual([]); // 760 m east of the rest area
    expect(fixAt(s, 9.53, 9)).toEqual([]);
    expect(fixAt(s, 9.53, 10)![0]!.detail).toEqual({ minutes: 10, allowedMinutes: 10 });
  });

  it('arrives only after staying near the receiver for the dwell: driving past is not arriving', () => {
    const s = freshWatch();
    expect(fixAt(s, 9.538, 0, 30)).toEqual([]); // 152 m short: just outside the radius
    expect(fixAt(s, 9.5395, 1, 30)).toEqual([]);
    expect(fixAt(s, 9.536, 2, 30)).toEqual([]); // left the radius: the dwell starts again
    expect(fixAt(s, 9.539, 3)).toEqual([]);
    expect(fixAt(s, 9.539, 5)).toEqual([]);
    const arrived = fixAt(s, 9.539, 6)!;
    expect(arrived.map((a) => [a.kind, a.detail.minutes])).toEqual([['arrived', 3]]);
    expect(s.arrived).toBe(true);
    expect(fixAt(s, 9.539, 7)).toBeNull();
  });

  it('reads school hours in the deployment\'s time zone, not the server\'s', () => {
    const school = { kind: 'school' as const, hours: 'Mo-Fr 07:00-17:00' };
    const at = Date.parse('2026-03-10T13:30:00Z'); // Tuesday: 14:30 in Vaduz, 09:30 in New York, 22:30 in Tokyo
    expect(zoneActiveAt(school, at, 'Europe/Vaduz')).toBe(true);
    expect(zoneActiveAt(school, at, 'America/New_York')).toBe(true);
    expect(zoneActiveAt(school, at, 'Asia/Tokyo')).toBe(false);
    expect(zoneActiveDuring(school, Date.parse('2026-03-10T12:00:00Z'), Date.parse('2026-03-10T20:00:00Z'), 'Asia/Tokyo')).toBe(false);
    const tokyo = watchPlan({ route, corridorMeters: 200, zones: [{ id: 'z', kind: 'school', name: 'S', hours: school.hours, rings: [[[9.525, 47.0995], [9.527, 47.0995], [9.527, 47.1005], [9.525, 47.1005], [9.525, 47.0995]]] }],
      from: route[0]!, to: route[2]!, maxStopMinutes: 10, darkAfterMinutes: 5, timeZone: 'Asia/Tokyo' });
    expect(watchFix(tokyo, freshWatch(), { lon: 9.526, lat: 47.1, at, speedKmh: 30 })).toEqual([]);
    expect(watchFix(tokyo, freshWatch(), { lon: 9.526, lat: 47.1, at: Date.parse('2026-03-10T01:00:00Z'), speedKmh: 30 })!.map((a) => a.kind)).toEqual(['entered_zone']); // 10:00 in Tokyo
  });
});

describe('the corridor index', () => {
  it('agrees with the naive check of every corridor (random corridors and fixes)', () => {
    const pt = fc.tuple(fc.double({ min: -5000, max: 5000, noNaN: true }), fc.double({ min: -5000, max: 5000, noNaN: true }));
    fc.assert(fc.property(
      fc.array(fc.record({ line: fc.array(pt, { minLength: 2, maxLength: 8 }), width: fc.integer({ min: 50, max: 800 }) }), { minLength: 1, maxLength: 12 }),
      fc.array(pt, { minLength: 1, maxLength: 30 }),
      (lines, fixes) => {
        const corridors = lines.map((l) => ({ coords: Float64Array.from(l.line.flat()), widthM: l.width }));
        const index = new CorridorIndex(corridors);
        for (const [x, y] of fixes) for (let ci = 0; ci < corridors.length; ci++) expect(index.inside(ci, x, y)).toBe(naiveInside(corridors, ci, x, y));
      },
    ), { numRuns: 200 });
  });

  it('measures the distance to the nearest segment, not to its line', () => {
    expect(segmentDistanceSq(5, 3, 0, 0, 10, 0)).toBe(9);
    expect(segmentDistanceSq(13, 4, 0, 0, 10, 0)).toBe(25);
    const index = new CorridorIndex([{ coords: Float64Array.from([0, 0, 10, 0]), widthM: 5 }]);
    expect(index.distanceTo(0, 13, 4)).toBe(5);
    expect(index.inside(0, 13, 4.01)).toBe(false);
    expect(index.distanceTo(0, 5, 300, Infinity)).toBe(300);
  });
});

describe('closed days', () => {
  it("a permit's zone is not protected on the local dates it is closed", () => {
    const zone = { kind: 'school' as const, hours: 'Mo-Fr 07:00-17:00', closedDates: ['2026-03-19'] };
    // 09:00 in Vaduz (UTC+1 in March) on Wednesday and Thursday.
    expect(zoneActiveAt(zone, Date.parse('2026-03-18T08:00:00Z'), 'Europe/Vaduz')).toBe(true);
    expect(zoneActiveAt(zone, Date.parse('2026-03-19T08:00:00Z'), 'Europe/Vaduz')).toBe(false);
    // 23:30 UTC on the 18th is already the 19th in Vaduz.
    expect(zoneActiveAt({ ...zone, hours: '24/7' }, Date.parse('2026-03-18T23:30:00Z'), 'Europe/Vaduz')).toBe(false);
    expect(zoneActiveDuring(zone, Date.parse('2026-03-19T06:00:00Z'), Date.parse('2026-03-19T16:00:00Z'), 'Europe/Vaduz')).toBe(false);
    expect(zoneActiveDuring(zone, Date.parse('2026-03-18T15:00:00Z'), Date.parse('2026-03-19T16:00:00Z'), 'Europe/Vaduz')).toBe(true);
    expect(zoneActiveDuring({ kind: 'cordon', hours: null, closedDates: ['2026-03-19'] }, Date.parse('2026-03-19T06:00:00Z'), Date.parse('2026-03-19T16:00:00Z'), 'Europe/Vaduz')).toBe(true);
  });
});
