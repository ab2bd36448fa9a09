import { describe, expect, it } from 'vitest';
import { formatClock } from './time';

describe('formatClock', () => {
  it('shows minutes and seconds, hours when needed, and a sign when late', () => {
    expect(formatClock(0)).toBe('0:00');
    expect(formatClock(75)).toBe('1:15');
    expect(formatClock(3725)).toBe('1:02:05');
    expect(formatClock(-12.7)).toBe('-0:12');
    expect(formatClock(-0.4)).toBe('0:00');
  });
});
