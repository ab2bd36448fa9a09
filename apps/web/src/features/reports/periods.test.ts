import { describe, expect, it } from 'vitest';
import { lastDays } from './periods';

describe('lastDays', () => {
  it('gives whole days of the browser\'s time zone ending with today, oldest first, back to back', () => {
    const now = new Date(2026, 2, 10, 15, 0);
    const days = lastDays(3, now, 'en-GB');
    expect(days.map((d) => new Date(d.from).getDate())).toEqual([8, 9, 10]);
    expect(days.every((d) => new Date(d.from).getHours() === 0 && new Date(d.from).getMinutes() === 0)).toBe(true);
    expect(days[0]!.to).toBe(days[1]!.from);
    expect(days[2]!.to).toBe(new Date(2026, 2, 11).toISOString());
    expect(days[0]!.label).toBe('08/03');
    expect(lastDays(1, now, 'zh-CN')[0]!.label).toBe('03/10');
  });
});
