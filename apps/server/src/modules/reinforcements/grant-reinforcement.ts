import type { GrantReinforcementBody, LentUnit, ReinforcementRequest } from '@firebreak/contracts';
import { AppError } from '../../errors.js';
import { can, type Actor } from '../../platform/auth/access.js';
import { runCommand, type CommandContext, type CommandDeps } from '../../platform/command.js';
import { lendUnits } from '../dispatch/index.js';
import { findIncidentRow } from '../incidents/index.js';
import { canBeDispatched, findUnitRow } from '../units/index.js';
import { assertAddressed, assertVisible } from './access.js';
import { afterGrant, fillsNeed, isWithin } from './model.js';
import { advanceRequest, announce, moveUp } from './request-steps.js';
import { findRequest } from './reinforcements.queries.js';

const unitField = (input: GrantReinforcementBody, id: string) => `body.unitIds.${input.unitIds.indexOf(id)}`;

/**
 * Lends specific units of the jurisdiction asked for the request's incident: from then on they are
 * among the incident's recommendations, marked lent, and its dispatchers may send them there (and
 * nowhere else). Each unit must be the granter's to send, within the jurisdiction asked, of the
 * kind / capability asked for, and available now. A partial grant is welcome: the rest is asked of
 * the level above at once. Audited on the request and on each unit; `reinforcements.granted`
 * reaches the requester's board live.
 */
export async function grantReinforcement(deps: CommandDeps, ctx: CommandContext & { actor: Actor }, id: string, input: GrantReinforcementBody): Promise<ReinforcementRequest> {
  const { result } = await runCommand(deps, ctx, async (tx, record) => {
    const before = await findRequest(tx, id, { forUpdate: true });
    assertVisible(ctx.actor, before);
    assertAddressed(ctx.actor, before);
    const incident = await findIncidentRow(tx, before.incident.id);
    if (!incident || incident.state !== 'open') throw new AppError('INCIDENT_CLOSED', 'The incident closed: nothing more to lend');
    const left = before.count - before.granted;
    if (input.unitIds.length > left) {
      throw new AppError('REINFORCEMENT_TOO_MANY', `The request asks for ${left} more unit(s), not ${input.unitIds.length}`, { fields: [{ path: 'body.unitIds', message: `at most ${left}` }] });
    }
    const need = { kind: before.kind, capability: before.capability };
    const lent: LentUnit[] = [];
    // Locked in id order, so two grants naming the same units cannot deadlock.
    for (const unitId of [...input.unitIds].sort()) {
      const unit = await findUnitRow(tx, unitId, { forUpdate: true });
      const field = unitField(input, unitId);
      if (!unit || !can(ctx.actor, 'dispatch:assign', unit.jurisdictionPath) || !isWithin(unit.jurisdictionPath, before.targetPath!)) {
        throw new AppError('REINFORCEMENT_UNIT_NOT_LENDABLE', `${field}: not a unit of ${before.targetPath} you may send`, { fields: [{ path: field, message: `not a unit of ${before.targetPath} you may send` }] });
      }
      if (!fillsNeed(need, unit)) {
        const asked = [before.kind, before.capability && `carrying ${before.capability}`].filter(Boolean).join(' ');
        throw new AppError('REINFORCEMENT_UNIT_NOT_LENDABLE', `${field}: ${unit.callSign} is not ${asked}`, { fields: [{ path: field, message: `not ${asked}` }] });
      }
      if (!canBeDispatched(unit)) {
        throw new AppError('REINFORCEMENT_UNIT_UNAVAILABLE', `${unit.callSign} is ${unit.onDuty ? unit.status : 'off duty'}`, { fields: [{ path: field, message: 'not available' }] });
      }
      lent.push({ unitId: unit.id, callSign: unit.callSign, kind: unit.kind, jurisdictionPath: unit.jurisdictionPath });
    }
    const now = deps.clock();
    const already = await lendUnits(tx, { incidentId: incident.id, requestId: id, lendingPath: before.targetPath!, lentBy: ctx.actor.id, now, unitIds: lent.map((u) => u.unitId) });
    if (already.length > 0) {
      const names = lent.filter((u) => already.includes(u.unitId)).map((u) => u.callSign).join(', ');
      throw new AppError('REINFORCEMENT_UNIT_UNAVAILABLE', `Already lent for this incident: ${names}`, { fields: already.map((u) => ({ path: unitField(input, u), message: 'already lent for this incident' })) });
    }
    lent.sort((a, b) => input.unitIds.indexOf(a.unitId) - input.unitIds.indexOf(b.unitId));
    const step = { at: now.toISOString(), step: 'granted' as const, jurisdictionPath: before.targetPath, by: { id: ctx.actor.id, name: ctx.actor.displayName }, units: lent, reason: input.note ?? null };
    const outcome = afterGrant(before, lent.length);
    for (const u of lent) {
      record.audit({ action: 'reinforcements.unit_lent', entityType: 'unit', entityId: u.unitId, jurisdictionPath: u.jurisdictionPath, after: { requestId: id, incidentId: incident.id, lentTo: incident.jurisdictionPath } });
    }
    const after = outcome.escalate
      ? await moveUp(tx, record, before, now, [step], { granted: outcome.granted })
      : await advanceRequest(tx, id, { steps: [step], state: outcome.state, targetPath: null, answerDueAt: null, granted: outcome.granted, closedAt: now });
    record.audit({ action: 'reinforcements.granted', entityType: 'incident', entityId: incident.id, jurisdictionPath: incident.jurisdictionPath, after: { requestId: id, units: lent, state: after.state, granted: after.granted } });
    announce(record, 'reinforcements.granted', after, [before.targetPath]);
    return after;
  });
  return result;
}
