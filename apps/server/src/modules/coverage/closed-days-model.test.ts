import { describe, expect, it } from 'vitest';
import { closedDaysOf, closedOn, datesAsked, keepsHolidayHours, shareOverDates, weekdayOf, type ClosedDayRule } from './closed-days-model.js';

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

  it('lists the dates a placement is planned on, or names what is wrong with the range', () => {
    expect(datesAsked({ date: '2026-03-10' }, 31)).toEqual({ dates: ['2026-03-10'] });
    // A week, its school days only; over a month's end and a leap day.
    expect(datesAsked({ date: '2026-03-16', until: '2026-03-22', days: ['Mo', 'Tu', 'We', 'Th', 'Fr'] }, 31)).toEqual({ dates: ['2026-03-16', '2026-03-17', '2026-03-18', '2026-03-19', '2026-03-20'] });
    expect(datesAsked({ date: '2028-02-28', until: '2028-03-01' }, 31)).toEqual({ dates: ['2028-02-28', '2028-02-29', '2028-03-01'] });
    expect(datesAsked({ date: '2026-01-01', until: '2026-01-31' }, 31)).toMatchObject({ dates: { length: 31 } });
    expect(datesAsked({ date: '2026-01-01', until: '2026-02-01' }, 31)).toMatchObject({ path: 'demand.until' });
    expect(datesAsked({ date: '2026-03-10', until: '2026-03-09' }, 31)).toMatchObject({ path: 'demand.until' });
    expect(datesAsked({ date: '2026-03-10', days: ['Sa', 'Su'] }, 31)).toMatchObject({ path: 'demand.days' });
  });

  it("weighs a place by the mean of its open share over the dates, 0 on a date a closed day closes it", () => {
    const open = (day: string) => (day === 'Sa' || day === 'Su' ? 0 : 1);
    const week = ['2026-03-16', '2026-03-17', '2026-03-18', '2026-03-19', '2026-03-20'];
    // St Joseph's (19 March) closes every school: 4 of 5 school days.
    expect(shareOverDates(schaanSchool, byDefault, week, rules, open)).toBeCloseTo(4 / 5, 12);
    // A school keeping its own PH hours may be open that day: all 5.
    expect(shareOverDates(schaanSchool, { hours: 'Mo-Fr 07:00-17:00; PH 08:00-12:00', source: 'place' }, week, rules, open)).toBe(1);
    // Vaduz's winter break closes its schools the whole of it; the weekend is closed by the hours.
    expect(shareOverDates(vaduzSchool, byDefault, ['2026-02-16', '2026-02-17'], rules, open)).toBe(0);
    expect(shareOverDates(schaanSchool, byDefault, ['2026-02-20', '2026-02-21', '2026-02-22', '2026-02-23'], rules, open)).toBe(0.5);
    // Half a window open on each date: half.
    expect(shareOverDates(schaanSchool, byDefault, ['2026-02-16', '2026-02-17'], rules, () => 0.5)).toBe(0.5);
  });
});
