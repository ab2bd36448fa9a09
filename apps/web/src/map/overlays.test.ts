import { describe, expect, it } from 'vitest';
import { generatedPlaceName, type Place } from '@firebreak/contracts';
import { placeFeature, scaled } from './overlays';

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

describe('placeFeature (key place labels)', () => {
  const place = (name: string) => ({ id: 'p1', name, category: 'fuel_station', location: [9.52, 47.14] }) as unknown as Place;

  it('labels a key place by its name, and an unnamed one (the importer made its name from its OSM id) not at all', () => {
    expect(placeFeature(place('Vaduz, Gastankstelle')).properties.name).toBe('Vaduz, Gastankstelle');
    expect(placeFeature(place(generatedPlaceName('fuel_station', 'node', 572519925))).properties.name).toBe('');
    // A real name that merely mentions OSM keeps its label.
    expect(placeFeature(place('OSM mapping party hall')).properties.name).toBe('OSM mapping party hall');
  });
});
