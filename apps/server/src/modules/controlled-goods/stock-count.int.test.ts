import type { GoodsSite } from '@firebreak/contracts';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rows } from '../../platform/db/client.js';
import { loginAdmin, startTestApp, type TestApp } from '../../../test/harness.js';
import { ensureDemoGoods } from './index.js';

/** The counted-stock item of an inspection checklist (`stock_count`): counts per held item, reconciled against the ledger in the inspection's transaction. */
describe('counted stock in an inspection checklist', () => {
  let t: TestApp;
  const now = new Date('2026-03-10T08:00:00.000Z');
  let admin: string;
  let station: GoodsSite;
  let templateId: string;

  const call = (method: 'GET' | 'POST', url: string, payload?: object) =>
    t.app.inject({ method, url: `/api/v1${url}`, headers: { cookie: admin }, ...(payload ? { payload } : {}) });
  const count = async (table: string) => Number((await rows<{ n: number }>(t.app.platform.db, sql`select count(*)::int as n from ${sql.raw(table)}`))[0]!.n);
  const inspect = (placeId: string, counts: unknown, storage: unknown = 'pass') =>
    call('POST', '/inspections', { placeId, templateId, answers: [{ itemKey: 'counted_stock', value: counts }, { itemKey: 'storage_as_licensed', value: storage }] });

  beforeAll(async () => {
    t = await startTestApp({ clock: () => now });
    admin = await loginAdmin(t.app);
    await ensureDemoGoods(t.app.platform.command);
    const sites: GoodsSite[] = (await call('GET', '/goods/sites')).json();
    station = sites.find((s) => s.place.category === 'fuel_station' && s.licence.state === 'valid' && s.holdings.length >= 2 && s.holdings.every((h) => h.balance > 10_000))!;
    const published = await call('POST', '/checklists', {
      key: 'licensed_stock_check', title: 'Licensed site: stock check', categories: ['fuel_station'], source: 'Issue 18: counted stock against the ledger',
      sections: [{ key: 'stock', title: 'Stock', items: [
        { key: 'counted_stock', text: 'Count the stock of every licensed item', answerType: 'stock_count' },
        { key: 'storage_as_licensed', text: 'Stored as the licence says', answerType: 'yes_no' },
      ] }],
    });
    expect(published.statusCode, published.body).toBe(201);
    templateId = published.json().id;
    // The form finds the site of the place it inspects by the place.
    expect((await call('GET', `/goods/sites?placeId=${station.place.id}`)).json().map((s: GoodsSite) => s.id)).toEqual([station.id]);
  }, 180_000);
  afterAll(async () => t?.close());

  it('reconciles the counts with the inspection: a shortfall beyond 5 % is a major hazard tied to the inspection, an exact count none', async () => {
    const [short, exact] = station.holdings;
    const counted = Math.round(short!.balance * 0.9);
    const res = await inspect(station.place.id, { counts: [{ itemKey: short!.key, counted }, { itemKey: exact!.key, counted: exact!.balance }] });
    expect(res.statusCode, res.body).toBe(201);
    const inspection = res.json();
    expect(inspection.answers[0].value).toEqual({ counts: [{ itemKey: short!.key, counted }, { itemKey: exact!.key, counted: exact!.balance }] });
    const found = await rows<{ itemKey: string; ledger: number; counted: number; severity: string; hazardId: string | null }>(t.app.platform.db, sql`select d.item_key as "itemKey",
        d.ledger::float8 as ledger, d.counted::float8 as counted, d.severity, d.hazard_id as "hazardId"
      from goods_discrepancies d join goods_reconciliations r on r.id = d.reconciliation_id where r.inspection_id = ${inspection.id} order by d.item_key`);
    const byKey = new Map(found.map((d) => [d.itemKey, d]));
    expect(byKey.get(short!.key)).toMatchObject({ ledger: short!.balance, counted, severity: 'major' });
    expect(byKey.get(exact!.key)).toMatchObject({ ledger: exact!.balance, counted: exact!.balance, severity: 'none', hazardId: null });
    const hazard = (await call('GET', `/hazards/${byKey.get(short!.key)!.hazardId}`)).json();
    expect(hazard).toMatchObject({ grade: 'major', state: 'open', placeId: station.place.id });
    expect(hazard.title).toContain(short!.key);
    const [link] = await rows<{ inspectionId: string; itemKey: string }>(t.app.platform.db, sql`select inspection_id as "inspectionId", checklist_item_key as "itemKey" from hazards where id = ${hazard.id}`);
    expect(link).toEqual({ inspectionId: inspection.id, itemKey: `goods:${short!.key}` });
    // The counted-stock item itself is not scored: only the yes/no item counts.
    expect([inspection.score, inspection.maxScore]).toEqual([1, 1]);
    const report = (await call('GET', '/goods/discrepancies/report')).json();
    expect(report).toContainEqual(expect.objectContaining({ siteId: station.id, major: 1 }));
  });

  it('refuses bad counts naming the field, and stores nothing', async () => {
    const unlicensed = await call('POST', '/places', { name: 'Tankstelle ohne Lizenz', category: 'fuel_station', geometry: { type: 'Point', coordinates: [9.52, 47.14] } });
    expect(unlicensed.statusCode, unlicensed.body).toBe(201);
    const key = station.holdings[0]!.key;
    const before = await Promise.all(['inspections', 'goods_reconciliations', 'goods_discrepancies', 'hazards'].map(count));
    const cases: [string, unknown, unknown, string][] = [
      [station.place.id, { counts: [{ itemKey: key, counted: 1.5 }] }, 'pass', 'body.answers.0.value'],
      [station.place.id, { counts: [{ itemKey: key, counted: -1 }] }, 'pass', 'body.answers.0.value'],
      [station.place.id, { counts: [] }, 'pass', 'body.answers.0.value'],
      [station.place.id, 'about 500 litres', 'pass', 'body.answers.0.value'],
      [station.place.id, { counts: [{ itemKey: key, counted: 10 }] }, { counts: [{ itemKey: key, counted: 10 }] }, 'body.answers.1.value'],
      [station.place.id, { counts: [{ itemKey: 'UN1005', counted: 10 }] }, 'pass', 'body.answers.0.value.counts.0.itemKey'],
      [unlicensed.json().id, { counts: [{ itemKey: key, counted: 10 }] }, 'pass', 'body.answers.0.value.counts'],
    ];
    for (const [placeId, counts, storage, field] of cases) {
      const res = await inspect(placeId, counts, storage);
      expect(res.statusCode, `${JSON.stringify(counts)} ${res.body}`).toBe(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.json().errors.map((e: { path: string }) => e.path).join(' '), JSON.stringify(counts)).toContain(field);
    }
    expect(await Promise.all(['inspections', 'goods_reconciliations', 'goods_discrepancies', 'hazards'].map(count))).toEqual(before);
  });
});
