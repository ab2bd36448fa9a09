import { describe, expect, it } from 'vitest';
import { clockProblem, localInstant, localToday, nextDate, shiftOn, typedSpan, windowsInShift } from './patrol';

const local = (y: number, m: number, d: number, h: number, min = 0) => new Date(y, m - 1, d, h, min).toISOString();

describe('patrol plan times', () => {
  it('reads local wall-clock times of a date, 24:00 being the next midnight', () => {
    expect(localInstant('2026-03-02', '07:30')).toBe(local(2026, 3, 2, 7, 30));
    expect(shiftOn('2026-03-02', '22:00-24:00')).toEqual({ start: local(2026, 3, 2, 22), end: local(2026, 3, 3, 0) });
  });

  it('reads a night shift as running past midnight into the next day', () => {
    expect(shiftOn('2026-03-02', '22:00-06:00')).toEqual({ start: local(2026, 3, 2, 22), end: local(2026, 3, 3, 6) });
    expect(shiftOn('2026-03-31', '20:00-04:00')).toEqual({ start: local(2026, 3, 31, 20), end: local(2026, 4, 1, 4) });
    expect(shiftOn('2026-03-02', '06:00-14:00')).toEqual({ start: local(2026, 3, 2, 6), end: local(2026, 3, 2, 14) });
    expect(nextDate('2026-12-31')).toBe('2027-01-01');
  });

  it('places each window the first time its clock comes round in the shift, across midnight too', () => {
    const night = shiftOn('2026-03-02', '22:00-06:00')!;
    expect(windowsInShift(night, '22:30-23:30, 23:45-00:30, 01:00-02:00')).toEqual({ spans: [
      { start: local(2026, 3, 2, 22, 30), end: local(2026, 3, 2, 23, 30) },
      { start: local(2026, 3, 2, 23, 45), end: local(2026, 3, 3, 0, 30) },
      { start: local(2026, 3, 3, 1), end: local(2026, 3, 3, 2) },
    ] });
    expect(windowsInShift(night, '05:30-06:30')).toEqual({ problem: 'outside' });
    // A day shift as before: 05:00-06:00 comes round only the next morning, after the shift.
    const day = shiftOn('2026-03-02', '06:00-14:00')!;
    expect(windowsInShift(day, '07:00-08:30, 11:00-11:30')).toEqual({ spans: [{ start: local(2026, 3, 2, 7), end: local(2026, 3, 2, 8, 30) }, { start: local(2026, 3, 2, 11), end: local(2026, 3, 2, 11, 30) }] });
    expect(windowsInShift(day, '05:00-06:00')).toEqual({ problem: 'outside' });
  });

  it('refuses what does not read', () => {
    expect(shiftOn('2026-3-2', '07:00-08:00')).toBeNull();
    expect(shiftOn('2026-03-02', '08:00-08:00')).toBeNull();
    expect(clockProblem('08:00-08:00')).toBe('order');
    expect(clockProblem('7:00-08:00')).toBe('format');
    expect(clockProblem('24:00-01:00')).toBe('format');
    const day = shiftOn('2026-03-02', '06:00-14:00')!;
    expect(windowsInShift(day, '07:00-08:30, later')).toEqual({ problem: 'format' });
    expect(windowsInShift(day, ' ')).toEqual({ problem: 'format' });
  });

  it('writes a span back as typed, so an edit form round-trips a night shift', () => {
    const night = shiftOn('2026-03-02', '22:00-06:00')!;
    expect(typedSpan(night)).toBe('22:00-06:00');
    expect(shiftOn(localToday(new Date(night.start)), typedSpan(night))).toEqual(night);
  });

  it('names today by the local calendar', () => {
    expect(localToday(new Date(2026, 0, 5, 23, 59))).toBe('2026-01-05');
  });
});
