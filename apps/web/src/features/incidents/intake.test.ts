import { describe, expect, it } from 'vitest';
import { addressForPoint, metresBetween, parseCoordinates } from './intake';

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

describe('addressForPoint (a location picked on the map)', () => {
  const school = { name: 'Primarschule Vaduz', location: [9.5215, 47.141] as [number, number] };
  const hall = { name: 'Rathaus Vaduz', location: [9.5225, 47.141] as [number, number] };

  it('measures ground distance in metres', () => {
    // 0.001° of longitude at 47.14° N is about 76 m.
    expect(metresBetween(school.location, hall.location)).toBeGreaterThan(70);
    expect(metresBetween(school.location, hall.location)).toBeLessThan(80);
  });

  it('takes the name of the nearest key place within 150 m', () => {
    expect(addressForPoint([9.5218, 47.141], [hall, school])).toBe('Primarschule Vaduz');
    expect(addressForPoint([9.5223, 47.141], [school, hall])).toBe('Rathaus Vaduz');
  });

  it('falls back to "lat, lon" that the address field reads back as the same point', () => {
    const text = addressForPoint([9.56, 47.16], [school, hall]);
    expect(text).toBe('47.16000, 9.56000');
    expect(parseCoordinates(text)).toEqual([9.56, 47.16]);
    expect(addressForPoint([9.56, 47.16], [])).toBe('47.16000, 9.56000');
  });
});
