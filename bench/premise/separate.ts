import { PREMISE_HISTORY_DAYS, PREMISE_HISTORY_METRES, PREMISE_NEARBY_METRES, type Premise } from '@firebreak/contracts';
import { sql } from 'drizzle-orm';
import { rows, type Queryable } from '../../apps/server/src/platform/db/client.js';

/** The same bounding-box prefilter as the statement's (so that only the round trips differ). */
function box(lon: number, lat: number, metres: number) {
  const dLat = metres / 111_000, dLon = metres / (111_000 * Math.max(0.05, Math.cos((lat * Math.PI) / 180)));
  return sql`ST_MakeEnvelope(${lon - dLon}, ${lat - dLat}, ${lon + dLon}, ${lat + dLat}, 4326)`;
}

/**
 * The peer: the premise assembled as a first version would, one raw SQL query per part (six round
 * trips, the jurisdiction's path carried from the first into the next two), whole-country scope.
 * Same filters and limits as premise.queries.ts, so the answers are equal.
 */
export async function separateQueries(q: Queryable, lon: number, lat: number, now: Date): Promise<Omit<Premise, 'duplicates' | 'dangerousGoods'>> {
  const pt = sql`ST_SetSRID(ST_MakePoint(${lon}, ${lat}), 4326)`;
  const gg = sql`${pt}::geography`;
  const since = new Date(now.getTime() - PREMISE_HISTORY_DAYS * 86_400_000);
  const [j] = await rows<{ id: string; path: string; name: string; level: string }>(q, sql`
    select id, path::text as path, name, level from jurisdictions
    where boundary is not null and boundary && ${pt} and ST_Covers(boundary, ${pt}) order by nlevel(path) desc limit 1`);
  const posts = j ? await rows<{ id: string; title: string; jurisdictionPath: string; holder: string | null }>(q, sql`
    select p.id, p.title, p.jurisdiction_path::text as "jurisdictionPath", u.display_name as holder
    from posts p left join post_holdings h on h.post_id = p.id and h.to_at is null left join users u on u.id = h.user_id
    where p.kind = 'duty_post' and p.jurisdiction_path @> ${j.path}::ltree order by nlevel(p.jurisdiction_path) desc, p.title`) : [];
  const units = j ? await rows<Premise['onDuty']['units'][number]>(q, sql`
    select id, call_sign as "callSign", status from units
    where on_duty and status <> 'out_of_service' and jurisdiction_path <@ ${j.path}::ltree
    order by (status in ('available', 'at_station')) desc, call_sign limit 12`) : [];
  const places = await rows<{ id: string; name: string; category: string; lon: number; lat: number; d: number }>(q, sql`
    select id, name, category, ST_X(location) as lon, ST_Y(location) as lat, ST_Distance(location::geography, ${gg}) as d
    from places where location && ${box(lon, lat, PREMISE_NEARBY_METRES)} and ST_DWithin(location::geography, ${gg}, ${PREMISE_NEARBY_METRES}) order by d limit 20`);
  const hazards = await rows<{ id: string; title: string; grade: 'general' | 'major'; state: string; place_id: string; place_name: string; d: number; raised_at: Date; due_at: Date }>(q, sql`
    select h.id, h.title, h.grade, h.state, h.place_id, p.name as place_name, ST_Distance(p.location::geography, ${gg}) as d, h.raised_at, h.due_at
    from hazards h join places p on p.id = h.place_id
    where h.state in ('open', 'rectifying') and p.location && ${box(lon, lat, PREMISE_NEARBY_METRES)} and ST_DWithin(p.location::geography, ${gg}, ${PREMISE_NEARBY_METRES}) limit 20`);
  const incidents = await rows<{ id: string; type: string; priority: string; state: string; received_at: Date; address: string | null; d: number }>(q, sql`
    select id, type, priority, state, received_at, address, ST_Distance(location::geography, ${gg}) as d
    from incidents where origin = 'live' and received_at >= ${since}::timestamptz and received_at <= ${now}::timestamptz
      and location && ${box(lon, lat, PREMISE_HISTORY_METRES)} and ST_DWithin(location::geography, ${gg}, ${PREMISE_HISTORY_METRES}) order by received_at desc limit 20`);
  const round = (d: number) => Math.round(Number(d) * 10) / 10;
  return {
    location: [lon, lat],
    jurisdiction: j ?? null,
    onDuty: { posts, units },
    keyPlaces: places.map((p) => ({ id: p.id, name: p.name, category: p.category as Premise['keyPlaces'][number]['category'], location: [Number(p.lon), Number(p.lat)], distanceMetres: round(p.d) })),
    hazards: hazards.map((h) => ({
      id: h.id, title: h.title, grade: h.grade, state: h.state, placeId: h.place_id, placeName: h.place_name, distanceMetres: round(h.d),
      raisedAt: new Date(h.raised_at).toISOString(), ageDays: Math.floor((now.getTime() - new Date(h.raised_at).getTime()) / 86_400_000),
      dueAt: new Date(h.due_at).toISOString(), overdue: new Date(h.due_at) < now,
    })),
    recentIncidents: incidents.map((i) => ({
      id: i.id, type: i.type as never, priority: i.priority as never, state: i.state as never, receivedAt: new Date(i.received_at).toISOString(), address: i.address, distanceMetres: round(i.d),
    })),
  };
}
