import { describe, expect, it } from 'vitest';
import { closedDayCount, closedDayName, nextClosedDay } from './closed-days';

describe('closed days on the Coverage page', () => {
  const newYear = { name: 'Neujahr', names: { en: 'New Year', 'zh-CN': '元旦' } };

  it("reads a day's name in the reader's language, the official one beside it; the official alone without one", () => {
    expect(closedDayName(newYear, 'en')).toEqual({ name: 'New Year', official: 'Neujahr' });
    expect(closedDayName(newYear, 'zh-CN')).toEqual({ name: '元旦', official: 'Neujahr' });
    expect(closedDayName({ name: 'Ski week' }, 'zh-CN')).toEqual({ name: 'Ski week', official: null });
    expect(closedDayName({ name: 'Ski week', names: { en: 'Ski week' } }, 'en')).toEqual({ name: 'Ski week', official: null });
  });

  it("counts the year's calendar days once, ranges by their days and overlaps once, not the next year's", () => {
    expect(closedDayCount([], 2026)).toBe(0);
    expect(closedDayCount([{ from: '2026-01-01', to: '2026-01-01' }, { from: '2026-03-09', to: '2026-03-13' }, { from: '2026-03-13', to: '2026-03-13' }], 2026)).toBe(6);
    expect(closedDayCount([{ from: '2026-12-24', to: '2027-01-06' }], 2026)).toBe(8);
  });

  it('finds the next closed day not yet over', () => {
    const days = [{ from: '2026-12-25', to: '2026-12-25' }, { from: '2026-12-08', to: '2026-12-08' }, { from: '2026-12-01', to: '2026-12-10' }];
    expect(nextClosedDay(days, '2026-12-07')).toEqual({ from: '2026-12-01', to: '2026-12-10' });
    expect(nextClosedDay(days, '2026-12-11')).toEqual({ from: '2026-12-25', to: '2026-12-25' });
    expect(nextClosedDay(days, '2026-12-26')).toBeUndefined();
  });
});
