import type { UndoImportResult } from '@firebreak/contracts';
import { sql } from 'drizzle-orm';
import { AppError } from '../../errors.js';
import { rows } from '../../platform/db/client.js';
import { runCommand, type CommandContext, type CommandDeps } from '../../platform/command.js';
import { findBatch, toBatch } from './batches.js';

/**
 * Undoes one import batch in one transaction: removes exactly the historical incidents it wrote
 * and their unit responses (nothing another batch or live work wrote), marks the batch undone,
 * audits what went and emits `incidents.history_undone`. The corrected file can then be imported
 * again. Undoing an undone batch removes nothing and answers the batch as it is (a retried undo
 * is harmless). `mayUndo` decides on the batch's jurisdiction before anything is removed.
 */
export async function undoImport(
  deps: CommandDeps,
  ctx: CommandContext,
  batchId: string,
  mayUndo: (jurisdictionPath: string) => boolean = () => true,
): Promise<UndoImportResult> {
  const seen = await findBatch(deps.db, batchId);
  if (!seen || !mayUndo(seen.jurisdictionPath)) throw new AppError('NOT_FOUND', `No import batch ${batchId} in your scope`);
  // Undone already: nothing to remove, nothing to audit.
  if (seen.undoneAt !== null) return { batch: seen, removedCalls: 0, removedResponses: 0 };
  try {
    return await undoNow(deps, ctx, batchId);
  } catch (err) {
    // Another undo of the same batch committed first: the batch is as that one left it.
    if (err instanceof UndoneMeanwhile) return { batch: (await findBatch(deps.db, batchId))!, removedCalls: 0, removedResponses: 0 };
    throw err;
  }
}

class UndoneMeanwhile extends Error {}

async function undoNow(deps: CommandDeps, ctx: CommandContext, batchId: string): Promise<UndoImportResult> {
  const { result } = await runCommand(deps, ctx, async (tx, record) => {
    // The row lock makes two undos of the same batch queue up: the second finds it undone.
    const [locked] = await rows<{ id: string }>(tx, sql`select id from import_batches where id = ${batchId} for update`);
    const batch = locked ? await findBatch(tx, batchId) : null;
    if (!batch) throw new AppError('NOT_FOUND', `No import batch ${batchId}`);
    if (batch.undoneAt !== null) throw new UndoneMeanwhile();
    const ids = sql`select incident_id from imported_calls where batch_id = ${batchId}`;
    const responses = await rows<{ id: string }>(tx, sql`delete from imported_responses where incident_id in (${ids}) returning id`);
    const calls = await rows<{ id: string }>(tx, sql`delete from imported_calls where batch_id = ${batchId} returning incident_id as id`);
    if (calls.length > 0) {
      await tx.execute(sql`delete from incidents where origin = 'historical' and id in (${sql.join(calls.map((c) => sql`${c.id}`), sql`, `)})`);
    }
    const by = ctx.actor?.username ?? ctx.actorName ?? 'system';
    const [after] = await rows<Parameters<typeof toBatch>[0]>(tx, sql`update import_batches set undone_at = ${deps.clock()}, undone_by = ${by}, calls = 0, responses = 0, doubtful_times = 0
      where id = ${batchId} returning id, jurisdiction_id as "jurisdictionId", jurisdiction_path::text as "jurisdictionPath", file, mapping,
        imported_at as "importedAt", imported_by as "importedBy", calls, responses, doubtful_times as "doubtfulTimes", undone_at as "undoneAt", undone_by as "undoneBy"`);
    const data = { batchId, file: batch.file, mapping: batch.mapping, removedCalls: calls.length, removedResponses: responses.length };
    record.audit({ action: 'incidents.history_undone', entityType: 'import_batch', entityId: batchId, jurisdictionPath: batch.jurisdictionPath, before: batch, after: data });
    record.emit({ type: 'incidents.history_undone', jurisdictionPath: batch.jurisdictionPath, data });
    return { batch: toBatch(after!), removedCalls: calls.length, removedResponses: responses.length };
  });
  return result;
}
