import type { Incident, IncidentDisposition, IncidentOrigin, IncidentType, Priority } from '@firebreak/contracts';
import { and, desc, eq, lt, ne, sql, type SQL } from 'drizzle-orm';
import { withinRoots } from '../../platform/auth/scope-sql.js';
import type { Queryable } from '../../platform/db/client.js';
import { incidents } from './incidents.tables.js';
import type { TierClock } from './response-clock.js';

const columns = {
  id: incidents.id,
  type: incidents.type,
  priority: incidents.priority,
  state: incidents.state,
  jurisdictionId: incidents.jurisdictionId,
  jurisdictionPath: sql<string>`${incidents.jurisdictionPath}::text`,
  lon: sql<number | null>`ST_X(${incidents.location})`,
  lat: sql<number | null>`ST_Y(${incidents.location})`,
  address: incidents.address,
  callerNumber: incidents.callerNumber,
  callerPurgedAt: incidents.callerPurgedAt,
  narrative: incidents.narrative,
  receivedAt: incidents.receivedAt,
  tiers: incidents.tiers,
  origin: incidents.origin,
  externalRef: incidents.externalRef,
  closedAt: incidents.closedAt,
  disposition: incidents.disposition,
  duplicateOf: incidents.duplicateOf,
  version: incidents.version,
  createdAt: incidents.createdAt,
  updatedAt: incidents.updatedAt,
};

export interface IncidentRow {
  id: string; type: IncidentType; priority: Priority; state: 'open' | 'closed'; jurisdictionId: string; jurisdictionPath: string;
  lon: number | null; lat: number | null; address: string | null; callerNumber: string | null; callerPurgedAt: Date | null; narrative: string | null;
  receivedAt: Date; tiers: TierClock[]; origin: IncidentOrigin; externalRef: string | null; closedAt: Date | null; disposition: IncidentDisposition | null; duplicateOf: string | null; version: number; createdAt: Date; updatedAt: Date;
}

export function presentIncident(r: IncidentRow): Incident {
  return {
    id: r.id,
    type: r.type,
    priority: r.priority,
    state: r.state,
    jurisdictionId: r.jurisdictionId,
    jurisdictionPath: r.jurisdictionPath,
    location: r.lon === null || r.lat === null ? null : [Number(r.lon), Number(r.lat)],
    address: r.address,
    callerNumber: r.callerNumber,
    callerPurgedAt: r.callerPurgedAt?.toISOString() ?? null,
    narrative: r.narrative,
    receivedAt: r.receivedAt.toISOString(),
    tiers: r.tiers,
    origin: r.origin,
    externalRef: r.externalRef,
    closedAt: r.closedAt?.toISOString() ?? null,
    disposition: r.disposition,
    duplicateOf: r.duplicateOf,
    version: r.version,
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
  };
}

export async function findIncidentRow(q: Queryable, id: string, opts: { forUpdate?: boolean } = {}): Promise<IncidentRow | undefined> {
  const query = q.select(columns).from(incidents).where(eq(incidents.id, id));
  const [row] = opts.forUpdate ? await query.for('update') : await query;
  return row as IncidentRow | undefined;
}

export interface IncidentFilter {
  roots: string[];
  underPath?: string | undefined;
  state?: 'open' | 'closed' | undefined;
  /** Unset: live and simulated, not imported history (thousands of closed calls would bury the board). */
  origin?: IncidentOrigin | undefined;
  limit: number;
  cursor?: string | undefined;
}

/** Newest first (ids are UUIDv7, so id order is intake order). */
export async function listIncidents(q: Queryable, f: IncidentFilter): Promise<{ items: Incident[]; nextCursor: string | null }> {
  const where: (SQL | undefined)[] = [
    withinRoots(incidents.jurisdictionPath, f.roots),
    f.underPath ? withinRoots(incidents.jurisdictionPath, [f.underPath]) : undefined,
    f.state ? eq(incidents.state, f.state) : undefined,
    f.origin ? eq(incidents.origin, f.origin) : ne(incidents.origin, 'historical'),
    f.cursor ? lt(incidents.id, f.cursor) : undefined,
  ];
  const list = (await q.select(columns).from(incidents).where(and(...where)).orderBy(desc(incidents.id)).limit(f.limit + 1)) as IncidentRow[];
  const page = list.slice(0, f.limit).map(presentIncident);
  return { items: page, nextCursor: list.length > f.limit ? page.at(-1)!.id : null };
}
