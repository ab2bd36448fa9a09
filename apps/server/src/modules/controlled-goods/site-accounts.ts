import type { GoodsTransfer, LicenceState } from '@firebreak/contracts';
import { sql } from 'drizzle-orm';
import { can, type Actor } from '../../platform/auth/access.js';
import { rows, type Queryable } from '../../platform/db/client.js';
import { licenceState } from './model.js';

export interface Account { id: string; maxBalance: number | null; balance: number; unit: GoodsTransfer['unit'] }

export interface SiteAccounts {
  siteId: string; path: string; supervising: string; state: LicenceState; name: string;
  /** The site's accounts of the items asked for, by `${itemKey}:${kind}` (none for an item never licensed there). */
  accounts: Map<string, Account>;
}

const list = (xs: string[], cast: string) => sql.join(xs.map((x) => sql`${x}::${sql.raw(cast)}`), sql`, `);

/** The sites of some movements with their licence state and their accounts of the items moved: one query. */
export async function siteAccounts(q: Queryable, siteIds: string[], itemKeys: string[], now: Date): Promise<Map<string, SiteAccounts>> {
  const found = await rows<{ siteId: string; path: string; supervising: string; name: string; validFrom: Date; validUntil: Date; alert: number;
    accountId: string | null; itemKey: string | null; kind: string | null; unit: Account['unit'] | null; maxBalance: number | null; balance: number | null }>(q, sql`
    select s.id as "siteId", s.jurisdiction_path::text as path, s.supervising_path::text as supervising, p.name, s.valid_from as "validFrom", s.valid_until as "validUntil",
      s.expiry_alert_days as alert, a.id as "accountId", a.item_key as "itemKey", a.kind, i.unit, a.max_balance::float8 as "maxBalance", (a.credits_posted - a.debits_posted)::float8 as balance
    from goods_sites s join places p on p.id = s.place_id
      left join goods_accounts a on a.site_id = s.id and a.item_key in (${list(itemKeys, 'text')})
      left join goods_items i on i.key = a.item_key
    where s.id in (${list(siteIds, 'uuid')})`);
  const out = new Map<string, SiteAccounts>();
  for (const r of found) {
    let s = out.get(r.siteId);
    if (!s) {
      s = { siteId: r.siteId, path: r.path, supervising: r.supervising, name: r.name, accounts: new Map(),
        state: licenceState({ validFrom: new Date(r.validFrom), validUntil: new Date(r.validUntil), expiryAlertDays: r.alert }, now) };
      out.set(r.siteId, s);
    }
    if (r.accountId && r.kind) s.accounts.set(`${r.itemKey}:${r.kind}`, { id: r.accountId, unit: r.unit!, maxBalance: r.maxBalance === null ? null : Number(r.maxBalance), balance: Number(r.balance) });
  }
  return out;
}

/** A site is seen by whoever reads places where it lies or where it is supervised. */
export const visible = (actor: Actor, s: SiteAccounts): boolean => can(actor, 'places:read', s.path) || can(actor, 'places:read', s.supervising);
