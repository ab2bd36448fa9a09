import { describe, expect, it } from 'vitest';
import { assembleRings, polygonsOf, ringContains, type LonLat } from './rings.js';

describe('multipolygon ring assembly', () => {
  it('joins ways end to end into a closed ring, whichever way each was drawn', () => {
    // A square 1-2-3-4-1 from three ways, the middle one drawn backwards.
    expect(assembleRings([[1, 2], [4, 3, 2], [4, 1]])).toEqual([[1, 2, 3, 4, 1]]);
  });

  it('keeps closed ways as they are and drops what cannot be closed (a clipped extract)', () => {
    expect(assembleRings([[5, 6, 7, 5], [1, 2], [2, 3]])).toEqual([[5, 6, 7, 5]]);
  });

  it('puts each hole into the smallest outer ring that contains it', () => {
    const big: LonLat[] = [[0, 0], [10, 0], [10, 10], [0, 10], [0, 0]];
    const small: LonLat[] = [[2, 2], [4, 2], [4, 4], [2, 4], [2, 2]];
    const hole: LonLat[] = [[3, 3], [3.5, 3], [3.5, 3.5], [3, 3]];
    const stray: LonLat[] = [[20, 20], [21, 20], [21, 21], [20, 20]];
    const polygons = polygonsOf([big, small], [hole, stray]);
    expect(polygons).toEqual([[big], [small, hole]]);
    expect(ringContains(big, [5, 5])).toBe(true);
    expect(ringContains(big, [11, 5])).toBe(false);
  });
});
