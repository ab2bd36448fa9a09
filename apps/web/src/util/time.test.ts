import { describe, expect, it } from 'vitest';
import { formatClock, zoneName } from './time';

describe('formatClock', () => {
  it('shows minutes and seconds, hours when needed, and a sign when late', () => {
    expect(formatClock(0)).toBe('0:00');
    expect(formatClock(75)).toBe('1:15');
    expect(formatClock(3725)).toBe('1:02:05');
    expect(formatClock(-12.7)).toBe('-0:12');
    expect(formatClock(-0.4)).toBe('0:00');
  });
});

describe('zoneName', () => {
  it('names a time zone in the user\'s language, not by its IANA id', () => {
    expect(zoneName('Europe/Vaduz', 'en')).toBe('Central European Time');
    expect(zoneName('Europe/Vaduz', 'zh-CN')).toBe('中欧时间');
    expect(zoneName('Not/AZone', 'en')).toBe('Not/AZone');
  });
});
