import type { Hazard } from '@firebreak/contracts';
import { v7 as uuidv7 } from 'uuid';
import type { Actor } from '../../platform/auth/access.js';
import { runCommand, type CommandContext, type CommandDeps } from '../../platform/command.js';
import { hazardFor, refused } from './hazards.access.js';
import { factsOf, findHazard } from './hazards.queries.js';
import { hazardExtensions } from './hazards.tables.js';
import { decide } from './model.js';

/** Asks for a later deadline; it stands until someone with hazards:verify decides. */
export async function requestExtension(
  deps: CommandDeps,
  ctx: CommandContext & { actor: Actor },
  id: string,
  input: { reason: string; requestedDueAt: string },
): Promise<Hazard> {
  const { result } = await runCommand(deps, ctx, async (tx, record) => {
    const row = await hazardFor(tx, ctx.actor, id, 'hazards:manage');
    const requestedDueAt = new Date(input.requestedDueAt);
    const d = decide(await factsOf(tx, row), { type: 'request_extension', requestedDueAt });
    if (!d.ok) throw refused(d);
    const now = deps.clock();
    const extensionId = uuidv7();
    await tx.insert(hazardExtensions).values({ id: extensionId, hazardId: id, state: 'pending', reason: input.reason, requestedDueAt, requestedBy: ctx.actor.id, requestedAt: now });
    record.audit({ action: 'hazards.extension_requested', entityType: 'hazard', entityId: id, jurisdictionPath: row.jurisdictionPath, after: { extensionId, ...input, currentDueAt: row.dueAt.toISOString() } });
    record.emit({ type: 'hazards.extension_requested', jurisdictionPath: row.jurisdictionPath, data: { id, extensionId, requestedDueAt: input.requestedDueAt } });
    return (await findHazard(tx, id, now))!;
  });
  return result;
}
