import type { UndoOnboardResult } from '@firebreak/contracts';
import { sql } from 'drizzle-orm';
import { AppError } from '../../errors.js';
import type { Actor } from '../../platform/auth/access.js';
import { rows, type Tx } from '../../platform/db/client.js';
import { runCommand, type CommandContext, type CommandDeps, type CommandRecord } from '../../platform/command.js';
import { updateUnitIn, type LivePositions } from '../units/index.js';
import { findOnboardBatch } from './batches.js';
import type { UnitValues } from './kinds/units.js';

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

type Restore = (tx: Tx, record: CommandRecord, env: { deps: CommandDeps; actor: Actor; live: LivePositions }, id: string, before: unknown, versionAfter: number) => Promise<string | null>;

/**
 * How an updated record gets its values from before back, through the same update rules; only
 * while it is as the batch left it (its version): a later edit in the app is not overwritten.
 * Answers why not, or null.
 */
const RESTORE: Record<string, Restore> = {
  unit: async (tx, record, env, id, before, versionAfter) => {
    const [now] = await rows<{ version: number }>(tx, sql`select version from units where id = ${id} for update`);
    if (!now) return 'removed since';
    if (now.version !== versionAfter) return 'changed since';
    await updateUnitIn(tx, record, { clock: env.deps.clock }, { actor: env.actor }, id, before as UnitValues, env.live);
    return null;
  },
};

/**
 * Undoes an onboarding batch in one transaction: removes exactly the records it created (not those
 * it found unchanged), gives those it updated their values from before, audits each and the
 * batch's, and marks it undone. A record used
 * since (a unit dispatched, a place inspected, an account that signed in) is still pointed at:
 * then nothing is undone and the answer names those records, to be retired in the app instead;
 * so is a record it updated that was changed again since.
 * Undoing an undone batch removes nothing (a retried undo is harmless). `mayUndo` decides on the
 * batch's scope before anything is touched.
 */
export async function undoOnboarding(
  deps: CommandDeps,
  ctx: CommandContext & { actor: Actor },
  batchId: string,
  opts: { live: LivePositions; mayUndo?: (scopePath: string) => boolean },
): Promise<UndoOnboardResult> {
  const mayUndo = opts.mayUndo ?? (() => true);
  const seen = await findOnboardBatch(deps.db, batchId);
  if (!seen || !mayUndo(seen.scopePath)) throw new AppError('NOT_FOUND', `No onboarding batch ${batchId} in your scope`);
  if (seen.undoneAt !== null) return { batch: seen, removed: 0, restored: 0 };
  const { result } = await runCommand(deps, ctx, async (tx, record) => {
    // The row lock queues two undos of one batch: the second finds it undone and removes nothing.
    const batch = (await findOnboardBatch(tx, batchId, { forUpdate: true }))!;
    if (batch.undoneAt !== null) {
      record.audit({ action: 'onboarding.undo_repeated', entityType: 'onboarding_batch', entityId: batchId, jurisdictionPath: batch.scopePath, after: { removed: 0 } });
      return { batch, removed: 0, restored: 0 };
    }
    const items = await rows<{ entityType: string; entityId: string; naturalKey: string; row: number; action: string; before: unknown; versionAfter: number | null }>(tx, sql`
      select entity_type as "entityType", entity_id as "entityId", natural_key as "naturalKey", row, action, before, version_after as "versionAfter"
      from onboarding_items where batch_id = ${batchId} order by row desc`);
    const inUse: string[] = [];
    let restored = 0;
    for (const item of items) {
      if (item.action === 'updated') {
        const why = await RESTORE[item.entityType]!(tx, record, { deps, actor: ctx.actor, live: opts.live }, item.entityId, item.before, item.versionAfter!);
        if (why) inUse.push(`${item.naturalKey} (row ${item.row}): ${why}`);
        else restored++;
        continue;
      }
      try {
        // A savepoint each: a record still pointed at is named, and the others are tried too.
        await tx.transaction((sp) => REMOVE[item.entityType]!(sp, item.entityId));
        record.audit({ action: 'onboarding.record_removed', entityType: item.entityType, entityId: item.entityId, jurisdictionPath: batch.scopePath, before: { batchId, naturalKey: item.naturalKey, row: item.row } });
      } catch (err) {
        inUse.push(`${item.naturalKey} (row ${item.row}): ${constraintOf(err)}`);
      }
    }
    if (inUse.length > 0) {
      throw new AppError('CONFLICT', `${inUse.length} of the ${items.length} records of batch ${batchId} are in use or changed since it was loaded, so nothing was undone: ${inUse.slice(0, 10).join('; ')}${inUse.length > 10 ? ' …' : ''}`);
    }
    const by = ctx.actor?.username ?? ctx.actorName ?? 'system';
    await tx.execute(sql`update onboarding_batches set undone_at = ${deps.clock()}, undone_by = ${by} where id = ${batchId}`);
    const removedIds = items.filter((i) => i.action !== 'updated').map((i) => i.entityId);
    const data = { batchId, kind: batch.kind, file: batch.file, removed: removedIds.length, restored, ids: removedIds };
    record.audit({ action: 'onboarding.undone', entityType: 'onboarding_batch', entityId: batchId, jurisdictionPath: batch.scopePath, before: batch, after: { removed: removedIds.length, restored } });
    record.emit({ type: 'onboarding.undone', jurisdictionPath: batch.scopePath, data });
    return { batch: (await findOnboardBatch(tx, batchId))!, removed: removedIds.length, restored };
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
