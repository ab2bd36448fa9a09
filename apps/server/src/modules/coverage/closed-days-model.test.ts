import { describe, expect, it } from 'vitest';
import { closedDaysOf, closedOn, keepsHolidayHours, weekdayOf, type ClosedDayRule } from './closed-days-model.js';

const national: ClosedDayRule = { jurisdictionPath: 'li', from: '2026-03-19', to: '2026-03-19', kind: 'public_holiday', categories: ['school', 'kindergarten'] };
const vaduzBreak: ClosedDayRule = { jurisdictionPath: 'li.oberland.vaduz', from: '2026-02-14', to: '2026-02-22', kind: 'school_holiday', categories: ['school'] };
const rules = [national, vaduzBreak];
const vaduzSchool = { category: 'school', jurisdictionPath: 'li.oberland.vaduz' };
const schaanSchool = { category: 'school', jurisdictionPath: 'li.oberland.schaan' };
const byDefault = { hours: 'Mo-Fr 07:00-17:00', source: 'default' as const };

describe('closed days (pure)', () => {
  it('apply down the tree from where they are set, to their categories, inclusive of both ends', () => {
    expect(closedDaysOf(schaanSchool, '2026-03-19', rules)).toEqual([national]);
    expect(closedDaysOf(vaduzSchool, '2026-02-14', rules)).toEqual([vaduzBreak]);
    expect(closedDaysOf(vaduzSchool, '2026-02-22', rules)).toEqual([vaduzBreak]);
    expect(closedDaysOf(vaduzSchool, '2026-02-23', rules)).toEqual([]);
    // A municipality's break is not its neighbour's, nor a prefix-named sibling's, nor its kindergartens'.
    expect(closedDaysOf(schaanSchool, '2026-02-16', rules)).toEqual([]);
    expect(closedDaysOf({ category: 'school', jurisdictionPath: 'li.oberland.vaduzberg' }, '2026-02-16', rules)).toEqual([]);
    expect(closedDaysOf({ category: 'kindergarten', jurisdictionPath: 'li.oberland.vaduz' }, '2026-02-16', rules)).toEqual([]);
    expect(closedDaysOf({ category: 'hospital', jurisdictionPath: 'li.oberland.vaduz' }, '2026-03-19', rules)).toEqual([]);
  });

  it('close a place on default hours; own OSM hours decide only when they name that kind of day', () => {
    expect(closedOn(vaduzSchool, byDefault, '2026-03-19', rules)).toBe(true);
    expect(closedOn(vaduzSchool, byDefault, '2026-03-18', rules)).toBe(false);
    const own = (hours: string) => ({ hours, source: 'place' as const });
    expect(closedOn(vaduzSchool, own('Mo-Fr 07:30-16:00'), '2026-03-19', rules)).toBe(true);
    expect(closedOn(vaduzSchool, own('Mo-Fr 07:30-16:00; PH off'), '2026-03-19', rules)).toBe(true);
    expect(closedOn(vaduzSchool, own('Mo-Fr 07:30-16:00; PH 09:00-12:00'), '2026-03-19', rules)).toBe(false);
    // Holiday hours of the other kind say nothing of this one.
    expect(closedOn(vaduzSchool, own('Mo-Fr 07:30-16:00; SH 09:00-12:00'), '2026-03-19', rules)).toBe(true);
    expect(closedOn(vaduzSchool, own('Mo-Fr 07:30-16:00; SH 09:00-12:00'), '2026-02-16', rules)).toBe(false);
    expect(closedOn(vaduzSchool, own('Mo-Fr 07:30-16:00; PH,SH off'), '2026-02-16', rules)).toBe(true);
  });

  it('reads holiday selectors rule by rule', () => {
    expect(keepsHolidayHours('Mo-Fr 08:00-12:00; PH off', 'public_holiday')).toBe(false);
    expect(keepsHolidayHours('Mo-Fr,PH 08:00-12:00', 'public_holiday')).toBe(true);
    expect(keepsHolidayHours('Mo-Fr 08:00-12:00; PH closed "Feiertag"', 'public_holiday')).toBe(false);
    expect(keepsHolidayHours('Mo-Fr 08:00-12:00 || SH 09:00-10:00', 'school_holiday')).toBe(true);
    expect(keepsHolidayHours('Mo-Fr 08:00-12:00', 'school_holiday')).toBe(false);
  });

  it('weekdays of dates', () => {
    expect(['2026-03-09', '2026-03-14', '2026-03-15', '2024-02-29'].map(weekdayOf)).toEqual(['Mo', 'Sa', 'Su', 'Th']);
  });
});
