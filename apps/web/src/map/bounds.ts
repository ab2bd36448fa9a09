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

/**
 * The populated part of an area: the box around the middle 90 % (by longitude and by latitude) of
 * its key places inside `within`, padded a little, so that a first view frames the towns rather
 * than a boundary's empty mountain half. `within` itself when there are too few places to tell.
 */
export function populatedBounds(points: readonly (readonly [number, number])[], within: [number, number, number, number]): [number, number, number, number] {
  const [w, s, e, n] = within;
  const inside = points.filter(([x, y]) => x >= w && x <= e && y >= s && y <= n);
  if (inside.length < 5) return within;
  const q = (values: number[], p: number) => values[Math.min(values.length - 1, Math.max(0, Math.round(p * (values.length - 1))))]!;
  const xs = inside.map((p) => p[0]).sort((a, b) => a - b);
  const ys = inside.map((p) => p[1]).sort((a, b) => a - b);
  const box: [number, number, number, number] = [q(xs, 0.05), q(ys, 0.05), q(xs, 0.95), q(ys, 0.95)];
  // At least about a kilometre across, and a tenth more on each side, so the outermost places are not on the edge.
  const padX = Math.max((box[2] - box[0]) * 0.1, 0.007), padY = Math.max((box[3] - box[1]) * 0.1, 0.0045);
  return [Math.max(w, box[0] - padX), Math.max(s, box[1] - padY), Math.min(e, box[2] + padX), Math.min(n, box[3] + padY)];
}

/** What a query says about itself, as far as the first view cares. */
interface QueryState { isPending: boolean; isError: boolean }

/**
 * Whether the first view is still to come: not known yet, none of the queries it is made from
 * failed, and one of them is still on its way. The map waits for it (MapView `awaitingBounds`)
 * rather than load the base tiles for a default view first and again for this one.
 */
export function awaitingFirstView(bounds: [number, number, number, number] | null, ...queries: QueryState[]): boolean {
  return bounds === null && !queries.some((q) => q.isError) && queries.some((q) => q.isPending);
}
