import { readFileSync } from 'node:fs';
import type { CallsImportSummary, ReplayResult } from '@firebreak/contracts';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rows } from '../../platform/db/client.js';
import { jurisdictionByPath, loginAdmin, startTestApp, type TestApp } from '../../../test/harness.js';

const FILE = new URL('../../../../../data/calls/sf_fire_calls_2016-12-31_week.csv', import.meta.url);
// San Francisco's week in UTC: 2016-12-31 08:00 to 2017-01-08 08:00 (PST).
const WEEK = { from: '2016-12-31T00:00:00.000Z', to: '2017-01-09T00:00:00.000Z' };

/**
 * The bundled SF week placed into the demo country (`relocate`): its calls at places of the
 * country drawn from its demand, so that a what-if replay of them runs on the country's roads.
 */
describe('POST /history/imports with relocate: a foreign export placed into the jurisdiction', () => {
  let t: TestApp;
  let admin: string;
  let li: { id: string; path: string };
  const text = readFileSync(FILE, 'utf8');
  const post = (url: string, payload: object) => t.app.inject({ method: 'POST', url: `/api/v1${url}`, headers: { cookie: admin }, payload });
  const placesOf = async (batchId: string) => new Map((await rows<{ ref: string; lon: number; lat: number }>(t.app.platform.db, sql`
    select i.external_ref as ref, ST_X(i.location) as lon, ST_Y(i.location) as lat from incidents i join imported_calls h on h.incident_id = i.id where h.batch_id = ${batchId}`)).map((r) => [r.ref, `${r.lon} ${r.lat}`]));

  beforeAll(async () => {
    t = await startTestApp();
    admin = await loginAdmin(t.app);
    li = await jurisdictionByPath(t.app, 'li');
  }, 120_000);
  afterAll(async () => t?.close());

  it('says how many calls lie outside the jurisdiction when imported as they are', async () => {
    const res = await post('/history/imports', { jurisdictionId: li.id, mapping: 'sf-fire', source: 'sf-week.csv', csv: text, dryRun: true });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json<CallsImportSummary>();
    // Every located SF call lies outside Liechtenstein; none is relocated.
    expect(body.relocated).toBe(0);
    expect(body.outsideJurisdiction).toBe(body.calls - body.withoutLocation);
    expect(body.outsideJurisdiction).toBeGreaterThan(3000);
  });

  it('places every call inside the country, marked relocated, and a replay of the week gives figures', async () => {
    const res = await post('/history/imports', { jurisdictionId: li.id, mapping: 'sf-fire', source: 'sf-week.csv', csv: text, relocate: true, seed: 7 });
    expect(res.statusCode, res.body).toBe(201);
    const body = res.json<CallsImportSummary>();
    expect(body).toMatchObject({ calls: 3560, created: 3560, relocated: 3560, outsideJurisdiction: 0, withoutLocation: 0 });
    const [inside] = await rows<{ n: number; marked: number }>(t.app.platform.db, sql`
      select count(*) filter (where ST_Covers(j.boundary, i.location))::int as n, count(*) filter (where h.relocated_from = 'sf-week.csv')::int as marked
        from incidents i join imported_calls h on h.incident_id = i.id join jurisdictions j on j.path = 'li' where h.batch_id = ${body.batchId}`);
    expect(inside).toEqual({ n: 3560, marked: 3560 });
    // The call keeps its time, type and priority: only its place changes.
    const [one] = await rows<{ receivedAt: Date; type: string; priority: string }>(t.app.platform.db, sql`
      select received_at as "receivedAt", type, priority from incidents where external_ref = '163664050' and jurisdiction_path = 'li'`);
    expect(one).toMatchObject({ type: 'other', priority: 'P1' });
    expect(new Date(one!.receivedAt).toISOString()).toBe('2017-01-01T07:57:56.000Z');

    const replay = await post('/replays', { jurisdictionId: li.id, ...WEEK, origin: 'historical', seed: 3 });
    expect(replay.statusCode, replay.body).toBe(200);
    const r = replay.json<ReplayResult>();
    // Drawn where people are and the car graph reaches: every call on the road network (60 of
    // 3,560 with seed 7 were off it when buildings too far from every road were drawn too).
    expect(r.calls).toMatchObject({ replayed: 3560, offGraph: 0 });
    expect(r.calls.relocated).toBe(r.calls.replayed);
    expect(r.calls.relocatedFrom).toEqual(['sf-week.csv']);
    expect(r.runs[0]!.overall.arrived).toBeGreaterThan(0);
  }, 120_000);

  it('places the same calls at the same places with the same seed, elsewhere with another', async () => {
    const [first] = await rows<{ id: string }>(t.app.platform.db, sql`select id from import_batches where jurisdiction_path = 'li' and undone_at is null`);
    const before = await placesOf(first!.id);
    const undo = await post(`/history/imports/${first!.id}/undo`, {});
    expect(undo.statusCode, undo.body).toBe(200);
    const again = (await post('/history/imports', { jurisdictionId: li.id, mapping: 'sf-fire', source: 'sf-week.csv', csv: text, relocate: true, seed: 7 })).json<CallsImportSummary>();
    expect(await placesOf(again.batchId!)).toEqual(before);
    await post(`/history/imports/${again.batchId}/undo`, {});
    const other = (await post('/history/imports', { jurisdictionId: li.id, mapping: 'sf-fire', source: 'sf-week.csv', csv: text, relocate: true, seed: 8 })).json<CallsImportSummary>();
    const moved = await placesOf(other.batchId!);
    expect([...moved].filter(([ref, at]) => before.get(ref) !== at).length).toBeGreaterThan(3000);
  }, 120_000);

  it('refuses a seed without relocate and relocate with a jurisdiction column, naming the field, writing nothing', async () => {
    const seedOnly = await post('/history/imports', { jurisdictionId: li.id, mapping: 'sf-fire', csv: text, seed: 7 });
    expect(seedOnly.statusCode).toBe(400);
    expect(seedOnly.headers['content-type']).toContain('application/problem+json');
    expect(seedOnly.json()).toMatchObject({ errors: [{ path: 'body.seed' }] });
    const mapping = { name: 'with-jurisdiction', timeZone: 'Europe/Vaduz', timeFormat: 'YYYY-MM-DD HH:mm:ss', columns: { callId: 'nr', receivedAt: 'received', type: 'kind', priority: 'prio', unit: 'unit', dispatchedAt: 'sent', jurisdiction: 'gemeinde' } };
    const column = await post('/history/imports', { jurisdictionId: li.id, mapping, csv: 'nr,received,kind,prio,unit,sent,gemeinde\n1,2024-07-01 10:00:00,Brand,1,TLF,,Vaduz\n', relocate: true });
    expect(column.statusCode).toBe(400);
    expect(column.json()).toMatchObject({ errors: [{ path: 'body.relocate' }] });
    const [batches] = await rows<{ n: number }>(t.app.platform.db, sql`select count(*)::int as n from import_batches where file = 'upload'`);
    expect(batches!.n).toBe(0);
  });
});
