import { describe, expect, it } from 'vitest';
import { lastDays, toMinutes } from './periods';

describe('lastDays', () => {
  it('gives whole UTC days ending with today, oldest first, back to back', () => {
    const days = lastDays(3, new Date('2026-03-10T15:00:00Z'));
    expect(days.map((d) => d.from)).toEqual(['2026-03-08T00:00:00.000Z', '2026-03-09T00:00:00.000Z', '2026-03-10T00:00:00.000Z']);
    expect(days[2]!.to).toBe('2026-03-11T00:00:00.000Z');
    expect(days[0]!.label).toBe('03-08');
  });
  it('keeps "no data" apart from zero', () => {
    expect(toMinutes(null)).toBeNull();
    expect(toMinutes(90)).toBe(1.5);
    expect(toMinutes(5)).toBe(0.08);
  });
});
