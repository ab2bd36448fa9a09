import type { CoverageMove, EndMoveUpBody } from '@firebreak/contracts';
import { eq } from 'drizzle-orm';
import { AppError, notFound } from '../../errors.js';
import { can, type Actor } from '../../platform/auth/access.js';
import { runCommand, type CommandContext, type CommandDeps, type CommandRecord } from '../../platform/command.js';
import type { Tx } from '../../platform/db/client.js';
import { findUnitRow } from '../units/index.js';
import { present } from './accept-move-up.js';
import { coverageMoves } from './coverage.tables.js';

type MoveRow = typeof coverageMoves.$inferSelect;

/**
 * Ends an open move-up order: `cancelled` (called off: the unit is not to go, or the gap closed
 * by itself) or `completed` (the unit stood its post; the dispatcher releases it). From then on
 * the unit counts where it is, not at the post. Only a dispatcher of the order's jurisdiction
 * (`dispatch:assign` there, as for accepting it) may end it; an order already ended is a 409 (the retry of the same ending,
 * with the Idempotency-Key, answers the first result).
 */
export async function endMoveUp(deps: CommandDeps, ctx: CommandContext & { actor: Actor }, moveId: string, body: EndMoveUpBody): Promise<CoverageMove> {
  const { result } = await runCommand(deps, ctx, async (tx, record) => {
    const [move] = await tx.select().from(coverageMoves).where(eq(coverageMoves.id, moveId)).for('update');
    const unit = move ? await findUnitRow(tx, move.unitId) : undefined;
    if (!move || !unit || !can(ctx.actor, 'units:read', move.jurisdictionPath)) throw notFound('Move-up order');
    if (!can(ctx.actor, 'dispatch:assign', move.jurisdictionPath)) throw new AppError('FORBIDDEN', `You may not end move-up orders in ${move.jurisdictionPath}`);
    if (move.state !== 'ordered') throw new AppError('CONFLICT', `The move-up order is ${move.state} already`);
    return closeMove(tx, record, { move, unit }, body.outcome, body.reason, deps.clock());
  });
  return result;
}

/**
 * Ends an open order inside the caller's command: the row, its audit entry (on the unit) and the
 * event at the unit's and the order's paths. One way of ending for the dispatcher's call and for
 * the unit's arrival at its post (`arrive-at-post.ts`).
 */
export async function closeMove(tx: Tx, record: CommandRecord, { move, unit }: { move: MoveRow; unit: { id: string; callSign: string; jurisdictionPath: string } }, outcome: 'cancelled' | 'completed', reason: string | null, at: Date): Promise<CoverageMove> {
  const [ended] = await tx.update(coverageMoves).set({ state: outcome, endedAt: at }).where(eq(coverageMoves.id, move.id)).returning();
  const out = present(ended!, unit.callSign);
  record.audit({ action: 'coverage.move_up_ended', entityType: 'unit', entityId: unit.id, jurisdictionPath: unit.jurisdictionPath, before: present(move, unit.callSign), after: { ...out, reason } });
  for (const path of new Set([unit.jurisdictionPath, move.jurisdictionPath])) record.emit({ type: 'coverage.move_up_ended', jurisdictionPath: path, data: out });
  return out;
}
