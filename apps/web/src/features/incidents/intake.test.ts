import { describe, expect, it } from 'vitest';
import { parseCoordinates } from './intake';

describe('parseCoordinates', () => {
  it('reads "lat, lon" and returns [lon, lat]', () => {
    expect(parseCoordinates('47.1410, 9.5215')).toEqual([9.5215, 47.141]);
    expect(parseCoordinates('47.1410 9.5215')).toEqual([9.5215, 47.141]);
  });
  it('swaps when the first number cannot be a latitude', () => {
    expect(parseCoordinates('120.5, 30.2')).toEqual([120.5, 30.2]);
  });
  it('rejects text and out-of-range numbers', () => {
    expect(parseCoordinates('Städtle 1')).toBeNull();
    expect(parseCoordinates('95, 200')).toBeNull();
  });
});
