import type { IncidentType, Priority, ResponsePlan } from '@firebreak/contracts';
import { sql } from 'drizzle-orm';
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
