import type { IncidentOrigin, IncidentType, PossibleDuplicates } from '@firebreak/contracts';
import { sql } from 'drizzle-orm';
import { withinRoots } from '../../platform/auth/scope-sql.js';
import { rows, type Queryable } from '../../platform/db/client.js';
import { incidents } from './incidents.tables.js';

export interface DuplicateProbe {
  type: IncidentType;
  /** Only incidents of the same origin: a live call is never offered a simulated or imported one. */
  origin: IncidentOrigin;
  lon: number;
  lat: number;
  receivedAt: Date;
  /** The incident being checked itself, left out of its own candidates. */
  excludeId?: string;
}

const MAX_CANDIDATES = 20;

/**
 * Possible duplicates of a call: incidents of the same type and origin within `radiusMetres` (on the
 * ground, geography) received within `windowMinutes` either side, in the caller's scope,
 * nearest first. Incidents already linked as duplicates are left out (their original is the
 * one to link to); closed ones stay in (a second call about a fire just put out is news).
 */
export async function possibleDuplicates(q: Queryable, roots: string[], probe: DuplicateProbe, cfg: { radiusMetres: number; windowMinutes: number }): Promise<PossibleDuplicates> {
  const at = probe.receivedAt;
  const window = `${cfg.windowMinutes} minutes`;
  const point = sql`ST_SetSRID(ST_MakePoint(${probe.lon}, ${probe.lat}), 4326)::geography`;
  // A box around the point first (degrees, wide enough at this latitude): the GiST index on
  // location answers it, where ST_DWithin on the geography cast alone scans every incident.
  const dLat = cfg.radiusMetres / 111_000;
  const dLon = cfg.radiusMetres / (111_000 * Math.max(0.05, Math.cos((probe.lat * Math.PI) / 180)));
  const box = sql`ST_MakeEnvelope(${probe.lon - dLon}, ${probe.lat - dLat}, ${probe.lon + dLon}, ${probe.lat + dLat}, 4326)`;
  const list = await rows<{
    id: string; type: IncidentType; priority: 'P1' | 'P2' | 'P3' | 'P4'; state: 'open' | 'closed'; path: string; lon: number; lat: number;
    address: string | null; received_at: Date | string; distance: number; minutes: number;
  }>(q, sql`
    select id, type, priority, state, jurisdiction_path::text as path, ST_X(location) as lon, ST_Y(location) as lat, address, received_at,
      ST_Distance(location::geography, ${point}) as distance,
      abs(extract(epoch from (received_at - ${at}::timestamptz))) / 60 as minutes
    from incidents
    where type = ${probe.type} and origin = ${probe.origin} and duplicate_of is null and ${withinRoots(incidents.jurisdictionPath, roots)}
      ${probe.excludeId ? sql`and id <> ${probe.excludeId}` : sql``}
      and received_at between ${at}::timestamptz - ${window}::interval and ${at}::timestamptz + ${window}::interval
      and location && ${box} and ST_DWithin(location::geography, ${point}, ${cfg.radiusMetres})
    order by distance, received_at desc
    limit ${MAX_CANDIDATES}`);
  return {
    radiusMetres: cfg.radiusMetres,
    windowMinutes: cfg.windowMinutes,
    items: list.map((r) => ({
      id: r.id, type: r.type, priority: r.priority, state: r.state, jurisdictionPath: r.path, location: [Number(r.lon), Number(r.lat)] as [number, number],
      address: r.address, receivedAt: new Date(r.received_at).toISOString(), distanceMetres: Math.round(Number(r.distance) * 10) / 10, minutesApart: Math.round(Number(r.minutes) * 10) / 10,
    })),
  };
}
