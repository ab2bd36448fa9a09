import type { GoodsSite, GoodsTransfer } from '@firebreak/contracts';
import { sql } from 'drizzle-orm';
import fc from 'fast-check';
import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../platform/auth/access.js';
import type { CommandDeps } from '../../platform/command.js';
import { rows, type Db } from '../../platform/db/client.js';
import { AppError } from '../../errors.js';
import { createUser, jurisdictionByPath, loginAdmin, startTestApp, type TestApp, type TestUser } from '../../../test/harness.js';
import { ensureDemoGoods, sweepLicences } from './index.js';
import { recordTransfer } from './record-transfer.js';

const DAY = 86_400_000;

async function nationalAdmin(db: Db): Promise<Actor> {
  const [root] = await rows<{ id: string; path: string; name: string }>(db, sql`select id, path::text as path, name from jurisdictions where parent_id is null limit 1`);
  const id = uuidv7();
  return { id, username: 'prop', displayName: 'Property test', kind: 'staff', via: { kind: 'system' }, grants: [{ id, role: 'administrator', jurisdictionId: root!.id, path: root!.path, jurisdictionName: root!.name }] };
}

async function stockOf(db: Db, siteIds: string[], itemKey: string): Promise<{ balances: number[]; max: number[] }> {
  const found = await rows<{ siteId: string; balance: number; max: number }>(db, sql`select site_id as "siteId", (credits_posted - debits_posted)::float8 as balance, max_balance::float8 as max
    from goods_accounts where kind = 'stock' and item_key = ${itemKey} and site_id in (${sql.join(siteIds.map((id) => sql`${id}::uuid`), sql`, `)})`);
  const by = new Map(found.map((r) => [r.siteId, r]));
  return { balances: siteIds.map((id) => Number(by.get(id)!.balance)), max: siteIds.map((id) => Number(by.get(id)!.max)) };
}

/** Whole-ledger checks of one item: debits = credits = the transfers' amounts; no stock below zero or above its licence. */
async function ledgerTotals(db: Db, itemKey: string) {
  const [t] = await rows<{ debits: number; credits: number; moved: number; outside: number }>(db, sql`select
      (select coalesce(sum(debits_posted), 0)::float8 from goods_accounts where item_key = ${itemKey}) as debits,
      (select coalesce(sum(credits_posted), 0)::float8 from goods_accounts where item_key = ${itemKey}) as credits,
      (select coalesce(sum(amount), 0)::float8 from goods_transfers where item_key = ${itemKey}) as moved,
      (select count(*)::int from goods_accounts where item_key = ${itemKey} and kind = 'stock' and (debits_posted > credits_posted or credits_posted - debits_posted > max_balance)) as outside`);
  return { debits: Number(t!.debits), credits: Number(t!.credits), moved: Number(t!.moved), outside: Number(t!.outside) };
}

type Op = { kind: 'receipt' | 'issue' | 'consumption' | 'loss' | 'transfer'; from: number; to: number; share: number } | { kind: 'replay'; pick: number };

/**
 * Random movements of diesel between three sites against an in-memory model: each is applied exactly
 * when the model says the licence and the stock allow it (else refused with the model's reason),
 * replays never apply twice, and after each run the ledger's totals hold.
 */
async function ledgerProperty(deps: CommandDeps, db: Db, siteIds: string[]): Promise<{ runs: number; checked: number }> {
  const actor = await nationalAdmin(db);
  const item = 'UN1202';
  let runs = 0;
  let checked = 0;
  const op: fc.Arbitrary<Op> = fc.oneof(
    fc.record({ kind: fc.constantFrom('receipt', 'issue', 'consumption', 'loss', 'transfer'), from: fc.nat(2), to: fc.nat(2), share: fc.double({ min: 0.001, max: 0.7, noNaN: true }) }),
    fc.record({ kind: fc.constant('replay'), pick: fc.nat(30) }),
  );
  await fc.assert(fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 10 }), async (ops) => {
    runs++;
    const { balances, max } = await stockOf(db, siteIds, item);
    const done: { body: Parameters<typeof recordTransfer>[2] }[] = [];
    for (const o of ops) {
      if (o.kind === 'replay') {
        if (done.length === 0) continue;
        const again = await recordTransfer(deps, { actor, requestId: null }, done[o.pick % done.length]!.body);
        expect(again.replayed).toBe(true);
        continue;
      }
      const to = o.kind === 'transfer' && o.to === o.from ? (o.from + 1) % 3 : o.to;
      const quantity = Math.max(1, Math.round(max[o.from]! * o.share));
      const body = { id: uuidv7(), kind: o.kind, siteId: siteIds[o.from]!, itemKey: item, quantity, ...(o.kind === 'transfer' ? { toSiteId: siteIds[to]! } : {}) };
      const out = o.kind === 'receipt' ? 0 : quantity;
      const intoSite = o.kind === 'receipt' ? o.from : o.kind === 'transfer' ? to : null;
      // When both limits are broken, the account locked first (by id) reports: either reason is right.
      const expected = [
        ...(balances[o.from]! < out ? ['GOODS_INSUFFICIENT_BALANCE'] : []),
        ...(intoSite !== null && balances[intoSite]! - (intoSite === o.from ? out : 0) + quantity > max[intoSite]! ? ['GOODS_LICENCE_MAXIMUM_EXCEEDED'] : []),
      ];
      const got = await recordTransfer(deps, { actor, requestId: null }, body).then(() => 'ok', (e: unknown) => (e instanceof AppError ? e.code : String(e)));
      if (expected.length === 0) expect(got).toBe('ok');
      else expect(expected).toContain(got);
      if (got === 'ok') {
        balances[o.from]! -= out;
        if (intoSite !== null) balances[intoSite]! += quantity;
        done.push({ body });
      }
      checked++;
    }
    expect((await stockOf(db, siteIds, item)).balances).toEqual(balances);
    const totals = await ledgerTotals(db, item);
    expect(totals.debits).toBe(totals.credits);
    expect(totals.debits).toBe(totals.moved);
    expect(totals.outside).toBe(0);
  }), { numRuns: 8 });
  return { runs, checked };
}

/** Concurrent clients draining one stock, each movement sent twice at once: none applied twice, the stock never below zero. */
async function racingClients(deps: CommandDeps, db: Db, siteId: string, item: string) {
  const actor = await nationalAdmin(db);
  const [start] = (await stockOf(db, [siteId], item)).balances;
  const each = 200;
  const bodies = Array.from({ length: 40 }, () => ({ id: uuidv7(), kind: 'issue' as const, siteId, itemKey: item, quantity: each }));
  const results = await Promise.all(bodies.flatMap((b) => [b, b]).map((b) => recordTransfer(deps, { actor, requestId: null }, b).then((r) => (r.replayed ? 'replayed' : 'applied'), (e: unknown) => (e instanceof AppError ? e.code : String(e)))));
  const ids = bodies.map((b) => b.id);
  const [stored] = await rows<{ n: number }>(db, sql`select count(*)::int as n from goods_transfers where id in (${sql.join(ids.map((id) => sql`${id}::uuid`), sql`, `)})`);
  const [after] = (await stockOf(db, [siteId], item)).balances;
  const applied = results.filter((r) => r === 'applied').length;
  expect(stored!.n).toBe(applied);
  expect(results.every((r) => ['applied', 'replayed', 'GOODS_INSUFFICIENT_BALANCE'].includes(r))).toBe(true);
  // Put the stock back for the tests that follow.
  await recordTransfer(deps, { actor, requestId: null }, { id: uuidv7(), kind: 'receipt', siteId, itemKey: item, quantity: start! - after! });
  return { applied, expectedApplied: Math.floor(start! / each), balance: after!, expectedBalance: start! - Math.floor(start! / each) * each };
}
const VADUZ_SHOP: [number, number] = [9.5215, 47.141];

describe('controlled goods: licensed sites, an exact ledger, reconciliation', () => {
  let t: TestApp;
  let now = new Date('2026-03-10T08:00:00.000Z');
  let admin: string;
  let inspector: TestUser;
  let schaanInspector: TestUser;
  let demoSites: GoodsSite[];
  let site: GoodsSite;

  const call = (cookie: string, method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) =>
    t.app.inject({ method, url: `/api/v1${url}`, headers: { cookie }, ...(payload ? { payload } : {}) });
  const count = async (table: string) => Number((await rows<{ n: number }>(t.app.platform.db, sql`select count(*)::int as n from ${sql.raw(table)}`))[0]!.n);
  const getSite = async (id: string, cookie = admin): Promise<GoodsSite> => {
    const res = await call(cookie, 'GET', `/goods/sites/${id}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  };
  const balance = (s: GoodsSite, key: string) => s.holdings.find((h) => h.key === key)?.balance;
  const move = (body: object, cookie = admin) => call(cookie, 'POST', '/goods/transfers', { id: uuidv7(), ...body });
  const licence = (items: object[], from = now, untilDays = 365) => ({
    number: 'VA-2026-017', validFrom: new Date(from.getTime() - DAY).toISOString(), validUntil: new Date(from.getTime() + untilDays * DAY).toISOString(),
    expiryAlertDays: 30, storageConditions: 'Locked steel cabinet, ventilated, away from heat', responsiblePerson: { name: 'A. Büchel', role: 'Warehouse manager' }, items,
  });
  const SOLVENTS = { kind: 'chemical', unNumber: '1993', hazardClass: '3', name: 'Flammable liquid, n.o.s.', unit: 'ml', maxQuantity: 500_000 };
  const AMMO = { kind: 'controlled', category: 'ammunition', name: 'Cartridges 9 mm', unit: 'round', maxQuantity: 10_000 };

  beforeAll(async () => {
    t = await startTestApp({ clock: () => now });
    admin = await loginAdmin(t.app);
    inspector = await createUser(t.app, 'inspector', 'li.oberland.vaduz');
    schaanInspector = await createUser(t.app, 'inspector', 'li.oberland.schaan');
    expect(await ensureDemoGoods(t.app.platform.command)).toBeGreaterThan(4);
    demoSites = (await call(admin, 'GET', '/goods/sites')).json();
  }, 120_000);
  afterAll(async () => t?.close());

  it("licenses the demo country's fuel stations and four stores at OSM industrial areas, once, with their opening stock", async () => {
    const [stations] = await rows<{ n: number }>(t.app.platform.db, sql`select count(*)::int as n from places where category = 'fuel_station'`);
    expect(demoSites.filter((s) => s.place.category === 'fuel_station')).toHaveLength(stations!.n);
    expect(demoSites.filter((s) => s.place.name.startsWith('Demo:'))).toHaveLength(4);
    expect(demoSites.every((s) => s.demo && s.holdings.every((h) => h.balance > 0 && h.balance <= h.maxQuantity))).toBe(true);
    expect(demoSites.filter((s) => s.licence.state === 'expiring')).toHaveLength(1);
    expect(await ensureDemoGoods(t.app.platform.command)).toBe(0);
    expect((await call(admin, 'GET', '/goods/sites')).json()).toHaveLength(demoSites.length);
  });

  it('refuses bad licences naming the field, and licenses a key place once', async () => {
    const place = await call(admin, 'POST', '/places', { name: 'Malerbedarf Vaduz', category: 'hazardous_chemicals', geometry: { type: 'Point', coordinates: VADUZ_SHOP } });
    expect(place.statusCode, place.body).toBe(201);
    const placeId = place.json().id as string;
    const bad: [object, string][] = [
      [{ ...SOLVENTS, unNumber: 'UN12' }, 'body.licence.items.0.unNumber'],
      [{ ...SOLVENTS, unNumber: 'UN0000' }, 'body.licence.items.0.unNumber'],
      [{ ...SOLVENTS, hazardClass: '10' }, 'body.licence.items.0.hazardClass'],
      [{ ...SOLVENTS, maxQuantity: 2.5 }, 'body.licence.items.0.maxQuantity'],
      [{ ...SOLVENTS, maxQuantity: -1 }, 'body.licence.items.0.maxQuantity'],
      [{ ...AMMO, category: 'rockets' }, 'body.licence.items.0.category'],
    ];
    for (const [item, field] of bad) {
      const res = await call(admin, 'POST', '/goods/sites', { placeId, licence: licence([item]) });
      expect(res.statusCode, res.body).toBe(400);
      expect(res.json().errors.map((e: { path: string }) => e.path)).toContain(field);
    }
    const petrolAsGas = await call(admin, 'POST', '/goods/sites', { placeId, licence: licence([{ ...SOLVENTS, unNumber: 'UN1203', hazardClass: '2.1' }]) });
    expect(petrolAsGas.statusCode, petrolAsGas.body).toBe(422);
    expect(petrolAsGas.json().code).toBe('GOODS_ITEM_CONFLICT');
    expect(await count(`goods_sites where place_id = '${placeId}'`)).toBe(0);

    const created = await call(admin, 'POST', '/goods/sites', { placeId, licence: licence([SOLVENTS, AMMO]) });
    expect(created.statusCode, created.body).toBe(201);
    site = created.json();
    expect(site.licence.state).toBe('valid');
    expect(site.holdings.map((h) => [h.key, h.unit, h.balance, h.maxQuantity])).toEqual([['UN1993', 'ml', 0, 500_000], ['ammunition', 'round', 0, 10_000]]);
    const again = await call(admin, 'POST', '/goods/sites', { placeId, licence: licence([SOLVENTS]) });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('GOODS_SITE_EXISTS');
  });

  it('records movements exactly: over balance, over licence, fractions, replays and strangers are refused with nothing written', async () => {
    const receipt = await move({ kind: 'receipt', siteId: site.id, itemKey: 'ammunition', quantity: 6000, counterparty: 'RUAG Ammotec' }, inspector.cookie);
    expect(receipt.statusCode, receipt.body).toBe(201);
    const vaduzStation = demoSites.find((s) => s.place.category === 'fuel_station' && s.place.jurisdictionPath === 'li.oberland.vaduz')!;
    expect(vaduzStation).toBeDefined();
    const before = { transfers: await count('goods_transfers'), audit: await count("audit_log where action like 'goods.%'") };
    const refusals: [object, number, string, string?][] = [
      [{ kind: 'issue', siteId: site.id, itemKey: 'ammunition', quantity: 6001 }, 409, 'GOODS_INSUFFICIENT_BALANCE', 'body.quantity'],
      [{ kind: 'receipt', siteId: site.id, itemKey: 'ammunition', quantity: 4001 }, 409, 'GOODS_LICENCE_MAXIMUM_EXCEEDED', 'body.quantity'],
      [{ kind: 'receipt', siteId: site.id, itemKey: 'ammunition', quantity: 1.5 }, 400, 'VALIDATION_FAILED', 'body.quantity'],
      [{ kind: 'loss', siteId: site.id, itemKey: 'ammunition', quantity: -3 }, 400, 'VALIDATION_FAILED', 'body.quantity'],
      [{ kind: 'receipt', siteId: site.id, itemKey: 'firearms', quantity: 1 }, 422, 'GOODS_NOT_LICENSED', 'body.itemKey'],
      [{ kind: 'transfer', siteId: site.id, itemKey: 'ammunition', quantity: 10 }, 400, 'VALIDATION_FAILED', 'body.toSiteId'],
      [{ kind: 'transfer', siteId: site.id, toSiteId: vaduzStation.id, itemKey: 'ammunition', quantity: 10 }, 422, 'GOODS_NOT_LICENSED', 'body.toSiteId'],
    ];
    for (const [body, status, code, field] of refusals) {
      const res = await move(body, inspector.cookie);
      expect(res.statusCode, res.body).toBe(status);
      expect(res.json().code).toBe(code);
      if (field) expect(res.json().errors?.map((e: { path: string }) => e.path) ?? [], res.body).toContain(field);
    }
    // Schaan's inspector does not see Vaduz's site at all: a reference in the body it cannot see is a 400 naming the field, as for one that does not exist.
    const unseen = await move({ kind: 'issue', siteId: site.id, itemKey: 'ammunition', quantity: 1 }, schaanInspector.cookie);
    const absent = await move({ kind: 'issue', siteId: uuidv7(), itemKey: 'ammunition', quantity: 1 }, schaanInspector.cookie);
    for (const res of [unseen, absent]) expect([res.statusCode, res.json().code, res.json().errors?.[0]?.path], res.body).toEqual([400, 'VALIDATION_FAILED', 'body.siteId']);
    expect({ transfers: await count('goods_transfers'), audit: await count("audit_log where action like 'goods.%'") }).toEqual(before);

    // The same movement again is answered, not applied; another one under its id is refused.
    const issue = { id: uuidv7(), kind: 'issue', siteId: site.id, itemKey: 'ammunition', quantity: 500, counterparty: 'Schützenverein Vaduz' };
    const first = await call(inspector.cookie, 'POST', '/goods/transfers', issue);
    const replay = await call(inspector.cookie, 'POST', '/goods/transfers', issue);
    expect([first.statusCode, replay.statusCode]).toEqual([201, 200]);
    expect(replay.json()).toEqual(first.json());
    const clash = await call(inspector.cookie, 'POST', '/goods/transfers', { ...issue, quantity: 501 });
    expect([clash.statusCode, clash.json().code]).toEqual([409, 'GOODS_TRANSFER_EXISTS']);
    expect(balance(await getSite(site.id), 'ammunition')).toBe(5500);
    const audits = await rows<{ action: string }>(t.app.platform.db, sql`select action from audit_log where entity_id = ${issue.id}`);
    expect(audits.map((a) => a.action)).toEqual(['goods.issue']);

    // A batch is applied in order, all or none; its refusal names the movement.
    const batch = (quantities: [number, number]) => ({ transfers: [
      { id: uuidv7(), kind: 'receipt', siteId: site.id, itemKey: 'ammunition', quantity: quantities[0] },
      { id: uuidv7(), kind: 'issue', siteId: site.id, itemKey: 'ammunition', quantity: quantities[1] },
    ] });
    const tooMuch = await call(inspector.cookie, 'POST', '/goods/transfers/batch', batch([1000, 7000]));
    expect([tooMuch.statusCode, tooMuch.json().code, tooMuch.json().errors[0].path]).toEqual([409, 'GOODS_INSUFFICIENT_BALANCE', 'body.transfers.1.quantity']);
    const fits = batch([1000, 6500]);
    const applied = await call(inspector.cookie, 'POST', '/goods/transfers/batch', fits);
    expect(applied.statusCode, applied.body).toBe(201);
    expect(applied.json().replayed).toEqual([false, false]);
    const again = await call(inspector.cookie, 'POST', '/goods/transfers/batch', fits);
    expect([again.statusCode, again.json().replayed]).toEqual([200, [true, true]]);
    expect(balance(await getSite(site.id), 'ammunition')).toBe(0);
    // In order: an issue before the receipt that would cover it breaks the chain, though the batch's net fits.
    const early = { transfers: [
      { id: uuidv7(), kind: 'issue', siteId: site.id, itemKey: 'ammunition', quantity: 100 },
      { id: uuidv7(), kind: 'receipt', siteId: site.id, itemKey: 'ammunition', quantity: 1000 },
    ] };
    const outOfOrder = await call(inspector.cookie, 'POST', '/goods/transfers/batch', early);
    expect([outOfOrder.statusCode, outOfOrder.json().code, outOfOrder.json().errors[0].path]).toEqual([409, 'GOODS_INSUFFICIENT_BALANCE', 'body.transfers.0.quantity']);
    expect(balance(await getSite(site.id), 'ammunition')).toBe(0);
    const stored = await rows<{ n: number }>(t.app.platform.db, sql`select count(*)::int as n from goods_transfers where id in (${early.transfers[0]!.id}::uuid, ${early.transfers[1]!.id}::uuid)`);
    expect(stored[0]!.n).toBe(0);
    const restock = await move({ kind: 'receipt', siteId: site.id, itemKey: 'ammunition', quantity: 5500 }, inspector.cookie);
    expect(restock.statusCode, restock.body).toBe(201);
  });

  it('never edits a movement: the database refuses UPDATE and DELETE, a reversal mirrors it once', async () => {
    const last = ((await call(admin, 'GET', `/goods/sites/${site.id}/transfers?limit=10`)).json() as GoodsTransfer[]).find((x) => x.kind === 'issue' && x.quantity === 500);
    expect(last).toBeDefined();
    await expect(t.app.platform.db.execute(sql`update goods_transfers set amount = 1 where id = ${last!.id}`)).rejects.toThrow();
    await expect(t.app.platform.db.execute(sql`delete from goods_transfers where id = ${last!.id}`)).rejects.toThrow();
    await expect(t.app.platform.db.execute(sql`update goods_accounts set credits_posted = credits_posted + 1 where id = ${last!.debit.accountId}`)).rejects.toThrow();
    const reversal = { id: uuidv7(), reason: 'Issued to the wrong club' };
    const res = await call(inspector.cookie, 'POST', `/goods/transfers/${last!.id}/reverse`, reversal);
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ kind: 'reversal', reverses: last!.id, quantity: 500, debit: { accountId: last!.credit.accountId }, credit: { accountId: last!.debit.accountId } });
    expect((await call(inspector.cookie, 'POST', `/goods/transfers/${last!.id}/reverse`, reversal)).statusCode).toBe(200);
    const twice = await call(inspector.cookie, 'POST', `/goods/transfers/${last!.id}/reverse`, { id: uuidv7(), reason: 'again' });
    expect([twice.statusCode, twice.json().code]).toEqual([409, 'GOODS_TRANSFER_REVERSED']);
    expect(balance(await getSite(site.id), 'ammunition')).toBe(6000);
    expect((await call(admin, 'GET', `/goods/transfers/${last!.id}`)).json().reversedBy).toBe(reversal.id);
  });

  it("lists a site's ledger newest first by time, whatever ids the clients chose (a browser's are random UUIDv4)", async () => {
    const at = now;
    try {
      // The later movement has the smaller id: by id it would come second.
      const ids = ['ffffffff-ffff-4fff-bfff-ffffffffffff', '00000000-0000-4000-8000-000000000001'];
      for (const [i, id] of ids.entries()) {
        now = new Date(at.getTime() + (i + 1) * 60_000);
        const res = await call(inspector.cookie, 'POST', '/goods/transfers', { id, kind: 'receipt', siteId: site.id, itemKey: 'ammunition', quantity: 1 });
        expect(res.statusCode, res.body).toBe(201);
      }
      const ledger = (await call(admin, 'GET', `/goods/sites/${site.id}/transfers?limit=2`)).json() as GoodsTransfer[];
      expect(ledger.map((m) => m.id)).toEqual([...ids].reverse());
      const next = (await call(admin, 'GET', `/goods/sites/${site.id}/transfers?limit=1&before=${ids[1]}`)).json() as GoodsTransfer[];
      expect(next.map((m) => m.id)).toEqual([ids[0]]);
      for (const id of ids) expect((await call(inspector.cookie, 'POST', `/goods/transfers/${id}/reverse`, { id: uuidv7(), reason: 'ledger order test' })).statusCode).toBe(201);
    } finally {
      now = at;
    }
  });

  it('holds the invariants over random movements (fast-check), and under racing clients', async () => {
    const { runs, checked } = await ledgerProperty(t.app.platform.command, t.app.platform.db, demoSites.filter((s) => s.place.category === 'fuel_station').slice(1, 4).map((s) => s.id));
    expect(runs).toBeGreaterThan(0);
    expect(checked).toBeGreaterThan(0);
    const race = await racingClients(t.app.platform.command, t.app.platform.db, site.id, 'ammunition');
    expect(race.applied).toBe(race.expectedApplied);
    expect(race.balance).toBe(race.expectedBalance);
    expect(race.balance).toBeGreaterThanOrEqual(0);
  }, 120_000);

  it('reconciles counted stock: a shortfall of controlled items is a major hazard with a deadline; a chemical within tolerance is not', async () => {
    const receipt = await move({ kind: 'receipt', siteId: site.id, itemKey: 'UN1993', quantity: 200_000 }, inspector.cookie);
    expect(receipt.statusCode, receipt.body).toBe(201);
    const res = await call(inspector.cookie, 'POST', `/goods/sites/${site.id}/reconciliations`, { counts: [{ itemKey: 'ammunition', counted: 5950 }, { itemKey: 'UN1993', counted: 199_500 }] });
    expect(res.statusCode, res.body).toBe(201);
    const ammo = balance(await getSite(site.id), 'ammunition')!;
    const [a, s] = [res.json().discrepancies.find((d: { itemKey: string }) => d.itemKey === 'ammunition'), res.json().discrepancies.find((d: { itemKey: string }) => d.itemKey === 'UN1993')];
    expect(a).toMatchObject({ ledger: ammo, counted: 5950, difference: 5950 - ammo, severity: 'major' });
    expect(s).toMatchObject({ ledger: 200_000, counted: 199_500, severity: 'within_tolerance', hazardId: null });
    const hazard = (await call(inspector.cookie, 'GET', `/hazards/${a.hazardId}`)).json();
    expect(hazard).toMatchObject({ grade: 'major', state: 'open', placeId: site.place.id });
    expect(Date.parse(hazard.dueAt)).toBeGreaterThan(now.getTime());
    const bad = await call(inspector.cookie, 'POST', `/goods/sites/${site.id}/reconciliations`, { counts: [{ itemKey: 'ammunition', counted: 1.5 }] });
    expect(bad.statusCode).toBe(400);
    const report = (await call(admin, 'GET', '/goods/discrepancies/report')).json();
    expect(report).toContainEqual(expect.objectContaining({ siteId: site.id, jurisdictionPath: 'li.oberland.vaduz', reconciliations: 1, discrepancies: 1, major: 1 }));
  });

  it('alerts an expiring licence once, refuses goods in once it lapsed, and raises a hazard for what it still holds', async () => {
    const renewal = await call(admin, 'PUT', `/goods/sites/${site.id}/licence`, { version: site.version, licence: licence([SOLVENTS, { ...AMMO, maxQuantity: 5000 }], now, 10) });
    expect([renewal.statusCode, renewal.json().code]).toEqual([409, 'GOODS_LICENCE_BELOW_STOCK']);
    const renewed = await call(admin, 'PUT', `/goods/sites/${site.id}/licence`, { version: site.version, licence: licence([SOLVENTS, AMMO], now, 10) });
    expect(renewed.statusCode, renewed.body).toBe(200);
    expect(renewed.json().licence.state).toBe('expiring');
    const first = await sweepLicences(t.app.platform.command);
    expect(first.expiring).toBeGreaterThanOrEqual(1);
    expect((await sweepLicences(t.app.platform.command)).expiring).toBe(0);

    now = new Date(now.getTime() + 11 * DAY);
    admin = await loginAdmin(t.app);
    const lapsed = await getSite(site.id);
    expect(lapsed.licence.state).toBe('lapsed');
    const into = await move({ kind: 'receipt', siteId: site.id, itemKey: 'UN1993', quantity: 10 });
    expect([into.statusCode, into.json().code]).toEqual([409, 'GOODS_LICENCE_NOT_VALID']);
    expect((await move({ kind: 'issue', siteId: site.id, itemKey: 'UN1993', quantity: 10 })).statusCode).toBe(201);
    expect((await sweepLicences(t.app.platform.command)).lapsed).toBeGreaterThanOrEqual(1);
    expect((await sweepLicences(t.app.platform.command)).lapsed).toBe(0);
    const after = await getSite(site.id);
    expect(after.lapseHazardId).not.toBeNull();
    const hazard = (await call(admin, 'GET', `/hazards/${after.lapseHazardId}`)).json();
    expect(hazard).toMatchObject({ grade: 'major', state: 'open', placeId: site.place.id });
    expect(hazard.title).toContain('lapsed');
  });

  it('finds the sites near a point with what they hold, and the premise panel at intake shows them', async () => {
    const vaduz = await jurisdictionByPath(t.app, 'li.oberland.vaduz');
    const near = (await call(admin, 'GET', `/goods/sites?near=${VADUZ_SHOP.join(',')}&radiusMeters=300&jurisdictionId=${vaduz.id}`)).json() as GoodsSite[];
    expect(near[0]!.id).toBe(site.id);
    expect(near[0]!.holdings.map((h) => h.key)).toContain('ammunition');
    // The intake's premise panel lists it with what it holds (issue 18 §4).
    const premise = (await call(admin, 'GET', `/intake/premise?lon=${VADUZ_SHOP[0]}&lat=${VADUZ_SHOP[1]}`)).json();
    expect(premise.dangerousGoods[0]).toMatchObject({ siteId: site.id, distanceMetres: 0 });
    expect(premise.dangerousGoods[0].items.map((i: { key: string }) => i.key)).toContain('ammunition');
    const off = await call(admin, 'GET', '/goods/sites?near=999,47');
    expect([off.statusCode, off.json().errors[0].path]).toEqual([400, 'query.near']);
  });
});
