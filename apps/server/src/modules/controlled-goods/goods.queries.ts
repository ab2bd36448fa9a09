import type { GoodsDiscrepancy, GoodsHolding, GoodsSite, GoodsTransfer, LicenceState, SiteHoldingsNear } from '@firebreak/contracts';
import { sql, type SQL } from 'drizzle-orm';
import { withinRoots } from '../../platform/auth/scope-sql.js';
import { rows, type Queryable } from '../../platform/db/client.js';
import { licenceState } from './model.js';

interface SiteRow {
  id: string; placeId: string; placeName: string; category: string; lon: number; lat: number; jurisdictionPath: string;
  supervisingPath: string; supervisingName: string; licenceNumber: string; validFrom: Date; validUntil: Date; expiryAlertDays: number;
  storageConditions: string; responsibleName: string; responsibleRole: string; lapseHazardId: string | null; demo: boolean;
  version: number; createdAt: Date; updatedAt: Date;
}

const SITE_SELECT = sql`select s.id, s.place_id as "placeId", p.name as "placeName", p.category, ST_X(p.location) as lon, ST_Y(p.location) as lat,
    s.jurisdiction_path::text as "jurisdictionPath", s.supervising_path::text as "supervisingPath", j.name as "supervisingName",
    s.licence_number as "licenceNumber", s.valid_from as "validFrom", s.valid_until as "validUntil", s.expiry_alert_days as "expiryAlertDays",
    s.storage_conditions as "storageConditions", s.responsible_name as "responsibleName", s.responsible_role as "responsibleRole",
    s.lapse_hazard_id as "lapseHazardId", s.demo, s.version, s.created_at as "createdAt", s.updated_at as "updatedAt"
  from goods_sites s join places p on p.id = s.place_id join jurisdictions j on j.path = s.supervising_path`;

const iso = (d: Date | string): string => new Date(d).toISOString();

/** The stock of each site: licensed items (maximum above zero) and anything still held. */
async function holdingsOf(q: Queryable, siteIds: string[]): Promise<Map<string, GoodsHolding[]>> {
  const out = new Map<string, GoodsHolding[]>(siteIds.map((id) => [id, []]));
  if (siteIds.length === 0) return out;
  const found = await rows<GoodsHolding & { siteId: string }>(q, sql`select a.site_id as "siteId", a.id as "accountId", i.key, i.kind, i.un_number as "unNumber",
      i.hazard_class as "hazardClass", i.category, i.name, i.unit, a.max_balance::float8 as "maxQuantity", (a.credits_posted - a.debits_posted)::float8 as balance
    from goods_accounts a join goods_items i on i.key = a.item_key
    where a.site_id in (${sql.join(siteIds.map((id) => sql`${id}::uuid`), sql`, `)}) and a.kind = 'stock' and (a.max_balance > 0 or a.credits_posted > a.debits_posted)
    order by i.kind, i.key`);
  for (const { siteId, ...h } of found) out.get(siteId)!.push({ ...h, maxQuantity: Number(h.maxQuantity), balance: Number(h.balance) });
  return out;
}

function present(r: SiteRow, holdings: GoodsHolding[], now: Date): GoodsSite {
  const validFrom = new Date(r.validFrom);
  const validUntil = new Date(r.validUntil);
  return {
    id: r.id,
    place: { id: r.placeId, name: r.placeName, category: r.category, location: [Number(r.lon), Number(r.lat)], jurisdictionPath: r.jurisdictionPath },
    supervisingPath: r.supervisingPath,
    supervisingName: r.supervisingName,
    licence: {
      number: r.licenceNumber, validFrom: iso(validFrom), validUntil: iso(validUntil), expiryAlertDays: r.expiryAlertDays,
      storageConditions: r.storageConditions, responsiblePerson: { name: r.responsibleName, role: r.responsibleRole },
      state: licenceState({ validFrom, validUntil, expiryAlertDays: r.expiryAlertDays }, now),
    },
    holdings,
    lapseHazardId: r.lapseHazardId,
    demo: r.demo,
    version: r.version,
    createdAt: iso(r.createdAt),
    updatedAt: iso(r.updatedAt),
  };
}

async function sitesWhere(q: Queryable, where: SQL, now: Date, tail: SQL = sql``): Promise<GoodsSite[]> {
  const found = await rows<SiteRow>(q, sql`${SITE_SELECT} where ${where} ${tail}`);
  const holdings = await holdingsOf(q, found.map((r) => r.id));
  return found.map((r) => present(r, holdings.get(r.id)!, now));
}

export async function findSite(q: Queryable, id: string, now: Date): Promise<GoodsSite | undefined> {
  return (await sitesWhere(q, sql`s.id = ${id}`, now))[0];
}

export async function siteOfPlace(q: Queryable, placeId: string): Promise<string | undefined> {
  return (await rows<{ id: string }>(q, sql`select id from goods_sites where place_id = ${placeId}`))[0]?.id;
}

export interface SiteFilter {
  roots: string[];
  underPath?: string | undefined;
  state?: LicenceState | undefined;
  near?: { lon: number; lat: number; radiusMeters: number } | undefined;
  placeId?: string | undefined;
}

/** Sites in scope (by the place's jurisdiction or the supervising one), nearest first when `near` is given, else by name. */
export async function listSites(q: Queryable, f: SiteFilter, now: Date): Promise<GoodsSite[]> {
  const conds: SQL[] = [sql`(${withinRoots(sql`s.jurisdiction_path`, f.roots)} or ${withinRoots(sql`s.supervising_path`, f.roots)})`];
  if (f.underPath) conds.push(sql`(s.jurisdiction_path <@ ${f.underPath}::ltree or s.supervising_path <@ ${f.underPath}::ltree)`);
  if (f.placeId) conds.push(sql`s.place_id = ${f.placeId}`);
  let order = sql`order by p.name, s.id`;
  if (f.near) {
    const at = sql`ST_SetSRID(ST_MakePoint(${f.near.lon}, ${f.near.lat}), 4326)`;
    conds.push(sql`ST_DWithin(p.location::geography, ${at}::geography, ${f.near.radiusMeters})`);
    order = sql`order by ST_Distance(p.location::geography, ${at}::geography), s.id`;
  }
  const sites = await sitesWhere(q, sql.join(conds, sql` and `), now, order);
  return f.state ? sites.filter((s) => s.licence.state === f.state) : sites;
}

const TRANSFER_SELECT = sql`select t.id, t.kind, t.item_key as "itemKey", i.unit, t.amount::float8 as quantity,
    t.debit_account_id as "debitId", da.kind as "debitKind", da.site_id as "debitSite", dp.name as "debitSiteName",
    t.credit_account_id as "creditId", ca.kind as "creditKind", ca.site_id as "creditSite", cp.name as "creditSiteName",
    t.reverses, (select r.id from goods_transfers r where r.reverses = t.id) as "reversedBy", t.counterparty, t.note,
    t.recorded_by as "recordedBy", t.recorded_by_name as "recordedByName", t.at
  from goods_transfers t join goods_items i on i.key = t.item_key
    join goods_accounts da on da.id = t.debit_account_id join goods_sites ds on ds.id = da.site_id join places dp on dp.id = ds.place_id
    join goods_accounts ca on ca.id = t.credit_account_id join goods_sites cs on cs.id = ca.site_id join places cp on cp.id = cs.place_id`;

interface TransferRow {
  id: string; kind: GoodsTransfer['kind']; itemKey: string; unit: GoodsTransfer['unit']; quantity: number;
  debitId: string; debitKind: GoodsTransfer['debit']['kind']; debitSite: string; debitSiteName: string;
  creditId: string; creditKind: GoodsTransfer['credit']['kind']; creditSite: string; creditSiteName: string;
  reverses: string | null; reversedBy: string | null; counterparty: string | null; note: string | null;
  recordedBy: string | null; recordedByName: string; at: Date;
}

const presentTransfer = (r: TransferRow): GoodsTransfer => ({
  id: r.id, kind: r.kind, itemKey: r.itemKey, unit: r.unit, quantity: Number(r.quantity),
  debit: { accountId: r.debitId, kind: r.debitKind, siteId: r.debitSite, siteName: r.debitSiteName },
  credit: { accountId: r.creditId, kind: r.creditKind, siteId: r.creditSite, siteName: r.creditSiteName },
  reverses: r.reverses, reversedBy: r.reversedBy, counterparty: r.counterparty, note: r.note,
  recordedBy: { id: r.recordedBy, name: r.recordedByName }, at: iso(r.at),
});

export async function findTransfer(q: Queryable, id: string): Promise<GoodsTransfer | undefined> {
  const [r] = await rows<TransferRow>(q, sql`${TRANSFER_SELECT} where t.id = ${id}`);
  return r ? presentTransfer(r) : undefined;
}

/**
 * A site's ledger: every transfer touching one of its accounts, newest first by the time it was
 * recorded. Not by id: the id is the client's (idempotency), and a browser's random UUIDv4 ids
 * put the web's own movements in no order. `before` (a transfer id) pages on (at, id).
 */
export async function transfersOfSite(q: Queryable, siteId: string, f: { itemKey?: string | undefined; limit: number; before?: string | undefined }): Promise<GoodsTransfer[]> {
  const conds = [sql`(da.site_id = ${siteId} or ca.site_id = ${siteId})`];
  if (f.itemKey) conds.push(sql`t.item_key = ${f.itemKey}`);
  if (f.before) conds.push(sql`(t.at, t.id) < (select b.at, b.id from goods_transfers b where b.id = ${f.before})`);
  const found = await rows<TransferRow>(q, sql`${TRANSFER_SELECT} where ${sql.join(conds, sql` and `)} order by t.at desc, t.id desc limit ${f.limit}`);
  return found.map(presentTransfer);
}

export async function discrepanciesOf(q: Queryable, where: SQL): Promise<GoodsDiscrepancy[]> {
  const found = await rows<Omit<GoodsDiscrepancy, 'difference' | 'at'> & { at: Date; inspectionId: string | null }>(q, sql`select d.id, d.reconciliation_id as "reconciliationId",
      d.site_id as "siteId", p.name as "siteName", d.jurisdiction_path::text as "jurisdictionPath", d.item_key as "itemKey", i.unit,
      d.ledger::float8 as ledger, d.counted::float8 as counted, d.severity, d.hazard_id as "hazardId", r.inspection_id as "inspectionId", d.at
    from goods_discrepancies d join goods_reconciliations r on r.id = d.reconciliation_id join goods_items i on i.key = d.item_key
      join goods_sites s on s.id = d.site_id join places p on p.id = s.place_id
    where ${where} order by d.at desc, d.item_key`);
  return found.map((d) => ({ ...d, ledger: Number(d.ledger), counted: Number(d.counted), difference: Number(d.counted) - Number(d.ledger), at: iso(d.at) }));
}

/** What licensed sites near a point hold by their ledgers, nearest first (the premise panel at intake). */
export async function goodsNear(q: Queryable, roots: string[], near: { lon: number; lat: number; radiusMeters: number }, now: Date) {
  const sites = await listSites(q, { roots, near }, now);
  const at = sql`ST_SetSRID(ST_MakePoint(${near.lon}, ${near.lat}), 4326)::geography`;
  const distances = new Map((await rows<{ id: string; d: number }>(q, sql`select s.id, ST_Distance(p.location::geography, ${at}) as d from goods_sites s join places p on p.id = s.place_id
    where s.id in (${sites.length > 0 ? sql.join(sites.map((s) => sql`${s.id}::uuid`), sql`, `) : sql`null`})`)).map((r) => [r.id, Number(r.d)]));
  return sites.map((s) => ({
    siteId: s.id, name: s.place.name, distanceMetres: Math.round(distances.get(s.id) ?? 0), licenceState: s.licence.state,
    items: s.holdings.filter((h) => h.balance > 0).map((h) => ({ key: h.key, unNumber: h.unNumber, hazardClass: h.hazardClass, category: h.category, name: h.name, unit: h.unit, balance: h.balance })),
  })).filter((s) => s.items.length > 0);
}

/** Licensed sites whose place lies within `metres` of any of the shapes (an incident's point, its cordons), with what their ledgers say they hold, nearest first. */
export async function holdingsNearShapes(q: Queryable, shapes: readonly unknown[], metres: number, now: Date): Promise<SiteHoldingsNear[]> {
  if (shapes.length === 0) return [];
  const geoms = sql.join(shapes.map((s) => sql`ST_SetSRID(ST_GeomFromGeoJSON(${JSON.stringify(s)}), 4326)`), sql`, `);
  const near = await rows<{ id: string; d: number }>(q, sql`select s.id, min(ST_Distance(p.location::geography, g::geography)) as d
    from goods_sites s join places p on p.id = s.place_id cross join unnest(array[${geoms}]) as g
    where ST_DWithin(p.location::geography, g::geography, ${metres}) group by s.id order by d, s.id`);
  if (near.length === 0) return [];
  const sites = new Map((await sitesWhere(q, sql`s.id in (${sql.join(near.map((n) => sql`${n.id}::uuid`), sql`, `)})`, now)).map((s) => [s.id, s]));
  return near.map((n) => {
    const s = sites.get(n.id)!;
    return {
      siteId: s.id, name: s.place.name, location: s.place.location, distanceMeters: Math.round(Number(n.d)), licenceState: s.licence.state,
      holdings: s.holdings.filter((h) => h.balance > 0).map((h) => ({ itemKey: h.key, name: h.name, kind: h.kind, unNumber: h.unNumber, hazardClass: h.hazardClass, category: h.category, unit: h.unit, balance: h.balance })),
    };
  });
}
