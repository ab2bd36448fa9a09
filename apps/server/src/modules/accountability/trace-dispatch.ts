import type { AccountabilityTrace } from '@firebreak/contracts';
import { sql } from 'drizzle-orm';
import type { AuditTrailEntry } from '../../platform/audit/audit-trail.js';
import { rows, type Queryable } from '../../platform/db/client.js';

type DispatchLine = AccountabilityTrace['dispatch'][number];

interface AssignmentRow {
  id: string; unit_id: string; call_sign: string; state: string; eta_seconds: number | null;
  assigned_at: Date | string; assigned_by: string | null; by_name: string | null;
  on_scene_at: Date | string | null; cleared_at: Date | string | null; cancelled_at: Date | string | null;
}

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());

/**
 * The incident's dispatch as the record has it: every unit sent (from its assignment, with who
 * sent it) and every unit the recommendation offered when units were sent (the
 * `dispatch.recommended` audit entries), one line per unit, in the order they were sent, then the
 * ones passed over. `recommended` is null for a unit sent by a dispatch that did not say what was
 * offered (an integration, an older client).
 */
export async function dispatchOf(q: Queryable, incidentId: string, trail: readonly AuditTrailEntry[]): Promise<DispatchLine[]> {
  const sent = await rows<AssignmentRow>(q, sql`
    select a.id, a.unit_id, u.call_sign, a.state, a.eta_seconds, a.assigned_at, a.assigned_by, s.display_name as by_name,
           a.on_scene_at, a.cleared_at, a.cancelled_at
      from assignments a join units u on u.id = a.unit_id left join users s on s.id = a.assigned_by
     where a.incident_id = ${incidentId}
     order by a.assigned_at, a.id`);
  const offers = trail.filter((e) => e.action === 'dispatch.recommended');
  const offered = new Set(offers.flatMap((e) => (e.after as { recommendedUnitIds?: string[] } | null)?.recommendedUnitIds ?? []));
  const sentWith = (unitId: string) => offers.filter((e) => ((e.after as { sentUnitIds?: string[] } | null)?.sentUnitIds ?? []).includes(unitId));
  const entriesOf = (assignmentId: string) => trail.filter((e) => {
    const after = e.after as { id?: string; assignmentId?: string } | null;
    return after?.id === assignmentId || after?.assignmentId === assignmentId;
  });

  const lines: DispatchLine[] = sent.map((a) => {
    const assignedAt = new Date(a.assigned_at);
    const onScene = a.on_scene_at === null ? null : new Date(a.on_scene_at);
    const told = sentWith(a.unit_id);
    return {
      incidentId, unitId: a.unit_id, callSign: a.call_sign,
      recommended: told.length > 0 ? offered.has(a.unit_id) : null,
      sent: {
        assignmentId: a.id, at: assignedAt.toISOString(), byUserId: a.assigned_by, byName: a.by_name, state: a.state,
        etaSeconds: a.eta_seconds === null ? null : Number(a.eta_seconds), onSceneAt: iso(a.on_scene_at),
        actualSeconds: onScene === null ? null : Math.round((onScene.getTime() - assignedAt.getTime()) / 1000),
        clearedAt: iso(a.cleared_at), cancelledAt: iso(a.cancelled_at),
      },
      auditIds: [...told, ...entriesOf(a.id)].map((e) => e.auditId),
    };
  });
  const sentUnits = new Set(sent.map((a) => a.unit_id));
  const passedOver = [...offered].filter((id) => !sentUnits.has(id));
  if (passedOver.length > 0) {
    const names = await rows<{ id: string; call_sign: string }>(q, sql`select id, call_sign from units where id in (${sql.join(passedOver.map((id) => sql`${id}::uuid`), sql`, `)})`);
    for (const u of names.sort((x, y) => x.call_sign.localeCompare(y.call_sign))) {
      const auditIds = offers.filter((e) => ((e.after as { recommendedUnitIds?: string[] }).recommendedUnitIds ?? []).includes(u.id)).map((e) => e.auditId);
      lines.push({ incidentId, unitId: u.id, callSign: u.call_sign, recommended: true, sent: null, auditIds });
    }
  }
  return lines;
}
