import { describe, expect, it } from 'vitest';
import { awaitingFirstView, boundsOf, populatedBounds } from './bounds';

describe('boundsOf', () => {
  it('spans polygons and multipolygons; null for nothing', () => {
    const square = (x: number, y: number): GeoJSON.Polygon => ({ type: 'Polygon', coordinates: [[[x, y], [x + 1, y], [x + 1, y + 1], [x, y]]] });
    expect(boundsOf([square(0, 0), { type: 'MultiPolygon', coordinates: [square(5, -2).coordinates] }])).toEqual([0, -2, 6, 1]);
    expect(boundsOf([])).toBeNull();
  });
});

describe('populatedBounds', () => {
  const area: [number, number, number, number] = [9, 47, 10, 48];
  it('frames where the places are, not the whole area, and ignores a lone outlier and places outside', () => {
    // 40 places in the valley around (9.5, 47.1), one hut up the mountain, one place in another country.
    const valley = Array.from({ length: 40 }, (_, i) => [9.45 + (i % 8) * 0.015, 47.05 + Math.floor(i / 8) * 0.02] as const);
    const [w, s, e, n] = populatedBounds([...valley, [9.95, 47.9], [8.5, 47.1]], area);
    expect(w).toBeGreaterThan(9.4); expect(e).toBeLessThan(9.6);
    expect(s).toBeGreaterThan(47.0); expect(n).toBeLessThan(47.2);
    expect(w).toBeLessThan(9.45); expect(e).toBeGreaterThan(9.555);
  });
  it('keeps the area when there are too few places to tell', () => {
    expect(populatedBounds([[9.5, 47.5], [9.6, 47.6]], area)).toEqual(area);
  });
});

describe('awaitingFirstView', () => {
  const done = { isPending: false, isError: false };
  const pending = { isPending: true, isError: false };
  const failed = { isPending: false, isError: true };
  it('waits while a query the view is made from is on its way', () => {
    expect(awaitingFirstView(null, done, pending, done)).toBe(true);
  });
  it('stops waiting once the view is known, when all came back without one, or when one failed', () => {
    expect(awaitingFirstView([9, 47, 10, 48], pending)).toBe(false);
    expect(awaitingFirstView(null, done, done)).toBe(false);
    expect(awaitingFirstView(null, pending, failed)).toBe(false);
  });
});
