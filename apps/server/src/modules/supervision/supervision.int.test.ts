import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rows } from '../../platform/db/client.js';
import { Cast, jurisdictionByPath, startTestApp, type TestApp } from '../../../test/harness.js';
import { escalateOverdue } from '../hazards/index.js';

const DAY = 86_400_000;

describe('supervision: visits of tasks, units and places; corrections rectified as hazards', () => {
  let t: TestApp;
  let now = new Date('2026-05-04T08:00:00.000Z');
  const cast = new Cast(() => t.app);
  const advance = (ms: number) => {
    now = new Date(now.getTime() + ms);
    cast.forgetSessions();
  };
  const call = (who: string, method: 'GET' | 'POST', url: string, payload?: object) => cast.call(who, method, url, payload);
  const ids: Record<string, string> = {};
  const visit = (who: string, body: object) => call(who, 'POST', '/supervision/visits', { summary: 'Unannounced visit', ...body });
  const auditOf = async (type: string, id: string) =>
    (await rows<{ action: string }>(t.app.platform.db, sql`select action from audit_log where entity_type = ${type} and entity_id = ${id} order by at, seq`)).map((r) => r.action);

  beforeAll(async () => {
    t = await startTestApp({ clock: () => now });
    for (const [name, role, path] of [
      ['supervisor', 'inspector', 'li.oberland'], ['commander', 'commander', 'li.oberland'], ['vaduzCrew', 'unit_member', 'li.oberland.vaduz'],
      ['vaduzDuty', 'duty_officer', 'li.oberland.vaduz'], ['dispatcher', 'dispatcher', 'li.oberland'], ['commander2', 'commander', 'li.oberland'], ['eschenCommander', 'commander', 'li.unterland.eschen'],
    ] as const) await cast.add(name, role, path);
    for (const p of ['li.oberland', 'li.oberland.vaduz']) ids[p] = (await jurisdictionByPath(t.app, p)).id;
    const [place] = await rows<{ id: string }>(t.app.platform.db, sql`select id from places where jurisdiction_path = 'li.oberland.vaduz'::ltree and category = 'school' order by id limit 1`);
    ids.place = place!.id;
    ids.post = (await call('commander', 'POST', '/posts', { jurisdictionId: ids['li.oberland.vaduz'], kind: 'duty_post', title: 'Vaduz duty' })).json().id;
    const d = await call('commander', 'POST', '/directives', {
      issuerJurisdictionId: ids['li.oberland'], title: 'Hydrant checks', content: 'Check every hydrant', requiredActions: ['Check'],
      targetJurisdictionIds: [ids['li.oberland.vaduz']], acknowledgeBy: new Date(now.getTime() + DAY).toISOString(), reportBy: new Date(now.getTime() + 20 * DAY).toISOString(),
    });
    expect(d.statusCode, d.body).toBe(201);
    const task = await call('vaduzDuty', 'POST', '/tasks', { directiveId: d.json().id, ownerPostId: ids.post, title: 'Check the hydrants', dueAt: new Date(now.getTime() + 10 * DAY).toISOString() });
    expect(task.statusCode, task.body).toBe(201);
    ids.task = task.json().id;
    const unit = await call('commander', 'POST', '/units', { callSign: 'VADUZ-S1', kind: 'fire_engine', jurisdictionId: ids['li.oberland.vaduz'], homeLocation: [9.5215, 47.141], crewSize: 4, onDuty: true });
    expect(unit.statusCode, unit.body).toBe(201);
    ids.unit = unit.json().id;
  }, 120_000);
  afterAll(async () => t?.close());

  it('records a place visit; a finding that requires a correction raises a hazard record of that place, in the audit chain', async () => {
    const res = await visit('supervisor', {
      subjectType: 'place', subjectId: ids.place,
      findings: [{ description: 'Fire drill log kept up to date' }, { description: 'Exit sign unlit', correction: { grade: 'general', title: 'Repair the exit sign' } }],
    });
    expect(res.statusCode, res.body).toBe(201);
    const v = res.json();
    expect(v).toMatchObject({ subjectType: 'place', jurisdictionPath: 'li.oberland.vaduz', findings: [{ correction: null }, { correction: { grade: 'general', state: 'open', overdue: false } }] });
    const hazard = (await call('vaduzCrew', 'GET', `/hazards/${v.findings[1].correction.hazardId}`)).json();
    expect(hazard).toMatchObject({ placeId: ids.place, supervisionVisitId: v.id, title: 'Repair the exit sign', jurisdictionPath: 'li.oberland.vaduz', dueAt: new Date(now.getTime() + 7 * DAY).toISOString() });
    expect(await auditOf('supervision_visit', v.id)).toEqual(['supervision.visit_recorded']);
    for (const f of v.findings) expect(await auditOf('supervision_finding', f.id)).toEqual(['supervision.finding_recorded']);
    expect(await auditOf('hazard', hazard.id)).toEqual(['hazards.raised']);
    const [event] = await rows<{ path: string }>(t.app.platform.db, sql`select jurisdiction_path::text as path from outbox where type = 'supervision.visit_recorded' and data->>'id' = ${v.id}`);
    expect(event?.path).toBe('li.oberland.vaduz');
  });

  it("a task's major correction goes through the hazards' rectification: plan, deadline, escalation, evidence, extension, verified only by a re-visit", async () => {
    const res = await visit('supervisor', { subjectType: 'task', subjectId: ids.task, findings: [{ description: 'Half the hydrants unchecked, no plan', correction: { grade: 'major', title: 'Plan and finish the hydrant checks' } }] });
    expect(res.statusCode, res.body).toBe(201);
    const v = res.json();
    const id = v.findings[0].correction.hazardId;
    expect((await call('vaduzCrew', 'GET', `/hazards/${id}`)).json()).toMatchObject({ placeId: null, placeName: null, jurisdictionPath: 'li.oberland.vaduz', grade: 'major', state: 'open' });
    // The same state machine: a major correction needs a plan and interim controls to start.
    expect((await call('vaduzCrew', 'POST', `/hazards/${id}/actions`, { action: 'start' })).json().errors[0].path).toBe('body.rectificationPlan');
    expect((await call('vaduzCrew', 'POST', `/hazards/${id}/actions`, { action: 'start', rectificationPlan: 'Two crews, one week', interimControls: 'Daily check of the school hydrants' })).statusCode).toBe(200);
    // The same deadlines and escalation sweep: 30 days for major, then up to li.oberland.
    advance(31 * DAY);
    await escalateOverdue(t.app.platform.command);
    expect((await call('vaduzCrew', 'GET', `/hazards/${id}`)).json()).toMatchObject({ overdue: true, escalatedTo: 'li.oberland' });
    expect((await call('vaduzCrew', 'GET', `/supervision/visits/${v.id}`)).json().findings[0].correction).toMatchObject({ state: 'rectifying', overdue: true });
    // The same evidence and extension mechanisms.
    const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(32)]).toString('base64');
    expect((await call('vaduzCrew', 'POST', `/hazards/${id}/evidence`, { filename: 'log.png', mediaType: 'image/png', contentBase64: png })).statusCode).toBe(201);
    expect((await call('vaduzCrew', 'POST', `/hazards/${id}/extensions`, { reason: 'Snow', requestedDueAt: new Date(now.getTime() + 5 * DAY).toISOString() })).statusCode).toBe(201);
    expect((await call('commander', 'POST', `/hazards/${id}/extensions/decision`, { approve: true })).json()).toMatchObject({ overdue: false, escalatedTo: null });
    expect((await call('vaduzCrew', 'POST', `/hazards/${id}/actions`, { action: 'submit', fixNote: 'All hydrants checked' })).statusCode).toBe(200);
    // A major correction is verified by a re-visit, not by the actions endpoint.
    expect((await call('commander', 'POST', `/hazards/${id}/actions`, { action: 'verify', note: 'ok' })).statusCode).toBe(409);
    // A visit of another subject cannot verify it; a re-visit of the task can.
    const elsewhere = await visit('commander2', { subjectType: 'unit', subjectId: ids.unit, verifies: [id] });
    expect(elsewhere.statusCode, elsewhere.body).toBe(400);
    expect(elsewhere.json().errors[0].path).toBe('body.verifies.0');
    const revisit = await visit('supervisor', { subjectType: 'task', subjectId: ids.task, summary: 'Re-visit', verifies: [id] });
    expect(revisit.statusCode, revisit.body).toBe(201);
    expect(revisit.json().verified).toEqual([id]);
    expect((await call('vaduzCrew', 'GET', `/hazards/${id}`)).json()).toMatchObject({ state: 'verified' });
    expect(await auditOf('hazard', id)).toEqual([
      'hazards.raised', 'hazards.start', 'hazards.escalated', 'hazards.evidence_added', 'hazards.extension_requested', 'hazards.extension_decided', 'hazards.submit', 'hazards.verify',
    ]);
  });

  it('a submitter cannot verify their own fix by a re-visit', async () => {
    // Inspectors do not see units (no units:read): a unit is supervised by its commanders.
    expect((await visit('supervisor', { subjectType: 'unit', subjectId: ids.unit })).json().errors[0].path).toBe('body.subjectId');
    const v = (await visit('commander', { subjectType: 'unit', subjectId: ids.unit, findings: [{ description: 'Hose worn', correction: { grade: 'general', title: 'Replace the hose' } }] })).json();
    const id = v.findings[0].correction.hazardId;
    expect((await call('commander2', 'POST', `/hazards/${id}/actions`, { action: 'submit', fixNote: 'Replaced' })).statusCode).toBe(200);
    expect((await visit('commander2', { subjectType: 'unit', subjectId: ids.unit, verifies: [id] })).statusCode).toBe(403);
    expect((await visit('commander', { subjectType: 'unit', subjectId: ids.unit, verifies: [id] })).statusCode).toBe(201);
  });

  it('is scoped like the rest: outside the subtree the subject does not exist; without supervision:record, 403; nothing written', async () => {
    const before = await rows<{ n: number }>(t.app.platform.db, sql`select count(*)::int as n from supervision_visits`);
    const outside = await visit('eschenCommander', { subjectType: 'place', subjectId: ids.place });
    expect(outside.statusCode).toBe(400);
    expect(outside.json().errors[0].path).toBe('body.subjectId');
    expect((await visit('dispatcher', { subjectType: 'place', subjectId: ids.place })).statusCode).toBe(403);
    expect((await visit('supervisor', { subjectType: 'task', subjectId: ids.place })).json().errors[0].path).toBe('body.subjectId');
    expect((await visit('supervisor', { subjectType: 'place', subjectId: ids.place, visitedAt: new Date(now.getTime() + DAY).toISOString() })).json().errors[0].path).toBe('body.visitedAt');
    expect((await rows<{ n: number }>(t.app.platform.db, sql`select count(*)::int as n from supervision_visits`))[0]).toEqual(before[0]);
    expect((await call('eschenCommander', 'GET', '/supervision/visits')).json().items).toEqual([]);
    const mine = (await call('vaduzCrew', 'GET', `/supervision/visits?subjectType=task&subjectId=${ids.task}`)).json().items;
    expect(mine.map((x: { summary: string }) => x.summary)).toEqual(['Re-visit', 'Unannounced visit']);
  });
});
