import { describe, expect, it } from 'vitest';
import { boundsOf } from './bounds';

describe('boundsOf', () => {
  it('spans polygons and multipolygons; null for nothing', () => {
    const square = (x: number, y: number): GeoJSON.Polygon => ({ type: 'Polygon', coordinates: [[[x, y], [x + 1, y], [x + 1, y + 1], [x, y]]] });
    expect(boundsOf([square(0, 0), { type: 'MultiPolygon', coordinates: [square(5, -2).coordinates] }])).toEqual([0, -2, 6, 1]);
    expect(boundsOf([])).toBeNull();
  });
});
