import { PREMISE_HISTORY_DAYS, PREMISE_HISTORY_METRES, PREMISE_NEARBY_METRES, type Premise } from '@firebreak/contracts';
import { sql, type SQL } from 'drizzle-orm';
import { withinRoots } from '../../platform/auth/scope-sql.js';
import { rows, type Queryable } from '../../platform/db/client.js';

/** The read scope of each part of the answer (ltree roots; empty: that part stays empty). */
export interface PremiseScope { places: string[]; hazards: string[]; incidents: string[]; units: string[]; posts: string[] }

const MAX_ITEMS = 20;
const MAX_UNITS = 12;

/**
 * A box around the point, in degrees, wide enough for `metres` at its latitude: the `&&` filter
 * that lets the GiST indexes on `location` answer before the exact distance on the sphere.
 */
function boxAround(lon: number, lat: number, metres: number): SQL {
  const dLat = metres / 111_000;
  const dLon = metres / (111_000 * Math.max(0.05, Math.cos((lat * Math.PI) / 180)));
  return sql`ST_MakeEnvelope(${lon - dLon}, ${lat - dLat}, ${lon + dLon}, ${lat + dLat}, 4326)`;
}

/**
 * Everything but the duplicates in one statement (one round trip; each part is a scalar
 * subquery that uses its own index): this is read at every location change of an intake, so it
 * has to stay well under the 50 ms budget on the embedded database too. A read model over the
 * tables of places, hazards, incidents, units, posts and staff, as the accountability trace is:
 * it writes nothing, and each part keeps the owning module's scope rule.
 */
export async function premiseAt(q: Queryable, lon: number, lat: number, now: Date, scope: PremiseScope): Promise<Omit<Premise, 'duplicates' | 'dangerousGoods'>> {
  const pt = sql`ST_SetSRID(ST_MakePoint(${lon}, ${lat}), 4326)`;
  const gg = sql`${pt}::geography`;
  const near = boxAround(lon, lat, PREMISE_NEARBY_METRES);
  const close = boxAround(lon, lat, PREMISE_HISTORY_METRES);
  const since = new Date(now.getTime() - PREMISE_HISTORY_DAYS * 86_400_000);
  const [row] = await rows<{ jurisdiction: Premise['jurisdiction']; posts: unknown; units: unknown; places: unknown; hazards: unknown; incidents: unknown }>(q, sql`
    with j as (
      select id, path, name, level from jurisdictions
      where boundary is not null and boundary && ${pt} and ST_Covers(boundary, ${pt})
      order by nlevel(path) desc limit 1
    )
    select
      (select json_build_object('id', id, 'path', path::text, 'name', name, 'level', level) from j) as jurisdiction,
      (select coalesce(json_agg(x order by nlevel(x.path) desc, x.title), '[]'::json) from (
        select p.id, p.title, p.jurisdiction_path as path, p.jurisdiction_path::text as "jurisdictionPath",
               (select u.display_name from post_holdings h join users u on u.id = h.user_id where h.post_id = p.id and h.to_at is null) as holder
        from posts p, j where p.kind = 'duty_post' and p.jurisdiction_path @> j.path and ${withinRoots(sql`p.jurisdiction_path`, scope.posts)}
      ) x) as posts,
      (select coalesce(json_agg(x), '[]'::json) from (
        select u.id, u.call_sign as "callSign", u.status from units u, j
        where u.on_duty and u.status <> 'out_of_service' and u.jurisdiction_path <@ j.path and ${withinRoots(sql`u.jurisdiction_path`, scope.units)}
        order by (u.status in ('available', 'at_station')) desc, u.call_sign limit ${MAX_UNITS}
      ) x) as units,
      (select coalesce(json_agg(x order by x."distanceMetres"), '[]'::json) from (
        select p.id, p.name, p.category, json_build_array(ST_X(p.location), ST_Y(p.location)) as location,
               round(ST_Distance(p.location::geography, ${gg})::numeric, 1)::float8 as "distanceMetres"
        from places p
        where p.location && ${near} and ST_DWithin(p.location::geography, ${gg}, ${PREMISE_NEARBY_METRES}) and ${withinRoots(sql`p.jurisdiction_path`, scope.places)}
        order by p.location::geography <-> ${gg} limit ${MAX_ITEMS}
      ) x) as places,
      (select coalesce(json_agg(x order by x.overdue desc, x."distanceMetres"), '[]'::json) from (
        select h.id, h.title, h.grade, h.state, h.place_id as "placeId", p.name as "placeName",
               round(ST_Distance(p.location::geography, ${gg})::numeric, 1)::float8 as "distanceMetres",
               h.raised_at as "raisedAt", floor(extract(epoch from (${now}::timestamptz - h.raised_at)) / 86400)::int as "ageDays",
               h.due_at as "dueAt", (h.due_at < ${now}::timestamptz) as overdue
        from places p join hazards h on h.place_id = p.id
        where p.location && ${near} and ST_DWithin(p.location::geography, ${gg}, ${PREMISE_NEARBY_METRES})
          and h.state in ('open', 'rectifying') and ${withinRoots(sql`h.jurisdiction_path`, scope.hazards)}
        limit ${MAX_ITEMS}
      ) x) as hazards,
      (select coalesce(json_agg(x order by x."receivedAt" desc), '[]'::json) from (
        select i.id, i.type, i.priority, i.state, i.received_at as "receivedAt", i.address,
               round(ST_Distance(i.location::geography, ${gg})::numeric, 1)::float8 as "distanceMetres"
        from incidents i
        where i.location && ${close} and ST_DWithin(i.location::geography, ${gg}, ${PREMISE_HISTORY_METRES})
          and i.received_at >= ${since}::timestamptz and i.received_at <= ${now}::timestamptz
          and i.origin = 'live' and ${withinRoots(sql`i.jurisdiction_path`, scope.incidents)}
        order by i.received_at desc limit ${MAX_ITEMS}
      ) x) as incidents`);
  const iso = (v: unknown) => new Date(String(v)).toISOString();
  type Post = Premise['onDuty']['posts'][number] & { path?: unknown };
  return {
    location: [lon, lat],
    jurisdiction: row!.jurisdiction ?? null,
    onDuty: {
      posts: (row!.posts as Post[]).map(({ path: _path, ...p }) => p),
      units: row!.units as Premise['onDuty']['units'],
    },
    keyPlaces: row!.places as Premise['keyPlaces'],
    hazards: (row!.hazards as Premise['hazards']).map((h) => ({ ...h, raisedAt: iso(h.raisedAt), dueAt: iso(h.dueAt) })),
    recentIncidents: (row!.incidents as Premise['recentIncidents']).map((i) => ({ ...i, receivedAt: iso(i.receivedAt) })),
  };
}
