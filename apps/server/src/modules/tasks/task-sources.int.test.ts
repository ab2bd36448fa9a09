import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rows } from '../../platform/db/client.js';
import { jurisdictionByPath, startTestApp, type TestApp, Cast } from '../../../test/harness.js';
import { makeDutyTasks, markOverdueTasks } from './index.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

describe('tasks from a hazard campaign and from a standing duty, on the same machinery as directives', () => {
  let t: TestApp;
  let now = new Date('2026-09-07T06:00:00.000Z');
  const cast = new Cast(() => t.app);
  const posts: Record<string, string> = {};
  const ids: Record<string, string> = {};
  const advance = (ms: number) => {
    now = new Date(now.getTime() + ms);
    cast.forgetSessions();
  };
  const call = (who: string, method: 'GET' | 'POST', url: string, payload?: object) => cast.call(who, method, url, payload);
  const daysAhead = (d: number) => new Date(now.getTime() + d * DAY).toISOString();
  const auditOf = async (id: string) =>
    (await rows<{ action: string; actor: string | null }>(t.app.platform.db, sql`select action, actor_name as actor from audit_log where entity_id = ${id} order by seq`));
  const sweep = () => makeDutyTasks(t.app.platform.command);
  const dutyTasks = async (who: string, dutyId: string) => {
    const res = await call(who, 'GET', `/tasks?standingDutyId=${dutyId}`);
    expect(res.statusCode, res.body).toBe(200);
    return (res.json() as { id: string; periodStart: string | null; dueAt: string; parentTaskId: string | null; overdue: boolean; status: string }[]).filter((x) => x.parentTaskId === null);
  };

  beforeAll(async () => {
    t = await startTestApp({ clock: () => now });
    for (const [name, role, path] of [
      ['commander', 'commander', 'li.oberland'], ['vaduzDuty', 'duty_officer', 'li.oberland.vaduz'], ['vaduzCrew', 'unit_member', 'li.oberland.vaduz'],
      ['schaanDuty', 'duty_officer', 'li.oberland.schaan'], ['eschenCommander', 'commander', 'li.unterland.eschen'], ['vaduzInspector', 'inspector', 'li.oberland.vaduz'],
    ] as const) {
      await cast.add(name, role, path);
    }
    for (const p of ['li.oberland', 'li.oberland.vaduz', 'li.oberland.schaan', 'li.unterland.eschen']) ids[p] = (await jurisdictionByPath(t.app, p)).id;
    for (const [key, path, kind] of [
      ['oberlandLeader', 'li.oberland', 'leader'], ['oberlandDuty', 'li.oberland', 'duty_post'], ['vaduzDuty', 'li.oberland.vaduz', 'duty_post'],
      ['schaanDuty', 'li.oberland.schaan', 'duty_post'], ['eschenDuty', 'li.unterland.eschen', 'duty_post'],
    ] as const) {
      const res = await call(path === 'li.unterland.eschen' ? 'eschenCommander' : 'commander', 'POST', '/posts', { jurisdictionId: ids[path], kind, title: key });
      expect(res.statusCode, res.body).toBe(201);
      posts[key] = res.json().id;
    }
  }, 120_000);
  afterAll(async () => t?.close());

  it('breaks a campaign down from its issuer to the jurisdictions it covers and rolls the progress up', async () => {
    const issued = await call('commander', 'POST', '/campaigns', {
      title: 'School fire lanes', jurisdictionId: ids['li.oberland'], categories: ['school'],
      scopeJurisdictionIds: [ids['li.oberland.vaduz'], ids['li.oberland.schaan']], startsAt: now.toISOString(), endsAt: daysAhead(30),
    });
    expect(issued.statusCode, issued.body).toBe(201);
    const campaignId = issued.json().id as string;
    const create = (who: string, body: object) => call(who, 'POST', '/tasks', { title: 'Fire lanes', dueAt: daysAhead(20), ...body });

    // The root needs campaigns:manage at the issuer: a duty officer below may not hand it down.
    expect((await create('vaduzDuty', { campaignId, ownerPostId: posts.vaduzDuty })).statusCode).toBe(403);
    const outside = await create('commander', { campaignId, ownerPostId: posts.eschenDuty });
    expect([outside.statusCode, outside.json().code]).toEqual([400, 'VALIDATION_FAILED']); // not a post the commander sees
    expect((await create('commander', { campaignId, directiveId: campaignId, ownerPostId: posts.oberlandLeader })).json().errors[0].path).toBe('body.campaignId');
    expect((await create('commander', { ownerPostId: posts.oberlandLeader })).json().errors[0].path).toBe('body.directiveId');

    const root = await create('commander', { campaignId, ownerPostId: posts.oberlandLeader });
    expect(root.statusCode, root.body).toBe(201);
    expect(root.json()).toMatchObject({ source: 'campaign', campaignId, directiveId: null, standingDutyId: null, jurisdictionPath: 'li.oberland', percent: 0 });
    // A subtask may not leave the campaign's scope, even under the parent (the issuer's own level is not in scope).
    const offScope = await create('commander', { parentTaskId: root.json().id, ownerPostId: posts.oberlandDuty, dueAt: daysAhead(10) });
    expect([offScope.statusCode, offScope.json().code]).toEqual([422, 'TASK_OWNER_OUTSIDE_SUBTREE']);
    const vaduz = await create('commander', { parentTaskId: root.json().id, ownerPostId: posts.vaduzDuty, dueAt: daysAhead(10), weight: 3 });
    const schaan = await create('commander', { campaignId, parentTaskId: root.json().id, ownerPostId: posts.schaanDuty, dueAt: daysAhead(10) });
    expect([vaduz.statusCode, schaan.statusCode]).toEqual([201, 201]);
    expect(schaan.json()).toMatchObject({ source: 'campaign', campaignId, parentTaskId: root.json().id });

    expect((await call('vaduzDuty', 'POST', `/tasks/${vaduz.json().id}/reports`, { percent: 100, note: 'All Vaduz school lanes clear' })).statusCode).toBe(201);
    expect((await call('schaanDuty', 'POST', `/tasks/${schaan.json().id}/reports`, { percent: 40, note: 'Two of five' })).statusCode).toBe(201);
    const list = await call('commander', 'GET', `/tasks?campaignId=${campaignId}`);
    expect(list.statusCode, list.body).toBe(200);
    const byId = new Map((list.json() as { id: string; percent: number; status: string }[]).map((x) => [x.id, x]));
    expect(byId.size).toBe(3);
    expect(byId.get(root.json().id)).toMatchObject({ percent: 85, status: 'in_progress' }); // (3·100 + 1·40) / 4

    // Beside the reported progress, each campaign task shows the campaign's coverage in its subtree, moved by inspections.
    const coverageOf = async (jurisdiction: string) => {
      const res = await call('commander', 'GET', `/campaigns/${campaignId}/coverage?jurisdictionId=${ids[jurisdiction]}`);
      expect(res.statusCode, res.body).toBe(200);
      const { total, inspected, missed } = res.json();
      return { total, inspected, missed };
    };
    const vaduzCoverage = await coverageOf('li.oberland.vaduz');
    expect(vaduzCoverage.total).toBeGreaterThan(0);
    expect((list.json() as { id: string; coverage: object }[]).find((x) => x.id === vaduz.json().id)!.coverage).toEqual(vaduzCoverage);
    const [school] = await rows<{ id: string }>(t.app.platform.db, sql`select id from places where category = 'school' and jurisdiction_path <@ 'li.oberland.vaduz' order by id limit 1`);
    const [template] = (await call('vaduzInspector', 'GET', '/checklists?category=school')).json();
    type Item = { key: string; answerType: string; min?: number; options?: string[]; failing?: string[] };
    const answers = template.sections.flatMap((x: { items: Item[] }) => x.items).map((i: Item) => ({
      itemKey: i.key, value: i.answerType === 'yes_no' ? 'pass' : i.answerType === 'number' ? (i.min ?? 0) : i.answerType === 'choice' ? i.options!.find((o) => !i.failing?.includes(o)) : 'ok',
    }));
    const inspected = await call('vaduzInspector', 'POST', '/inspections', { placeId: school!.id, templateId: template.id, answers });
    expect(inspected.statusCode, inspected.body).toBe(201);
    const after = (await call('commander', 'GET', `/tasks?campaignId=${campaignId}`)).json() as { id: string; coverage: { inspected: number } }[];
    expect(after.find((x) => x.id === vaduz.json().id)!.coverage).toEqual({ ...vaduzCoverage, inspected: vaduzCoverage.inspected + 1 });
    expect(after.find((x) => x.id === root.json().id)!.coverage).toEqual(await coverageOf('li.oberland'));
    // Each level sees its own part; a jurisdiction outside the campaign sees none of it.
    expect((await call('schaanDuty', 'GET', `/tasks?campaignId=${campaignId}`)).json().map((x: { id: string }) => x.id)).toEqual([schaan.json().id]);
    expect((await call('eschenCommander', 'GET', `/tasks?campaignId=${campaignId}`)).statusCode).toBe(404);
    expect((await call('commander', 'GET', `/tasks?campaignId=${campaignId}&directiveId=${campaignId}`)).json().errors[0].path).toBe('query.directiveId');

    expect((await auditOf(root.json().id)).map((a) => a.action)).toEqual(['tasks.created', 'tasks.rolled_up', 'tasks.rolled_up']);
    const [created] = await rows<{ after: { source: string; campaignId: string } }>(t.app.platform.db, sql`select after from audit_log where entity_id = ${root.json().id} and action = 'tasks.created'`);
    expect(created!.after).toMatchObject({ source: 'campaign', campaignId });
  });

  it('makes exactly one task per period of a standing duty, however often the sweep runs, and escalates an overdue one', async () => {
    expect((await call('vaduzCrew', 'POST', '/standing-duties', { ownerPostId: posts.vaduzDuty, title: 'x', everyDays: 7, startsAt: now.toISOString() })).statusCode).toBe(403);
    const bad = await call('commander', 'POST', '/standing-duties', { ownerPostId: posts.vaduzDuty, title: 'x', everyDays: 7, startsAt: now.toISOString(), endsAt: now.toISOString() });
    expect(bad.json().errors[0].path).toBe('body.endsAt');
    const made = await call('commander', 'POST', '/standing-duties', { ownerPostId: posts.vaduzDuty, title: 'Weekly fire-lane check at the schools', category: 'school', everyDays: 7, startsAt: now.toISOString() });
    expect(made.statusCode, made.body).toBe(201);
    const duty = made.json() as { id: string; startsAt: string; nextPeriodAt: string };
    expect(duty).toMatchObject({ jurisdictionPath: 'li.oberland.vaduz', everyDays: 7, nextPeriodAt: duty.startsAt, category: 'school' });
    expect((await call('vaduzDuty', 'GET', `/standing-duties?jurisdictionId=${ids['li.oberland.vaduz']}`)).json().map((d: { id: string }) => d.id)).toContain(duty.id);
    expect((await call('eschenCommander', 'GET', `/standing-duties?jurisdictionId=${ids['li.oberland.vaduz']}`)).statusCode).toBe(404);

    // Period 1: two nodes at once, then again: one task.
    const start = now.getTime();
    await Promise.all([sweep(), sweep()]);
    await sweep();
    let list = await dutyTasks('vaduzDuty', duty.id);
    expect(list).toEqual([expect.objectContaining({ periodStart: new Date(start).toISOString(), dueAt: new Date(start + 7 * DAY).toISOString(), status: 'open' })]);
    const first = list[0]!.id;
    expect(await auditOf(first)).toEqual([{ action: 'tasks.created', actor: 'duty-sweep' }]);

    // Later within the period: nothing new.
    advance(3 * DAY);
    expect(await sweep()).toBe(0);
    // Period 2 begins: one new task, however many sweeps; the first, unfinished, is overdue and escalated.
    advance(4 * DAY + HOUR);
    const [a, b] = await Promise.all([sweep(), sweep()]);
    expect(a + b).toBe(1);
    expect(await sweep()).toBe(0);
    await markOverdueTasks(t.app.platform.command);
    await markOverdueTasks(t.app.platform.command);
    list = await dutyTasks('vaduzDuty', duty.id);
    expect(list.map((x) => x.periodStart)).toEqual([new Date(start).toISOString(), new Date(start + 7 * DAY).toISOString()]);
    expect(list.map((x) => x.overdue)).toEqual([true, false]);
    const second = list[1]!.id;
    const escalated = await rows<{ path: string; duty: string }>(t.app.platform.db,
      sql`select jurisdiction_path::text as path, data->>'standingDutyId' as duty from outbox where type = 'tasks.escalated' and data->>'id' = ${first}`);
    expect(escalated).toEqual([{ path: 'li.oberland', duty: duty.id }]);
    expect((await auditOf(first)).map((x) => x.action)).toEqual(['tasks.created', 'tasks.overdue', 'tasks.escalated']);
    const history = await call('vaduzDuty', 'GET', `/tasks/${first}/history`);
    expect(history.json().map((h: { action: string }) => h.action)).toEqual(['tasks.created', 'tasks.overdue', 'tasks.escalated']);

    // A period's task breaks down and rolls up like any other, and stays at the top of its tree.
    const sub = await call('vaduzDuty', 'POST', '/tasks', { parentTaskId: second, ownerPostId: posts.vaduzDuty, title: 'Primary school lanes', dueAt: daysAhead(2) });
    expect(sub.statusCode, sub.body).toBe(201);
    expect(sub.json()).toMatchObject({ source: 'standing_duty', standingDutyId: duty.id, periodStart: null });
    expect((await call('vaduzDuty', 'POST', `/tasks/${sub.json().id}/reports`, { percent: 100, note: 'clear' })).statusCode).toBe(201);
    expect((await call('vaduzDuty', 'GET', `/tasks/${second}`)).json()).toMatchObject({ percent: 100, status: 'done' });
    const moved = await call('vaduzDuty', 'POST', `/tasks/${second}/redecomposition`, { parentTaskId: first, reason: 'merge' });
    expect([moved.statusCode, moved.json().code]).toEqual([409, 'TASK_CHANGE_NOT_ALLOWED']);
    const lifted = await call('vaduzDuty', 'POST', `/tasks/${sub.json().id}/redecomposition`, { parentTaskId: null, reason: 'own task' });
    expect([lifted.statusCode, lifted.json().code]).toEqual([409, 'TASK_CHANGE_NOT_ALLOWED']);

    // The sweep was down for two whole periods: only the period running now gets a task.
    advance(21 * DAY);
    expect(await sweep()).toBe(1);
    list = await dutyTasks('vaduzDuty', duty.id);
    expect(list.map((x) => x.periodStart)).toEqual([0, 7, 28].map((d) => new Date(start + d * DAY).toISOString()));
    const [late] = await rows<{ skipped: number }>(t.app.platform.db, sql`select (after->>'skippedPeriods')::int as skipped from audit_log where entity_id = ${list[2]!.id}`);
    expect(late!.skipped).toBe(2);
    const stored = (await call('vaduzDuty', 'GET', `/standing-duties?jurisdictionId=${ids['li.oberland.vaduz']}`)).json().find((d: { id: string }) => d.id === duty.id);
    expect(stored.nextPeriodAt).toBe(new Date(start + 35 * DAY).toISOString());
    expect((await auditOf(duty.id)).map((x) => x.action)).toEqual(['standing_duties.created']);
  });

  it('makes no task for a period that begins after the duty ends', async () => {
    const made = await call('commander', 'POST', '/standing-duties', { ownerPostId: posts.schaanDuty, title: 'Daily hydrant look', everyDays: 1, startsAt: now.toISOString(), endsAt: new Date(now.getTime() + 36 * HOUR).toISOString() });
    expect(made.statusCode, made.body).toBe(201);
    const id = made.json().id;
    await sweep();
    advance(DAY);
    await sweep();
    advance(5 * DAY);
    await sweep();
    expect((await dutyTasks('schaanDuty', id)).length).toBe(2);
  });
});
