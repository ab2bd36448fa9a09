import type { ReplayResult } from '@firebreak/contracts';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jurisdictionByPath, loginAdmin, startTestApp, type TestApp } from '../../../test/harness.js';
import { rows } from '../../platform/db/client.js';

const VADUZ: [number, number] = [9.5215, 47.141];
const SCHAAN: [number, number] = [9.5095, 47.165];
const TRIESEN: [number, number] = [9.528, 47.107];

describe('POST /replays: the period\'s calls replayed on the demo country', () => {
  let t: TestApp;
  let now = new Date('2026-04-06T06:00:00.000Z');
  let admin: string;
  let oberland: { id: string; path: string };
  const from = '2026-04-06T00:00:00.000Z';
  const to = '2026-04-07T00:00:00.000Z';
  const post = (payload: object) => t.app.inject({ method: 'POST', url: '/api/v1/replays', headers: { cookie: admin }, payload });
  const ok = async (method: 'POST', url: string, payload: object) => {
    const res = await t.app.inject({ method, url: `/api/v1${url}`, headers: { cookie: admin }, payload });
    expect(res.statusCode, res.body).toBeLessThan(300);
    return res.json();
  };

  beforeAll(async () => {
    t = await startTestApp({ clock: () => now });
    admin = await loginAdmin(t.app);
    oberland = await jurisdictionByPath(t.app, 'li.oberland');
    // Three calls an hour apart; the first one's ambulance is on scene after 150 s and clears after 20 min.
    const first = await ok('POST', '/incidents', { type: 'medical', priority: 'P1', location: VADUZ });
    const [ambulance] = await rows<{ id: string }>(t.app.platform.db, sql`select id from units where kind = 'ambulance' and jurisdiction_path <@ 'li.oberland' and on_duty order by call_sign limit 1`);
    const start = now.getTime();
    now = new Date(start + 60_000);
    const [sent] = (await ok('POST', `/incidents/${first.id}/assignments`, { unitIds: [ambulance!.id] })) as { id: string }[];
    now = new Date(start + 150_000);
    await ok('POST', `/assignments/${sent!.id}/actions`, { action: 'on_scene' });
    now = new Date(start + 1_350_000);
    await ok('POST', `/assignments/${sent!.id}/actions`, { action: 'clear' });
    now = new Date(start + 3_600_000);
    await ok('POST', '/incidents', { type: 'traffic_accident', priority: 'P2', location: SCHAAN });
    now = new Date(start + 7_200_000);
    await ok('POST', '/incidents', { type: 'fire', priority: 'P1', location: TRIESEN });
  }, 120_000);
  afterAll(async () => t?.close());

  it('replays the recorded fleet: every call, the recorded figures beside, the same answer for the same seed', async () => {
    const res = await post({ jurisdictionId: oberland.id, from, to, seed: 9 });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json<ReplayResult>();
    const [fleet] = await rows<{ n: number }>(t.app.platform.db, sql`select count(*)::int as n from units where jurisdiction_path <@ 'li.oberland'`);
    expect(body.calls).toEqual({ replayed: 3, offGraph: 0, doubtful: 0, relocated: 0, relocatedFrom: [] });
    expect(body.runs).toHaveLength(1);
    expect(body.runs[0]).toMatchObject({ name: 'recorded fleet', units: Number(fleet!.n), unanswered: 0 });
    expect(body.runs[0]!.overall.arrived).toBe(3);
    expect(body.runs[0]!.groups.map((g) => g.key)).toEqual(['P1', 'P2']);
    // Recorded: only the first call had a unit, on scene 150 s after the call.
    expect(body.recorded.overall).toMatchObject({ incidents: 3, arrived: 1 });
    expect(body.recorded.overall.total.p50Seconds).toBe(150);
    expect(body.deltas.map((d) => [d.run, d.versus, d.key])).toContainEqual(['recorded fleet', 'recorded', 'all']);
    const again = await post({ jurisdictionId: oberland.id, from, to, seed: 9 });
    expect(again.json()).toEqual(body);
  });

  it('replays a second deployment beside the first with the same draws', async () => {
    const [ambulances] = await rows<{ signs: string[] }>(t.app.platform.db, sql`select array_agg(call_sign) as signs from units where kind = 'ambulance' and jurisdiction_path <@ 'li.oberland'`);
    const res = await post({
      jurisdictionId: oberland.id, from, to, seed: 9,
      compare: { name: 'no ambulance', remove: ambulances!.signs },
    });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json<ReplayResult>();
    expect(body.runs.map((r) => r.name)).toEqual(['recorded fleet', 'no ambulance']);
    expect(body.runs[1]!.units).toBe(body.runs[0]!.units - ambulances!.signs.length);
    expect(body.deltas.some((d) => d.run === 'no ambulance' && d.versus === 'recorded fleet')).toBe(true);
  });

  it('replays the bundled SF week placed into the jurisdiction in one step, writing nothing; a sample needs origin historical', async () => {
    const week = { from: '2016-12-31T00:00:00.000Z', to: '2017-01-09T00:00:00.000Z' };
    const [before] = await rows<{ n: number }>(t.app.platform.db, sql`select count(*)::int as n from incidents`);
    const res = await post({ jurisdictionId: oberland.id, ...week, origin: 'historical', sample: 'sf-week', seed: 4 });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json<ReplayResult>();
    // Drawn where people are and the car graph reaches: every call replayed (97 with seed 4 in
    // Oberland were off the graph when buildings too far from every road were drawn too).
    expect(body.calls).toMatchObject({ replayed: 3560, offGraph: 0 });
    expect(body.calls).toMatchObject({ relocated: body.calls.replayed, relocatedFrom: ['sf_fire_calls_2016-12-31_week.csv'] });
    expect(body.runs[0]!.overall.arrived).toBeGreaterThan(0);
    expect((await post({ jurisdictionId: oberland.id, ...week, origin: 'historical', sample: 'sf-week', seed: 4 })).json()).toEqual(body);
    const [after] = await rows<{ n: number }>(t.app.platform.db, sql`select count(*)::int as n from incidents`);
    expect(after!.n).toBe(before!.n);
    const live = await post({ jurisdictionId: oberland.id, ...week, sample: 'sf-week' });
    expect(live.statusCode).toBe(400);
    expect(live.json()).toMatchObject({ errors: [{ path: 'body.origin' }] });
  }, 120_000);

  it('answers a jurisdiction outside the caller\'s scope as no jurisdiction, and an unknown unit with 422', async () => {
    const res = await post({ jurisdictionId: '00000000-0000-7000-8000-000000000000', from, to });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'VALIDATION_FAILED', errors: [{ path: 'body.jurisdictionId' }] });
    const bad = await post({ jurisdictionId: oberland.id, from, to, deployment: { remove: ['NOBODY'] } });
    expect(bad.statusCode).toBe(422);
    expect(bad.headers['content-type']).toContain('application/problem+json');
    expect(bad.json()).toMatchObject({ code: 'REPLAY_DEPLOYMENT_INVALID', errors: [{ path: 'body.deployment.remove.0' }] });
  });
});
