import { describe, expect, it } from 'vitest';
import { TIER_COLOR, textOn, tierKey, travelClock } from './tiers';

describe('coverage tiers on screen', () => {
  it('keys each tier, the uncovered apart', () => {
    expect([1, 3, 5, null].map((t) => tierKey(t as 1 | 3 | 5 | null))).toEqual(['1', '3', '5', 'none']);
  });
  it('writes travel times as m:ss', () => {
    expect([0, 59.6, 61, 300, null].map(travelClock)).toEqual(['0:00', '1:00', '1:01', '5:00', '—']);
  });
  it('writes on each tier colour in black or white, whichever WCAG contrast favours', () => {
    expect(textOn('#ffffff')).toBe('black');
    expect(textOn('#000000')).toBe('white');
    expect(textOn('#1864ab')).toBe('white');
    // White on these fills is under 4.5:1 (orange 3.0, green 3.4, red 4.0): all take black.
    expect(Object.values(TIER_COLOR).map(textOn)).toEqual(['black', 'black', 'black', 'black']);
  });
});
