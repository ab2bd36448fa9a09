/** Small plane geometry for the geocoder (pure): distances in metres, point in polygon, nearest point of a line. */

export type LonLat = [number, number];

const M_PER_DEG = 111_320;

/** Metres between two points (equirectangular: exact enough within a country). */
export function distanceM(a: LonLat, b: LonLat): number {
  const k = Math.cos(((a[1] + b[1]) / 2) * (Math.PI / 180));
  const dx = (a[0] - b[0]) * k, dy = a[1] - b[1];
  return Math.sqrt(dx * dx + dy * dy) * M_PER_DEG;
}

/** Metres from a point to a polyline. */
export function distanceToLineM(p: LonLat, line: readonly LonLat[]): number {
  const k = Math.cos(p[1] * (Math.PI / 180));
  let best = Infinity;
  for (let i = 0; i + 1 < line.length; i++) {
    const a = line[i]!, b = line[i + 1]!;
    const ax = (a[0] - p[0]) * k, ay = a[1] - p[1], bx = (b[0] - p[0]) * k, by = b[1] - p[1];
    const dx = bx - ax, dy = by - ay;
    const len2 = dx * dx + dy * dy;
    const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, -(ax * dx + ay * dy) / len2));
    const x = ax + t * dx, y = ay + t * dy;
    best = Math.min(best, x * x + y * y);
  }
  if (line.length === 1) best = distanceM(p, line[0]!) ** 2 / M_PER_DEG ** 2;
  return Math.sqrt(best) * M_PER_DEG;
}

function inRing(p: LonLat, ring: readonly LonLat[]): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const a = ring[i]!, b = ring[j]!;
    if ((a[1] > p[1]) !== (b[1] > p[1]) && p[0] < ((b[0] - a[0]) * (p[1] - a[1])) / (b[1] - a[1]) + a[0]) inside = !inside;
  }
  return inside;
}

/** Whether a point lies in a GeoJSON MultiPolygon (outer rings minus holes). */
export function inMultiPolygon(p: LonLat, polygons: readonly (readonly (readonly LonLat[])[])[]): boolean {
  return polygons.some((rings) => rings.length > 0 && inRing(p, rings[0]!) && !rings.slice(1).some((hole) => inRing(p, hole)));
}

export type BBox = [number, number, number, number];

export function bboxOf(points: Iterable<LonLat>): BBox {
  const b: BBox = [Infinity, Infinity, -Infinity, -Infinity];
  for (const [x, y] of points) {
    if (x < b[0]) b[0] = x; if (y < b[1]) b[1] = y;
    if (x > b[2]) b[2] = x; if (y > b[3]) b[3] = y;
  }
  return b;
}

export const inBBox = (p: LonLat, b: BBox): boolean => p[0] >= b[0] && p[0] <= b[2] && p[1] >= b[1] && p[1] <= b[3];

/** The mean of some points. */
export function centroid(points: readonly LonLat[]): LonLat {
  let x = 0, y = 0;
  for (const p of points) { x += p[0]; y += p[1]; }
  return [x / points.length, y / points.length];
}
