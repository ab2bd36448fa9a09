import type { IncidentType, Priority } from '@firebreak/contracts';

/**
 * The priority a call type usually gets, pre-selected when the dispatcher picks the type (they
 * can change it; a priority chosen by hand is never overridden).
 */
export const SUGGESTED_PRIORITY: Record<IncidentType, Priority> = {
  fire: 'P1',
  explosion: 'P1',
  hazmat_leak: 'P1',
  violent_crime: 'P1',
  campus_incident: 'P1',
  rescue: 'P1',
  medical: 'P2',
  traffic_accident: 'P2',
  public_disorder: 'P2',
  other: 'P3',
};

/** "47.14, 9.52" (lat, lon as people say it) or "9.52 47.14" when the first cannot be a latitude. */
export function parseCoordinates(text: string): [number, number] | null {
  const m = text.trim().match(/^(-?\d{1,3}(?:\.\d+)?)\s*[,;\s]\s*(-?\d{1,3}(?:\.\d+)?)$/);
  if (!m) return null;
  const a = Number(m[1]);
  const b = Number(m[2]);
  const [lat, lon] = Math.abs(a) <= 90 ? [a, b] : [b, a];
  if (Math.abs(lat) > 90 || Math.abs(lon) > 180) return null;
  return [lon, lat];
}

/** How far from a key place a map click still takes the place's name as its address. */
export const NEAREST_PLACE_METRES = 150;

/** Ground distance in metres (equirectangular: exact enough within a few hundred metres). */
export function metresBetween(a: readonly [number, number], b: readonly [number, number]): number {
  const rad = Math.PI / 180;
  const x = (b[0] - a[0]) * rad * Math.cos(((a[1] + b[1]) / 2) * rad);
  const y = (b[1] - a[1]) * rad;
  return Math.hypot(x, y) * 6_371_000;
}

/**
 * The address a point picked on the map starts with (the dispatcher can edit it): the name of the
 * nearest key place within NEAREST_PLACE_METRES, else the coordinates as "lat, lon" (which the
 * address field itself reads back as a location).
 */
export function addressForPoint(point: readonly [number, number], places: readonly { name: string; location: readonly [number, number] }[]): string {
  let best: { name: string; m: number } | null = null;
  for (const p of places) {
    const m = metresBetween(point, p.location);
    if (m <= NEAREST_PLACE_METRES && (!best || m < best.m)) best = { name: p.name, m };
  }
  return best ? best.name : `${point[1].toFixed(5)}, ${point[0].toFixed(5)}`;
}
