import { describe, expect, it } from 'vitest';
import { GeoJsonArea, MAX_AREA_POSITIONS, Position } from './common.js';
import { MAX_PLACE_POSITIONS, PlaceGeometry } from './places.js';

/** A closed ring of `n` positions around a circle of `radius` degrees at Vaduz. */
const ring = (n: number, radius = 0.01): number[][] => {
  const points = Array.from({ length: n - 1 }, (_, i) => [9.52 + radius * Math.cos((2 * Math.PI * i) / (n - 1)), 47.14 + radius * Math.sin((2 * Math.PI * i) / (n - 1))]);
  return [...points, points[0]!];
};
const paths = (result: { success: boolean; error?: { issues: { path: PropertyKey[] }[] } }) => result.error?.issues.map((i) => i.path.join('.')) ?? [];

describe('GeoJSON geometry contracts', () => {
  it('takes a position as exactly [longitude, latitude], finite and in range', () => {
    expect(Position.safeParse([9.52, 47.14]).success).toBe(true);
    for (const bad of [[9.52, 47.14, 455], [9.52, 47.14, 1, 2, 3], Array.from({ length: 5000 }, () => 1), [9.52], [181, 47], [9.52, -91], [Infinity, 47], [9.52, Number.NaN]]) {
      expect(Position.safeParse(bad).success, `${bad.length} numbers: ${bad.slice(0, 3).join(',')}`).toBe(false);
    }
  });

  it('caps the positions of a boundary and of a place', () => {
    expect(GeoJsonArea.safeParse({ type: 'Polygon', coordinates: [ring(MAX_AREA_POSITIONS)] }).success).toBe(true);
    const tooMany = GeoJsonArea.safeParse({ type: 'MultiPolygon', coordinates: [[ring(MAX_AREA_POSITIONS / 2)], [ring(MAX_AREA_POSITIONS / 2 + 1, 0.02)]] });
    expect(paths(tooMany)).toEqual(['coordinates']);
    expect(PlaceGeometry.safeParse({ type: 'Polygon', coordinates: [ring(MAX_PLACE_POSITIONS)] }).success).toBe(true);
    expect(paths(PlaceGeometry.safeParse({ type: 'Polygon', coordinates: [ring(MAX_PLACE_POSITIONS / 2), ring(MAX_PLACE_POSITIONS / 2 + 1, 0.005)] }))).toEqual(['coordinates']);
    expect(PlaceGeometry.safeParse({ type: 'LineString', coordinates: ring(MAX_PLACE_POSITIONS + 1) }).success).toBe(false);
  });

  it('refuses rings and lines spanning half the globe (ambiguous on the sphere)', () => {
    const world = { type: 'Polygon', coordinates: [[[-180, -90], [180, -90], [180, 90], [-180, 90], [-180, -90]]] };
    expect(paths(GeoJsonArea.safeParse(world))).toEqual(['coordinates.0']);
    expect(PlaceGeometry.safeParse(world).success).toBe(false);
    expect(PlaceGeometry.safeParse({ type: 'LineString', coordinates: [[-170, 0], [10, 0]] }).success).toBe(false);
    // Fiji split at the antimeridian, as RFC 7946 asks: two ordinary polygons.
    const fiji = { type: 'MultiPolygon', coordinates: [[[[177, -18], [180, -18], [180, -16], [177, -16], [177, -18]]], [[[-180, -18], [-179, -18], [-179, -16], [-180, -16], [-180, -18]]]] };
    expect(GeoJsonArea.safeParse(fiji).success).toBe(true);
  });
});
