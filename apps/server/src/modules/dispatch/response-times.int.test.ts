import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser, jurisdictionByPath, loginAdmin, startTestApp, type TestApp } from '../../../test/harness.js';
import { sweepResponseClocks } from '../incidents/index.js';

const VADUZ: [number, number] = [9.5215, 47.141];
const SCHAAN: [number, number] = [9.5095, 47.165];
const ESCHEN: [number, number] = [9.5225, 47.2115];

/**
 * One call of the seeded history, in seconds from its receipt: when units were sent, when each
 * responded (acknowledged) and arrived. Calls follow each other on the injected clock.
 */
interface Call {
  where: [number, number];
  path: string;
  priority: string;
  units?: number;
  sentAt?: number;
  acknowledgedAt?: number;
  onSceneAt?: number[];
}

describe('reports: response times and tier compliance per jurisdiction subtree and period', () => {
  let t: TestApp;
  let now = new Date('2026-03-16T06:00:00.000Z');
  let admin: string;
  let from: string;
  let to: string;
  let oberlandId: string;
  let schaanId: string;
  const call = (method: 'GET' | 'POST', url: string, payload?: object, cookie = admin) =>
    t.app.inject({ method, url: `/api/v1${url}`, headers: { cookie }, ...(payload ? { payload } : {}) });
  const ok = async (method: 'GET' | 'POST', url: string, payload?: object) => {
    const res = await call(method, url, payload);
    expect(res.statusCode, res.body).toBeLessThan(300);
    return res.json();
  };
  let unitNo = 0;

  /** Plays one call on the clock: receipt, units sent, acknowledged, on scene; then 10 minutes pass. */
  async function play(c: Call): Promise<void> {
    const j = await jurisdictionByPath(t.app, c.path);
    const inc = await ok('POST', '/incidents', { type: 'fire', priority: c.priority, location: c.where });
    const start = now.getTime();
    const at = (s: number) => void (now = new Date(start + s * 1000));
    if (c.sentAt !== undefined) {
      const unitIds: string[] = [];
      for (let i = 0; i < (c.units ?? 1); i++) {
        unitIds.push((await ok('POST', '/units', { callSign: `R${++unitNo}`, kind: 'patrol_car', jurisdictionId: j.id, homeLocation: c.where, crewSize: 2, onDuty: true })).id);
      }
      at(c.sentAt);
      const sent = (await ok('POST', `/incidents/${inc.id}/assignments`, { unitIds })) as { id: string }[];
      if (c.acknowledgedAt !== undefined) {
        at(c.acknowledgedAt);
        await ok('POST', `/assignments/${sent[0]!.id}/actions`, { action: 'acknowledge' });
      }
      for (const [i, s] of (c.onSceneAt ?? []).entries()) {
        at(s);
        await ok('POST', `/assignments/${sent[i]!.id}/actions`, { action: 'on_scene' });
      }
    }
    at(600);
    await sweepResponseClocks(t.app.platform.command);
  }

  beforeAll(async () => {
    t = await startTestApp({ clock: () => now });
    admin = await loginAdmin(t.app);
    oberlandId = (await jurisdictionByPath(t.app, 'li.oberland')).id;
    schaanId = (await jurisdictionByPath(t.app, 'li.oberland.schaan')).id;
    // Before the period: would pull every time down if counted.
    await play({ where: VADUZ, path: 'li.oberland.vaduz', priority: 'P3', sentAt: 5, acknowledgedAt: 6, onSceneAt: [10] });
    from = now.toISOString();
    await play({ where: VADUZ, path: 'li.oberland.vaduz', priority: 'P1', units: 2, sentAt: 20, acknowledgedAt: 40, onSceneAt: [150, 170] }); // A
    await play({ where: VADUZ, path: 'li.oberland.vaduz', priority: 'P2', sentAt: 40, acknowledgedAt: 80, onSceneAt: [260] }); // B
    await play({ where: SCHAAN, path: 'li.oberland.schaan', priority: 'P3', sentAt: 30, acknowledgedAt: 50, onSceneAt: [200] }); // C
    await play({ where: VADUZ, path: 'li.oberland.vaduz', priority: 'P1', sentAt: 60 }); // D: sent, never acknowledged nor arrived
    await play({ where: VADUZ, path: 'li.oberland.vaduz', priority: 'P4' }); // E: never sent
    // In the period but in Unterland, outside the subtree.
    await play({ where: ESCHEN, path: 'li.unterland.eschen', priority: 'P3', sentAt: 1, acknowledgedAt: 2, onSceneAt: [3] });
    to = now.toISOString();
    // At `to`: the period ends before it.
    await play({ where: VADUZ, path: 'li.oberland.vaduz', priority: 'P3', sentAt: 1, acknowledgedAt: 2, onSceneAt: [3] });
  }, 120_000);
  afterAll(async () => t?.close());

  it('gives p50/p90 by percentile_cont over the first unit of each incident, and tier compliance', async () => {
    const report = await ok('GET', `/reports/response-times?jurisdictionId=${oberlandId}&from=${from}&to=${to}`);
    // By hand, A-E. Call to dispatch 20, 40, 30, 60 -> sorted 20 30 40 60: p50 at rank 1.5 = 35,
    // p90 at rank 2.7 = 40 + 0.7 * 20 = 54. Dispatch to arrival A 130, B 220, C 170 -> 130 170 220:
    // p50 170, p90 at rank 1.8 = 170 + 0.8 * 50 = 210. Call to arrival 150 200 260: p50 200, p90 248.
    expect(report).toMatchObject({
      jurisdictionId: oberlandId, jurisdictionPath: 'li.oberland', from, to,
      counts: { incidents: 5, dispatched: 4, arrived: 3 },
      callToDispatch: { count: 4, p50Seconds: 35, p90Seconds: 54 },
    });
    expect(report.dispatchToArrival.count).toBe(3);
    expect(report.dispatchToArrival.p50Seconds).toBeCloseTo(170, 6);
    expect(report.dispatchToArrival.p90Seconds).toBeCloseTo(210, 6);
    expect(report.callToArrival.p50Seconds).toBeCloseTo(200, 6);
    expect(report.callToArrival.p90Seconds).toBeCloseTo(248, 6);
    // Tier 1 (a unit responded by 1:00): A 0:40 and C 0:50 met; B 1:20, D and E missed -> 2/5.
    // Tier 2 (one on scene by 3:00): A 2:30 met; B 4:20, C 3:20, D, E missed -> 1/5.
    // Tier 3 (two on scene by 5:00): only A had two, at 2:30 and 2:50 -> 1/5.
    expect(report.tiers).toEqual([
      { tier: 1, met: 2, missed: 3, open: 0, complianceRate: 0.4 },
      { tier: 2, met: 1, missed: 4, open: 0, complianceRate: 0.2 },
      { tier: 3, met: 1, missed: 4, open: 0, complianceRate: 0.2 },
    ]);
  });

  it('narrows to a subtree: Schaan has only C', async () => {
    const report = await ok('GET', `/reports/response-times?jurisdictionId=${schaanId}&from=${from}&to=${to}`);
    expect(report).toMatchObject({
      counts: { incidents: 1, dispatched: 1, arrived: 1 },
      callToDispatch: { count: 1, p50Seconds: 30, p90Seconds: 30 },
      dispatchToArrival: { count: 1, p50Seconds: 170, p90Seconds: 170 },
      callToArrival: { count: 1, p50Seconds: 200, p90Seconds: 200 },
    });
    expect(report.tiers.map((x: { met: number }) => x.met)).toEqual([1, 0, 0]);
  });

  it('exports the same numbers as CSV', async () => {
    const res = await call('GET', `/reports/response-times.csv?jurisdictionId=${oberlandId}&from=${from}&to=${to}`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toContain('text/csv');
    expect(res.body.startsWith('\uFEFF'), 'a byte-order mark, so Excel reads UTF-8').toBe(true);
    const [head, ...lines] = res.body.slice(1).trimEnd().split('\r\n').map((l) => l.split(','));
    const byMeasure = new Map(lines.map((l) => [l[3], Object.fromEntries(head!.map((h, i) => [h, l[i]]))]));
    expect([...byMeasure.keys()]).toEqual(['incidents', 'doubtful_times_excluded', 'call_to_dispatch', 'dispatch_to_arrival', 'call_to_arrival', 'tier_1', 'tier_2', 'tier_3']);
    expect(byMeasure.get('incidents')).toMatchObject({ jurisdiction_path: 'li.oberland', from, to, count: '5' });
    expect(byMeasure.get('call_to_dispatch')).toMatchObject({ count: '4', p50_seconds: '35', p90_seconds: '54' });
    expect(Number(byMeasure.get('call_to_arrival')!.p90_seconds)).toBeCloseTo(248, 6);
    expect(byMeasure.get('tier_1')).toMatchObject({ count: '5', met: '2', missed: '3', open: '0', compliance_rate: '0.4' });
  });

  it('counts an empty period as empty, refuses bad input with a 400 and a scope outside mine with a 404', async () => {
    const empty = await ok('GET', `/reports/response-times?jurisdictionId=${oberlandId}&from=${new Date(Date.parse(from) - 1000).toISOString()}&to=${from}`);
    expect(empty).toMatchObject({ counts: { incidents: 0, dispatched: 0, arrived: 0 }, callToDispatch: { count: 0, p50Seconds: null, p90Seconds: null }, tiers: [] });
    for (const query of [`jurisdictionId=${oberlandId}&from=${to}&to=${from}`, `jurisdictionId=${oberlandId}&from=yesterday&to=${to}`, `from=${from}&to=${to}`, `jurisdictionId=nope&from=${from}&to=${to}`]) {
      expect((await call('GET', `/reports/response-times?${query}`)).statusCode, query).toBe(400);
    }
    const vaduz = await createUser(t.app, 'dispatcher', 'li.oberland.vaduz');
    expect((await call('GET', `/reports/response-times?jurisdictionId=${oberlandId}&from=${from}&to=${to}`, undefined, vaduz.cookie)).statusCode).toBe(404);
    expect((await call('GET', `/reports/response-times.csv?jurisdictionId=${schaanId}&from=${from}&to=${to}`, undefined, vaduz.cookie)).statusCode).toBe(404);
    const own = await call('GET', `/reports/response-times?jurisdictionId=${(await jurisdictionByPath(t.app, 'li.oberland.vaduz')).id}&from=${from}&to=${to}`, undefined, vaduz.cookie);
    expect(own.json().counts).toEqual({ incidents: 4, dispatched: 3, arrived: 2 });
  });
});
