import type { RoutedTo } from '@firebreak/contracts';
import { sql } from 'drizzle-orm';
import { rows, type Queryable } from '../../platform/db/client.js';

/**
 * Where units go for a call inside a cordon that closes its roads (issue 15 §3): the roads inside
 * are closed in the road graph (major-incidents/road-closures.ts), so the scene has no road ETA;
 * units are routed to the major incident's staging area nearest the call, else its nearest access
 * point. Read here in SQL on the major-incident tables rather than through that module, which
 * itself depends on this one (the road network). Null when the call is in no closed cordon; the
 * innermost cordon holding it wins.
 */
export async function cordonAccessFor(q: Queryable, at: [number, number]): Promise<RoutedTo | null> {
  const [c] = await rows<{ majorId: string; title: string; kind: 'inner' | 'outer'; pointId: string | null; pointKind: 'staging' | 'access' | null; name: string | null; lon: number | null; lat: number | null }>(q, sql`
    with call as (select ST_SetSRID(ST_MakePoint(${at[0]}, ${at[1]}), 4326) as g)
    select m.id as "majorId", m.title, c.kind, p.id as "pointId", p.kind as "pointKind", p.name, ST_X(p.location) as lon, ST_Y(p.location) as lat
    from call, major_incident_cordons c join major_incidents m on m.id = c.major_incident_id
    left join lateral (select p.* from major_incident_points p where p.major_incident_id = m.id and p.removed_at is null and p.kind in ('staging', 'access')
      order by (p.kind = 'staging') desc, ST_Distance(p.location::geography, (select g from call)::geography), p.id limit 1) p on true
    where c.closes_roads and m.state = 'active' and ST_Intersects(c.geom, call.g)
    order by ST_Area(c.geom), m.id limit 1`);
  if (!c) return null;
  return {
    majorIncidentId: c.majorId, majorIncidentTitle: c.title, cordon: c.kind,
    point: c.pointId ? { id: c.pointId, kind: c.pointKind!, name: c.name!, location: [Number(c.lon), Number(c.lat)] } : null,
  };
}

/** The point a unit's road ETA is taken to: the cordon's staging or access point, the scene, or none (a closed cordon without either). */
export function etaTarget(scene: [number, number], routedTo: RoutedTo | null): [number, number] | null {
  if (!routedTo) return scene;
  return routedTo.point?.location ?? null;
}
