import { describe, expect, it } from 'vitest';
import { tierKey, travelClock } from './tiers';

describe('coverage tiers on screen', () => {
  it('keys each tier, the uncovered apart', () => {
    expect([1, 3, 5, null].map((t) => tierKey(t as 1 | 3 | 5 | null))).toEqual(['1', '3', '5', 'none']);
  });
  it('writes travel times as m:ss', () => {
    expect([0, 59.6, 61, 300, null].map(travelClock)).toEqual(['0:00', '1:00', '1:01', '5:00', '—']);
  });
});
