import type { AcknowledgeDirectiveBody } from '@firebreak/contracts';
import { eq, sql } from 'drizzle-orm';
import type { Actor } from '../../platform/auth/access.js';
import { runCommand, type CommandContext, type CommandDeps } from '../../platform/command.js';
import { presentTarget, targetFor } from './directives.queries.js';
import { directiveTargets } from './directives.tables.js';
import { targetToAnswer, type Answered } from './respond.js';

/** A target confirms it has received the directive. */
export async function acknowledgeDirective(deps: CommandDeps, ctx: CommandContext & { actor: Actor }, directiveId: string, jurisdictionId: string, input: AcknowledgeDirectiveBody): Promise<Answered> {
  const { result } = await runCommand(deps, ctx, async (tx, record) => {
    const { directive, target, next } = await targetToAnswer(tx, ctx.actor, directiveId, jurisdictionId, 'acknowledge');
    const now = deps.clock();
    await tx.update(directiveTargets)
      .set({ state: next, acknowledgedAt: now, acknowledgedBy: ctx.actor.id, acknowledgementNote: input.note ?? null, version: sql`${directiveTargets.version} + 1` })
      .where(eq(directiveTargets.id, target.id));
    const after = { directiveId, ...presentTarget(directive, (await targetFor(tx, directiveId, jurisdictionId))!, now) };
    record.audit({ action: 'directives.acknowledged', entityType: 'directive', entityId: directiveId, jurisdictionPath: target.jurisdictionPath, before: { state: target.state }, after });
    record.emit({ type: 'directives.acknowledged', jurisdictionPath: target.jurisdictionPath, data: after });
    return after;
  });
  return result;
}
