import type { GoodsTransfer, RecordTransferBody } from '@firebreak/contracts';
import { sql } from 'drizzle-orm';
import { AppError, invalidField } from '../../errors.js';
import { can, type Actor } from '../../platform/auth/access.js';
import { runCommand, type CommandContext, type CommandDeps } from '../../platform/command.js';
import { rows, type Tx } from '../../platform/db/client.js';
import { findTransfer } from './goods.queries.js';
import { refusedConstraint, sqlState } from './ledger-errors.js';
import { firstBreach, mayTakeIn, TRANSFER_ACCOUNTS } from './model.js';
import { siteAccounts, visible, type Account, type SiteAccounts } from './site-accounts.js';

/** Thrown inside the transaction when ids are already taken: it rolls back, and the stored movements are compared. */
class AlreadyRecorded extends Error {
  constructor(readonly ids: string[]) { super('already recorded'); }
}

/** The fields that make two movements with the same id the same movement. */
const sameMovement = (a: GoodsTransfer, b: GoodsTransfer): boolean =>
  a.kind === b.kind && a.itemKey === b.itemKey && a.quantity === b.quantity && a.debit.accountId === b.debit.accountId
  && a.credit.accountId === b.credit.accountId && a.counterparty === b.counterparty && a.note === b.note;

interface Planned { transfer: GoodsTransfer; debit: Account; credit: Account; from: SiteAccounts; to: SiteAccounts; debitsStock: boolean; creditsStock: boolean }

/** Checks one movement against who records it and the licences, and names its two accounts. */
function plan(actor: Actor, sites: Map<string, SiteAccounts>, input: RecordTransferBody, at: string, field: string): Planned {
  const accounts = TRANSFER_ACCOUNTS[input.kind];
  const from = sites.get(input.siteId);
  if (!from || !visible(actor, from)) throw invalidField(`${field}.siteId`, 'no such site in your scope');
  if (!can(actor, 'goods:record', from.path) && !can(actor, 'goods:record', from.supervising)) throw new AppError('FORBIDDEN', `You may not record movements of ${from.name}`);
  const to = input.toSiteId ? sites.get(input.toSiteId) : from;
  if (!to || !visible(actor, to)) throw invalidField(`${field}.toSiteId`, 'no such site in your scope');
  const debit = from.accounts.get(`${input.itemKey}:${accounts.debit}`);
  const creditKind = accounts.credit === 'other' ? 'stock' : accounts.credit;
  const credit = to.accounts.get(`${input.itemKey}:${creditKind}`);
  const creditsStock = creditKind === 'stock';
  const debitsStock = accounts.debit === 'stock';
  const notLicensed = (site: SiteAccounts, path: string) => new AppError('GOODS_NOT_LICENSED', `${site.name} is not licensed for ${input.itemKey}`, { fields: [{ path, message: 'not licensed for this item at that site' }] });
  if (!debit || (debitsStock && debit.maxBalance === 0 && debit.balance === 0)) throw notLicensed(from, `${field}.itemKey`);
  if (!credit || (creditsStock && credit.maxBalance === 0)) throw notLicensed(to, input.toSiteId ? `${field}.toSiteId` : `${field}.itemKey`);
  if (creditsStock && !mayTakeIn(to.state)) throw new AppError('GOODS_LICENCE_NOT_VALID', `The licence of ${to.name} is ${to.state.replaceAll('_', ' ')}: it may not take goods in`, { fields: [{ path: input.toSiteId ? `${field}.toSiteId` : `${field}.siteId`, message: `licence ${to.state.replaceAll('_', ' ')}` }] });
  const transfer: GoodsTransfer = {
    id: input.id, kind: input.kind, itemKey: input.itemKey, unit: debit.unit, quantity: input.quantity,
    debit: { accountId: debit.id, kind: accounts.debit, siteId: from.siteId, siteName: from.name },
    credit: { accountId: credit.id, kind: creditKind, siteId: to.siteId, siteName: to.name },
    reverses: null, reversedBy: null, counterparty: input.counterparty ?? null, note: input.note ?? null,
    recordedBy: { id: actor.id, name: actor.displayName }, at,
  };
  return { transfer, debit, credit, from, to, debitsStock, creditsStock };
}

const breachOf = (planned: Planned[]) => firstBreach(planned.map((p) => ({ debit: p.debit, credit: p.credit, quantity: p.transfer.quantity })));

/** Names the movement that broke a limit (the database says which limit, not which row): replayed in order on the balances read. */
function refusal(err: unknown, planned: Planned[], field: (i: number) => string): AppError | null {
  const constraint = refusedConstraint(err);
  if (constraint !== 'goods_accounts_no_negative_balance' && constraint !== 'goods_accounts_within_licence') return null;
  const breach = breachOf(planned);
  return breachError(planned, breach?.index ?? 0, breach?.limit ?? (constraint === 'goods_accounts_no_negative_balance' ? 'floor' : 'ceiling'), field, err);
}

function breachError(planned: Planned[], i: number, limit: 'floor' | 'ceiling', field: (i: number) => string, cause?: unknown): AppError {
  const p = planned[i]!;
  const short = limit === 'floor';
  const detail = short
    ? `${p.from.name} holds less than ${p.transfer.quantity} ${p.transfer.unit} of ${p.transfer.itemKey}`
    : `${p.transfer.quantity} ${p.transfer.unit} more of ${p.transfer.itemKey} would take ${p.to.name} above its licence's maximum`;
  return new AppError(short ? 'GOODS_INSUFFICIENT_BALANCE' : 'GOODS_LICENCE_MAXIMUM_EXCEEDED', detail, { cause, fields: [{ path: `${field(i)}.quantity`, message: detail }] });
}

/**
 * A batch is a linked chain: applied movement by movement, it breaks at the first that would take a
 * stock below zero or above its licence, even when later ones would bring it back. The database
 * posts a statement's movements by their net total per account (migration 0037) and its CHECKs
 * hold every committed balance; the order within the batch is checked here, after the insert, on
 * the balances the trigger left under its row locks (so nothing moved in between): the balances
 * before are those less the batch's net, and the chain is replayed on them.
 */
async function heldInOrder(tx: Tx, planned: Planned[], field: (i: number) => string): Promise<void> {
  const net = new Map<string, number>();
  for (const p of planned) {
    net.set(p.debit.id, (net.get(p.debit.id) ?? 0) - p.transfer.quantity);
    net.set(p.credit.id, (net.get(p.credit.id) ?? 0) + p.transfer.quantity);
  }
  const after = await rows<{ id: string; balance: number }>(tx, sql`select id, (credits_posted - debits_posted)::float8 as balance from goods_accounts
    where id in (${sql.join([...net.keys()].map((id) => sql`${id}::uuid`), sql`, `)})`);
  const before = new Map(after.map((h) => [h.id, Number(h.balance) - net.get(h.id)!]));
  for (const p of planned) {
    p.debit.balance = before.get(p.debit.id)!;
    p.credit.balance = before.get(p.credit.id)!;
  }
  const breach = breachOf(planned);
  if (breach) throw breachError(planned, breach.index, breach.limit, field);
}

/**
 * Records movements of goods, each one transfer between two accounts of its item (model.ts says
 * which), all in one transaction with an audit row each and their events: all are recorded or none
 * (a batch is TigerBeetle's linked chain). The database posts them and holds the invariants (no
 * stock below zero, none above the licence, debits = credits, append-only); this checks what the
 * database cannot know: who may record, and whether a licence is in force for goods coming in.
 * Idempotent by id: a movement already stored is answered (`replayed`), not applied again; another
 * movement under a stored id is GOODS_TRANSFER_EXISTS.
 */
export async function recordTransfers(deps: CommandDeps, ctx: CommandContext & { actor: Actor }, inputs: RecordTransferBody[], field: (i: number) => string): Promise<{ transfers: GoodsTransfer[]; replayed: boolean[] }> {
  const stored = new Map<string, GoodsTransfer>();
  for (let attempt = 0; ; attempt++) {
    const now = deps.clock();
    const fresh = inputs.filter((i) => !stored.has(i.id));
    let planned: Planned[] = [];
    try {
      if (fresh.length > 0) {
        await runCommand(deps, ctx, async (tx, record) => {
          const siteIds = [...new Set(fresh.flatMap((i) => (i.toSiteId ? [i.siteId, i.toSiteId] : [i.siteId])))];
          const sites = await siteAccounts(tx, siteIds, [...new Set(fresh.map((i) => i.itemKey))], now);
          planned = fresh.map((input) => plan(ctx.actor, sites, input, now.toISOString(), field(inputs.indexOf(input))));
          const values = planned.map(({ transfer: t }) => sql`(${t.id}::uuid, ${t.kind}, ${t.itemKey}, ${t.debit.accountId}::uuid, ${t.credit.accountId}::uuid, ${t.quantity}::bigint, ${t.counterparty}, ${t.note}, ${ctx.actor.id}::uuid, ${ctx.actor.displayName}, ${now})`);
          const inserted = await rows<{ id: string }>(tx, sql`insert into goods_transfers (id, kind, item_key, debit_account_id, credit_account_id, amount, counterparty, note, recorded_by, recorded_by_name, at)
            values ${sql.join(values, sql`, `)} on conflict (id) do nothing returning id`);
          if (inserted.length < planned.length) {
            const got = new Set(inserted.map((r) => r.id));
            throw new AlreadyRecorded(planned.map((p) => p.transfer.id).filter((id) => !got.has(id)));
          }
          if (planned.length > 1) await heldInOrder(tx, planned, field);
          const paths = new Map<string, GoodsTransfer[]>();
          for (const p of planned) {
            record.audit({ action: `goods.${p.transfer.kind}`, entityType: 'goods_transfer', entityId: p.transfer.id, jurisdictionPath: p.from.supervising, after: p.transfer });
            for (const path of new Set([p.from.path, p.from.supervising, p.to.path, p.to.supervising])) paths.set(path, [...(paths.get(path) ?? []), p.transfer]);
          }
          for (const [path, transfers] of paths) record.emit({ type: 'goods.transferred', jurisdictionPath: path, data: { transfers } });
        });
      }
      return { transfers: inputs.map((i) => stored.get(i.id) ?? planned.find((p) => p.transfer.id === i.id)!.transfer), replayed: inputs.map((i) => stored.has(i.id)) };
    } catch (err) {
      if (err instanceof AlreadyRecorded && attempt < 3) {
        for (const id of err.ids) {
          const s = (await findTransfer(deps.db, id))!;
          const i = inputs.findIndex((x) => x.id === id);
          if (!sameMovement(s, planned.find((p) => p.transfer.id === id)!.transfer)) {
            throw new AppError('GOODS_TRANSFER_EXISTS', `Another movement was recorded as ${id}`, { fields: [{ path: `${field(i)}.id`, message: 'already used for another movement' }] });
          }
          stored.set(id, s);
        }
        continue;
      }
      // Two batches taking the same accounts in opposite orders: PostgreSQL aborts one; it simply runs again.
      if (sqlState(err) === '40P01' && attempt < 3) continue;
      throw refusal(err, planned, field) ?? err;
    }
  }
}

/** One movement (`POST /goods/transfers`): a batch of one. */
export async function recordTransfer(deps: CommandDeps, ctx: CommandContext & { actor: Actor }, input: RecordTransferBody): Promise<{ transfer: GoodsTransfer; replayed: boolean }> {
  const { transfers, replayed } = await recordTransfers(deps, ctx, [input], () => 'body');
  return { transfer: transfers[0]!, replayed: replayed[0]! };
}
