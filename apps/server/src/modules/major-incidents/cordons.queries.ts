import type { Cordon } from '@firebreak/contracts';
import { sql } from 'drizzle-orm';
import { rows, type Queryable } from '../../platform/db/client.js';

/** The key places a cordon's evacuation estimate counts (no person data: places, by category). */
export const KEY_CATEGORIES = ['school', 'kindergarten', 'hospital', 'fuel_station', 'hazardous_chemicals', 'explosives_magazine', 'crowded_place'] as const;

/** A major incident's cordons with the key places inside each (one query for the shapes, one for the places). */
export async function cordonsOf(q: Queryable, majorId: string): Promise<Cordon[]> {
  const list = await rows<{ kind: Cordon['kind']; area: string; radiusM: number | null; setAt: Date | string }>(q, sql`select kind, ST_AsGeoJSON(geom, 7) as area,
      radius_m as "radiusM", set_at as "setAt" from major_incident_cordons where major_incident_id = ${majorId} order by kind`);
  if (list.length === 0) return [];
  const inside = await rows<{ kind: string; id: string; name: string; category: string }>(q, sql`select c.kind, p.id, p.name, p.category
      from major_incident_cordons c join places p on ST_Intersects(p.geom, c.geom)
      where c.major_incident_id = ${majorId} and p.category in (${sql.join(KEY_CATEGORIES.map((k) => sql`${k}`), sql`, `)}) order by p.category, p.name`);
  return list.map((c) => {
    const keyPlaces = inside.filter((p) => p.kind === c.kind).map(({ id, name, category }) => ({ id, name, category }));
    const keyPlaceCounts: Record<string, number> = {};
    for (const p of keyPlaces) keyPlaceCounts[p.category] = (keyPlaceCounts[p.category] ?? 0) + 1;
    return { kind: c.kind, area: JSON.parse(c.area) as Cordon['area'], radiusM: c.radiusM, setAt: new Date(c.setAt).toISOString(), keyPlaces, keyPlaceCounts };
  });
}
