import type { PlaceCategory } from '@firebreak/contracts';
import { sql, type SQL } from 'drizzle-orm';
import { rows, type Queryable } from '../../platform/db/client.js';
import { riskScore } from './risk.js';

interface InputRow {
  id: string;
  name: string;
  category: PlaceCategory;
  path: string;
  lon: number;
  lat: number;
  last_inspected_at: Date | string | null;
  open_major: number;
  open_general: number;
  overdue: number;
}

/** Places under `where`, scored and ordered by risk, highest first. */
export async function placesByRisk(q: Queryable, where: SQL, now: Date, limit: number) {
  const inputs = await rows<InputRow>(q, sql`select p.id, p.name, p.category, p.jurisdiction_path::text as path,
      ST_X(p.location) as lon, ST_Y(p.location) as lat,
      (select max(i.recorded_at) from inspections i where i.place_id = p.id) as last_inspected_at,
      count(h.id) filter (where h.grade = 'major' and h.state in ('open', 'rectifying', 'submitted'))::int as open_major,
      count(h.id) filter (where h.grade = 'general' and h.state in ('open', 'rectifying', 'submitted'))::int as open_general,
      count(h.id) filter (where h.state in ('open', 'rectifying') and h.due_at < ${now})::int as overdue
    from places p left join hazards h on h.place_id = p.id
    where ${where}
    group by p.id`);
  return inputs
    .map((r) => {
      const last = r.last_inspected_at === null ? null : new Date(r.last_inspected_at);
      const days = last === null ? null : (now.getTime() - last.getTime()) / 86_400_000;
      return {
        placeId: r.id, name: r.name, category: r.category, jurisdictionPath: r.path, location: [Number(r.lon), Number(r.lat)] as [number, number],
        lastInspectedAt: last?.toISOString() ?? null, openMajor: r.open_major, openGeneral: r.open_general, overdue: r.overdue,
        risk: riskScore({ category: r.category, openMajor: r.open_major, openGeneral: r.open_general, overdue: r.overdue, daysSinceInspection: days }),
      };
    })
    .sort((a, b) => b.risk.score - a.risk.score || a.name.localeCompare(b.name))
    .slice(0, limit);
}
