import type { GoodsItem, LicenceInput } from '@firebreak/contracts';
import { sql } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';
import { AppError } from '../../errors.js';
import { rows, type Tx } from '../../platform/db/client.js';
import { itemConflict, itemOf } from './model.js';

/** Accounts every licensed item has at a site; only stock may not go below zero by its licence, the sinks by their nature. */
const ACCOUNTS: { kind: 'stock' | 'external' | 'consumed' | 'destroyed' | 'lost'; floor: boolean }[] = [
  { kind: 'stock', floor: true }, { kind: 'external', floor: false }, { kind: 'consumed', floor: true }, { kind: 'destroyed', floor: true }, { kind: 'lost', floor: true },
];

/** Known items, or new ones registered; an item is measured and classed the same everywhere. */
async function ensureItems(tx: Tx, items: GoodsItem[]): Promise<void> {
  const values = items.map((it) => sql`(${it.key}, ${it.kind}, ${it.unNumber}, ${it.hazardClass}, ${it.category}, ${it.name}, ${it.unit})`);
  await tx.execute(sql`insert into goods_items (key, kind, un_number, hazard_class, category, name, unit) values ${sql.join(values, sql`, `)} on conflict (key) do nothing`);
  const known = new Map((await rows<GoodsItem>(tx, sql`select key, kind, un_number as "unNumber", hazard_class as "hazardClass", category, name, unit
    from goods_items where key in (${sql.join(items.map((it) => sql`${it.key}`), sql`, `)})`)).map((k) => [k.key, k]));
  for (const [i, item] of items.entries()) {
    const conflict = itemConflict(known.get(item.key)!, item);
    if (conflict) throw new AppError('GOODS_ITEM_CONFLICT', conflict, { fields: [{ path: `body.licence.items.${i}`, message: conflict }] });
  }
}

/**
 * Makes the site's accounts match its licence: each licensed item gets its accounts (once) and its
 * stock the licence's maximum; an item the licence no longer names keeps its accounts with a
 * maximum of 0 — the accounts' CHECK refuses that while the site still holds some
 * (`goods_accounts_within_licence`, turned into GOODS_LICENCE_BELOW_STOCK by the caller).
 */
export async function applyLicence(tx: Tx, siteId: string, licence: LicenceInput): Promise<void> {
  const items = licence.items.map(itemOf);
  const dup = items.findIndex((it, i) => items.findIndex((o) => o.key === it.key) !== i);
  if (dup >= 0) throw new AppError('VALIDATION_FAILED', `body.licence.items.${dup}: ${items[dup]!.key} is named twice`, { fields: [{ path: `body.licence.items.${dup}`, message: `${items[dup]!.key} is named twice` }] });
  await ensureItems(tx, items);
  const values = items.flatMap((item, i) => ACCOUNTS.map((a) => sql`(${uuidv7()}::uuid, ${siteId}::uuid, ${item.key}, ${a.kind}, ${a.floor}, ${a.kind === 'stock' ? licence.items[i]!.maxQuantity : null}::bigint)`));
  // One statement for every account; only a stock account's maximum changes on a renewal.
  await tx.execute(sql`insert into goods_accounts (id, site_id, item_key, kind, debits_must_not_exceed_credits, max_balance) values ${sql.join(values, sql`, `)}
    on conflict (site_id, item_key, kind) do update set max_balance = excluded.max_balance where goods_accounts.kind = 'stock' and goods_accounts.max_balance is distinct from excluded.max_balance`);
  await tx.execute(sql`update goods_accounts set max_balance = 0 where site_id = ${siteId} and kind = 'stock'
    and item_key not in (${sql.join(items.map((it) => sql`${it.key}`), sql`, `)}) and max_balance <> 0`);
}

export const LICENCE_REFUSALS = {
  goods_accounts_within_licence: { code: 'GOODS_LICENCE_BELOW_STOCK' as const, detail: 'the licence would allow less of an item than the site holds now: move the stock out first', field: 'body.licence.items' },
};
