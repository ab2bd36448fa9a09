import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MajorIncident, Sitrep, SitrepRollup } from '@firebreak/contracts';
import { rows } from '../../platform/db/client.js';
import { Cast, jurisdictionByPath, startTestApp, type TestApp } from '../../../test/harness.js';

const MARKET: [number, number] = [9.5215, 47.141]; // Vaduz

describe('major incidents: a SITREP raises its resources requested as a reinforcement request to the level above the command', () => {
  let t: TestApp;
  const cast = new Cast(() => t.app);
  const call = (who: string, method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, payload?: object) => cast.call(who, method, url, payload);
  const ok = <T = MajorIncident>(who: string, method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, payload?: object) => cast.ok<T>(who, method, url, payload);
  const count = async (q: ReturnType<typeof sql>) => (await rows<{ n: number }>(t.app.platform.db, q))[0]!.n;
  const sitrep = (extra: object = {}) => ({
    situation: 'Gas explosion at the market hall; east wing collapsed.', resourcesCommitted: { units: 6, note: 'two engines, four ambulances' },
    resourcesRequested: { units: 2, note: 'two rescue teams for the east wing' }, cordonStatus: 'Inner cordon 120 m', nextSteps: 'Search the east wing.', ...extra,
  });

  /** A major incident with a commander's post held by the Vaduz duty officer, declared from an incident or at a point. */
  async function commanded(from: 'incident' | 'point'): Promise<MajorIncident> {
    const incident = from === 'incident'
      ? (await ok<{ id: string }>('dispatcher', 'POST', '/incidents', { type: 'fire', priority: 'P1', location: MARKET, narrative: 'Explosion at the market' })).id
      : undefined;
    const m = await ok('dispatcher', 'POST', '/major-incidents', incident ? { incidentId: incident, title: 'Market explosion', level: 'III' } : { location: MARKET, title: 'At a point', level: 'III' });
    const vaduz = (await jurisdictionByPath(t.app, 'li.oberland.vaduz')).id;
    const post = await ok<{ id: string }>('admin', 'POST', '/posts', { jurisdictionId: vaduz, kind: 'duty_post', title: `Incident commander ${m.id.slice(-6)}` });
    await ok('admin', 'POST', `/posts/${post.id}/handovers`, { userId: cast.users.duty!.id });
    return ok('duty', 'POST', `/major-incidents/${m.id}/positions`, { role: 'commander', postId: post.id });
  }

  beforeAll(async () => {
    t = await startTestApp();
    await cast.add('admin', 'administrator', 'li');
    await cast.add('dispatcher', 'dispatcher', 'li.oberland.vaduz');
    await cast.add('duty', 'duty_officer', 'li.oberland.vaduz');
    await cast.add('oberland', 'dispatcher', 'li.oberland');
    await cast.add('national', 'duty_officer', 'li');
    await cast.add('eschen', 'unit_member', 'li.unterland.eschen');
  }, 180_000);
  afterAll(async () => t?.close());

  it('asks the level above the command in the same transaction, and the SITREP shows the request as it moves on', { timeout: 120_000 }, async () => {
    const m = await commanded('incident');
    expect(m.command.path).toBe('li.oberland.vaduz');
    const sent = await call('duty', 'POST', `/major-incidents/${m.id}/sitreps`, sitrep({ reinforcement: { kind: 'rescue', count: 2 } }));
    expect(sent.statusCode, sent.body).toBe(201);
    const s = sent.json() as Sitrep;
    expect(s.reinforcement).toMatchObject({ state: 'open', kind: 'rescue', count: 2, granted: 0, targetPath: 'li.oberland' });
    const [request] = await rows<{ incidentId: string; note: string | null; target: string }>(t.app.platform.db, sql`select incident_id as "incidentId", note,
      target_path::text as target from reinforcement_requests where id = ${s.reinforcement!.requestId}`);
    expect(request).toEqual({ incidentId: m.incidentId, note: 'two rescue teams for the east wing', target: 'li.oberland' });
    expect(await count(sql`select count(*)::int as n from outbox where type = 'reinforcements.requested' and data->>'id' = ${s.reinforcement!.requestId} and jurisdiction_path = 'li.oberland'`)).toBe(1);

    // The region refuses: the request goes up to the country, and the SITREP says so.
    await ok('oberland', 'POST', `/reinforcement-requests/${s.reinforcement!.requestId}/refuse`, { reason: 'Our rescue teams are committed in Schaan' });
    const [listed] = await ok<Sitrep[]>('duty', 'GET', `/major-incidents/${m.id}/sitreps`);
    expect(listed!.reinforcement).toMatchObject({ requestId: s.reinforcement!.requestId, state: 'open', targetPath: 'li' });

    // A SITREP without one raises none.
    const plain = await ok<Sitrep>('duty', 'POST', `/major-incidents/${m.id}/sitreps`, sitrep());
    expect(plain.reinforcement).toBeNull();
    expect(await count(sql`select count(*)::int as n from reinforcement_requests where incident_id = ${m.incidentId}`)).toBe(1);
  });

  it('refuses a request it cannot raise with the field named, and stores neither the SITREP nor the request', { timeout: 120_000 }, async () => {
    const atPoint = await commanded('point');
    const fromIncident = await commanded('incident');
    const cases: [string, object, number, string, string][] = [
      [atPoint.id, { reinforcement: { kind: 'rescue', count: 1 } }, 422, 'MAJOR_INCIDENT_NO_INCIDENT', 'body.reinforcement'],
      [fromIncident.id, { reinforcement: { count: 1 } }, 400, 'VALIDATION_FAILED', 'body.reinforcement.kind'],
      [fromIncident.id, { reinforcement: { kind: 'rescue', count: 0 } }, 400, 'VALIDATION_FAILED', 'body.reinforcement.count'],
      [fromIncident.id, { reinforcement: { capability: 'unicorn_taming', count: 1 } }, 400, 'VALIDATION_FAILED', 'body.reinforcement.capability'],
    ];
    for (const [id, extra, status, code, field] of cases) {
      const res = await call('duty', 'POST', `/major-incidents/${id}/sitreps`, sitrep(extra));
      expect(res.statusCode, res.body).toBe(status);
      expect(res.json().code).toBe(code);
      expect(res.json().errors.map((e: { path: string }) => e.path)).toContain(field);
    }
    expect(await count(sql`select count(*)::int as n from major_incident_sitreps where major_incident_id in (${atPoint.id}, ${fromIncident.id})`)).toBe(0);
    expect(await count(sql`select count(*)::int as n from reinforcement_requests where incident_id = ${fromIncident.incidentId}`)).toBe(0);
  });

  it('rolls the latest SITREPs up at the national level: totals, by region, each incident with its last report', { timeout: 120_000 }, async () => {
    const rollup = await ok<SitrepRollup>('national', 'GET', '/major-incidents/rollup');
    const active = await count(sql`select count(*)::int as n from major_incidents where state = 'active'`);
    expect(active).toBeGreaterThanOrEqual(3);
    expect(rollup.totals.active).toBe(active);
    expect(rollup.totals.byLevel.III).toBe(active);
    expect(rollup.areas.map((a) => [a.path, a.active])).toEqual([['li.oberland', active]]);
    const withReports = rollup.incidents.filter((i) => i.last !== null);
    expect(withReports).toHaveLength(1);
    const [reported] = await rows<{ id: string; seq: number }>(t.app.platform.db, sql`select major_incident_id as id, max(seq)::int as seq from major_incident_sitreps group by 1`);
    expect(withReports[0]).toMatchObject({ id: reported!.id, last: { seq: reported!.seq, unitsRequested: 2, unitsCommitted: 6 } });
    expect(rollup.totals.withoutSitrep).toBe(active - 1);
    expect(rollup.totals.unitsRequested).toBe(2);
    // Another region's crew sees none of them.
    expect((await ok<SitrepRollup>('eschen', 'GET', '/major-incidents/rollup')).totals.active).toBe(0);
    const bad = await call('national', 'GET', '/major-incidents/rollup?exercise=maybe');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].path).toBe('query.exercise');
  });
});
