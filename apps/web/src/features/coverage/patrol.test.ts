import { describe, expect, it } from 'vitest';
import { localInstant, localToday, spanOn, windowsOn } from './patrol';

describe('patrol plan times', () => {
  it('reads local wall-clock times of a date, 24:00 being the next midnight', () => {
    expect(localInstant('2026-03-02', '07:30')).toBe(new Date(2026, 2, 2, 7, 30).toISOString());
    expect(spanOn('2026-03-02', '22:00-24:00')).toEqual({ start: new Date(2026, 2, 2, 22).toISOString(), end: new Date(2026, 2, 3, 0).toISOString() });
  });

  it('refuses what does not read', () => {
    expect(spanOn('2026-3-2', '07:00-08:00')).toBeNull();
    expect(spanOn('2026-03-02', '08:00-07:00')).toBeNull();
    expect(windowsOn('2026-03-02', '07:00-08:30, 15:30-17:00')).toHaveLength(2);
    expect(windowsOn('2026-03-02', '07:00-08:30, later')).toBeNull();
    expect(windowsOn('2026-03-02', ' ')).toBeNull();
  });

  it('names today by the local calendar', () => {
    expect(localToday(new Date(2026, 0, 5, 23, 59))).toBe('2026-01-05');
  });
});
