import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rows } from '../../platform/db/client.js';
import { Cast, startTestApp, type TestApp } from '../../../test/harness.js';
import { ensureDemoMajorIncident } from './index.js';

describe('the demo world holds a major incident to work: the gas explosion exercise, its alert awaiting approval', () => {
  let t: TestApp;
  const cast = new Cast(() => t.app);
  const ok = (...a: Parameters<Cast['ok']>) => cast.ok(...a);

  beforeAll(async () => {
    t = await startTestApp();
    await cast.add('commander', 'commander', 'li');
    await cast.add('dispatcher', 'dispatcher', 'li.oberland.vaduz');
  }, 180_000);
  afterAll(async () => t?.close());

  it('plays once (a second start adds nothing), staffed from the duty posts, and the demo commander can approve its alert', { timeout: 180_000 }, async () => {
    // The region's duty post, as the demo staffs it (ensureDemoPosts): the incident commander's position goes to it.
    const [oberland] = await rows<{ id: string }>(t.app.platform.db, sql`select id from jurisdictions where path = 'li.oberland'`);
    const duty = await ok('admin', 'POST', '/posts', { jurisdictionId: oberland!.id, kind: 'duty_post', title: 'Duty officer, Oberland' });

    const played = await ensureDemoMajorIncident(t.app.platform);
    expect(played).not.toBeNull();
    expect(await ensureDemoMajorIncident(t.app.platform)).toBeNull();
    const [n] = await rows<{ n: number }>(t.app.platform.db, sql`select count(*)::int as n from major_incidents`);
    expect(n!.n).toBe(1);

    // What the demo commander finds on the board.
    const list = await ok('commander', 'GET', '/major-incidents');
    const items = Array.isArray(list) ? list : list.items;
    expect(items).toHaveLength(1);
    const m = await ok('commander', 'GET', `/major-incidents/${items[0].id}`);
    expect(m).toMatchObject({ exercise: true, state: 'active', sitrep: { count: 1 } });
    // The standing demo exercise closes no live roads: a newcomer's first call in Vaduz is routed as without it.
    expect(m.cordons.map((c: { kind: string; closesRoads: boolean }) => [c.kind, c.closesRoads])).toEqual([['inner', false], ['outer', false]]);
    expect(m.positions.filter((p: { role: string }) => p.role === 'sector')).toHaveLength(2);
    // The outer cordon's traffic control points are computed from the road graph, every one offered to the patrols.
    const computed = m.points.filter((p: { cordon: string | null }) => p.cordon === 'outer');
    expect(computed.length).toBeGreaterThan(2);
    expect(computed.every((p: { kind: string; patrol: unknown; roads: number }) => p.kind === 'traffic_control' && p.patrol === null && p.roads >= 1)).toBe(true);
    expect(m.positions.find((p: { role: string }) => p.role === 'commander').holder.postId).toBe(duty.id);
    // A dispatcher of Vaduz sees it too (where it happened).
    expect((await cast.call('dispatcher', 'GET', `/major-incidents/${m.id}`)).statusCode).toBe(200);

    expect(await ok('commander', 'GET', `/major-incidents/${m.id}/alerts`)).toEqual([]);
    const [draft] = await ok('commander', 'GET', `/major-incidents/${m.id}/alert-drafts`);
    expect(draft).toMatchObject({ state: 'pending', msgType: 'Alert', composedBy: 'Exercise director' });
    expect(draft.alert.info.map((i: { language: string }) => i.language)).toEqual(['en-US', 'zh-CN']);
    const alert = await ok('commander', 'POST', `/major-incidents/${m.id}/alert-drafts/${draft.id}/approve`);
    expect(alert).toMatchObject({ status: 'Exercise', msgType: 'Alert', composedBy: 'Exercise director' });
    const feed = await t.app.inject({ method: 'GET', url: '/api/v1/public-alerts/exercise.atom' });
    expect(feed.body).toContain(`href="${alert.id}.xml"`);
    await t.app.roadClosures.settled();
  });
});
