import type { Hazard } from '@firebreak/contracts';
import { eq, sql } from 'drizzle-orm';
import { AppError } from '../../errors.js';
import type { Actor } from '../../platform/auth/access.js';
import { runCommand, type CommandContext, type CommandDeps } from '../../platform/command.js';
import { hazardFor, refused } from './hazards.access.js';
import { factsOf, findHazard, pendingExtensionOf } from './hazards.queries.js';
import { hazardExtensions, hazards } from './hazards.tables.js';
import { decide } from './model.js';

/** Approves or denies the pending extension; an approved one moves the deadline and clears escalation. */
export async function decideExtension(
  deps: CommandDeps,
  ctx: CommandContext & { actor: Actor },
  id: string,
  input: { approve: boolean; note?: string | undefined },
): Promise<Hazard> {
  const { result } = await runCommand(deps, ctx, async (tx, record) => {
    const row = await hazardFor(tx, ctx.actor, id, 'hazards:verify');
    const pending = await pendingExtensionOf(tx, id);
    if (pending?.requestedBy === ctx.actor.id) throw new AppError('FORBIDDEN', 'An extension is decided by someone other than who asked for it');
    const d = decide(await factsOf(tx, row), { type: 'decide_extension', approve: input.approve });
    if (!d.ok || !pending) throw refused(d.ok ? { ok: false, reason: 'no extension request is pending' } : d);
    const now = deps.clock();
    await tx.update(hazardExtensions).set({ state: input.approve ? 'approved' : 'denied', decidedBy: ctx.actor.id, decidedAt: now, note: input.note ?? null }).where(eq(hazardExtensions.id, pending.id));
    if (input.approve) {
      await tx.update(hazards).set({ dueAt: d.next.dueAt, escalationLevel: 0, escalatedToPath: null, version: sql`${hazards.version} + 1`, updatedAt: now }).where(eq(hazards.id, id));
    }
    record.audit({
      action: 'hazards.extension_decided', entityType: 'hazard', entityId: id, jurisdictionPath: row.jurisdictionPath,
      before: { dueAt: row.dueAt.toISOString() }, after: { extensionId: pending.id, approved: input.approve, dueAt: d.next.dueAt.toISOString(), note: input.note ?? null },
    });
    record.emit({ type: 'hazards.extension_decided', jurisdictionPath: row.jurisdictionPath, data: { id, extensionId: pending.id, approved: input.approve, dueAt: d.next.dueAt.toISOString() } });
    return (await findHazard(tx, id, now))!;
  });
  return result;
}
