import type { Assignment, AssignmentActionBody } from '@firebreak/contracts';
import { sql } from 'drizzle-orm';
import { AppError, notFound } from '../../errors.js';
import { can, type Actor } from '../../platform/auth/access.js';
import { runCommand, type CommandContext, type CommandDeps } from '../../platform/command.js';
import { advanceClock, findIncidentRow } from '../incidents/index.js';
import { applyUnitCommand, findUnitRow } from '../units/index.js';
import { nextAssignmentState, STEP_TIME, UNIT_STEP } from './assignment-model.js';
import { findAssignment, progressOf } from './dispatch.queries.js';

/**
 * A step of a unit on an assignment — acknowledge, en route, on scene, clear, cancel — reported
 * by the unit (dispatch:respond on the unit) or by a dispatcher of the incident. The unit's status
 * follows, and the incident's response clock settles what it can.
 */
export async function advanceAssignment(deps: CommandDeps, ctx: CommandContext & { actor: Actor }, id: string, input: AssignmentActionBody): Promise<Assignment> {
  const { result } = await runCommand(deps, ctx, async (tx, record) => {
    const a = await findAssignment(tx, id, { forUpdate: true });
    if (!a) throw notFound('Assignment');
    // Incident before unit, as dispatch locks them: two commands never wait on each other.
    const incident = (await findIncidentRow(tx, a.incidentId, { forUpdate: true }))!;
    const unit = (await findUnitRow(tx, a.unitId, { forUpdate: true }))!;
    const [ofIncident, ofUnit] = [incident.jurisdictionPath, unit.jurisdictionPath];
    if (!can(ctx.actor, 'incidents:read', ofIncident) && !can(ctx.actor, 'units:read', ofUnit)) throw notFound('Assignment');
    if (!can(ctx.actor, 'dispatch:respond', ofUnit) && !can(ctx.actor, 'dispatch:assign', ofIncident)) {
      throw new AppError('FORBIDDEN', 'Only the unit or a dispatcher of the incident reports its steps');
    }
    const next = nextAssignmentState(a.state, input.action);
    if (typeof next !== 'string') throw new AppError('ASSIGNMENT_TRANSITION_NOT_ALLOWED', next.refused);
    const now = deps.clock();
    await tx.execute(sql`update assignments set state = ${next}, ${sql.raw(STEP_TIME[input.action])} = ${now} where id = ${id}`);
    const step = UNIT_STEP[input.action];
    if (step) await applyUnitCommand(tx, record, unit, { type: step }, now);
    const after = (await findAssignment(tx, id))!;
    record.audit({ action: 'dispatch.assignment_changed', entityType: 'incident', entityId: a.incidentId, jurisdictionPath: ofIncident, before: { state: a.state }, after: { ...after, step: input.action } });
    for (const path of new Set([ofIncident, ofUnit])) record.emit({ type: 'dispatch.assignment_changed', jurisdictionPath: path, data: { ...after, step: input.action } });
    await advanceClock(tx, record, a.incidentId, await progressOf(tx, a.incidentId), now);
    return after;
  });
  return result;
}
