import type { Cordon, MajorPoint, MajorPointRecord } from '@firebreak/contracts';
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

interface PointRow {
  id: string; kind: MajorPoint['kind']; name: string; lon: number; lat: number; note: string | null; createdAt: Date | string; removedAt: Date | string | null;
  cordonKind: MajorPoint['cordon']; roads: number | null; unitId: string | null; callSign: string | null; assignedAt: Date | string | null;
}

async function pointRows(q: Queryable, majorId: string, current: boolean): Promise<PointRow[]> {
  return rows<PointRow>(q, sql`select p.id, p.kind, p.name, ST_X(p.location) as lon, ST_Y(p.location) as lat, p.note, p.created_at as "createdAt",
      p.removed_at as "removedAt", p.cordon_kind as "cordonKind", p.roads, p.unit_id as "unitId", u.call_sign as "callSign", p.assigned_at as "assignedAt"
      from major_incident_points p left join units u on u.id = p.unit_id
      where p.major_incident_id = ${majorId} ${current ? sql`and p.removed_at is null` : sql``} order by p.created_at, p.name, p.id`);
}

function presentPoint(p: PointRow): MajorPoint {
  return {
    id: p.id, kind: p.kind, name: p.name, location: [Number(p.lon), Number(p.lat)], note: p.note, createdAt: new Date(p.createdAt).toISOString(),
    cordon: p.cordonKind, roads: p.roads,
    patrol: p.unitId ? { unitId: p.unitId, callSign: p.callSign ?? '', since: new Date(p.assignedAt!).toISOString() } : null,
  };
}

/** The points of the incident's ground still in use (staging, traffic control, access, evacuation), oldest first. */
export async function pointsOf(q: Queryable, majorId: string): Promise<MajorPoint[]> {
  return (await pointRows(q, majorId, true)).map(presentPoint);
}

/** Every point the incident ever had, removed ones with when (the after-action report's record of its ground). */
export async function pointRecordsOf(q: Queryable, majorId: string): Promise<MajorPointRecord[]> {
  return (await pointRows(q, majorId, false)).map((p) => ({ ...presentPoint(p), removedAt: p.removedAt === null ? null : new Date(p.removedAt).toISOString() }));
}

/** The cordons of active major incidents (any kind), for what must keep out of them: dangerous-goods routes (controlled-goods). */
export async function activeCordonAreas(q: Queryable): Promise<{ id: string; name: string; kind: Cordon['kind']; area: { type: 'Polygon'; coordinates: [number, number][][] } }[]> {
  const list = await rows<{ majorId: string; name: string; kind: Cordon['kind']; area: string }>(q, sql`select c.major_incident_id as "majorId", m.title as name, c.kind, ST_AsGeoJSON(c.geom, 7) as area
      from major_incident_cordons c join major_incidents m on m.id = c.major_incident_id where m.state = 'active' order by c.major_incident_id, c.kind`);
  return list.map((c) => ({ id: `cordon:${c.majorId}:${c.kind}`, name: `${c.name} (${c.kind})`, kind: c.kind, area: JSON.parse(c.area) as { type: 'Polygon'; coordinates: [number, number][][] } }));
}
