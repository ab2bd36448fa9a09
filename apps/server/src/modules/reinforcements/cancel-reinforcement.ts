import type { CancelReinforcementBody, ReinforcementRequest } from '@firebreak/contracts';
import { AppError } from '../../errors.js';
import { can, type Actor } from '../../platform/auth/access.js';
import type { CommandRecord } from '../../platform/command.js';
import { runCommand, type CommandContext, type CommandDeps } from '../../platform/command.js';
import type { Tx } from '../../platform/db/client.js';
import { releaseLoans } from '../dispatch/index.js';
import { assertVisible } from './access.js';
import { advanceRequest, announce } from './request-steps.js';
import { findRequest } from './reinforcements.queries.js';

/**
 * Ends a request that is no longer needed (or whose incident closed): nobody is asked any more, and
 * the units it lent and that were not sent go back (no longer recommended for the incident); units
 * already sent stay on their assignment until cleared.
 */
export async function closeRequest(tx: Tx, record: CommandRecord, before: ReinforcementRequest, now: Date, by: { id: string; name: string } | null, reason: string | null): Promise<ReinforcementRequest> {
  const released = await releaseLoans(tx, { incidentId: before.incident.id, requestId: before.id, now });
  const after = await advanceRequest(tx, before.id, {
    steps: [{ at: now.toISOString(), step: 'cancelled', jurisdictionPath: null, by, reason }],
    state: 'cancelled', targetPath: null, answerDueAt: null, closedAt: now,
  });
  record.audit({ action: 'reinforcements.cancelled', entityType: 'incident', entityId: before.incident.id, jurisdictionPath: before.incident.jurisdictionPath, before: { state: before.state }, after: { requestId: before.id, reason, loansReleased: released } });
  announce(record, 'reinforcements.closed', after, [before.targetPath]);
  return after;
}

/** The requesting side (dispatch:assign on the incident) cancels; a request already cancelled is a 409. */
export async function cancelReinforcement(deps: CommandDeps, ctx: CommandContext & { actor: Actor }, id: string, input: CancelReinforcementBody): Promise<ReinforcementRequest> {
  const { result } = await runCommand(deps, ctx, async (tx, record) => {
    const before = await findRequest(tx, id, { forUpdate: true });
    assertVisible(ctx.actor, before);
    if (!can(ctx.actor, 'dispatch:assign', before.incident.jurisdictionPath)) throw new AppError('FORBIDDEN', 'Only the incident\'s dispatchers cancel its requests');
    if (before.state === 'cancelled') throw new AppError('REINFORCEMENT_NOT_OPEN', 'The request was already cancelled');
    return closeRequest(tx, record, before, deps.clock(), { id: ctx.actor.id, name: ctx.actor.displayName }, input.reason ?? null);
  });
  return result;
}
