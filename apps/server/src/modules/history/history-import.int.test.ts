import { readFileSync } from 'node:fs';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rows } from '../../platform/db/client.js';
import { jurisdictionByPath, loginAdmin, startTestApp, type TestApp } from '../../../test/harness.js';
import { importCalls, SF_FIRE_MAPPING, type CallsImportSummary } from './index.js';

const FILE = new URL('../../../../../data/calls/sf_fire_calls_2016-12-31_week.csv', import.meta.url);

/**
 * The recomputation the report must agree with, written without the import code: split the raw
 * CSV lines (no field of this file holds a line break), read the US 12-hour times as Pacific
 * Standard Time (the whole week, 2016-12-31 to 2017-01-07, lies in PST = UTC-8), take each call's
 * earliest dispatch and earliest arrival over its units, and interpolate percentiles linearly
 * between closest ranks as PostgreSQL's percentile_cont does.
 */
function recompute(text: string) {
  const split = (line: string) => [...line.matchAll(/("(?:[^"]|"")*"|[^,]*)(?:,|$)/g)].map((m) => m[1]!.replace(/^"|"$/g, '').replaceAll('""', '"')).slice(0, -1);
  const [header, ...lines] = text.trim().split(/\r?\n/).map(split);
  const col = (name: string) => header!.indexOf(name);
  const [call, received, dispatched, onScene] = ['Call Number', 'Received DtTm', 'Dispatch DtTm', 'On Scene DtTm'].map(col) as [number, number, number, number];
  const pst = (s: string) => {
    if (!s) return null;
    const [, mo, d, y, h, mi, se, ap] = /^(\d\d)\/(\d\d)\/(\d{4}) (\d\d):(\d\d):(\d\d) (AM|PM)$/.exec(s)!;
    return Date.UTC(+y!, +mo! - 1, +d!, (+h! % 12) + (ap === 'PM' ? 12 : 0), +mi!, +se!) + 8 * 3600_000;
  };
  const calls = new Map<string, { received: number; dispatched: number | null; onScene: number | null }>();
  const min = (a: number | null, b: number | null) => (a === null ? b : b === null ? a : Math.min(a, b));
  for (const f of lines) {
    const c = calls.get(f[call]!) ?? { received: pst(f[received]!)!, dispatched: null, onScene: null };
    c.dispatched = min(c.dispatched, pst(f[dispatched]!));
    c.onScene = min(c.onScene, pst(f[onScene]!));
    calls.set(f[call]!, c);
  }
  const percentile = (values: number[], p: number) => {
    const s = [...values].sort((a, b) => a - b);
    const rank = p * (s.length - 1);
    const lo = Math.floor(rank);
    return s[lo]! + (rank - lo) * ((s[Math.min(lo + 1, s.length - 1)]! - s[lo]!));
  };
  const stats = (values: number[]) => ({ count: values.length, p50Seconds: percentile(values, 0.5), p90Seconds: percentile(values, 0.9) });
  const all = [...calls.values()];
  return {
    lines: lines.length,
    calls: all.length,
    callToDispatch: stats(all.filter((c) => c.dispatched !== null).map((c) => (c.dispatched! - c.received) / 1000)),
    dispatchToArrival: stats(all.filter((c) => c.dispatched !== null && c.onScene !== null).map((c) => (c.onScene! - c.dispatched!) / 1000)),
    callToArrival: stats(all.filter((c) => c.onScene !== null).map((c) => (c.onScene! - c.received) / 1000)),
  };
}

describe('historical import: the San Francisco Fire Department week', () => {
  let t: TestApp;
  let admin: string;
  let li: { id: string; path: string };
  let first: CallsImportSummary;
  const now = new Date('2026-03-23T09:00:00.000Z');
  const text = readFileSync(FILE, 'utf8');
  const expected = recompute(text);
  const count = async (query: ReturnType<typeof sql>) => Number((await rows<{ n: number }>(t.app.platform.db, query))[0]!.n);
  const report = async (query: string) => {
    const res = await t.app.inject({ method: 'GET', url: `/api/v1/reports/response-times?jurisdictionId=${li.id}&from=2016-12-01T00:00:00Z&to=2017-02-01T00:00:00Z${query}`, headers: { cookie: admin } });
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  };
  const run = () => importCalls(t.app.platform.command, { actor: null, actorName: 'cli', requestId: null }, { text, file: 'sf_fire_calls_2016-12-31_week.csv', mapping: SF_FIRE_MAPPING, jurisdiction: li, tiers: t.config.responseTiers });

  beforeAll(async () => {
    t = await startTestApp({ clock: () => now });
    admin = await loginAdmin(t.app);
    li = await jurisdictionByPath(t.app, 'li');
    const started = performance.now();
    first = await run();
    console.log(`imported ${first.rows} rows / ${first.calls} calls in ${Math.round(performance.now() - started)} ms`);
  }, 120_000);
  afterAll(async () => t?.close());

  it('imports every call once, as closed historical incidents with their number and every unit response', async () => {
    expect(expected).toMatchObject({ lines: 7704, calls: 3560 });
    expect(first).toMatchObject({ rows: 7704, calls: 3560, created: 3560, alreadyImported: 0, responses: 7704, rejected: [] });
    expect(await count(sql`select count(*)::int as n from incidents where origin = 'historical' and state = 'closed' and next_deadline_at is null`)).toBe(3560);
    expect(await count(sql`select count(distinct external_ref)::int as n from incidents where origin = 'historical'`)).toBe(3560);
    // Local San Francisco time read as such: 11:57:56 PM on New Year's Eve (PST) is 07:57:56Z.
    const [call] = await rows<{ receivedAt: Date; type: string; priority: string; narrative: string; lon: number; lat: number }>(t.app.platform.db, sql`
      select received_at as "receivedAt", type, priority, narrative, ST_X(location) as lon, ST_Y(location) as lat from incidents where external_ref = '163664050'`);
    expect(call).toMatchObject({ type: 'other', priority: 'P1', narrative: 'Citizen Assist / Service Call' });
    expect(new Date(call!.receivedAt).toISOString()).toBe('2017-01-01T07:57:56.000Z');
    expect([call!.lon, call!.lat]).toEqual([-122.456664252061, 37.745858648581]);
    const [unit] = await rows<{ label: string; type: string; dispatchedAt: Date; onSceneAt: Date }>(t.app.platform.db, sql`
      select unit_label as label, unit_type as type, dispatched_at as "dispatchedAt", on_scene_at as "onSceneAt"
      from imported_responses r join incidents i on i.id = r.incident_id where i.external_ref = '163664050'`);
    expect({ ...unit, dispatchedAt: new Date(unit!.dispatchedAt).toISOString(), onSceneAt: new Date(unit!.onSceneAt).toISOString() })
      .toEqual({ label: 'E39', type: 'ENGINE', dispatchedAt: '2017-01-01T07:59:42.000Z', onSceneAt: '2017-01-01T08:04:18.000Z' });
    // The incident list is operational: history only when asked for, with its number.
    const list = async (q: string) => (await t.app.inject({ method: 'GET', url: `/api/v1/incidents?limit=500${q}`, headers: { cookie: admin } })).json().items as { origin: string; externalRef: string | null }[];
    expect((await list('')).filter((i) => i.origin === 'historical')).toEqual([]);
    const history = await list('&origin=historical');
    expect(history).toHaveLength(500);
    expect(history.every((i) => i.origin === 'historical' && /^\d+$/.test(i.externalRef ?? ''))).toBe(true);
    // The imported units are the other department's: nothing entered our registry or dispatch.
    expect(await count(sql`select count(*)::int as n from assignments`)).toBe(0);
  });

  it('reports on the imported week what a straightforward recomputation from the raw CSV gives', async () => {
    const r = await report('&origin=historical');
    expect(r.origin).toBe('historical');
    expect(r.counts).toEqual({ incidents: 3560, dispatched: expected.callToDispatch.count, arrived: expected.callToArrival.count });
    for (const k of ['callToDispatch', 'dispatchToArrival', 'callToArrival'] as const) {
      expect(r[k].count, k).toBe(expected[k].count);
      // Rounded to whole seconds for humans (1033.4 -> 1033).
      expect(r[k].p50Seconds, k).toBe(Math.round(expected[k].p50Seconds));
      expect(r[k].p90Seconds, k).toBe(Math.round(expected[k].p90Seconds));
    }
    // The response clock was settled from the units' times: every tier of every call is decided.
    for (const tier of r.tiers) expect(tier.met + tier.missed).toBe(3560);
  });

  it('keeps history out of the default (live) report', async () => {
    const r = await report('');
    expect(r.origin).toBe('live');
    expect(r.counts).toEqual({ incidents: 0, dispatched: 0, arrived: 0 });
  });

  it('adds nothing when the same file is imported again, and audited each chunk', async () => {
    const before = await count(sql`select count(*)::int as n from audit_log`);
    const again = await run();
    expect(again).toMatchObject({ calls: 3560, created: 0, alreadyImported: 3560, responses: 0 });
    expect(await count(sql`select count(*)::int as n from incidents where origin = 'historical'`)).toBe(3560);
    expect(await count(sql`select count(*)::int as n from imported_responses`)).toBe(7704);
    expect(await count(sql`select count(*)::int as n from audit_log`)).toBe(before);
    const audits = await rows<{ after: { created: number; responses: number; mapping: string } }>(t.app.platform.db, sql`select after from audit_log where action = 'incidents.history_imported' order by id`);
    expect(audits).toHaveLength(Math.ceil(3560 / 500));
    expect(audits.reduce((s, a) => s + a.after.created, 0)).toBe(3560);
    expect(audits.reduce((s, a) => s + a.after.responses, 0)).toBe(7704);
    expect(audits.every((a) => a.after.mapping === 'sf-fire')).toBe(true);
  });

  it('imports over HTTP for an administrator, into the jurisdiction named, with the same figures', async () => {
    const unterland = await jurisdictionByPath(t.app, 'li.unterland');
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/history/imports', headers: { cookie: admin }, payload: { jurisdictionId: unterland.id, mapping: 'sf-fire', source: 'sf-week.csv', csv: text } });
    expect(res.statusCode, res.body.slice(0, 500)).toBe(201);
    expect(res.json()).toMatchObject({ file: 'sf-week.csv', mapping: 'sf-fire', jurisdictionPath: 'li.unterland', calls: 3560, created: 3560, alreadyImported: 0, responses: 7704, rejected: [] });
    const r = await t.app.inject({ method: 'GET', url: `/api/v1/reports/response-times?jurisdictionId=${unterland.id}&from=2016-12-01T00:00:00Z&to=2017-02-01T00:00:00Z&origin=historical`, headers: { cookie: admin } });
    expect(r.json().callToArrival.p90Seconds).toBe(Math.round(expected.callToArrival.p90Seconds));
    expect(r.json().counts.incidents).toBe(3560);
  });

  it('reads quoted fields holding commas, doubled quotes and line breaks right, names the line of a bad row after them, and refuses broken quoting with a 400', async () => {
    const vaduz = await jurisdictionByPath(t.app, 'li.oberland.vaduz');
    const mapping = {
      name: 'quoted-cad', timeZone: 'Europe/Vaduz', timeFormat: 'YYYY-MM-DD HH:mm:ss',
      columns: { callId: 'nr', receivedAt: 'received', type: 'kind', priority: 'prio', address: 'address', latitude: 'lat', longitude: 'lon', unit: 'unit', dispatchedAt: 'sent' },
      types: { 'Brand, Wohnhaus': 'fire' }, priorities: { '1': 'P1' },
    };
    const csv = [
      'nr,received,kind,prio,address,lat,lon,unit,sent',
      'Q-1,2024-07-01 10:00:00,"Brand, Wohnhaus",1,"Städtle 12,\r\n2. Stock, ""Hinterhaus""",47.14,9.52,"TLF, Vaduz",2024-07-01 10:01:00',
      'Q-2,2024-07-01 11:00:00,Sturm,9,"Aeulestrasse 5\nbeim Kreisel",47.139,9.523,,',
      'Q-3,later,Sturm,9,x,47.1,9.5,,',
    ].join('\n');
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/history/imports', headers: { cookie: admin }, payload: { jurisdictionId: vaduz.id, mapping, source: 'quoted.csv', csv, allowPartial: true } });
    expect(res.statusCode, res.body).toBe(201);
    // Q-3 starts on line 6: the two quoted line breaks above it count.
    expect(res.json()).toMatchObject({ calls: 2, created: 2, responses: 1, rejected: [{ line: 6, code: 'unreadable_time', callId: 'Q-3', reason: 'received "later" is not YYYY-MM-DD HH:mm:ss' }] });
    const made = await rows<{ ref: string; type: string; priority: string; address: string; narrative: string }>(t.app.platform.db, sql`
      select external_ref as ref, type, priority, address, narrative from incidents where external_ref in ('Q-1', 'Q-2') order by external_ref`);
    expect(made).toEqual([
      { ref: 'Q-1', type: 'fire', priority: 'P1', address: 'Städtle 12,\r\n2. Stock, "Hinterhaus"', narrative: 'Brand, Wohnhaus' },
      { ref: 'Q-2', type: 'other', priority: 'P3', address: 'Aeulestrasse 5\nbeim Kreisel', narrative: 'Sturm' },
    ]);
    const units = await rows<{ label: string }>(t.app.platform.db, sql`select r.unit_label as label from imported_responses r join incidents i on i.id = r.incident_id where i.external_ref = 'Q-1'`);
    expect(units).toEqual([{ label: 'TLF, Vaduz' }]);

    const broken = await t.app.inject({ method: 'POST', url: '/api/v1/history/imports', headers: { cookie: admin }, payload: { jurisdictionId: vaduz.id, mapping, csv: 'nr,received\nQ-9,"2024-07-01 10:00:00\n' } });
    expect(broken.statusCode, broken.body).toBe(400);
    expect(broken.json().errors[0]).toMatchObject({ path: 'body.csv', message: expect.stringMatching(/quote/i) });
  });
});
