import type { ReinforcementRequest, RefuseReinforcementBody } from '@firebreak/contracts';
import type { Actor } from '../../platform/auth/access.js';
import { runCommand, type CommandContext, type CommandDeps } from '../../platform/command.js';
import { assertAddressed, assertVisible } from './access.js';
import { announce, moveUp } from './request-steps.js';
import { findRequest } from './reinforcements.queries.js';

/**
 * The jurisdiction asked cannot lend: with a reason, the request goes a level up at once (or is
 * exhausted at the top). `reinforcements.refused` tells the requester why; `reinforcements.escalated`
 * alerts the next level.
 */
export async function refuseReinforcement(deps: CommandDeps, ctx: CommandContext & { actor: Actor }, id: string, input: RefuseReinforcementBody): Promise<ReinforcementRequest> {
  const { result } = await runCommand(deps, ctx, async (tx, record) => {
    const before = await findRequest(tx, id, { forUpdate: true });
    assertVisible(ctx.actor, before);
    assertAddressed(ctx.actor, before);
    const now = deps.clock();
    const step = { at: now.toISOString(), step: 'refused' as const, jurisdictionPath: before.targetPath, by: { id: ctx.actor.id, name: ctx.actor.displayName }, reason: input.reason };
    const after = await moveUp(tx, record, before, now, [step]);
    record.audit({ action: 'reinforcements.refused', entityType: 'incident', entityId: before.incident.id, jurisdictionPath: before.incident.jurisdictionPath, after: { requestId: id, by: before.targetPath, reason: input.reason } });
    announce(record, 'reinforcements.refused', after, [before.targetPath]);
    return after;
  });
  return result;
}
