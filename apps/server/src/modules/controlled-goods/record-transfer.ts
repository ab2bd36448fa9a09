import type { GoodsTransfer, LicenceState, RecordTransferBody, ReverseTransferBody } from '@firebreak/contracts';
import { sql } from 'drizzle-orm';
import { AppError, invalidField, notFound } from '../../errors.js';
import { can, type Actor } from '../../platform/auth/access.js';
import { runCommand, type CommandContext, type CommandDeps } from '../../platform/command.js';
import { rows, type Queryable } from '../../platform/db/client.js';
import { findTransfer } from './goods.queries.js';
import { ledgerRefusal } from './ledger-errors.js';
import { licenceState, mayTakeIn, TRANSFER_ACCOUNTS } from './model.js';

interface SiteAccounts {
  siteId: string; path: string; supervising: string; state: LicenceState; name: string; unit: GoodsTransfer['unit'] | null;
  /** The item's accounts at the site by kind (none when the site was never licensed for it). */
  accounts: Map<string, { id: string; maxBalance: number | null; balance: number }>;
}

/** The sites of a movement with their licence state and their accounts of the item: one query. */
async function siteAccounts(tx: Queryable, siteIds: string[], itemKey: string, now: Date): Promise<Map<string, SiteAccounts>> {
  const found = await rows<{ siteId: string; path: string; supervising: string; name: string; validFrom: Date; validUntil: Date; alert: number; unit: GoodsTransfer['unit'] | null; accountId: string | null; kind: string | null; maxBalance: number | null; balance: number | null }>(tx, sql`
    select s.id as "siteId", s.jurisdiction_path::text as path, s.supervising_path::text as supervising, p.name, s.valid_from as "validFrom", s.valid_until as "validUntil",
      s.expiry_alert_days as alert, (select unit from goods_items where key = ${itemKey}) as unit, a.id as "accountId", a.kind, a.max_balance::float8 as "maxBalance", (a.credits_posted - a.debits_posted)::float8 as balance
    from goods_sites s join places p on p.id = s.place_id left join goods_accounts a on a.site_id = s.id and a.item_key = ${itemKey}
    where s.id in (${sql.join(siteIds.map((id) => sql`${id}::uuid`), sql`, `)})`);
  const out = new Map<string, SiteAccounts>();
  for (const r of found) {
    let s = out.get(r.siteId);
    if (!s) {
      s = { siteId: r.siteId, path: r.path, supervising: r.supervising, name: r.name, unit: r.unit, accounts: new Map(),
        state: licenceState({ validFrom: new Date(r.validFrom), validUntil: new Date(r.validUntil), expiryAlertDays: r.alert }, now) };
      out.set(r.siteId, s);
    }
    if (r.accountId && r.kind) s.accounts.set(r.kind, { id: r.accountId, maxBalance: r.maxBalance === null ? null : Number(r.maxBalance), balance: Number(r.balance) });
  }
  return out;
}

const visible = (actor: Actor, s: SiteAccounts): boolean => can(actor, 'places:read', s.path) || can(actor, 'places:read', s.supervising);

/** Thrown inside the transaction when the id is already taken: the transaction rolls back and the stored movement is compared. */
class AlreadyRecorded extends Error {}

const TRANSFER_REFUSALS = (input: { quantity: number }, item: string) => ({
  goods_accounts_no_negative_balance: { code: 'GOODS_INSUFFICIENT_BALANCE' as const, detail: `the site holds less than ${input.quantity} of ${item}`, field: 'body.quantity' },
  goods_accounts_within_licence: { code: 'GOODS_LICENCE_MAXIMUM_EXCEEDED' as const, detail: `${input.quantity} more of ${item} would exceed the licence's maximum`, field: 'body.quantity' },
});

/** The fields that make two movements with the same id the same movement. */
const sameMovement = (a: GoodsTransfer, b: { kind: string; itemKey: string; quantity: number; debit: string; credit: string; counterparty: string | null; note: string | null }): boolean =>
  a.kind === b.kind && a.itemKey === b.itemKey && a.quantity === b.quantity && a.debit.accountId === b.debit && a.credit.accountId === b.credit
  && a.counterparty === b.counterparty && a.note === b.note;

/**
 * Records a movement of goods as one transfer between two accounts of the item (see model.ts for
 * which), in one transaction with its audit row and event. The database posts it and holds the
 * invariants (no stock below zero, none above the licence, debits = credits, append-only); this
 * checks what the database cannot know: who may record, and whether the licence is in force for
 * goods coming in. Idempotent by `id`: the same movement again returns the stored one; another
 * movement under the same id is GOODS_TRANSFER_EXISTS.
 */
export async function recordTransfer(deps: CommandDeps, ctx: CommandContext & { actor: Actor }, input: RecordTransferBody): Promise<{ transfer: GoodsTransfer; replayed: boolean }> {
  const plan = TRANSFER_ACCOUNTS[input.kind];
  const now = deps.clock();
  let wanted: Parameters<typeof sameMovement>[1] | undefined;
  try {
    const { result } = await runCommand(deps, ctx, async (tx, record) => {
      const sites = await siteAccounts(tx, input.toSiteId ? [input.siteId, input.toSiteId] : [input.siteId], input.itemKey, now);
      const from = sites.get(input.siteId);
      if (!from || !visible(ctx.actor, from)) throw notFound('Site');
      if (!can(ctx.actor, 'goods:record', from.path) && !can(ctx.actor, 'goods:record', from.supervising)) throw new AppError('FORBIDDEN', `You may not record movements of ${from.name}`);
      const to = input.toSiteId ? sites.get(input.toSiteId) : from;
      if (!to || !visible(ctx.actor, to)) throw invalidField('body.toSiteId', 'no such site in your scope');
      const debit = from.accounts.get(plan.debit);
      const credit = to.accounts.get(plan.credit === 'other' ? 'stock' : plan.credit);
      const toStock = plan.credit === 'stock' || plan.credit === 'other';
      if (!debit || (plan.debit === 'stock' && debit.maxBalance === 0 && debit.balance === 0)) throw new AppError('GOODS_NOT_LICENSED', `${from.name} is not licensed for ${input.itemKey}`, { fields: [{ path: 'body.itemKey', message: 'not licensed at this site' }] });
      if (!credit || (toStock && credit.maxBalance === 0)) throw new AppError('GOODS_NOT_LICENSED', `${to.name} is not licensed for ${input.itemKey}`, { fields: [{ path: input.toSiteId ? 'body.toSiteId' : 'body.itemKey', message: 'not licensed for this item' }] });
      if (toStock && !mayTakeIn(to.state)) throw new AppError('GOODS_LICENCE_NOT_VALID', `The licence of ${to.name} is ${to.state.replaceAll('_', ' ')}: it may not take goods in`);
      wanted = { kind: input.kind, itemKey: input.itemKey, quantity: input.quantity, debit: debit.id, credit: credit.id, counterparty: input.counterparty ?? null, note: input.note ?? null };
      const inserted = await rows<{ id: string }>(tx, sql`insert into goods_transfers (id, kind, item_key, debit_account_id, credit_account_id, amount, counterparty, note, recorded_by, recorded_by_name, at)
        values (${input.id}, ${input.kind}, ${input.itemKey}, ${debit.id}, ${credit.id}, ${input.quantity}, ${input.counterparty ?? null}, ${input.note ?? null}, ${ctx.actor.id}, ${ctx.actor.displayName}, ${now})
        on conflict (id) do nothing returning id`);
      if (inserted.length === 0) throw new AlreadyRecorded();
      const transfer: GoodsTransfer = {
        id: input.id, kind: input.kind, itemKey: input.itemKey, unit: from.unit!, quantity: input.quantity,
        debit: { accountId: debit.id, kind: plan.debit, siteId: from.siteId, siteName: from.name },
        credit: { accountId: credit.id, kind: plan.credit === 'other' ? 'stock' : plan.credit, siteId: to.siteId, siteName: to.name },
        reverses: null, reversedBy: null, counterparty: wanted.counterparty, note: wanted.note,
        recordedBy: { id: ctx.actor.id, name: ctx.actor.displayName }, at: now.toISOString(),
      };
      const balances = { from: debit.balance - (plan.debit === 'stock' ? input.quantity : 0), to: credit.balance + (toStock ? input.quantity : 0) };
      record.audit({ action: `goods.${input.kind}`, entityType: 'goods_transfer', entityId: input.id, jurisdictionPath: from.supervising, after: transfer });
      const data = { transfer, balances };
      for (const p of new Set([from.path, from.supervising, to.path, to.supervising])) record.emit({ type: 'goods.transferred', jurisdictionPath: p, data });
      return transfer;
    });
    return { transfer: result, replayed: false };
  } catch (err) {
    if (err instanceof AlreadyRecorded) {
      const stored = (await findTransfer(deps.db, input.id))!;
      if (!wanted || !sameMovement(stored, wanted)) throw new AppError('GOODS_TRANSFER_EXISTS', `Another movement was recorded as ${input.id}`, { fields: [{ path: 'body.id', message: 'already used for another movement' }] });
      return { transfer: stored, replayed: true };
    }
    throw ledgerRefusal(err, TRANSFER_REFUSALS(input, input.itemKey)) ?? err;
  }
}

/**
 * Undoes a movement by its mirror (debit and credit swapped, same amount): never by editing it. At
 * most one reversal per movement (unique index); a reversal is not reversed. The reversal may
 * itself be refused by the ledger (the goods received were already issued on: stock would go negative).
 */
export async function reverseTransfer(deps: CommandDeps, ctx: CommandContext & { actor: Actor }, originalId: string, input: ReverseTransferBody): Promise<{ transfer: GoodsTransfer; replayed: boolean }> {
  const now = deps.clock();
  const original = await findTransfer(deps.db, originalId);
  if (!original) throw notFound('Movement');
  const sites = await siteAccounts(deps.db, [...new Set([original.debit.siteId, original.credit.siteId])], original.itemKey, now);
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
