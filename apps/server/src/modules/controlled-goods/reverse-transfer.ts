import type { GoodsTransfer, ReverseTransferBody } from '@firebreak/contracts';
import { sql } from 'drizzle-orm';
import { AppError, notFound } from '../../errors.js';
import { can, type Actor } from '../../platform/auth/access.js';
import { runCommand, type CommandContext, type CommandDeps } from '../../platform/command.js';
import { findTransfer } from './goods.queries.js';
import { ledgerRefusal } from './ledger-errors.js';
import { siteAccounts, visible } from './site-accounts.js';

/**
 * Undoes a movement by its mirror (debit and credit swapped, same amount): never by editing it. At
 * most one reversal per movement (unique index); a reversal is not reversed. The reversal may
 * itself be refused by the ledger (the goods received were already issued on: stock would go negative).
 */
export async function reverseTransfer(deps: CommandDeps, ctx: CommandContext & { actor: Actor }, originalId: string, input: ReverseTransferBody): Promise<{ transfer: GoodsTransfer; replayed: boolean }> {
  const now = deps.clock();
  const original = await findTransfer(deps.db, originalId);
  if (!original) throw notFound('Movement');
  const sites = await siteAccounts(deps.db, [...new Set([original.debit.siteId, original.credit.siteId])], [original.itemKey], now);
  const site = sites.get(original.debit.kind === 'stock' ? original.debit.siteId : original.credit.siteId)!;
  if (![...sites.values()].some((s) => visible(ctx.actor, s))) throw notFound('Movement');
  if (![...sites.values()].some((s) => can(ctx.actor, 'goods:record', s.path) || can(ctx.actor, 'goods:record', s.supervising))) throw new AppError('FORBIDDEN', `You may not record movements of ${site.name}`);
  const stored = await findTransfer(deps.db, input.id);
  if (stored) {
    if (stored.reverses === originalId && stored.note === input.reason) return { transfer: stored, replayed: true };
    throw new AppError('GOODS_TRANSFER_EXISTS', `Another movement was recorded as ${input.id}`, { fields: [{ path: 'body.id', message: 'already used for another movement' }] });
  }
  if (original.kind === 'reversal' || original.reversedBy) throw new AppError('GOODS_TRANSFER_REVERSED', original.kind === 'reversal' ? 'A reversal is not reversed: record the movement again' : `Already reversed by ${original.reversedBy}`);
  try {
    await runCommand(deps, ctx, async (tx, record) => {
      await tx.execute(sql`insert into goods_transfers (id, kind, item_key, debit_account_id, credit_account_id, amount, reverses, note, recorded_by, recorded_by_name, at)
        values (${input.id}, 'reversal', ${original.itemKey}, ${original.credit.accountId}, ${original.debit.accountId}, ${original.quantity}, ${originalId}, ${input.reason}, ${ctx.actor.id}, ${ctx.actor.displayName}, ${now})`);
      record.audit({ action: 'goods.reversal', entityType: 'goods_transfer', entityId: input.id, jurisdictionPath: site.supervising, before: original, after: { id: input.id, reverses: originalId, reason: input.reason } });
      const data = { transfer: { id: input.id, kind: 'reversal', reverses: originalId, itemKey: original.itemKey, quantity: original.quantity }, siteId: original.debit.siteId, toSiteId: original.credit.siteId };
      for (const s of sites.values()) for (const p of new Set([s.path, s.supervising])) record.emit({ type: 'goods.reversed', jurisdictionPath: p, data });
    });
  } catch (err) {
    throw ledgerRefusal(err, {
      goods_transfers_reverses_idx: { code: 'GOODS_TRANSFER_REVERSED', detail: 'the movement was reversed meanwhile' },
      goods_transfers_pkey: { code: 'GOODS_TRANSFER_EXISTS', detail: 'another movement was recorded with that id meanwhile', field: 'body.id' },
      goods_accounts_no_negative_balance: { code: 'GOODS_INSUFFICIENT_BALANCE', detail: 'the goods have moved on since: reversing would take the stock below zero' },
      goods_accounts_within_licence: { code: 'GOODS_LICENCE_MAXIMUM_EXCEEDED', detail: "reversing would bring the stock above the licence's maximum" },
    }) ?? err;
  }
  return { transfer: (await findTransfer(deps.db, input.id))!, replayed: false };
}
