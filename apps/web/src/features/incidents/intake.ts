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
