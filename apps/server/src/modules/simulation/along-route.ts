type LonLat = [number, number];

const EARTH_M = 6_371_008.8;
const rad = (d: number) => (d * Math.PI) / 180;

export function metresBetween(a: LonLat, b: LonLat): number {
  const dLat = rad(b[1] - a[1]);
  const dLon = rad(b[0] - a[0]);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(rad(a[1])) * Math.cos(rad(b[1])) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_M * Math.asin(Math.sqrt(h));
}

/**
 * The point a `fraction` (0..1) of the way along a line, by length: where a unit on its route is
 * after that share of the travel time. (Speeds differ between road classes; spreading the time
 * evenly over the length keeps every position on the route, which is what the map shows.)
 */
export function pointAlong(line: readonly LonLat[], fraction: number): LonLat {
  if (line.length === 1 || fraction <= 0) return line[0]!;
  const legs = line.slice(1).map((p, i) => metresBetween(line[i]!, p));
  let left = Math.min(1, fraction) * legs.reduce((s, l) => s + l, 0);
  for (const [i, leg] of legs.entries()) {
    if (left <= leg && leg > 0) {
      const f = left / leg;
      const [a, b] = [line[i]!, line[i + 1]!];
      return [a[0] + (b[0] - a[0]) * f, a[1] + (b[1] - a[1]) * f];
    }
    left -= leg;
  }
  return line.at(-1)!;
}

/** A point `metres` away from `from` in direction `bearing` (radians from north). */
export function offset(from: LonLat, metres: number, bearing: number): LonLat {
  const dLat = (metres * Math.cos(bearing)) / EARTH_M;
  const dLon = (metres * Math.sin(bearing)) / (EARTH_M * Math.cos(rad(from[1])));
  return [from[0] + (dLon * 180) / Math.PI, from[1] + (dLat * 180) / Math.PI];
}
