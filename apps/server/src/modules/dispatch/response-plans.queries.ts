import type { IncidentType, Priority, ResponsePlan } from '@firebreak/contracts';
import { sql } from 'drizzle-orm';
import { withinRoots } from '../../platform/auth/scope-sql.js';
import { rows, type Queryable } from '../../platform/db/client.js';

interface PlanRow {
  id: string; jurisdiction_id: string; path: string; incident_type: IncidentType; priority: Priority;
  tiers: ResponsePlan['tiers']; version: number; updated_at: Date | string;
}

function present(r: PlanRow): ResponsePlan {
  return {
    id: r.id, jurisdictionId: r.jurisdiction_id, jurisdictionPath: r.path, incidentType: r.incident_type, priority: r.priority,
    tiers: r.tiers, version: Number(r.version), updatedAt: new Date(r.updated_at).toISOString(),
  };
}

/** The plan in force at `path`: defined there, else at the nearest ancestor that defines one. */
export async function planInForce(q: Queryable, path: string, incidentType: IncidentType, priority: Priority): Promise<ResponsePlan | null> {
  const [row] = await rows<PlanRow>(q, sql`select id, jurisdiction_id, jurisdiction_path::text as path, incident_type, priority, tiers, version, updated_at
    from response_plans where jurisdiction_path @> ${path}::ltree and incident_type = ${incidentType} and priority = ${priority}
    order by nlevel(jurisdiction_path) desc limit 1`);
  return row ? present(row) : null;
}

/** Bounds the answer: at most every type and priority for some 90 jurisdictions. */
const LIST_LIMIT = 4000;

/**
 * The run cards set (not inherited) in the subtrees of `roots`, or of `under` when given, optionally
 * of one incident type and/or priority: where a tree overrides what. By path, type, priority.
 */
export async function listPlans(q: Queryable, f: { roots: string[]; under?: string | undefined; incidentType?: IncidentType | undefined; priority?: Priority | undefined }): Promise<ResponsePlan[]> {
  const conditions = [
    withinRoots(sql`jurisdiction_path`, f.roots),
    f.under ? sql`jurisdiction_path <@ ${f.under}::ltree` : undefined,
    f.incidentType ? sql`incident_type = ${f.incidentType}` : undefined,
    f.priority ? sql`priority = ${f.priority}` : undefined,
  ].filter((c) => c !== undefined);
  const list = await rows<PlanRow>(q, sql`select id, jurisdiction_id, jurisdiction_path::text as path, incident_type, priority, tiers, version, updated_at
    from response_plans where ${sql.join(conditions, sql` and `)}
    order by jurisdiction_path, incident_type, priority limit ${LIST_LIMIT}`);
  return list.map(present);
}
