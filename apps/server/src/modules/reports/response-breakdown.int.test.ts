import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser, jurisdictionByPath, loginAdmin, startTestApp, type TestApp } from '../../../test/harness.js';
import { CallsMapping, importCalls, SF_FIRE_MAPPING } from '../history/index.js';
import { sweepResponseClocks } from '../incidents/index.js';

const VADUZ: [number, number] = [9.5215, 47.141];
const SCHAAN: [number, number] = [9.5095, 47.165];
const ESCHEN: [number, number] = [9.5225, 47.2115];
const SF_WEEK = new URL('../../../../../data/calls/sf_fire_calls_2016-12-31_week.csv', import.meta.url);

/** One unit of a played call, its steps in seconds from the call's receipt (sent together at `sentAt`). */
interface Step { kind: string; enRoute?: number; onScene?: number }
interface Call { where: [number, number]; path: string; type: string; priority: string; sentAt?: number; units?: Step[] }

describe('reports: response times broken down, with the NFPA 1710 components', () => {
  let t: TestApp;
  let now = new Date('2026-04-06T06:00:00.000Z');
  let admin: string;
  let from: string;
  let to: string;
  let oberland: { id: string; path: string };
  let li: { id: string; path: string };
  const call = (method: 'GET' | 'POST', url: string, payload?: object, cookie = admin) =>
    t.app.inject({ method, url: `/api/v1${url}`, headers: { cookie }, ...(payload ? { payload } : {}) });
  const ok = async (method: 'GET' | 'POST', url: string, payload?: object) => {
    const res = await call(method, url, payload);
    expect(res.statusCode, res.body).toBeLessThan(300);
    return res.json();
  };
  const report = (query: string) => ok('GET', `/reports/response-times/breakdown?jurisdictionId=${oberland.id}&from=${from}&to=${to}&${query}`);
  let unitNo = 0;

  /** Plays a call on the clock: receipt, units sent together, each en route and on scene when given; then 10 minutes pass. */
  async function play(c: Call): Promise<void> {
    const j = await jurisdictionByPath(t.app, c.path);
    const inc = await ok('POST', '/incidents', { type: c.type, priority: c.priority, location: c.where });
    const start = now.getTime();
    const at = (s: number) => void (now = new Date(start + s * 1000));
    if (c.sentAt !== undefined && c.units) {
      const unitIds: string[] = [];
      for (const u of c.units) unitIds.push((await ok('POST', '/units', { callSign: `B${++unitNo}`, kind: u.kind, jurisdictionId: j.id, homeLocation: c.where, crewSize: 2, onDuty: true })).id);
      at(c.sentAt);
      const sent = (await ok('POST', `/incidents/${inc.id}/assignments`, { unitIds })) as { id: string }[];
      const steps = c.units.flatMap((u, i) => [
        ...(u.enRoute === undefined ? [] : [{ s: u.enRoute, id: sent[i]!.id, action: 'en_route' }]),
        ...(u.onScene === undefined ? [] : [{ s: u.onScene, id: sent[i]!.id, action: 'on_scene' }]),
      ]).sort((a, b) => a.s - b.s);
      for (const step of steps) {
        at(step.s);
        await ok('POST', `/assignments/${step.id}/actions`, { action: step.action });
      }
    }
    at(600);
    await sweepResponseClocks(t.app.platform.command);
  }

  beforeAll(async () => {
    t = await startTestApp({ clock: () => now });
    admin = await loginAdmin(t.app);
    oberland = await jurisdictionByPath(t.app, 'li.oberland');
    li = await jurisdictionByPath(t.app, 'li');
    from = now.toISOString();
    // A: P1 fire in Vaduz. The engine is sent at 0:20 with the ambulance; the ambulance is first on scene.
    await play({ where: VADUZ, path: 'li.oberland.vaduz', type: 'fire', priority: 'P1', sentAt: 20, units: [{ kind: 'fire_engine', enRoute: 70, onScene: 290 }, { kind: 'ambulance', enRoute: 50, onScene: 170 }] });
    // B: P2 medical in Schaan: one ambulance, sent 0:40, en route 1:40, on scene 5:00.
    await play({ where: SCHAAN, path: 'li.oberland.schaan', type: 'medical', priority: 'P2', sentAt: 40, units: [{ kind: 'ambulance', enRoute: 100, onScene: 300 }] });
    // C: P1 fire in Vaduz: the engine goes straight on scene at 4:00 (no en-route time).
    await play({ where: VADUZ, path: 'li.oberland.vaduz', type: 'fire', priority: 'P1', sentAt: 30, units: [{ kind: 'fire_engine', onScene: 240 }] });
    // D: P3 medical in Vaduz: never sent.
    await play({ where: VADUZ, path: 'li.oberland.vaduz', type: 'medical', priority: 'P3' });
    // In the period but in Unterland, outside the subtree.
    await play({ where: ESCHEN, path: 'li.unterland.eschen', type: 'fire', priority: 'P1', sentAt: 5, units: [{ kind: 'fire_engine', enRoute: 6, onScene: 7 }] });
    to = now.toISOString();
  }, 180_000);
  afterAll(async () => t?.close());

  it('gives the four components over the whole subtree, rounded for humans, with % within N', async () => {
    const r = await report('by=priority&within=180,300');
    expect(r).toMatchObject({ jurisdictionPath: 'li.oberland', jurisdictionName: 'Wahlkreis Oberland', origin: 'live', by: 'priority', level: null, withinSeconds: [180, 300] });
    // Call processing 20, 40, 30 -> p50 30, p90 at rank 1.8 = 30 + 0.8 * 10 = 38.
    // First to arrive: A's ambulance (turnout 30, travel 120, total 170), B's ambulance (60, 200, 300),
    // C's engine (no en route: total 240 only).
    expect(r.overall).toMatchObject({
      key: 'all', name: 'Wahlkreis Oberland', incidents: 4, doubtfulTimes: 0, dispatched: 3, arrived: 3,
      callProcessing: { count: 3, p50Seconds: 30, p90Seconds: 38, inconsistent: 0 },
      turnout: { count: 2, p50Seconds: 45, p90Seconds: 57 },
      travel: { count: 2, p50Seconds: 160, p90Seconds: 192 },
      total: { count: 3, p50Seconds: 240, p90Seconds: 288, within: [{ seconds: 180, count: 1, percent: 33.3 }, { seconds: 300, count: 3, percent: 100 }] },
    });
    for (const k of ['callProcessing', 'turnout', 'travel', 'total'] as const) {
      for (const v of [r.overall[k].p50Seconds, r.overall[k].p90Seconds]) expect(Number.isInteger(v), k).toBe(true);
    }
    expect(r.overall.tiers.map((x: { tier: number }) => x.tier)).toEqual([1, 2, 3]);
    expect(r.groups.map((g: { key: string; incidents: number }) => [g.key, g.incidents])).toEqual([['P1', 2], ['P2', 1], ['P3', 1]]);
    expect(r.groups[0].total).toMatchObject({ count: 2, p50Seconds: 205 });
  });

  it('breaks down by incident type, by unit kind, and by jurisdiction at a level, by name', async () => {
    const byType = await report('by=type');
    expect(byType.groups.map((g: { key: string; incidents: number; arrived: number }) => [g.key, g.incidents, g.arrived])).toEqual([['fire', 2, 2], ['medical', 2, 1]]);
    const byKind = await report('by=unit_kind&within=240');
    const engine = byKind.groups.find((g: { key: string }) => g.key === 'fire_engine');
    // Engines: A sent 0:20, on scene 4:50 (turnout 50, travel 220); C sent 0:30, on scene 4:00.
    expect(engine).toMatchObject({ incidents: 2, callProcessing: { p50Seconds: 25 }, turnout: { count: 1, p50Seconds: 50 }, travel: { count: 1, p50Seconds: 220 }, total: { count: 2, p50Seconds: 265, within: [{ seconds: 240, count: 1, percent: 50 }] } });
    expect(byKind.groups.find((g: { key: string }) => g.key === 'ambulance')).toMatchObject({ incidents: 2, total: { p50Seconds: 235 } });
    const byPlace = await report('by=jurisdiction');
    expect(byPlace.level).toBe(3);
    expect(byPlace.groups.map((g: { key: string; name: string; incidents: number }) => [g.name, g.key, g.incidents])).toEqual([['Vaduz', 'li.oberland.vaduz', 3], ['Schaan', 'li.oberland.schaan', 1]]);
    const country = await ok('GET', `/reports/response-times/breakdown?jurisdictionId=${li.id}&from=${from}&to=${to}&by=jurisdiction&level=2`);
    expect(country.groups.map((g: { name: string; incidents: number }) => [g.name, g.incidents])).toEqual([['Wahlkreis Oberland', 4], ['Wahlkreis Unterland', 1]]);
  });

  it('exports the same figures as CSV, one line per group and measure', async () => {
    const res = await call('GET', `/reports/response-times/breakdown.csv?jurisdictionId=${oberland.id}&from=${from}&to=${to}&by=priority&within=180,300`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toContain('text/csv');
    expect(res.headers['content-disposition']).toContain('response-times-by-priority-li.oberland.csv');
    expect(res.body.startsWith('\uFEFF')).toBe(true);
    const [head, ...lines] = res.body.slice(1).trimEnd().split('\r\n').map((l) => l.split(','));
    expect(head).toEqual(['jurisdiction_path', 'from', 'to', 'origin', 'by', 'group', 'group_name', 'measure', 'count', 'p50_seconds', 'p90_seconds', 'pct_within_180s', 'pct_within_300s', 'inconsistent', 'met', 'missed', 'open', 'compliance_pct']);
    const row = (group: string, measure: string) => Object.fromEntries(head!.map((h, i) => [h, lines.find((l) => l[5] === group && l[7] === measure)![i]]));
    expect(row('all', 'total')).toMatchObject({ group_name: 'Wahlkreis Oberland', count: '3', p50_seconds: '240', p90_seconds: '288', pct_within_180s: '33.3', pct_within_300s: '100' });
    expect(row('P1', 'call_processing')).toMatchObject({ count: '2', p50_seconds: '25' });
    expect(row('all', 'incidents')).toMatchObject({ count: '4' });
    expect(lines.filter((l) => l[5] === 'P2').map((l) => l[7])).toEqual(['incidents', 'doubtful_times_excluded', 'call_processing', 'turnout', 'travel', 'total', 'tier_1', 'tier_2', 'tier_3']);
  });

  it('is described in the OpenAPI document with its query parameters', async () => {
    const res = await t.app.inject('/api/v1/openapi.json');
    expect(res.statusCode).toBe(200);
    const op = res.json().paths['/api/v1/reports/response-times/breakdown'].get;
    expect(op.parameters.map((p: { name: string }) => p.name)).toEqual(expect.arrayContaining(['jurisdictionId', 'from', 'to', 'origin', 'by', 'level', 'within']));
    expect(Object.keys(res.json().paths)).toContain('/api/v1/reports/response-times/breakdown.csv');
  });

  it('refuses bad input with a 400 naming the field, and a scope outside mine with a 404', async () => {
    const base = `jurisdictionId=${oberland.id}&from=${from}&to=${to}`;
    for (const [query, field] of [
      [`${base}&by=station`, 'query.by'],
      [`${base}&within=five`, 'query.within'],
      [`${base}&within=0,300`, 'query.within'],
      [`${base}&within=1,2,3,4,5,6,7`, 'query.within'],
      [`${base}&within=`, 'query.within'],
      [`${base}&level=0`, 'query.level'],
      [`${base}&origin=imagined`, 'query.origin'],
      [`jurisdictionId=${oberland.id}&from=${to}&to=${from}`, 'query.to'],
      [`${base}&groupBy=type`, 'query.groupBy'],
    ] as const) {
      for (const path of ['breakdown', 'breakdown.csv']) {
        const res = await call('GET', `/reports/response-times/${path}?${query}`);
        expect(res.statusCode, `${path}?${query}`).toBe(400);
        expect(res.headers['content-type']).toContain('application/problem+json');
        expect(res.json().code).toBe('VALIDATION_FAILED');
        expect(res.json().errors.map((f: { path: string }) => f.path), query).toContain(field);
      }
    }
    const vaduz = await createUser(t.app, 'dispatcher', 'li.oberland.vaduz');
    expect((await call('GET', `/reports/response-times/breakdown?${base}`, undefined, vaduz.cookie)).statusCode).toBe(404);
    const own = await call('GET', `/reports/response-times/breakdown?jurisdictionId=${(await jurisdictionByPath(t.app, 'li.oberland.vaduz')).id}&from=${from}&to=${to}`, undefined, vaduz.cookie);
    expect(own.json().overall.incidents).toBe(3);
  });

  it('reproduces the SF week from imported history, and leaves a call with a DST-doubtful time out with a count', async () => {
    const text = readFileSync(SF_WEEK, 'utf8');
    const ctx = { actor: null, actorName: 'cli', requestId: null };
    await importCalls(t.app.platform.command, ctx, { text, file: 'sf-week.csv', mapping: SF_FIRE_MAPPING, jurisdiction: li, tiers: t.config.responseTiers });
    const sf = await ok('GET', `/reports/response-times/breakdown?jurisdictionId=${li.id}&from=2016-12-31T00:00:00Z&to=2017-01-09T00:00:00Z&origin=historical&by=priority&within=300`);
    expect(sf.overall).toMatchObject({ incidents: 3560, doubtfulTimes: 0, arrived: 3429 });
    expect(sf.overall.callProcessing).toMatchObject({ p50Seconds: 113, p90Seconds: 265 });
    expect(sf.overall.total).toMatchObject({ p50Seconds: 390, p90Seconds: 1033, within: [{ seconds: 300, percent: 29.1 }] });
    const [p1, p2] = sf.groups;
    expect(p1).toMatchObject({ key: 'P1', incidents: 2098, total: { p50Seconds: 327, within: [{ percent: 41.6 }] } });
    expect(p2).toMatchObject({ key: 'P2', incidents: 1462, total: { p50Seconds: 647 } });
    const kinds = await ok('GET', `/reports/response-times/breakdown?jurisdictionId=${li.id}&from=2016-12-31T00:00:00Z&to=2017-01-09T00:00:00Z&origin=historical&by=unit_kind`);
    // Ambulances (MEDIC, PRIVATE) went to the most calls; engines next.
    expect(kinds.groups.slice(0, 2).map((g: { key: string }) => g.key)).toEqual(['ambulance', 'fire_engine']);

    // Two calls in Vaduz on the night clocks went back (02:00-03:00 happens twice): one of them doubtful.
    const mapping = CallsMapping.parse({
      name: 'dst-night', timeZone: 'Europe/Vaduz', timeFormat: 'YYYY-MM-DD HH:mm:ss',
      columns: { callId: 'nr', receivedAt: 'received', type: 'kind', priority: 'prio', unit: 'unit', dispatchedAt: 'sent', onSceneAt: 'arrived' },
      types: { Brand: 'fire' }, priorities: { '1': 'P1' },
    });
    const csv = ['nr,received,kind,prio,unit,sent,arrived', '1,2024-10-27 01:10:00,Brand,1,TLF,2024-10-27 01:11:00,2024-10-27 01:16:00', '2,2024-10-27 02:50:00,Brand,1,TLF,2024-10-27 02:51:00,2024-10-27 02:20:00'].join('\n');
    const vaduz = await jurisdictionByPath(t.app, 'li.oberland.vaduz');
    await importCalls(t.app.platform.command, ctx, { text: csv, file: 'dst.csv', mapping, jurisdiction: vaduz, tiers: t.config.responseTiers });
    const night = await ok('GET', `/reports/response-times/breakdown?jurisdictionId=${vaduz.id}&from=2024-10-26T00:00:00Z&to=2024-10-28T00:00:00Z&origin=historical&by=type`);
    expect(night.overall).toMatchObject({ incidents: 2, doubtfulTimes: 1, arrived: 1, total: { count: 1, p50Seconds: 360 } });
    expect(night.groups).toMatchObject([{ key: 'fire', incidents: 2, doubtfulTimes: 1 }]);
  }, 180_000);
});
