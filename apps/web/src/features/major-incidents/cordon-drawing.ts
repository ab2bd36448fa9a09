import { ApiError } from '../../api/http';

/** A cordon's outline as the route takes it: one closed ring of [lon, lat]. */
export interface CordonPolygon { type: 'Polygon'; coordinates: [number, number][][] }

/** Seven decimals: about a centimetre, and within what the drawing library accepts back for editing. */
const round = (n: number) => Math.round(n * 1e7) / 1e7;

/** The ring closed (first point repeated at the end), as GeoJSON and the server want it. */
export function closeRing(points: readonly [number, number][]): [number, number][] {
  const ring = points.map(([lon, lat]) => [round(lon), round(lat)] as [number, number]);
  const first = ring[0];
  const last = ring.at(-1);
  if (first && last && (first[0] !== last[0] || first[1] !== last[1])) ring.push([first[0], first[1]]);
  return ring;
}

/** A stored cordon's outer ring in the precision the drawing takes (the server's radius circles carry 15 decimals). */
export function ringForEditing(area: { coordinates: number[][][] }): [number, number][] {
  return closeRing((area.coordinates[0] ?? []).map((p) => [p[0]!, p[1]!] as [number, number]));
}

/**
 * The vertices typed by hand (the keyboard way): one "lon, lat" a line (commas, spaces or tabs
 * between), the ring closed for the sender. A line that is not two numbers in range is named by its
 * number, so the person can find it.
 */
export function parseVertices(text: string): { ok: true; polygon: CordonPolygon } | { ok: false; line: number | null } {
  const points: [number, number][] = [];
  const lines = text.split('\n');
  for (const [i, raw] of lines.entries()) {
    const line = raw.trim();
    if (!line) continue;
    const parts = line.split(/[\s,;]+/).filter(Boolean).map(Number);
    const [lon, lat] = parts;
    if (parts.length !== 2 || !Number.isFinite(lon) || !Number.isFinite(lat) || Math.abs(lon!) > 180 || Math.abs(lat!) > 90) return { ok: false, line: i + 1 };
    points.push([lon!, lat!]);
  }
  const ring = closeRing(points);
  // A polygon needs three corners: four positions once closed.
  if (ring.length < 4) return { ok: false, line: null };
  return { ok: true, polygon: { type: 'Polygon', coordinates: [ring] } };
}

/** The vertices as the text area shows them (the closing repeat left out: the sender adds it). */
export function formatVertices(ring: readonly [number, number][]): string {
  const open = ring.length > 1 && ring[0]![0] === ring.at(-1)![0] && ring[0]![1] === ring.at(-1)![1] ? ring.slice(0, -1) : ring;
  return open.map(([lon, lat]) => `${round(lon)}, ${round(lat)}`).join('\n');
}

/**
 * Why the server refused a drawn cordon, as an i18n key under `majorIncidents.cordonProblem`, with
 * where PostGIS found the outline crossing itself ("Self-intersection[9.52 47.14]") so the screen
 * can mark it on the map in any language, and the server's own words for the English screen.
 */
export function cordonProblem(err: unknown): { key: string; at: [number, number] | null; detail: string | null } {
  const problem = err instanceof ApiError ? err.problem : null;
  const detail = problem?.errors?.map((e) => e.message).join('; ') || null;
  const where = detail?.match(/\[(-?[\d.]+)[ ,]+(-?[\d.]+)\]/);
  const at: [number, number] | null = where ? [Number(where[1]), Number(where[2])] : null;
  switch (problem?.code) {
    case 'GEOMETRY_INVALID':
      return { key: detail && /self-intersection|ring self/i.test(detail) ? 'selfIntersecting' : 'invalid', at, detail };
    case 'VALIDATION_FAILED':
      return { key: 'invalid', at: null, detail };
    case 'MAJOR_INCIDENT_CORDON_OUTSIDE_SCOPE':
      return { key: 'outsideScope', at: null, detail };
    case 'FORBIDDEN':
      return { key: 'forbidden', at: null, detail: null };
    default:
      return { key: 'other', at: null, detail: problem?.detail ?? detail };
  }
}
