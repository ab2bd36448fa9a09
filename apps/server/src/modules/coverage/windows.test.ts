import { coverageWindowOf, SCHOOL_DAYS, TimeWindowText } from '@firebreak/contracts';
import { describe, expect, it } from 'vitest';
import { hoursOf, hoursProblem, openDuring, openShare } from './windows.js';

const w = (text: string, days?: Parameters<typeof coverageWindowOf>[1]) => coverageWindowOf(text, days);

describe('time windows', () => {
  it('reads HH:MM-HH:MM windows and refuses the rest with a reason', () => {
    expect(TimeWindowText.safeParse('07:30-08:30').success).toBe(true);
    expect(TimeWindowText.safeParse('22:00-24:00').success).toBe(true);
    for (const bad of ['08:30-07:30', '07:30-07:30', '7:30-8:30', '07:30', '25:00-26:00', '07:30-08:30-09:00', '']) {
      expect(TimeWindowText.safeParse(bad).success, bad).toBe(false);
    }
    expect(w('07:30-08:30')).toEqual({ fromMinute: 450, toMinute: 510, days: ['Mo', 'Tu', 'We', 'Th', 'Fr', 'Sa', 'Su'] });
  });

  it('gives the share of the window a place is open, over the days asked', () => {
    const school = 'Mo-Fr 08:00-12:00,13:30-16:30';
    expect(openShare(school, w('07:30-08:30', SCHOOL_DAYS))).toBeCloseTo(0.5, 9);
    expect(openShare(school, w('09:00-10:00', SCHOOL_DAYS))).toBe(1);
    expect(openShare(school, w('12:00-13:30', SCHOOL_DAYS))).toBe(0);
    // Saturday closed: one open day of two.
    expect(openShare(school, w('09:00-10:00', ['Fr', 'Sa']))).toBeCloseTo(0.5, 9);
    expect(openShare(school, w('09:00-10:00', ['Su']))).toBe(0);
    expect(openShare('24/7', w('03:00-04:00'))).toBe(1);
    expect(openShare(null, w('03:00-04:00'))).toBe(1);
  });

  it('names what is wrong with unreadable hours', () => {
    expect(hoursProblem('Mo-Fr 07:30-16:30')).toBeNull();
    expect(hoursProblem('Mo-Fr 25:00-26:00')).toMatch(/25:00/);
    expect(hoursProblem('whenever')).not.toBeNull();
  });

  it("uses the place's own hours, else the deepest jurisdiction's default, else the built-in one", () => {
    const byPath = new Map([['li', { school: 'Mo-Fr 07:00-12:00' }], ['li.oberland', { school: 'Mo-Sa 07:00-13:00' }]]);
    expect(hoursOf({ category: 'school', jurisdictionPath: 'li.oberland.vaduz', openingHours: 'Mo-Fr 08:00-15:00' }, byPath)).toEqual({ hours: 'Mo-Fr 08:00-15:00', source: 'place' });
    expect(hoursOf({ category: 'school', jurisdictionPath: 'li.oberland.vaduz', openingHours: 'nonsense hours' }, byPath)).toEqual({ hours: 'Mo-Sa 07:00-13:00', source: 'jurisdiction' });
    expect(hoursOf({ category: 'school', jurisdictionPath: 'li.unterland.eschen' }, byPath)).toEqual({ hours: 'Mo-Fr 07:00-12:00', source: 'jurisdiction' });
    expect(hoursOf({ category: 'school', jurisdictionPath: 'at.tirol' }, byPath)).toEqual({ hours: 'Mo-Fr 07:00-17:00', source: 'default' });
    expect(hoursOf({ category: 'hospital', jurisdictionPath: 'li' }, byPath)).toEqual({ hours: null, source: 'always' });
  });
});

describe('open during local spans (for other modules keeping away from open places)', () => {
  it('answers whether a place is open at some moment of the spans, unknown and unreadable hours counting as open', () => {
    const school = 'Mo-Fr 07:00-17:00';
    expect(openDuring(school, [{ day: 'Tu', fromMinute: 9 * 60, toMinute: 9 * 60 }])).toBe(true);
    expect(openDuring(school, [{ day: 'Tu', fromMinute: 17 * 60, toMinute: 17 * 60 }])).toBe(false);
    expect(openDuring(school, [{ day: 'Mo', fromMinute: 20 * 60, toMinute: 1440 }, { day: 'Tu', fromMinute: 0, toMinute: 6 * 60 + 59 }])).toBe(false);
    expect(openDuring(school, [{ day: 'Mo', fromMinute: 20 * 60, toMinute: 1440 }, { day: 'Tu', fromMinute: 0, toMinute: 7 * 60 + 1 }])).toBe(true);
    expect(openDuring(school, [{ day: 'Sa', fromMinute: 0, toMinute: 1440 }, { day: 'Su', fromMinute: 0, toMinute: 1440 }])).toBe(false);
    expect(openDuring('Sa 10:00-12:00 open "by appointment"', [{ day: 'Sa', fromMinute: 11 * 60, toMinute: 11 * 60 }])).toBe(true);
    expect(openDuring(null, [{ day: 'Su', fromMinute: 3 * 60, toMinute: 3 * 60 }])).toBe(true);
    expect(openDuring('whenever we like', [{ day: 'Su', fromMinute: 3 * 60, toMinute: 3 * 60 }])).toBe(true);
  });
});
