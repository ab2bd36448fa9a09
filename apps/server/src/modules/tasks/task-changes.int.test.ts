import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rows } from '../../platform/db/client.js';
import { Cast, jurisdictionByPath, startTestApp, type TestApp } from '../../../test/harness.js';
import { markOverdueTasks } from './index.js';

const HOUR = 3_600_000;
const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from('photo of the hydrant')]);

describe('tasks: reassignment and re-decomposition with history, evidence on reports, escalation when overdue', () => {
  let t: TestApp;
  let now = new Date('2026-06-01T07:00:00.000Z');
  const cast = new Cast(() => t.app);
  const call = (who: string, method: 'GET' | 'POST', url: string, payload?: object) => cast.call(who, method, url, payload);
  const hoursAhead = (h: number) => new Date(now.getTime() + h * HOUR).toISOString();
  const posts: Record<string, string> = {};
  const ids: Record<string, string> = {};
  let directiveId: string;
  async function task(post: string, title: string, dueInHours: number, extra: object = {}) {
    const res = await call('vaduzDuty', 'POST', '/tasks', { directiveId, ownerPostId: posts[post], title, dueAt: hoursAhead(dueInHours), ...extra });
    expect(res.statusCode, res.body).toBe(201);
    return res.json().id as string;
  }
  const percentOf = async (id: string) => (await call('commander', 'GET', `/tasks/${id}`)).json().percent;

  beforeAll(async () => {
    t = await startTestApp({ clock: () => now, config: { sessionTtlHours: 24 * 30 } });
    for (const [name, role, path] of [
      ['commander', 'commander', 'li.oberland'], ['vaduzDuty', 'duty_officer', 'li.oberland.vaduz'], ['vaduzCrew', 'unit_member', 'li.oberland.vaduz'], ['schaanDuty', 'duty_officer', 'li.oberland.schaan'],
    ] as const) await cast.add(name, role, path);
    for (const p of ['li.oberland', 'li.oberland.vaduz', 'li.oberland.schaan']) ids[p] = (await jurisdictionByPath(t.app, p)).id;
    for (const [key, path, kind] of [['vaduzDuty', 'li.oberland.vaduz', 'duty_post'], ['vaduzHead', 'li.oberland.vaduz', 'head_of_department'], ['schaanDuty', 'li.oberland.schaan', 'duty_post'], ['oberlandDuty', 'li.oberland', 'duty_post']] as const) {
      posts[key] = (await call('commander', 'POST', '/posts', { jurisdictionId: ids[path], kind, title: key })).json().id;
    }
    await call('commander', 'POST', `/posts/${posts.oberlandDuty}/handovers`, { userId: cast.users.commander!.id });
    const d = await call('commander', 'POST', '/directives', {
      issuerJurisdictionId: ids['li.oberland'], title: 'Hydrants', content: 'Check every hydrant', requiredActions: ['Check'],
      targetJurisdictionIds: [ids['li.oberland.vaduz'], ids['li.oberland.schaan']], acknowledgeBy: hoursAhead(4), reportBy: hoursAhead(96),
    });
    directiveId = d.json().id;
  }, 120_000);
  afterAll(async () => t?.close());

  it('reassigns a task to another post under the same level, keeping the old owner in its history', async () => {
    const id = await task('vaduzDuty', 'North hydrants', 48);
    const res = await call('vaduzDuty', 'POST', `/tasks/${id}/reassignment`, { ownerPostId: posts.vaduzHead, reason: 'Department takes over' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ ownerPostId: posts.vaduzHead, jurisdictionPath: 'li.oberland.vaduz' });
    const same = await call('vaduzDuty', 'POST', `/tasks/${id}/reassignment`, { ownerPostId: posts.vaduzHead, reason: 'again' });
    expect(same.json().code).toBe('TASK_CHANGE_NOT_ALLOWED');
    // Vaduz's duty officer does not see Schaan's posts: for them it does not exist.
    expect((await call('vaduzDuty', 'POST', `/tasks/${id}/reassignment`, { ownerPostId: posts.schaanDuty, reason: 'x' })).statusCode).toBe(400);
    const history = (await call('vaduzCrew', 'GET', `/tasks/${id}/history`)).json();
    expect(history.map((e: { action: string }) => e.action)).toEqual(['tasks.created', 'tasks.reassigned']);
    expect(history[1]).toMatchObject({ before: { ownerPostId: posts.vaduzDuty }, after: { ownerPostId: posts.vaduzHead, reason: 'Department takes over' } });
    const [audit] = await rows<{ id: string }>(t.app.platform.db, sql`select id from audit_log where entity_id = ${id} and action = 'tasks.reassigned'`);
    expect(history[1].auditId).toBe(audit!.id);
    const events = await rows<{ path: string }>(t.app.platform.db, sql`select jurisdiction_path::text as path from outbox where type = 'tasks.reassigned' and data->>'id' = ${id}`);
    expect(events.map((e) => e.path)).toEqual(['li.oberland.vaduz']);
  });

  it('re-decomposes: moves a task under another parent, re-rolls both parents, refuses cycles, keeps history', async () => {
    const a = await task('vaduzDuty', 'Parent A', 72);
    const b = await task('vaduzDuty', 'Parent B', 72);
    const leaf = await task('vaduzDuty', 'Leaf', 24, { parentTaskId: a });
    const other = await task('vaduzDuty', 'Other', 24, { parentTaskId: a });
    await call('vaduzCrew', 'POST', `/tasks/${leaf}/reports`, { percent: 100, note: 'done' });
    expect(await percentOf(a)).toBe(50);
    const moved = await call('vaduzDuty', 'POST', `/tasks/${leaf}/redecomposition`, { parentTaskId: b, reason: 'Belongs to B' });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(moved.json().parentTaskId).toBe(b);
    expect(await percentOf(a)).toBe(0);
    expect(await percentOf(b)).toBe(100);
    expect((await call('vaduzDuty', 'POST', `/tasks/${b}/redecomposition`, { parentTaskId: leaf, reason: 'loop' })).json()).toMatchObject({ code: 'TASK_CHANGE_NOT_ALLOWED', errors: [{ path: 'body.parentTaskId' }] });
    expect((await call('vaduzDuty', 'POST', `/tasks/${leaf}/redecomposition`, { dueAt: hoursAhead(100), reason: 'later' })).json().errors[0].path).toBe('body.dueAt');
    expect((await call('vaduzDuty', 'POST', `/tasks/${b}/redecomposition`, { dueAt: hoursAhead(12), reason: 'sooner' })).json().errors[0].path).toBe('body.dueAt');
    expect((await call('vaduzDuty', 'POST', `/tasks/${other}/redecomposition`, { weight: 3, reason: 'bigger' })).json().weight).toBe(3);
    expect((await call('vaduzCrew', 'POST', `/tasks/${other}/redecomposition`, { weight: 2, reason: 'crew may not' })).statusCode).toBe(403);
    const history = (await call('vaduzCrew', 'GET', `/tasks/${leaf}/history`)).json();
    expect(history.map((e: { action: string }) => e.action)).toEqual(['tasks.created', 'tasks.progress_reported', 'tasks.redecomposed']);
    expect(history[2]).toMatchObject({ before: { parentTaskId: a }, after: { parentTaskId: b, reason: 'Belongs to B' } });
    // Parents' roll-ups are on their own histories too.
    expect((await call('vaduzCrew', 'GET', `/tasks/${b}/history`)).json().map((e: { action: string }) => e.action)).toEqual(['tasks.created', 'tasks.rolled_up']);
  });

  it('keeps evidence files with a progress report; a refused file stores nothing', async () => {
    const id = await task('vaduzDuty', 'South hydrants', 48);
    const before = await rows<{ n: number }>(t.app.platform.db, sql`select count(*)::int as n from task_reports`);
    const bad = await call('vaduzCrew', 'POST', `/tasks/${id}/reports`, { percent: 40, note: 'x', evidence: [{ filename: 'a.png', mediaType: 'image/png', contentBase64: Buffer.from('%PDF-1.4').toString('base64') }] });
    expect(bad.statusCode).toBe(415);
    expect(bad.json().errors[0].path).toBe('body.evidence.0.contentBase64');
    expect(await rows(t.app.platform.db, sql`select count(*)::int as n from task_reports`)).toEqual(before);
    const res = await call('vaduzCrew', 'POST', `/tasks/${id}/reports`, { percent: 40, note: 'Four of ten', evidence: [{ filename: 'hydrant.png', mediaType: 'image/png', contentBase64: PNG.toString('base64'), caption: 'No. 4' }] });
    expect(res.statusCode, res.body).toBe(201);
    const [report] = (await call('vaduzCrew', 'GET', `/tasks/${id}`)).json().reports;
    expect(report.evidence).toEqual([expect.objectContaining({ filename: 'hydrant.png', mediaType: 'image/png', sizeBytes: PNG.length, caption: 'No. 4' })]);
    const file = await call('vaduzCrew', 'GET', `/tasks/${id}/evidence/${report.evidence[0].id}/content`);
    expect(file.rawPayload.equals(PNG)).toBe(true);
    expect((await call('schaanDuty', 'GET', `/tasks/${id}/evidence/${report.evidence[0].id}/content`)).statusCode).toBe(404);
  });

  it("escalates an overdue task to the parent jurisdiction's duty posts once, as directives escalate", async () => {
    const id = await task('vaduzDuty', 'East hydrants', 2);
    now = new Date(now.getTime() + 3 * HOUR);
    await markOverdueTasks(t.app.platform.command);
    await markOverdueTasks(t.app.platform.command);
    const events = await rows<{ path: string; data: { escalatedTo: string; dutyPosts: { postId: string; holderId: string | null }[] } }>(t.app.platform.db,
      sql`select jurisdiction_path::text as path, data from outbox where type = 'tasks.escalated' and data->>'id' = ${id}`);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ path: 'li.oberland', data: { escalatedTo: 'li.oberland', dutyPosts: [{ postId: posts.oberlandDuty, holderId: cast.users.commander!.id }] } });
    expect((await call('vaduzCrew', 'GET', `/tasks/${id}/history`)).json().map((e: { action: string }) => e.action)).toEqual(['tasks.created', 'tasks.overdue', 'tasks.escalated']);
    // A later due date takes the overdue mark back.
    const later = await call('vaduzDuty', 'POST', `/tasks/${id}/redecomposition`, { dueAt: new Date(now.getTime() + 24 * HOUR).toISOString(), reason: 'Parts late' });
    expect(later.json()).toMatchObject({ overdue: false, overdueAt: null });
  });
});
