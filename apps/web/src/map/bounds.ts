/** The [west, south, east, north] box around some polygons; null when there are none. */
export function boundsOf(areas: readonly (GeoJSON.Polygon | GeoJSON.MultiPolygon)[]): [number, number, number, number] | null {
  let w = Infinity, s = Infinity, e = -Infinity, n = -Infinity;
  for (const a of areas) {
    const rings = a.type === 'Polygon' ? a.coordinates : a.coordinates.flat();
    for (const ring of rings) for (const [x, y] of ring) {
      if (x! < w) w = x!;
      if (x! > e) e = x!;
      if (y! < s) s = y!;
      if (y! > n) n = y!;
    }
  }
  return w === Infinity ? null : [w, s, e, n];
}
