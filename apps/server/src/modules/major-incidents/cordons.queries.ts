import type { Cordon, MajorPoint } from '@firebreak/contracts';
import { sql } from 'drizzle-orm';
import { rows, type Queryable } from '../../platform/db/client.js';

/** The key places a cordon's evacuation estimate counts (no person data: places, by category). */
export const KEY_CATEGORIES = ['school', 'kindergarten', 'hospital', 'fuel_station', 'hazardous_chemicals', 'explosives_magazine', 'crowded_place'] as const;

/** A major incident's cordons with the key places and the count of OSM buildings inside each (one query each for the shapes, the places, the buildings). */
export async function cordonsOf(q: Queryable, majorId: string): Promise<Cordon[]> {
  const list = await rows<{ kind: Cordon['kind']; area: string; radiusM: number | null; closesRoads: boolean; setAt: Date | string }>(q, sql`select kind, ST_AsGeoJSON(geom, 7) as area,
      radius_m as "radiusM", closes_roads as "closesRoads", set_at as "setAt" from major_incident_cordons where major_incident_id = ${majorId} order by kind`);
  if (list.length === 0) return [];
  const inside = await rows<{ kind: string; id: string; name: string; category: string }>(q, sql`select c.kind, p.id, p.name, p.category
      from major_incident_cordons c join places p on ST_Intersects(p.geom, c.geom)
      where c.major_incident_id = ${majorId} and p.category in (${sql.join(KEY_CATEGORIES.map((k) => sql`${k}`), sql`, `)}) order by p.category, p.name`);
  const counted = await rows<{ kind: string; n: number }>(q, sql`select c.kind, count(b.osm_id)::int as n
      from major_incident_cordons c left join building_centroids b on ST_Intersects(c.geom, b.location)
      where c.major_incident_id = ${majorId} group by c.kind`);
  return list.map((c) => {
    const keyPlaces = inside.filter((p) => p.kind === c.kind).map(({ id, name, category }) => ({ id, name, category }));
    const keyPlaceCounts: Record<string, number> = {};
    for (const p of keyPlaces) keyPlaceCounts[p.category] = (keyPlaceCounts[p.category] ?? 0) + 1;
    return { kind: c.kind, area: JSON.parse(c.area) as Cordon['area'], radiusM: c.radiusM, closesRoads: c.closesRoads, setAt: new Date(c.setAt).toISOString(), keyPlaces, keyPlaceCounts,
      buildings: Number(counted.find((n) => n.kind === c.kind)?.n ?? 0) };
  });
}

/** The points of the incident's ground still in use (staging, traffic control, access, evacuation), oldest first. */
export async function pointsOf(q: Queryable, majorId: string): Promise<MajorPoint[]> {
  const list = await rows<{ id: string; kind: MajorPoint['kind']; name: string; lon: number; lat: number; note: string | null; createdAt: Date | string }>(q, sql`select id, kind, name,
      ST_X(location) as lon, ST_Y(location) as lat, note, created_at as "createdAt" from major_incident_points
      where major_incident_id = ${majorId} and removed_at is null order by created_at, id`);
  return list.map((p) => ({ id: p.id, kind: p.kind, name: p.name, location: [Number(p.lon), Number(p.lat)], note: p.note, createdAt: new Date(p.createdAt).toISOString() }));
}

/** The cordons of active major incidents (any kind), for what must keep out of them: dangerous-goods routes (controlled-goods). */
export async function activeCordonAreas(q: Queryable): Promise<{ id: string; name: string; kind: Cordon['kind']; area: { type: 'Polygon'; coordinates: [number, number][][] } }[]> {
  const list = await rows<{ majorId: string; name: string; kind: Cordon['kind']; area: string }>(q, sql`select c.major_incident_id as "majorId", m.title as name, c.kind, ST_AsGeoJSON(c.geom, 7) as area
      from major_incident_cordons c join major_incidents m on m.id = c.major_incident_id where m.state = 'active' order by c.major_incident_id, c.kind`);
  return list.map((c) => ({ id: `cordon:${c.majorId}:${c.kind}`, name: `${c.name} (${c.kind})`, kind: c.kind, area: JSON.parse(c.area) as { type: 'Polygon'; coordinates: [number, number][][] } }));
}
