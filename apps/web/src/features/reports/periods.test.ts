import { describe, expect, it } from 'vitest';
import { daysBetween, durationTicks, lastDays, nextDay, periodOf } from './periods';

// The unit tests run with TZ=Europe/Vaduz or whatever the machine has: the expectations are built
// from local dates, never hard-coded UTC instants.
const local = (y: number, m: number, d: number) => new Date(y, m - 1, d).toISOString();

describe('periods in the browser time zone', () => {
  it('gives the last days ending today, as calendar days', () => {
    expect(lastDays(7, new Date(2026, 2, 10, 15, 0))).toEqual({ first: '2026-03-04', last: '2026-03-10' });
    expect(lastDays(1, new Date(2026, 0, 1, 0, 5))).toEqual({ first: '2026-01-01', last: '2026-01-01' });
  });

  it('runs from the first local midnight to the midnight after the last day', () => {
    expect(periodOf('2026-03-08', '2026-03-10')).toEqual({ from: local(2026, 3, 8), to: local(2026, 3, 11) });
    expect(nextDay('2026-12-31')).toBe('2027-01-01');
    expect(nextDay('2026-03-29')).toBe('2026-03-30');
  });

  it('lists each day back to back, labelled in the language, at most max of them', () => {
    const days = daysBetween('2026-03-08', '2026-03-10', 'en-US');
    expect(days.map((d) => d.label)).toEqual(['03/08', '03/09', '03/10']);
    expect(days.map((d) => d.from)).toEqual([local(2026, 3, 8), local(2026, 3, 9), local(2026, 3, 10)]);
    for (let i = 1; i < days.length; i++) expect(days[i]!.from).toBe(days[i - 1]!.to);
    expect(daysBetween('2026-01-01', '2026-12-31', 'en', 31)).toHaveLength(31);
    expect(daysBetween('2026-03-10', '2026-03-08', 'en')).toEqual([]);
  });
});

describe('durationTicks', () => {
  it('steps in whole clock units from 0 past the largest value', () => {
    expect(durationTicks(666)).toEqual([0, 120, 240, 360, 480, 600, 720]);
    expect(durationTicks(45)).toEqual([0, 15, 30, 45]);
    expect(durationTicks(1033)).toEqual([0, 300, 600, 900, 1200]);
    expect(durationTicks(0)).toEqual([0, 15]);
    expect(durationTicks(100_000).at(-1)).toBeGreaterThanOrEqual(100_000);
  });
});
