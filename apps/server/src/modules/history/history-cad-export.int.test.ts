import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { v7 as uuidv7 } from 'uuid';
import { rows } from '../../platform/db/client.js';
import { createUser, jurisdictionByPath, loginAdmin, startTestApp, type TestApp } from '../../../test/harness.js';
import { corrected, mapping, text } from '../../../test/cad-export-sample.js';

// The sample CAD export: apps/server/test/cad-export-sample.ts. The same walk through the CLI:
// history-cad-export-cli-fresh.int.test.ts (embedded) and history-cad-export-cli-postgres.int.test.ts.

describe('historical import of an unlike CAD export: dry run, refusal of a partial file, batches, undo and re-import', () => {
  let t: TestApp;
  let admin: string;
  let vaduz: { id: string; path: string };
  let schaan: { id: string; path: string };
  let batchId: string;
  const db = () => t.app.platform.db;
  const count = async (query: ReturnType<typeof sql>) => Number((await rows<{ n: number }>(db(), query))[0]!.n);
  const historical = (j: { id: string }) => count(sql`select count(*)::int as n from incidents where origin = 'historical' and jurisdiction_id = ${j.id}`);
  const post = (payload: Record<string, unknown>, cookie = admin) => t.app.inject({ method: 'POST', url: '/api/v1/history/imports', headers: { cookie }, payload });
  const report = async (j: { id: string }) => {
    const res = await t.app.inject({ method: 'GET', url: `/api/v1/reports/response-times?jurisdictionId=${j.id}&from=2024-10-01T00:00:00Z&to=2024-11-01T00:00:00Z&origin=historical`, headers: { cookie: admin } });
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  };

  beforeAll(async () => {
    t = await startTestApp();
    admin = await loginAdmin(t.app);
    vaduz = await jurisdictionByPath(t.app, 'li.oberland.vaduz');
    schaan = await jurisdictionByPath(t.app, 'li.oberland.schaan');
  }, 60_000);
  afterAll(async () => t?.close());

  it('a dry run says what would be imported and what not, why, and on which line, and writes nothing', async () => {
    const audits = await count(sql`select count(*)::int as n from audit_log`);
    const res = await post({ jurisdictionId: vaduz.id, mapping, source: 'county.csv', csv: text, dryRun: true });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({
      batchId: null, dryRun: true, file: 'county.csv', mapping: 'county-cad', jurisdictionPath: 'li.oberland.vaduz',
      rows: 7, calls: 6, created: 6, alreadyImported: 0, responses: 5, withoutLocation: 6, outsideJurisdiction: 0, relocated: 0, doubtfulTimes: 1,
      rejectedCalls: 1, rejectedByReason: { unreadable_time: 1 },
      rejected: [{ line: 7, code: 'unreadable_time', callId: '2024-010006', reason: 'Alarmiert "27.10.2024 14:32" is not ISO 8601' }],
    });
    expect(await historical(vaduz)).toBe(0);
    expect(await count(sql`select count(*)::int as n from import_batches`)).toBe(0);
    expect(await count(sql`select count(*)::int as n from audit_log`)).toBe(audits);
  });

  it('refuses a file with an unreadable row whole without allowPartial: 422 problem+json naming the line, nothing written', async () => {
    const res = await post({ jurisdictionId: vaduz.id, mapping, source: 'county.csv', csv: text });
    expect(res.statusCode, res.body).toBe(422);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.json()).toMatchObject({ code: 'HISTORY_ROWS_REJECTED', errors: [{ path: 'body.csv', message: 'line 7: Alarmiert "27.10.2024 14:32" is not ISO 8601' }] });
    expect(await historical(vaduz)).toBe(0);
  });

  it('with allowPartial imports the readable calls as one batch: without a place, NULL as not recorded, .000 read, types by pattern, the DST call flagged and out of the percentiles', async () => {
    const res = await post({ jurisdictionId: vaduz.id, mapping, source: 'county.csv', csv: text, allowPartial: true });
    expect(res.statusCode, res.body).toBe(201);
    const summary = res.json();
    expect(summary).toMatchObject({ dryRun: false, created: 6, responses: 5, withoutLocation: 6, doubtfulTimes: 1, rejectedCalls: 1 });
    batchId = summary.batchId;
    const made = await rows<{ ref: string; type: string; priority: string; located: boolean; onScene: Date | null; cleared: Date | null; dispatched: Date | null; doubt: string | null }>(db(), sql`
      select i.external_ref as ref, i.type, i.priority, i.location is not null as located, r.on_scene_at as "onScene", r.cleared_at as cleared, r.dispatched_at as dispatched, c.time_doubt as doubt
      from incidents i join imported_calls c on c.incident_id = i.id left join imported_responses r on r.incident_id = i.id
      where c.batch_id = ${batchId} order by i.external_ref`);
    const iso = (d: Date | null) => (d === null ? null : new Date(d).toISOString());
    expect(made.map((m) => ({ ...m, onScene: iso(m.onScene), cleared: iso(m.cleared), dispatched: iso(m.dispatched) }))).toEqual([
      { ref: '2024-010001', type: 'fire', priority: 'P1', located: false, dispatched: '2024-10-26T19:15:10.000Z', onScene: '2024-10-26T19:21:40.000Z', cleared: '2024-10-26T20:40:00.000Z', doubt: null },
      { ref: '2024-010002', type: 'medical', priority: 'P1', located: false, dispatched: '2024-10-26T21:03:30.000Z', onScene: '2024-10-26T21:11:15.000Z', cleared: null, doubt: null },
      { ref: '2024-010003', type: 'traffic_accident', priority: 'P1', located: false, dispatched: '2024-10-26T23:52:00.000Z', onScene: null, cleared: null, doubt: null },
      { ref: '2024-010004', type: 'medical', priority: 'P3', located: false, dispatched: '2024-10-27T00:41:20.000Z', onScene: '2024-10-27T00:09:05.000Z', cleared: '2024-10-27T00:55:00.000Z', doubt: 'ambiguous' },
      { ref: '2024-010005', type: 'hazmat_leak', priority: 'P3', located: false, dispatched: null, onScene: null, cleared: null, doubt: null },
      { ref: '2024-010007', type: 'rescue', priority: 'P4', located: false, dispatched: '2024-10-27T15:14:00.000Z', onScene: '2024-10-27T15:25:30.000Z', cleared: '2024-10-27T16:10:00.000Z', doubt: null },
    ]);
    // The report counts the flagged call but keeps its (negative) durations out of every figure.
    const r = await report(vaduz);
    expect(r.counts).toEqual({ incidents: 6, dispatched: 4, arrived: 3 });
    expect(r.doubtfulTimes).toBe(1);
    expect(r.dispatchToArrival.count).toBe(3);
    expect(r.dispatchToArrival.p50Seconds).toBeGreaterThan(0);
    for (const tier of r.tiers) expect(tier.met + tier.missed + tier.open).toBe(5);
    // Kept off maps: no point in the incident as the API gives it.
    const list = await t.app.inject({ method: 'GET', url: '/api/v1/incidents?origin=historical&limit=500', headers: { cookie: admin } });
    const items = (list.json().items as { externalRef: string; location: unknown }[]).filter((i) => i.externalRef?.startsWith('2024-0100'));
    expect(items).toHaveLength(6);
    expect(items.every((i) => i.location === null)).toBe(true);
    // Listed as a batch.
    const batches = await t.app.inject({ method: 'GET', url: `/api/v1/history/imports?jurisdictionId=${vaduz.id}`, headers: { cookie: admin } });
    expect(batches.statusCode, batches.body).toBe(200);
    expect(batches.json().items).toEqual([expect.objectContaining({ id: batchId, file: 'county.csv', mapping: 'county-cad', jurisdictionPath: 'li.oberland.vaduz', importedBy: 'admin', calls: 6, responses: 5, doubtfulTimes: 1, undoneAt: null })]);
  });

  it('undo removes exactly the batch\'s rows in one audited step, a second undo removes nothing, and the corrected file then imports whole', async () => {
    // Another batch (the same calls into Schaan) must survive the undo untouched.
    const other = await post({ jurisdictionId: schaan.id, mapping, source: 'county.csv', csv: corrected });
    expect(other.statusCode, other.body).toBe(201);
    const before = { schaan: await historical(schaan), responses: await count(sql`select count(*)::int as n from imported_responses`) };
    expect(before.schaan).toBe(7);

    const undo = await t.app.inject({ method: 'POST', url: `/api/v1/history/imports/${batchId}/undo`, headers: { cookie: admin } });
    expect(undo.statusCode, undo.body).toBe(200);
    expect(undo.json()).toMatchObject({ removedCalls: 6, removedResponses: 5, batch: { id: batchId, calls: 0, undoneBy: 'admin' } });
    expect(await historical(vaduz)).toBe(0);
    expect(await historical(schaan)).toBe(7);
    expect(await count(sql`select count(*)::int as n from imported_responses`)).toBe(before.responses - 5);
    const [audit] = await rows<{ after: { removedCalls: number } }>(db(), sql`select after from audit_log where action = 'incidents.history_undone' and entity_id = ${batchId}`);
    expect(audit!.after.removedCalls).toBe(6);

    const again = await t.app.inject({ method: 'POST', url: `/api/v1/history/imports/${batchId}/undo`, headers: { cookie: admin } });
    expect(again.statusCode, again.body).toBe(200);
    expect(again.json()).toMatchObject({ removedCalls: 0, removedResponses: 0 });
    expect(await count(sql`select count(*)::int as n from audit_log where action = 'incidents.history_undone'`)).toBe(1);

    const reimport = await post({ jurisdictionId: vaduz.id, mapping, source: 'county-fixed.csv', csv: corrected });
    expect(reimport.statusCode, reimport.body).toBe(201);
    expect(reimport.json()).toMatchObject({ created: 7, alreadyImported: 0, responses: 6, rejected: [] });
    expect(reimport.json().batchId).not.toBe(batchId);
    expect(await historical(vaduz)).toBe(7);
  });

  it('places calls without coordinates in the jurisdiction a column names (name, label or path under the one imported into), and rejects one it cannot find', async () => {
    const oberland = await jurisdictionByPath(t.app, 'li.oberland');
    const withColumn = { ...mapping, name: 'county-cad-gemeinde', columns: { ...(mapping.columns as object), jurisdiction: 'Gemeinde' } };
    const csv = [
      `${text.split('\n')[0]!.trim()},Gemeinde`,
      'G-1,2024-11-02 10:00:00.000,B2 Brand,Eilig,NULL,TLF,2024-11-02 10:01:00.000,NULL,2024-11-02 10:08:00.000,NULL,Vaduz',
      'G-2,2024-11-02 11:00:00.000,RD Sturz,Normal,NULL,RTW,2024-11-02 11:02:00.000,NULL,NULL,NULL,schaan',
      'G-3,2024-11-02 12:00:00.000,RD Sturz,Normal,NULL,RTW,2024-11-02 12:02:00.000,NULL,NULL,NULL,Atlantis',
      'G-4,2024-11-02 13:00:00.000,Ölspur,Normal,NULL,NULL,NULL,NULL,NULL,NULL,NULL',
    ].join('\n');
    const res = await post({ jurisdictionId: oberland.id, mapping: withColumn, source: 'gemeinde.csv', csv, allowPartial: true });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ created: 3, rejectedCalls: 1, rejectedByReason: { unknown_jurisdiction: 1 },
      rejected: [{ line: 4, code: 'unknown_jurisdiction', callId: 'G-3', reason: 'Gemeinde "Atlantis" is no jurisdiction under li.oberland' }] });
    const placed = await rows<{ ref: string; path: string }>(db(), sql`select external_ref as ref, jurisdiction_path::text as path from incidents where external_ref like 'G-%' order by 1`);
    expect(placed).toEqual([{ ref: 'G-1', path: 'li.oberland.vaduz' }, { ref: 'G-2', path: 'li.oberland.schaan' }, { ref: 'G-4', path: 'li.oberland' }]);
    // Known by number in the jurisdiction each call went to: importing again adds nothing.
    const again = await post({ jurisdictionId: oberland.id, mapping: withColumn, source: 'gemeinde.csv', csv, allowPartial: true });
    expect(again.json()).toMatchObject({ created: 0, alreadyImported: 3 });
  });

  it('refuses bad input with a 4xx problem+json naming the field, and an undo out of reach', async () => {
    const problem = async (res: Awaited<ReturnType<typeof post>>, status: number, field?: string) => {
      expect(res.statusCode, res.body).toBe(status);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      if (field) expect(res.json().errors.map((e: { path: string }) => e.path)).toContain(field);
    };
    await problem(await post({ jurisdictionId: vaduz.id, mapping: { ...mapping, typeRules: [{ pattern: '(', to: 'fire' }] }, csv: text, dryRun: true }), 400, 'body.mapping.typeRules.0.pattern');
    await problem(await post({ jurisdictionId: vaduz.id, mapping: { ...mapping, typeRules: [{ to: 'fire' }] }, csv: text, dryRun: true }), 400);
    await problem(await post({ jurisdictionId: vaduz.id, mapping, csv: text, dryRun: 'yes' }), 400, 'body.dryRun');
    await problem(await t.app.inject({ method: 'POST', url: '/api/v1/history/imports/nope/undo', headers: { cookie: admin } }), 400, 'path.id');
    await problem(await t.app.inject({ method: 'POST', url: `/api/v1/history/imports/${uuidv7()}/undo`, headers: { cookie: admin } }), 404);
    await problem(await t.app.inject({ method: 'GET', url: '/api/v1/history/imports?jurisdictionId=nope', headers: { cookie: admin } }), 400, 'query.jurisdictionId');
    // An administrator of Schaan neither sees nor undoes Vaduz's batches; a dispatcher has no say.
    const [vaduzBatch] = (await (await t.app.inject({ method: 'GET', url: `/api/v1/history/imports?jurisdictionId=${vaduz.id}`, headers: { cookie: admin } })).json().items) as { id: string }[];
    const schaanAdmin = await createUser(t.app, 'administrator', 'li.oberland.schaan');
    const listed = await t.app.inject({ method: 'GET', url: '/api/v1/history/imports', headers: { cookie: schaanAdmin.cookie } });
    expect((listed.json().items as { jurisdictionPath: string }[]).every((b) => b.jurisdictionPath === 'li.oberland.schaan')).toBe(true);
    await problem(await t.app.inject({ method: 'POST', url: `/api/v1/history/imports/${vaduzBatch!.id}/undo`, headers: { cookie: schaanAdmin.cookie } }), 404);
    const dispatcher = await createUser(t.app, 'dispatcher', 'li.oberland.vaduz');
    await problem(await t.app.inject({ method: 'POST', url: `/api/v1/history/imports/${vaduzBatch!.id}/undo`, headers: { cookie: dispatcher.cookie } }), 403);
    expect(await historical(vaduz)).toBe(8); // the seven of the corrected file and G-1

  });

});
