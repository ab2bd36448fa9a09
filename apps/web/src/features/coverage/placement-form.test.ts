import { describe, expect, it } from 'vitest';
import { PLACEMENT_LIMITS, wholeProblem } from './placement-form';

describe('placement form counts', () => {
  it('names an empty, fractional, negative or too large count instead of sending it', () => {
    expect(wholeProblem('', PLACEMENT_LIMITS.posts)).toBe('empty');
    expect(wholeProblem(2.5, PLACEMENT_LIMITS.posts)).toBe('whole');
    expect(wholeProblem('2.5', PLACEMENT_LIMITS.posts)).toBe('whole');
    expect(wholeProblem(-3, PLACEMENT_LIMITS.posts)).toBe('range');
    expect(wholeProblem(0, PLACEMENT_LIMITS.minutes)).toBe('range');
    expect(wholeProblem(1000, PLACEMENT_LIMITS.posts)).toBe('range');
    expect(wholeProblem(31, PLACEMENT_LIMITS.minutes)).toBe('range');
  });
  it('takes whole counts within the bounds', () => {
    expect(wholeProblem(3, PLACEMENT_LIMITS.posts)).toBeNull();
    expect(wholeProblem(100, PLACEMENT_LIMITS.posts)).toBeNull();
    expect(wholeProblem(30, PLACEMENT_LIMITS.minutes)).toBeNull();
  });
});
