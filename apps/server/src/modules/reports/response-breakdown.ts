import type { IncidentOrigin, ResponseBreakdownQuery, ResponseBreakdownReport } from '@firebreak/contracts';
import { sql } from 'drizzle-orm';
import { rows, type Queryable } from '../../platform/db/client.js';
import { breakdown, type IncidentFacts, type ResponseFacts } from './model.js';

export interface BreakdownScope {
  jurisdiction: { id: string; path: string; name: string };
  from: Date;
  to: Date;
  origin: IncidentOrigin;
  by: ResponseBreakdownQuery['by'];
  level: number;
  within: readonly number[];
}

/**
 * The incidents of the subtree received in `[from, to)` of one origin, without linked duplicates
 * (the same emergency as their original: counted once), and their units' times: our own
 * dispatches (`assignments`, the unit's kind from the registry; a unit sent and later cancelled
 * was still sent) and imported history (`imported_responses`, the kind its mapping gave).
 * Times come as epoch milliseconds, so that both database drivers give plain numbers.
 */
const scoped = (s: BreakdownScope) => sql`i.jurisdiction_path <@ ${s.jurisdiction.path}::ltree and i.received_at >= ${s.from}
  and i.received_at < ${s.to} and i.origin = ${s.origin} and i.duplicate_of is null`;

const ms = (column: string) => sql.raw(`(extract(epoch from ${column}) * 1000)::float8`);

interface IncidentRow {
  id: string;
  receivedAt: number;
  priority: string;
  type: string;
  path: string;
  tiers: { tier: number; metAt?: string | null; missedAt?: string | null }[] | string;
  doubtful: boolean;
}

interface ResponseRow {
  incidentId: string;
  kind: string;
  dispatchedAt: number | null;
  enRouteAt: number | null;
  onSceneAt: number | null;
}

export async function loadFacts(q: Queryable, s: BreakdownScope): Promise<IncidentFacts[]> {
  const incidents = await rows<IncidentRow>(q, sql`select i.id, ${ms('i.received_at')} as "receivedAt", i.priority, i.type,
      i.jurisdiction_path::text as path, i.tiers,
      exists (select 1 from imported_calls c where c.incident_id = i.id and c.time_doubt is not null) as doubtful
    from incidents i where ${scoped(s)}`);
  const responses = await rows<ResponseRow>(q, sql`
    select a.incident_id as "incidentId", u.kind, ${ms('a.assigned_at')} as "dispatchedAt", ${ms('a.en_route_at')} as "enRouteAt", ${ms('a.on_scene_at')} as "onSceneAt"
      from assignments a join units u on u.id = a.unit_id join incidents i on i.id = a.incident_id where ${scoped(s)}
    union all
    select h.incident_id, coalesce(h.unit_kind, 'other'), ${ms('h.dispatched_at')}, ${ms('h.responded_at')}, ${ms('h.on_scene_at')}
      from imported_responses h join incidents i on i.id = h.incident_id where ${scoped(s)}`);
  const byIncident = new Map<string, ResponseFacts[]>();
  for (const r of responses) {
    const list = byIncident.get(r.incidentId) ?? [];
    list.push({ kind: r.kind, dispatchedAt: num(r.dispatchedAt), enRouteAt: num(r.enRouteAt), onSceneAt: num(r.onSceneAt) });
    byIncident.set(r.incidentId, list);
  }
  return incidents.map((i) => {
    const tiers = typeof i.tiers === 'string' ? (JSON.parse(i.tiers) as Exclude<IncidentRow['tiers'], string>) : i.tiers;
    return {
      id: i.id,
      receivedAt: Number(i.receivedAt),
      priority: i.priority,
      type: i.type,
      jurisdictionPath: i.path,
      doubtful: Boolean(i.doubtful),
      tiers: (tiers ?? []).map((t) => ({ tier: Number(t.tier), met: Boolean(t.metAt), missed: Boolean(t.missedAt) })),
      responses: byIncident.get(i.id) ?? [],
    };
  });
}

const num = (v: number | string | null) => (v === null ? null : Number(v));

/** Jurisdiction names by path, for the groups of a breakdown by jurisdiction. */
async function namesOf(q: Queryable, paths: string[]): Promise<Map<string, string>> {
  if (paths.length === 0) return new Map();
  const found = await rows<{ path: string; name: string }>(q, sql`select path::text as path, name from jurisdictions
    where path::text in (${sql.join(paths.map((p) => sql`${p}`), sql`, `)})`);
  return new Map(found.map((r) => [r.path, r.name]));
}

/** The report: figures of the whole scope and of each group of the breakdown. */
export async function responseBreakdown(q: Queryable, s: BreakdownScope): Promise<ResponseBreakdownReport> {
  const facts = await loadFacts(q, s);
  const { overall, groups } = breakdown(facts, { by: s.by, level: s.level, within: s.within });
  if (s.by === 'jurisdiction') {
    const names = await namesOf(q, groups.map((g) => g.key));
    for (const g of groups) g.name = names.get(g.key) ?? null;
  }
  return {
    jurisdictionId: s.jurisdiction.id,
    jurisdictionPath: s.jurisdiction.path,
    jurisdictionName: s.jurisdiction.name,
    from: s.from.toISOString(),
    to: s.to.toISOString(),
    origin: s.origin,
    by: s.by,
    level: s.by === 'jurisdiction' ? s.level : null,
    withinSeconds: [...s.within],
    overall: { ...overall, name: s.jurisdiction.name },
    groups,
  };
}
