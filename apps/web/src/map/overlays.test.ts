import { describe, expect, it } from 'vitest';
import { scaled } from './overlays';

describe('scaled (icon and circle sizes on a wall display)', () => {
  it('multiplies numbers and the stops of a zoom interpolation, not the zoom levels', () => {
    expect(scaled(2, 1.5)).toBe(3);
    expect(scaled(['interpolate', ['linear'], ['zoom'], 13, 0.8, 16, 1], 2)).toEqual(['interpolate', ['linear'], ['zoom'], 13, 1.6, 16, 2]);
  });

  it('multiplies the outputs of match and case, not their labels or conditions', () => {
    expect(scaled(['match', ['get', 'priority'], 'P1', 8, 'P2', 7, 5], 2)).toEqual(['match', ['get', 'priority'], 'P1', 16, 'P2', 14, 10]);
    expect(scaled(['match', ['get', 'band'], 0, 3, 1, 2, 1], 2)).toEqual(['match', ['get', 'band'], 0, 6, 1, 4, 2]);
    expect(scaled(['case', ['==', ['get', 'missed'], true], 3.5, 1.5], 2)).toEqual(['case', ['==', ['get', 'missed'], true], 7, 3]);
    // The incident disc's ring: missed, else by age bucket (a match nested as the case's fallback).
    expect(scaled(['case', ['==', ['get', 'missed'], true], 3.5, ['match', ['get', 'ageBucket'], 0, 3, 1, 2, 1]], 2))
      .toEqual(['case', ['==', ['get', 'missed'], true], 7, ['match', ['get', 'ageBucket'], 0, 6, 1, 4, 2]]);
  });
});
