import type { UndoOnboardResult } from '@firebreak/contracts';
import { sql } from 'drizzle-orm';
import { AppError } from '../../errors.js';
import { rows, type Tx } from '../../platform/db/client.js';
import { runCommand, type CommandContext, type CommandDeps } from '../../platform/command.js';
import { findOnboardBatch } from './batches.js';

/** How a created record is removed; a user's grants go with it (nothing else may point at a record nobody used yet). */
const REMOVE: Record<string, (tx: Tx, id: string) => Promise<void>> = {
  unit: async (tx, id) => void (await tx.execute(sql`delete from units where id = ${id}`)),
  place: async (tx, id) => void (await tx.execute(sql`delete from places where id = ${id}`)),
  response_plan: async (tx, id) => void (await tx.execute(sql`delete from response_plans where id = ${id}`)),
  user: async (tx, id) => {
    await tx.execute(sql`delete from grants where user_id = ${id}`);
    await tx.execute(sql`delete from users where id = ${id}`);
  },
};

/**
 * Undoes an onboarding batch in one transaction: removes exactly the records it created (not those
 * it found unchanged), audits each removal and the batch's, and marks it undone. A record used
 * since (a unit dispatched, a place inspected, an account that signed in) is still pointed at:
 * then nothing is undone and the answer names those records, to be retired in the app instead.
 * Undoing an undone batch removes nothing (a retried undo is harmless). `mayUndo` decides on the
 * batch's scope before anything is touched.
 */
export async function undoOnboarding(
  deps: CommandDeps,
  ctx: CommandContext,
  batchId: string,
  mayUndo: (scopePath: string) => boolean = () => true,
): Promise<UndoOnboardResult> {
  const seen = await findOnboardBatch(deps.db, batchId);
  if (!seen || !mayUndo(seen.scopePath)) throw new AppError('NOT_FOUND', `No onboarding batch ${batchId} in your scope`);
  if (seen.undoneAt !== null) return { batch: seen, removed: 0 };
  const { result } = await runCommand(deps, ctx, async (tx, record) => {
    // The row lock queues two undos of one batch: the second finds it undone and removes nothing.
    const batch = (await findOnboardBatch(tx, batchId, { forUpdate: true }))!;
    if (batch.undoneAt !== null) {
      record.audit({ action: 'onboarding.undo_repeated', entityType: 'onboarding_batch', entityId: batchId, jurisdictionPath: batch.scopePath, after: { removed: 0 } });
      return { batch, removed: 0 };
    }
    const items = await rows<{ entityType: string; entityId: string; naturalKey: string; row: number }>(tx, sql`
      select entity_type as "entityType", entity_id as "entityId", natural_key as "naturalKey", row from onboarding_items where batch_id = ${batchId} order by row desc`);
    const inUse: string[] = [];
    for (const item of items) {
      try {
        // A savepoint each: a record still pointed at is named, and the others are tried too.
        await tx.transaction((sp) => REMOVE[item.entityType]!(sp, item.entityId));
        record.audit({ action: 'onboarding.record_removed', entityType: item.entityType, entityId: item.entityId, jurisdictionPath: batch.scopePath, before: { batchId, naturalKey: item.naturalKey, row: item.row } });
      } catch (err) {
        inUse.push(`${item.naturalKey} (row ${item.row}): ${constraintOf(err)}`);
      }
    }
    if (inUse.length > 0) {
      throw new AppError('CONFLICT', `${inUse.length} of the ${items.length} records of batch ${batchId} are in use since it was loaded, so nothing was undone: ${inUse.slice(0, 10).join('; ')}${inUse.length > 10 ? ' …' : ''}`);
    }
    const by = ctx.actor?.username ?? ctx.actorName ?? 'system';
    await tx.execute(sql`update onboarding_batches set undone_at = ${deps.clock()}, undone_by = ${by} where id = ${batchId}`);
    const data = { batchId, kind: batch.kind, file: batch.file, removed: items.length, ids: items.map((i) => i.entityId) };
    record.audit({ action: 'onboarding.undone', entityType: 'onboarding_batch', entityId: batchId, jurisdictionPath: batch.scopePath, before: batch, after: { removed: items.length } });
    record.emit({ type: 'onboarding.undone', jurisdictionPath: batch.scopePath, data });
    return { batch: (await findOnboardBatch(tx, batchId))!, removed: items.length };
  });
  return result;
}

/** What still points at the record, from PostgreSQL's foreign-key error (its message names the table). */
function constraintOf(err: unknown): string {
  for (let e: unknown = err; e instanceof Error; e = e.cause) {
    const m = /is still referenced from table "?([\w]+)"?/.exec(`${e.message} ${(e as { detail?: string }).detail ?? ''}`);
    if (m) return `still referenced from ${m[1]}`;
  }
  return 'still in use';
}
