import type { TrafficPointOffer, UnitKind } from '@firebreak/contracts';
import { sql } from 'drizzle-orm';
import { unitScope, type Actor } from '../../platform/auth/access.js';
import { withinUnitScope } from '../../platform/auth/scope-sql.js';
import { rows, type Queryable } from '../../platform/db/client.js';
import { nearMetres, PATROL_KINDS, patrolNear } from './model.js';

export interface OfferPatrol { id: string; callSign: string; kind: UnitKind; jurisdictionPath: string; sectorMajorId: string | null; lon: number; lat: number; holds: string | null }

/**
 * The caller's patrol units (those it may act for: `dispatch:respond`, its crew's and its
 * dispatchers'), with where they are (the last AVL fix, else home), the major incident whose sector
 * they work in and the point they hold.
 */
export async function patrolsOf(q: Queryable, actor: Actor, unitId?: string): Promise<OfferPatrol[]> {
  const scope = unitScope(actor, 'dispatch:respond');
  if (scope.roots.length === 0 && scope.lent.length === 0) return [];
  const found = await rows<OfferPatrol>(q, sql`select u.id, u.call_sign as "callSign", u.kind, u.jurisdiction_path::text as "jurisdictionPath",
      s.major_incident_id as "sectorMajorId", ST_X(coalesce(t.location, u.home_location)) as lon, ST_Y(coalesce(t.location, u.home_location)) as lat,
      (select p.id from major_incident_points p where p.unit_id = u.id and p.removed_at is null) as holds
    from units u
    left join major_incident_sector_units s on s.unit_id = u.id and s.to_at is null
    left join lateral (select location from unit_track where unit_id = u.id order by at desc limit 1) t on true
    where u.kind in (${sql.join(PATROL_KINDS.map((k) => sql`${k}`), sql`, `)})
      and ${withinUnitScope(sql`u.jurisdiction_path`, sql`u.kind`, scope)}
      ${unitId ? sql`and u.id = ${unitId}` : sql``}
    order by u.call_sign`);
  return found.map((p) => ({ ...p, lon: Number(p.lon), lat: Number(p.lat) }));
}

/**
 * The open traffic control points of active major incidents offered to the caller's patrols: each
 * with the patrols near it (`patrolNear`) that hold no point, nearest first; points with none are
 * not offered to this caller. Nearest offer first.
 */
export async function trafficPointOffers(q: Queryable, actor: Actor): Promise<TrafficPointOffer[]> {
  const patrols = (await patrolsOf(q, actor)).filter((p) => p.holds === null);
  if (patrols.length === 0) return [];
  const points = await rows<{ pointId: string; name: string; lon: number; lat: number; cordon: 'inner' | 'outer' | null; roads: number | null; majorIncidentId: string; title: string; exercise: boolean; commandPath: string }>(q,
    sql`select p.id as "pointId", p.name, ST_X(p.location) as lon, ST_Y(p.location) as lat, p.cordon_kind as cordon, p.roads,
        m.id as "majorIncidentId", m.title, m.exercise, m.command_path::text as "commandPath"
      from major_incident_points p join major_incidents m on m.id = p.major_incident_id
      where p.kind = 'traffic_control' and p.removed_at is null and p.unit_id is null and m.state = 'active'`);
  const offers: (TrafficPointOffer & { nearest: number })[] = [];
  for (const p of points) {
    const location: [number, number] = [Number(p.lon), Number(p.lat)];
    const near = patrols.filter((u) => patrolNear(u, { id: p.majorIncidentId, commandPath: p.commandPath }))
      .map((u) => ({ unitId: u.id, callSign: u.callSign, kind: u.kind, metres: Math.round(nearMetres([u.lon, u.lat], location)) }))
      .sort((a, b) => a.metres - b.metres || a.callSign.localeCompare(b.callSign));
    if (near.length === 0) continue;
    offers.push({ majorIncidentId: p.majorIncidentId, title: p.title, exercise: p.exercise, pointId: p.pointId, name: p.name, location, cordon: p.cordon, roads: p.roads, patrols: near, nearest: near[0]!.metres });
  }
  return offers.sort((a, b) => a.nearest - b.nearest || a.name.localeCompare(b.name)).map(({ nearest: _n, ...o }) => o);
}
