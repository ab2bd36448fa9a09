import type { Assignment, AssignUnitsBody } from '@firebreak/contracts';
import { AppError, notFound } from '../../errors.js';
import { can, type Actor } from '../../platform/auth/access.js';
import { runCommand, type CommandContext, type CommandDeps } from '../../platform/command.js';
import { findIncidentRow, type IncidentRow } from '../incidents/index.js';
import { applyUnitCommand, findUnitRow, lockUnit } from '../units/index.js';
import { loansFor } from './loans.js';
import { assertMaySend, assertTakesUnits, recordAssignment } from './send-unit.js';

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
    assertTakesUnits(incident);
    const now = deps.clock();
    // Units lent for this incident by a granted reinforcement request: sendable here, not readable elsewhere.
    const lent = await loansFor(tx, incident.id);
    const created: Assignment[] = [];
    // Locked in id order, so two requests naming the same units cannot deadlock.
    for (const unitId of [...unitIds].sort()) {
      const unit = lent.has(unitId) ? await findUnitRow(tx, unitId, { forUpdate: true }) : await lockUnit(tx, ctx.actor, unitId);
      if (!unit) throw notFound('Unit');
      assertMaySend(ctx.actor, unit, lent);
      await applyUnitCommand(tx, record, unit, { type: 'dispatch', incidentId }, now, 'DISPATCH_UNIT_UNAVAILABLE');
      created.push(await recordAssignment(tx, record, ctx.actor, incident, unit, now, { etaSeconds: etas.get(unitId) ?? null }));
    }
    if (input.recommendedUnitIds) {
      // What was offered beside what was picked: the trace tells recommended-and-sent from passed over.
      record.audit({
        action: 'dispatch.recommended', entityType: 'incident', entityId: incident.id, jurisdictionPath: incident.jurisdictionPath,
        after: { recommendedUnitIds: [...new Set(input.recommendedUnitIds)], sentUnitIds: unitIds },
      });
    }
    return created.sort((a, b) => input.unitIds.indexOf(a.unitId) - input.unitIds.indexOf(b.unitId));
  });
  return result;
}
