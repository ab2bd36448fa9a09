import { RoadGraphError } from './errors.js';
import type { LonLat, Metres } from './types.js';

const EARTH_RADIUS_M = 6_371_008.8;
const RAD = Math.PI / 180;
/** Geometry is stored as OSM does: integer units of 1e-7 degree. */
export const FIXED_SCALE = 1e7;

export function haversine(lon1: number, lat1: number, lon2: number, lat2: number): Metres {
  const dLat = (lat2 - lat1) * RAD;
  const dLon = (lon2 - lon1) * RAD;
  const a = Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * RAD) * Math.cos(lat2 * RAD) * Math.sin(dLon / 2) ** 2;
  return (2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(a)))) as Metres;
}

/** Metres per degree of longitude and latitude around `lat`: good for distances under a few km. */
export function metresPerDegree(lat: number): { x: number; y: number } {
  const y = EARTH_RADIUS_M * RAD;
  return { x: y * Math.cos(lat * RAD), y };
}

export function assertLonLat(point: unknown, what = 'coordinate'): asserts point is LonLat {
  const ok =
    Array.isArray(point) && point.length >= 2 &&
    typeof point[0] === 'number' && typeof point[1] === 'number' &&
    Number.isFinite(point[0]) && Number.isFinite(point[1]) &&
    Math.abs(point[0]) <= 180 && Math.abs(point[1]) <= 90;
  if (!ok) {
    throw new RoadGraphError('ROADGRAPH_BAD_COORDINATE', `Bad ${what}: expected [lon, lat] with |lon| <= 180 and |lat| <= 90, got ${JSON.stringify(point)}`);
  }
}
