import type { Assignment, AssignUnitsBody } from '@firebreak/contracts';
import { v7 as uuidv7 } from 'uuid';
import { AppError, notFound } from '../../errors.js';
import { can, type Actor } from '../../platform/auth/access.js';
import { runCommand, type CommandContext, type CommandDeps } from '../../platform/command.js';
import { findIncidentRow, type IncidentRow } from '../incidents/index.js';
import { applyUnitCommand, lockUnit } from '../units/index.js';
import { findAssignment } from './dispatch.queries.js';
import { assignments } from './dispatch.tables.js';

/**
 * Sends units to an incident, all or none. Each unit row is locked before it is checked, so of
 * two dispatchers sending the same unit at once exactly one succeeds; the other gets a 409
 * (DISPATCH_UNIT_UNAVAILABLE). With an Idempotency-Key a retried request assigns once.
 * `etaOf` gives the road travel time of each unit when it is sent (null when unknown).
 */
export async function assignUnits(
  deps: CommandDeps, ctx: CommandContext & { actor: Actor }, incidentId: string, input: AssignUnitsBody,
  etaOf: (incident: IncidentRow, unitIds: string[]) => Promise<Map<string, number | null>>,
): Promise<Assignment[]> {
  const unitIds = [...new Set(input.unitIds)];
  // Travel times are worked out before the transaction: it must not wait on anything else.
  const seen = await findIncidentRow(deps.db, incidentId);
  const etas = seen && can(ctx.actor, 'dispatch:assign', seen.jurisdictionPath) ? await etaOf(seen, unitIds) : new Map<string, number | null>();
  const { result } = await runCommand(deps, ctx, async (tx, record) => {
    const incident = await findIncidentRow(tx, incidentId, { forUpdate: true });
    if (!incident || !can(ctx.actor, 'incidents:read', incident.jurisdictionPath)) throw notFound('Incident');
    if (!can(ctx.actor, 'dispatch:assign', incident.jurisdictionPath)) throw new AppError('FORBIDDEN', `You may not dispatch to incidents of ${incident.jurisdictionPath}`);
    if (incident.state !== 'open') throw new AppError('INCIDENT_CLOSED');
    const now = deps.clock();
    const created: Assignment[] = [];
    // Locked in id order, so two requests naming the same units cannot deadlock.
    for (const unitId of [...unitIds].sort()) {
      const unit = await lockUnit(tx, ctx.actor, unitId);
      if (!can(ctx.actor, 'dispatch:assign', unit.jurisdictionPath)) throw new AppError('FORBIDDEN', `You may not dispatch units of ${unit.jurisdictionPath}`);
      await applyUnitCommand(tx, record, unit, { type: 'dispatch', incidentId }, now, 'DISPATCH_UNIT_UNAVAILABLE');
      const id = uuidv7();
      await tx.insert(assignments).values({ id, incidentId, unitId, state: 'assigned', etaSeconds: etas.get(unitId) ?? null, assignedBy: ctx.actor.id, assignedAt: now });
      const assignment = (await findAssignment(tx, id))!;
      created.push(assignment);
      record.audit({ action: 'dispatch.unit_assigned', entityType: 'incident', entityId: incidentId, jurisdictionPath: incident.jurisdictionPath, after: assignment });
      // Both the incident's and the unit's command see it (they differ for a unit from a neighbour).
      for (const path of new Set([incident.jurisdictionPath, unit.jurisdictionPath])) {
        record.emit({ type: 'dispatch.unit_assigned', jurisdictionPath: path, data: assignment });
      }
    }
    return created.sort((a, b) => input.unitIds.indexOf(a.unitId) - input.unitIds.indexOf(b.unitId));
  });
  return result;
}
