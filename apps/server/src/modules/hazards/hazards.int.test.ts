import { createHash, randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rows } from '../../platform/db/client.js';
import { jurisdictionByPath, startTestApp, type TestApp, Cast } from '../../../test/harness.js';
import { escalateOverdue } from './index.js';

const DAY = 86_400_000;

describe('hazards: rectification, deadlines, escalation, evidence', () => {
  let t: TestApp;
  let now = new Date('2026-03-02T08:00:00.000Z');
  const cast = new Cast(() => t.app);

  /** Moves the injected clock; sessions expire with it, so everyone logs in again. */
  const advance = (ms: number) => {
    now = new Date(now.getTime() + ms);
    cast.forgetSessions();
  };
  const call = (who: string, method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) => cast.call(who, method, url, payload);
  async function placeIn(path: string, category = 'school'): Promise<string> {
    const [row] = await rows<{ id: string }>(t.app.platform.db, sql`select id from places where jurisdiction_path = ${path}::ltree and category = ${category} order by id limit 1`);
    return row!.id;
  }
  async function raise(who: string, path: string, grade: 'general' | 'major', title = 'Blocked emergency exit') {
    const res = await call(who, 'POST', '/hazards', { placeId: await placeIn(path), grade, title });
    expect(res.statusCode, res.body).toBe(201);
    return res.json();
  }
  const act = (who: string, id: string, body: object) => call(who, 'POST', `/hazards/${id}/actions`, body);
  const campusChecklist = async (): Promise<string> => (await call('admin', 'GET', '/checklists?category=school')).json().find((c: { key: string }) => c.key === 'campus_safety').id;
  /** An answer that passes for every item of the campus checklist, read from the checklist itself. */
  async function passingAnswers() {
    const def = (await call('admin', 'GET', `/checklists/${await campusChecklist()}`)).json();
    type Item = { key: string; answerType: string; min?: number; options?: string[]; failing?: string[] };
    return def.sections.flatMap((s: { items: Item[] }) => s.items).map((i: Item) => ({
      itemKey: i.key,
      value: i.answerType === 'yes_no' ? 'pass' : i.answerType === 'number' ? (i.min ?? 0) : i.answerType === 'choice' ? i.options!.find((o) => !i.failing?.includes(o)) : 'ok',
    }));
  }

  beforeAll(async () => {
    t = await startTestApp({ clock: () => now });
    for (const [name, role, path] of [
      ['vaduzInspector', 'inspector', 'li.oberland.vaduz'], ['vaduzUnit', 'unit_member', 'li.oberland.vaduz'],
      ['oberlandCommander', 'commander', 'li.oberland'], ['eschenUnit', 'unit_member', 'li.unterland.eschen'],
      ['eschenInspector', 'inspector', 'li.unterland.eschen'], ['dispatcher', 'dispatcher', 'li'],
    ] as const) {
      await cast.add(name, role, path);
    }
  }, 120_000);
  afterAll(async () => t?.close());

  it('takes a general hazard from open to closed, fixed at once and verified by someone else', async () => {
    const h = await raise('vaduzInspector', 'li.oberland.vaduz', 'general');
    expect(h).toMatchObject({ state: 'open', jurisdictionPath: 'li.oberland.vaduz', overdue: false, dueAt: new Date(now.getTime() + 7 * DAY).toISOString() });
    const submitted = await act('vaduzUnit', h.id, { action: 'submit', fixNote: 'Pallets moved away from the exit' });
    expect(submitted.json().state).toBe('submitted');
    expect((await act('vaduzUnit', h.id, { action: 'verify', note: 'mine' })).statusCode).toBe(403);
    expect((await act('vaduzInspector', h.id, { action: 'verify', note: 'Exit clear on re-inspection' })).json().state).toBe('verified');
    expect((await act('vaduzInspector', h.id, { action: 'close' })).json().state).toBe('closed');
    const again = await act('vaduzInspector', h.id, { action: 'reject', reason: 'x' });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('HAZARD_TRANSITION_NOT_ALLOWED');
    const history = (await call('dispatcher', 'GET', `/hazards/${h.id}/history`)).json();
    expect(history.map((e: { action: string }) => e.action)).toEqual(['hazards.raised', 'hazards.submit', 'hazards.verify', 'hazards.close']);
  });

  it('takes a deadline sooner than the grade\'s at raising, refuses a later or past one by field, and says who submitted the fix', async () => {
    const placeId = await placeIn('li.oberland.vaduz');
    const sooner = new Date(now.getTime() + 2 * DAY).toISOString();
    const res = await call('vaduzInspector', 'POST', '/hazards', { placeId, grade: 'general', title: 'Exit sign unlit', dueAt: sooner });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ dueAt: sooner, submittedBy: null });
    for (const dueAt of [new Date(now.getTime() + 8 * DAY).toISOString(), new Date(now.getTime() - DAY).toISOString()]) {
      const refused = await call('vaduzInspector', 'POST', '/hazards', { placeId, grade: 'general', title: 'Exit sign unlit', dueAt });
      expect(refused.statusCode).toBe(400);
      expect(refused.json().errors.map((e: { path: string }) => e.path)).toEqual(['body.dueAt']);
    }
    // A major hazard's own deadline (30 days) is the limit for it.
    expect((await call('vaduzInspector', 'POST', '/hazards', { placeId, grade: 'major', title: 'Tank leaking', dueAt: new Date(now.getTime() + 20 * DAY).toISOString() })).statusCode).toBe(201);
    const submitted = await act('vaduzUnit', res.json().id, { action: 'submit', fixNote: 'Bulb replaced' });
    expect(submitted.json().submittedBy).toBe(cast.users.vaduzUnit!.id);
  });

  it('holds a major hazard to a plan with interim controls, and lets a rejected fix come back', async () => {
    const h = await raise('vaduzInspector', 'li.oberland.vaduz', 'major', 'Leaking fuel tank');
    expect(h.dueAt).toBe(new Date(now.getTime() + 30 * DAY).toISOString());
    const early = await act('vaduzUnit', h.id, { action: 'submit', fixNote: 'done' });
    expect(early.statusCode).toBe(409);
    const noPlan = await act('vaduzUnit', h.id, { action: 'start', interimControls: 'Pump closed' });
    expect(noPlan.statusCode).toBe(400);
    expect(noPlan.json().errors).toEqual([{ path: 'body.rectificationPlan', message: 'a major hazard needs a rectification plan' }]);
    const started = await act('vaduzUnit', h.id, { action: 'start', rectificationPlan: 'Replace the tank seal', interimControls: 'Pump closed, area cordoned', stopUse: true });
    expect(started.json()).toMatchObject({ state: 'rectifying', stopUse: true });
    await act('vaduzUnit', h.id, { action: 'submit', fixNote: 'Seal replaced' });
    expect((await act('vaduzInspector', h.id, { action: 'reject', reason: 'Still leaking' })).json()).toMatchObject({ state: 'rectifying', verificationNote: 'Still leaking' });
    expect((await act('vaduzInspector', h.id, { action: 'submit', fixNote: 'Tank replaced' })).json().state).toBe('submitted');
    // A major hazard is verified by a re-inspection, by someone other than who handed in the fix.
    const desk = await act('oberlandCommander', h.id, { action: 'verify', note: 'Looks fine' });
    expect(desk.statusCode).toBe(409);
    expect(desk.json().detail).toContain('re-inspection');
    const reinspect = async (who: string) => call(who, 'POST', '/inspections', { placeId: h.placeId, templateId: await campusChecklist(), answers: await passingAnswers(), verifies: [h.id] });
    expect((await reinspect('vaduzInspector')).statusCode).toBe(403);
    const re = await reinspect('admin');
    expect(re.statusCode, re.body).toBe(201);
    expect((await call('admin', 'GET', `/hazards/${h.id}`)).json()).toMatchObject({ state: 'verified', stopUse: false, verificationNote: `Re-inspection ${re.json().id}` });
    const elsewhere = await call('admin', 'POST', '/inspections', { placeId: await placeIn('li.oberland.schaan'), templateId: await campusChecklist(), answers: await passingAnswers(), verifies: [h.id] });
    expect(elsewhere.json().errors[0].path).toBe('body.verifies.0');
  });

  it('keeps each inspector to their own jurisdiction', async () => {
    const res = await call('vaduzInspector', 'POST', '/hazards', { placeId: await placeIn('li.oberland.schaan'), grade: 'general', title: 'x' });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0].path).toBe('body.placeId');
    const inSchaan = await raise('admin', 'li.oberland.schaan', 'general');
    expect((await call('vaduzInspector', 'GET', `/hazards/${inSchaan.id}`)).statusCode).toBe(404);
    expect((await act('vaduzInspector', inSchaan.id, { action: 'submit', fixNote: 'x' })).statusCode).toBe(404);
    expect((await call('dispatcher', 'POST', '/hazards', { placeId: await placeIn('li.oberland.vaduz'), grade: 'general', title: 'x' })).statusCode).toBe(403);
  });

  it('takes deadlines from the nearest jurisdiction that sets them', async () => {
    const oberland = await jurisdictionByPath(t.app, 'li.oberland');
    const vaduz = await jurisdictionByPath(t.app, 'li.oberland.vaduz');
    expect((await call('vaduzInspector', 'PUT', `/hazard-deadlines/${oberland.id}`, { generalDays: 3, majorDays: 14 })).statusCode).toBe(403);
    expect((await call('admin', 'PUT', `/hazard-deadlines/${oberland.id}`, { generalDays: 3, majorDays: 14 })).statusCode).toBe(200);
    expect((await call('vaduzInspector', 'GET', `/hazard-deadlines/${vaduz.id}`)).json()).toEqual({ jurisdictionPath: 'li.oberland.vaduz', definedAt: 'li.oberland', generalDays: 3, majorDays: 14 });
    const h = await raise('vaduzInspector', 'li.oberland.vaduz', 'general');
    expect(h.dueAt).toBe(new Date(now.getTime() + 3 * DAY).toISOString());
    const bad = await call('admin', 'PUT', `/hazard-deadlines/${oberland.id}`, { generalDays: 0, majorDays: 14 });
    expect(bad.json().errors[0].path).toBe('body.generalDays');
  });

  it('escalates an overdue hazard up the tree on the clock, once, even with two sweeps at a time', async () => {
    const h = await raise('eschenInspector', 'li.unterland.eschen', 'general');
    const unterland = await jurisdictionByPath(t.app, 'li.unterland');
    const eschen = await jurisdictionByPath(t.app, 'li.unterland.eschen');
    const board = async (id: string) => (await call('admin', 'GET', `/hazards/board?jurisdictionId=${id}`)).json();
    await escalateOverdue(t.app.platform.command);
    expect((await call('admin', 'GET', `/hazards/${h.id}`)).json()).toMatchObject({ escalatedTo: null, overdue: false });
    expect((await board(unterland.id)).overdue).toBe(0);

    advance(7 * DAY + 60_000);
    await Promise.all([escalateOverdue(t.app.platform.command), escalateOverdue(t.app.platform.command)]);
    expect((await call('admin', 'GET', `/hazards/${h.id}`)).json()).toMatchObject({ escalatedTo: 'li.unterland', overdue: true });
    const onBoard = await board(unterland.id);
    expect(onBoard.overdue).toBe(1);
    expect(onBoard.items.map((i: { id: string }) => i.id)).toEqual([h.id]);
    expect((await board(eschen.id)).overdue).toBe(1);
    const schaan = await jurisdictionByPath(t.app, 'li.oberland.schaan');
    expect((await board(schaan.id)).items.map((i: { id: string }) => i.id)).not.toContain(h.id);

    await escalateOverdue(t.app.platform.command);
    advance(7 * DAY);
    await Promise.all([escalateOverdue(t.app.platform.command), escalateOverdue(t.app.platform.command)]);
    expect((await call('admin', 'GET', `/hazards/${h.id}`)).json().escalatedTo).toBe('li');
    const steps = (await call('admin', 'GET', `/hazards/${h.id}/history`)).json().filter((e: { action: string }) => e.action === 'hazards.escalated');
    expect(steps.map((s: { after: { escalatedTo: string } }) => s.after.escalatedTo)).toEqual(['li.unterland', 'li']);
    const overdueList = (await call('eschenUnit', 'GET', '/hazards?overdue=true')).json().items.map((i: { id: string }) => i.id);
    expect(overdueList).toContain(h.id);
  });

  it('moves the deadline only by an approved extension, decided by someone else', async () => {
    const h = await raise('eschenInspector', 'li.unterland.eschen', 'general', 'Fire door wedged open');
    const later = new Date(new Date(h.dueAt).getTime() + 5 * DAY).toISOString();
    const earlier = await call('eschenUnit', 'POST', `/hazards/${h.id}/extensions`, { reason: 'parts', requestedDueAt: new Date(now.getTime()).toISOString() });
    expect(earlier.statusCode).toBe(400);
    expect(earlier.json().errors[0].path).toBe('body.requestedDueAt');
    const asked = await call('eschenUnit', 'POST', `/hazards/${h.id}/extensions`, { reason: 'Door closer on order', requestedDueAt: later });
    expect(asked.statusCode, asked.body).toBe(201);
    expect(asked.json().extensions).toMatchObject([{ state: 'pending', requestedDueAt: later }]);
    expect((await call('eschenUnit', 'POST', `/hazards/${h.id}/extensions`, { reason: 'again', requestedDueAt: later })).statusCode).toBe(409);
    expect((await call('eschenUnit', 'POST', `/hazards/${h.id}/extensions/decision`, { approve: true })).statusCode).toBe(403);
    advance(8 * DAY);
    await escalateOverdue(t.app.platform.command);
    expect((await call('admin', 'GET', `/hazards/${h.id}`)).json().escalatedTo).toBe('li.unterland');
    const decided = await call('eschenInspector', 'POST', `/hazards/${h.id}/extensions/decision`, { approve: true, note: 'ok, one time' });
    expect(decided.statusCode, decided.body).toBe(200);
    expect(decided.json()).toMatchObject({ dueAt: later, escalatedTo: null, overdue: false, extensions: [{ state: 'approved', note: 'ok, one time' }] });
  });

  it('puts a major hazard under a higher level\'s supervision, on that board until closed', async () => {
    const h = await raise('vaduzInspector', 'li.oberland.vaduz', 'major', 'Gas cylinders stored in the basement');
    const oberland = await jurisdictionByPath(t.app, 'li.oberland');
    const vaduz = await jurisdictionByPath(t.app, 'li.oberland.vaduz');
    const self = await call('oberlandCommander', 'POST', `/hazards/${h.id}/supervision`, { jurisdictionId: vaduz.id });
    expect(self.json().errors[0].path).toBe('body.jurisdictionId');
    expect((await call('vaduzInspector', 'POST', `/hazards/${h.id}/supervision`, { jurisdictionId: oberland.id })).json().errors[0].path).toBe('body.jurisdictionId');
    expect((await call('dispatcher', 'POST', `/hazards/${h.id}/supervision`, { jurisdictionId: oberland.id })).statusCode).toBe(403);
    const listed = await call('oberlandCommander', 'POST', `/hazards/${h.id}/supervision`, { jurisdictionId: oberland.id });
    expect(listed.json().supervisedBy).toBe('li.oberland');
    const board = (await call('oberlandCommander', 'GET', `/hazards/board?jurisdictionId=${oberland.id}`)).json();
    expect(board.items.map((i: { id: string }) => i.id)).toContain(h.id);
    const general = await raise('vaduzInspector', 'li.oberland.vaduz', 'general');
    expect((await call('oberlandCommander', 'POST', `/hazards/${general.id}/supervision`, { jurisdictionId: oberland.id })).statusCode).toBe(409);
  });

  it('stores evidence with its sha256 and refuses files too large or of the wrong type, storing nothing', async () => {
    const h = await raise('vaduzInspector', 'li.oberland.vaduz', 'general', 'Extinguisher missing');
    const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), randomBytes(2000)]);
    const upload = (payload: object) => call('vaduzUnit', 'POST', `/hazards/${h.id}/evidence`, { filename: 'fix.png', mediaType: 'image/png', contentBase64: png.toString('base64'), ...payload });
    const stored = await rows<{ n: number }>(t.app.platform.db, sql`select count(*)::int as n from hazard_evidence`);
    const tooLarge = await upload({ contentBase64: Buffer.concat([png, randomBytes(520 * 1024)]).toString('base64') });
    expect(tooLarge.statusCode).toBe(413);
    expect(tooLarge.json()).toMatchObject({ code: 'UPLOAD_TOO_LARGE', errors: [{ path: 'body.contentBase64' }] });
    const html = await upload({ mediaType: 'text/html', contentBase64: Buffer.from('<script>alert(1)</script>').toString('base64') });
    expect(html.statusCode).toBe(415);
    expect(html.json()).toMatchObject({ code: 'UPLOAD_TYPE_NOT_ALLOWED', errors: [{ path: 'body.mediaType' }] });
    const disguised = await upload({ mediaType: 'image/jpeg' });
    expect(disguised.statusCode).toBe(415);
    expect(disguised.json().errors[0].path).toBe('body.contentBase64');
    expect((await upload({ contentBase64: 'not base64!' })).json().errors[0].path).toBe('body.contentBase64');
    expect(await rows<{ n: number }>(t.app.platform.db, sql`select count(*)::int as n from hazard_evidence`)).toEqual(stored);

    const ok = await upload({ caption: 'New extinguisher on its bracket' });
    expect(ok.statusCode, ok.body).toBe(201);
    expect(ok.json()).toMatchObject({ sizeBytes: png.length, sha256: createHash('sha256').update(png).digest('hex'), mediaType: 'image/png' });
    const list = (await call('dispatcher', 'GET', `/hazards/${h.id}/evidence`)).json();
    expect(list.map((e: { id: string }) => e.id)).toEqual([ok.json().id]);
    const content = await call('dispatcher', 'GET', `/hazards/${h.id}/evidence/${ok.json().id}/content`);
    expect(content.headers['content-type']).toBe('image/png');
    expect(content.rawPayload.equals(png)).toBe(true);
  });
});
