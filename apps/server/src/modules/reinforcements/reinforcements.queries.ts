import type { ReinforcementTargets, IncidentType, LentUnit, Priority, ReinforcementRequest, ReinforcementState, ReinforcementStep, UnitKind } from '@firebreak/contracts';
import { sql, type SQL } from 'drizzle-orm';
import { withinRoots } from '../../platform/auth/scope-sql.js';
import { rows, type Queryable } from '../../platform/db/client.js';

interface Row {
  id: string; incident_id: string; incident_path: string; type: IncidentType; priority: Priority; lon: number | null; lat: number | null; address: string | null;
  kind: UnitKind | null; capability: string | null; count: number; granted: number; state: ReinforcementState; target_path: string | null;
  answer_due_at: Date | string | null; timeout_seconds: number; requested_by: string; requested_by_name: string; note: string | null;
  steps: ReinforcementStep[]; created_at: Date | string; closed_at: Date | string | null; version: number;
}

const iso = (d: Date | string | null): string | null => (d === null ? null : new Date(d).toISOString());

const select = (where: SQL, tail: SQL = sql``) => sql`
  select r.id, r.incident_id, r.incident_path::text as incident_path, i.type, i.priority, ST_X(i.location) as lon, ST_Y(i.location) as lat, i.address,
    r.kind, r.capability, r.count, r.granted, r.state, r.target_path::text as target_path, r.answer_due_at, r.timeout_seconds,
    r.requested_by, r.requested_by_name, r.note, r.steps, r.created_at, r.closed_at, r.version
  from reinforcement_requests r join incidents i on i.id = r.incident_id
  where ${where} ${tail}`;

async function present(q: Queryable, list: Row[]): Promise<ReinforcementRequest[]> {
  if (list.length === 0) return [];
  const lent = await rows<LentUnit & { requestId: string }>(q, sql`
    select l.request_id as "requestId", u.id as "unitId", u.call_sign as "callSign", u.kind, u.jurisdiction_path::text as "jurisdictionPath"
    from unit_loans l join units u on u.id = l.unit_id
    where l.request_id = any(${`{${list.map((r) => r.id).join(',')}}`}::uuid[]) order by l.lent_at, u.call_sign`);
  const paths = new Set<string>();
  for (const r of list) for (const p of [r.incident_path, r.target_path, ...r.steps.map((s) => s.jurisdictionPath)]) if (p) paths.add(p);
  for (const l of lent) paths.add(l.jurisdictionPath);
  const named = await rows<{ path: string; name: string }>(q, sql`select path::text as path, name from jurisdictions where path::text = any(${`{${[...paths].map((p) => `"${p}"`).join(',')}}`}::text[])`);
  const nameOf = new Map(named.map((n) => [n.path, n.name]));
  const namesFor = (r: Row, units: LentUnit[]) => Object.fromEntries(
    [r.incident_path, r.target_path, ...r.steps.map((s) => s.jurisdictionPath), ...units.map((u) => u.jurisdictionPath)]
      .filter((p): p is string => p !== null && nameOf.has(p)).map((p) => [p, nameOf.get(p)!]),
  );
  return list.map((r) => ({
    id: r.id,
    incident: { id: r.incident_id, type: r.type, priority: r.priority, jurisdictionPath: r.incident_path, location: r.lon === null || r.lat === null ? null : [Number(r.lon), Number(r.lat)] as [number, number], address: r.address },
    kind: r.kind, capability: r.capability, count: Number(r.count), granted: Number(r.granted), state: r.state,
    targetPath: r.target_path, answerDueAt: iso(r.answer_due_at), timeoutSeconds: Number(r.timeout_seconds),
    requestedBy: { id: r.requested_by, name: r.requested_by_name }, note: r.note,
    createdAt: iso(r.created_at)!, closedAt: iso(r.closed_at),
    lent: lent.filter((l) => l.requestId === r.id).map(({ requestId: _r, ...u }) => u),
    steps: r.steps, version: Number(r.version),
  })).map((r, i) => ({ ...r, names: namesFor(list[i]!, r.lent) }));
}

export async function findRequest(q: Queryable, id: string, opts: { forUpdate?: boolean } = {}): Promise<ReinforcementRequest | undefined> {
  const list = await rows<Row>(q, select(sql`r.id = ${id}`, opts.forUpdate ? sql`for update of r` : sql``));
  return (await present(q, list))[0];
}

/** The requests of one incident, oldest first. */
export async function requestsOfIncident(q: Queryable, incidentId: string): Promise<ReinforcementRequest[]> {
  return present(q, await rows<Row>(q, select(sql`r.incident_id = ${incidentId}`, sql`order by r.created_at, r.id`)));
}

/**
 * Requests for a dispatcher with `roots` (where they hold dispatch:assign): addressed to them
 * (`mine`: open and asked of a jurisdiction within their roots), or every request they may see
 * (`all`: their incidents', and those asked of them), newest first, at most 200.
 */
export async function listRequests(q: Queryable, f: { roots: string[]; addressed: 'mine' | 'all'; state?: ReinforcementState | undefined }): Promise<ReinforcementRequest[]> {
  const toMe = withinRoots(sql`r.target_path`, f.roots);
  const where = f.addressed === 'mine'
    ? sql`r.state = 'open' and ${toMe}`
    : sql`(${withinRoots(sql`r.incident_path`, f.roots)} or ${toMe} or exists (
        select 1 from jsonb_array_elements(r.steps) s where s->>'jurisdictionPath' is not null and ${withinRoots(sql`(s->>'jurisdictionPath')::ltree`, f.roots)}
      )) ${f.state ? sql`and r.state = ${f.state}` : sql``}`;
  return present(q, await rows<Row>(q, select(where, sql`order by r.created_at desc, r.id desc limit 200`)));
}

/** Open requests whose target's time is up, or whose incident closed (for the sweep), oldest due first. */
export async function dueRequests(q: Queryable, now: Date, limit: number): Promise<{ id: string }[]> {
  return rows<{ id: string }>(q, sql`select r.id from reinforcement_requests r join incidents i on i.id = r.incident_id
    where r.state = 'open' and (r.answer_due_at <= ${now} or i.state = 'closed')
    order by r.answer_due_at, r.id limit ${limit}`);
}

/** Boundaries this close (degrees, about 50 m) touch: OSM outlines rarely meet exactly (as mutual aid's demo agreements). */
export const TOUCHING_DEGREES = 0.0005;

/**
 * Whom the dispatchers of an incident in `jurisdictionId` may ask: the level above it, and its
 * neighbours (same parent, or a boundary within ~50 m; never above or below it), by name.
 */
export async function targetsOf(q: Queryable, jurisdictionId: string): Promise<ReinforcementTargets> {
  type J = { id: string; path: string; name: string; names: Record<string, string> };
  const [above] = await rows<J>(q, sql`select p.id, p.path::text as path, p.name, p.names from jurisdictions j join jurisdictions p
    on nlevel(j.path) > 1 and p.path = subpath(j.path, 0, nlevel(j.path) - 1) where j.id = ${jurisdictionId}`);
  const neighbours = await rows<J>(q, sql`select n.id, n.path::text as path, n.name, n.names from jurisdictions j join jurisdictions n
    on not (n.path <@ j.path or n.path @> j.path)
      and ((nlevel(j.path) > 1 and nlevel(n.path) = nlevel(j.path) and subpath(n.path, 0, nlevel(n.path) - 1) = subpath(j.path, 0, nlevel(j.path) - 1))
        or (j.boundary is not null and n.boundary is not null and ST_DWithin(j.boundary, n.boundary, ${TOUCHING_DEGREES})))
    where j.id = ${jurisdictionId} order by n.name, n.path limit 100`);
  return { above: above ?? null, neighbours };
}
