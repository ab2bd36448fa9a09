import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rows } from '../../platform/db/client.js';
import { jurisdictionByPath, startTestApp, type TestApp, Cast } from '../../../test/harness.js';
import { markOverdueTasks } from './index.js';

const HOUR = 3_600_000;

describe('tasks: a directive broken down to posts, progress rolled up, overdue found', () => {
  let t: TestApp;
  let now = new Date('2026-06-01T07:00:00.000Z');
  const cast = new Cast(() => t.app);
  const posts: Record<string, string> = {};
  let directiveId: string;
  const advance = (ms: number) => {
    now = new Date(now.getTime() + ms);
    cast.forgetSessions();
  };
  const call = (who: string, method: 'GET' | 'POST', url: string, payload?: object) => cast.call(who, method, url, payload);
  const hoursAhead = (h: number) => new Date(now.getTime() + h * HOUR).toISOString();
  async function task(who: string, post: string, title: string, dueInHours: number, extra: { parentTaskId?: string; weight?: number } = {}) {
    const res = await call(who, 'POST', '/tasks', { directiveId, ownerPostId: posts[post], title, dueAt: hoursAhead(dueInHours), ...extra });
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as { id: string; percent: number; status: string };
  }
  const report = (who: string, id: string, percent: number) => call(who, 'POST', `/tasks/${id}/reports`, { percent, note: `${percent}% done` });
  const percentOf = async (id: string) => (await call('commander', 'GET', `/tasks/${id}`)).json().percent;

  beforeAll(async () => {
    t = await startTestApp({ clock: () => now });
    for (const [name, role, path] of [
      ['commander', 'commander', 'li.oberland'], ['vaduzDuty', 'duty_officer', 'li.oberland.vaduz'], ['vaduzCrew', 'unit_member', 'li.oberland.vaduz'],
      ['schaanDuty', 'duty_officer', 'li.oberland.schaan'], ['eschenDuty', 'duty_officer', 'li.unterland.eschen'], ['eschenCommander', 'commander', 'li.unterland.eschen'],
    ] as const) {
      await cast.add(name, role, path);
    }
    const ids: Record<string, string> = {};
    for (const p of ['li.oberland', 'li.oberland.vaduz', 'li.oberland.schaan', 'li.unterland.eschen']) ids[p] = (await jurisdictionByPath(t.app, p)).id;
    for (const [key, path, kind] of [
      ['vaduzLeader', 'li.oberland.vaduz', 'leader'], ['vaduzDuty', 'li.oberland.vaduz', 'duty_post'], ['vaduzHead', 'li.oberland.vaduz', 'head_of_department'],
      ['schaanDuty', 'li.oberland.schaan', 'duty_post'], ['eschenDuty', 'li.unterland.eschen', 'duty_post'],
    ] as const) {
      const res = await call(path === 'li.unterland.eschen' ? 'eschenCommander' : 'commander', 'POST', '/posts', { jurisdictionId: ids[path], kind, title: key });
      expect(res.statusCode, res.body).toBe(201);
      posts[key] = res.json().id;
    }
    const d = await call('commander', 'POST', '/directives', {
      issuerJurisdictionId: ids['li.oberland'], title: 'School exits', content: 'Check every school exit', requiredActions: ['Walk every exit'],
      targetJurisdictionIds: [ids['li.oberland.vaduz'], ids['li.oberland.schaan']], acknowledgeBy: hoursAhead(4), reportBy: hoursAhead(96),
    });
    expect(d.statusCode, d.body).toBe(201);
    directiveId = d.json().id;
  }, 120_000);
  afterAll(async () => t?.close());

  it('rolls progress up a three-level breakdown as the weighted mean of each task’s subtasks', async () => {
    const root = await task('vaduzDuty', 'vaduzLeader', 'Vaduz: all school exits', 72);
    const exits = await task('vaduzDuty', 'vaduzDuty', 'Walk the exits', 48, { parentTaskId: root.id, weight: 3 });
    const paperwork = await task('vaduzDuty', 'vaduzHead', 'File the findings', 72, { parentTaskId: root.id, weight: 1 });
    const north = await task('vaduzDuty', 'vaduzDuty', 'North schools', 24, { parentTaskId: exits.id });
    const south = await task('vaduzDuty', 'vaduzDuty', 'South schools', 48, { parentTaskId: exits.id });

    expect((await report('vaduzCrew', north.id, 100)).json()).toMatchObject({ percent: 100, status: 'done' });
    expect((await report('vaduzCrew', south.id, 50)).statusCode).toBe(201);
    expect(await percentOf(exits.id)).toBe(75);
    expect(await percentOf(root.id)).toBe(56.25);
    await report('vaduzCrew', paperwork.id, 100);
    expect((await call('commander', 'GET', `/tasks/${root.id}`)).json()).toMatchObject({ percent: 81.25, status: 'in_progress' });

    // A new subtask starts at nothing and pulls its parents down at once.
    const west = await task('vaduzDuty', 'vaduzDuty', 'West schools', 24, { parentTaskId: exits.id, weight: 2 });
    expect(await percentOf(exits.id)).toBe(37.5);
    expect(await percentOf(root.id)).toBe((3 * 37.5 + 100) / 4);
    const onParent = await report('vaduzCrew', exits.id, 100);
    expect(onParent.statusCode).toBe(409);
    expect(onParent.json().code).toBe('TASK_HAS_SUBTASKS');
    await report('vaduzCrew', south.id, 100);
    await report('vaduzCrew', west.id, 100);
    expect((await call('commander', 'GET', `/tasks/${root.id}`)).json()).toMatchObject({ percent: 100, status: 'done' });

    const detail = (await call('vaduzCrew', 'GET', `/tasks/${south.id}`)).json();
    expect(detail.reports.map((r: { percent: number }) => r.percent)).toEqual([50, 100]);
    const audit = await rows<{ action: string }>(t.app.platform.db, sql`select action from audit_log where entity_type = 'task' and entity_id = ${south.id} order by seq`);
    expect(audit.map((a) => a.action)).toEqual(['tasks.created', 'tasks.progress_reported', 'tasks.progress_reported']);
  });

  it('hands work down only to posts under the directive’s targets and under the parent task', async () => {
    const outside = await call('commander', 'POST', '/tasks', { directiveId, ownerPostId: posts.eschenDuty, title: 'x', dueAt: hoursAhead(24) });
    expect(outside.statusCode).toBe(400);
    const root = await task('schaanDuty', 'schaanDuty', 'Schaan: all school exits', 48);
    const sideways = await call('commander', 'POST', '/tasks', { directiveId, parentTaskId: root.id, ownerPostId: posts.vaduzDuty, title: 'x', dueAt: hoursAhead(24) });
    expect(sideways.statusCode).toBe(422);
    expect(sideways.json()).toMatchObject({ code: 'TASK_OWNER_OUTSIDE_SUBTREE', errors: [{ path: 'body.ownerPostId' }] });
    const later = await call('schaanDuty', 'POST', '/tasks', { directiveId, parentTaskId: root.id, ownerPostId: posts.schaanDuty, title: 'x', dueAt: hoursAhead(49) });
    expect(later.json().errors[0].path).toBe('body.dueAt');
    expect((await call('vaduzDuty', 'POST', '/tasks', { directiveId, parentTaskId: root.id, ownerPostId: posts.schaanDuty, title: 'x', dueAt: hoursAhead(1) })).statusCode).toBe(400);
    expect((await call('vaduzDuty', 'POST', '/tasks', { directiveId, ownerPostId: posts.schaanDuty, title: 'x', dueAt: hoursAhead(1) })).statusCode).toBe(400);
    expect((await report('vaduzCrew', root.id, 10)).statusCode).toBe(404);
    expect((await call('eschenDuty', 'GET', `/tasks?directiveId=${directiveId}`)).statusCode).toBe(404);
    const schaanView = (await call('schaanDuty', 'GET', `/tasks?directiveId=${directiveId}`)).json();
    expect(new Set(schaanView.map((x: { jurisdictionPath: string }) => x.jurisdictionPath))).toEqual(new Set(['li.oberland.schaan']));
  });

  it('finds unfinished tasks past their due date once, on the injected clock', async () => {
    const root = await task('schaanDuty', 'schaanDuty', 'Schaan: drills', 10);
    const done = await task('schaanDuty', 'schaanDuty', 'Drill A', 5, { parentTaskId: root.id });
    const late = await task('schaanDuty', 'schaanDuty', 'Drill B', 5, { parentTaskId: root.id });
    await report('schaanDuty', done.id, 100);
    await report('schaanDuty', late.id, 30);
    advance(6 * HOUR);
    await markOverdueTasks(t.app.platform.command);
    await markOverdueTasks(t.app.platform.command);
    advance(5 * HOUR);
    await markOverdueTasks(t.app.platform.command);
    const events = await rows<{ id: string; path: string; at: string }>(t.app.platform.db,
      sql`select data->>'id' as id, jurisdiction_path::text as path, occurred_at::text as at from outbox where type = 'tasks.overdue' and data->>'directiveId' = ${directiveId} order by seq`);
    const mine = events.filter((e) => [root.id, done.id, late.id].includes(e.id));
    expect(mine.map((e) => e.id)).toEqual([late.id, root.id]);
    expect(new Set(mine.map((e) => e.path))).toEqual(new Set(['li.oberland.schaan']));
    expect((await call('schaanDuty', 'GET', `/tasks/${late.id}`)).json()).toMatchObject({ overdue: true, status: 'in_progress' });
    expect((await call('schaanDuty', 'GET', `/tasks/${done.id}`)).json()).toMatchObject({ overdue: false, overdueAt: null, status: 'done' });
  });
});
