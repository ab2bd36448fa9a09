import type { ReinforcementRequest } from '@firebreak/contracts';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rows } from '../../platform/db/client.js';
import { clearDemoAgreements, createUser, jurisdictionByPath, loginAdmin, standDownDemoForces, startTestApp, type TestApp, type TestUser } from '../../../test/harness.js';
import { StreamClient } from '../../../test/stream-client.js';
import { sweepReinforcements } from './sweep-reinforcements.js';

/** Vaduz town centre; Schaan's and Triesen's stations to the north and south, Eschen (Unterland) further north. */
const VADUZ: [number, number] = [9.5215, 47.141];
const SCHAAN: [number, number] = [9.5095, 47.165];
const ESCHEN: [number, number] = [9.5225, 47.2105];

type Item = { unitId: string; kind: string; planSlot: { kind: string } | null; lent?: { requestId: string; lendingJurisdictionPath: string } | null };

describe('reinforcement requests: asked up the tree, granted as units lent for one incident', () => {
  let t: TestApp;
  let now = new Date('2026-03-10T08:00:00.000Z');
  let admin: string;
  let vaduz: TestUser;
  let oberlandDuty: TestUser;
  let schaan: TestUser;
  let national: TestUser;
  let oberlandStream: StreamClient;
  let vaduzStream: StreamClient;
  const u = {} as Record<'schaanEngine' | 'schaanEngine2' | 'schaanAmbulance' | 'schaanOff' | 'eschenEngine' | 'eschenRescue', string>;

  const call = (cookie: string, method: 'GET' | 'POST', url: string, payload?: object, headers: Record<string, string> = {}) =>
    t.app.inject({ method, url: `/api/v1${url}`, headers: { cookie, ...headers }, ...(payload ? { payload } : {}) });
  const count = async (table: 'reinforcement_requests' | 'unit_loans') => Number((await rows<{ n: number }>(t.app.platform.db, sql`select count(*)::int as n from ${sql.raw(table)}`))[0]!.n);
  async function unit(path: string, callSign: string, kind: string, at: [number, number], capabilities: string[] = [], onDuty = true): Promise<string> {
    const j = await jurisdictionByPath(t.app, path);
    const res = await call(admin, 'POST', '/units', { callSign, kind, jurisdictionId: j.id, homeLocation: at, crewSize: 4, onDuty, capabilities });
    expect(res.statusCode, res.body).toBe(201);
    return res.json().id;
  }
  async function fire(): Promise<string> {
    const res = await call(vaduz.cookie, 'POST', '/incidents', { type: 'fire', priority: 'P1', location: VADUZ, address: 'Städtle 1, Vaduz' });
    expect(res.statusCode, res.body).toBe(201);
    return res.json().id;
  }
  const ask = async (incidentId: string, body: object, cookie = vaduz.cookie) => call(cookie, 'POST', `/incidents/${incidentId}/reinforcement-requests`, body);
  async function asked(incidentId: string, body: object): Promise<ReinforcementRequest> {
    const res = await ask(incidentId, body);
    expect(res.statusCode, res.body).toBe(201);
    return res.json();
  }
  const recommended = async (incidentId: string): Promise<Item[]> => {
    const res = await call(vaduz.cookie, 'GET', `/incidents/${incidentId}/recommendations?limit=200`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json().items;
  };

  beforeAll(async () => {
    t = await startTestApp({ clock: () => now });
    // The world is the units this test registers, and no neighbour lends anything by agreement.
    await standDownDemoForces(t.app);
    await clearDemoAgreements(t.app);
    await t.app.listen({ host: '127.0.0.1', port: 0 });
    const baseUrl = `http://127.0.0.1:${(t.app.server.address() as { port: number }).port}`;
    admin = await loginAdmin(t.app);
    vaduz = await createUser(t.app, 'dispatcher', 'li.oberland.vaduz');
    oberlandDuty = await createUser(t.app, 'duty_officer', 'li.oberland');
    schaan = await createUser(t.app, 'dispatcher', 'li.oberland.schaan');
    national = await createUser(t.app, 'dispatcher', 'li');
    u.schaanEngine = await unit('li.oberland.schaan', 'RF Schaan TLF', 'fire_engine', SCHAAN, ['water', 'technical_rescue']);
    u.schaanEngine2 = await unit('li.oberland.schaan', 'RF Schaan TLF 2', 'fire_engine', SCHAAN, ['water']);
    u.schaanAmbulance = await unit('li.oberland.schaan', 'RF Schaan RTW', 'ambulance', SCHAAN, ['als']);
    u.schaanOff = await unit('li.oberland.schaan', 'RF Schaan TLF 3', 'fire_engine', SCHAAN, ['water'], false);
    u.eschenEngine = await unit('li.unterland.eschen', 'RF Eschen TLF', 'fire_engine', ESCHEN, ['water']);
    u.eschenRescue = await unit('li.unterland.eschen', 'RF Eschen RW', 'rescue', ESCHEN, ['technical_rescue']);
    oberlandStream = await StreamClient.connect(baseUrl, { cookie: oberlandDuty.cookie });
    vaduzStream = await StreamClient.connect(baseUrl, { cookie: vaduz.cookie });
    await Promise.all([oberlandStream.waitForKind('caught_up'), vaduzStream.waitForKind('caught_up')]);
  }, 120_000);
  afterAll(async () => {
    await Promise.all([oberlandStream?.close(), vaduzStream?.close()]);
    await t?.close();
  });

  it('a Vaduz fire without engines asks Oberland; a partial grant lends the engine for that incident only and asks the nation for the rest', async () => {
    const inc = await fire();
    const other = await fire();
    const before = await call(vaduz.cookie, 'GET', `/incidents/${inc}/recommendations`);
    expect(before.json().shortfall).toContainEqual(expect.objectContaining({ kind: 'fire_engine', reason: 'none_in_scope' }));
    expect((await recommended(inc)).map((i) => i.unitId)).not.toContain(u.schaanEngine);

    // Retried with the same key: one request.
    const key = { 'idempotency-key': `reinf-${inc}` };
    const first = await call(vaduz.cookie, 'POST', `/incidents/${inc}/reinforcement-requests`, { kind: 'fire_engine', count: 2 }, key);
    expect(first.statusCode, first.body).toBe(201);
    const again = await call(vaduz.cookie, 'POST', `/incidents/${inc}/reinforcement-requests`, { kind: 'fire_engine', count: 2 }, key);
    expect(again.json().id).toBe(first.json().id);
    const req: ReinforcementRequest = first.json();
    expect(req).toMatchObject({ state: 'open', targetPath: 'li.oberland', count: 2, granted: 0, timeoutSeconds: 120, answerDueAt: '2026-03-10T08:02:00.000Z', lent: [] });
    expect((await rows<{ n: number }>(t.app.platform.db, sql`select count(*)::int as n from reinforcement_requests where incident_id = ${inc}`))[0]!.n).toBe(1);

    // The alert reaches Oberland's duty officer; the inbox is theirs, not Vaduz's.
    // The request is announced once per path (the incident's, then the target's: request-steps.ts),
    // in that order since the relay keeps the write order; Oberland's stream sees both.
    const alert = await oberlandStream.waitForEventWhere((e) => e.type === 'reinforcements.requested' && (e.data as ReinforcementRequest).id === req.id && e.jurisdictionPath === 'li.oberland');
    expect(alert.jurisdictionPath).toBe('li.oberland');
    expect((await call(oberlandDuty.cookie, 'GET', '/reinforcement-requests')).json().map((r: ReinforcementRequest) => r.id)).toContain(req.id);
    expect((await call(vaduz.cookie, 'GET', '/reinforcement-requests')).json().map((r: ReinforcementRequest) => r.id)).not.toContain(req.id);
    expect((await call(vaduz.cookie, 'GET', `/incidents/${inc}/reinforcement-requests`)).json().map((r: ReinforcementRequest) => r.id)).toEqual([req.id]);

    // The granter's choice: Oberland's available engines, with their road time; not the off-duty one.
    const candidates = (await call(oberlandDuty.cookie, 'GET', `/reinforcement-requests/${req.id}/candidates`)).json() as { unitId: string; etaSeconds: number | null }[];
    expect(candidates.map((c) => c.unitId).sort()).toEqual([u.schaanEngine, u.schaanEngine2].sort());
    for (const c of candidates) expect(c.etaSeconds).toBeGreaterThan(0);

    now = new Date(now.getTime() + 40_000);
    const granted = await call(oberlandDuty.cookie, 'POST', `/reinforcement-requests/${req.id}/grant`, { unitIds: [u.schaanEngine] });
    expect(granted.statusCode, granted.body).toBe(200);
    expect(granted.json()).toMatchObject({ state: 'open', granted: 1, targetPath: 'li', lent: [{ unitId: u.schaanEngine, callSign: 'RF Schaan TLF', jurisdictionPath: 'li.oberland.schaan' }] });
    expect(granted.json().steps.map((s: { step: string; jurisdictionPath: string | null }) => `${s.step} ${s.jurisdictionPath}`)).toEqual(['asked li.oberland', 'granted li.oberland', 'asked li']);
    // Live on the requester's board.
    const live = await vaduzStream.waitForEventWhere((e) => e.type === 'reinforcements.granted' && (e.data as ReinforcementRequest).id === req.id);
    expect((live.data as ReinforcementRequest).lent.map((l) => l.unitId)).toEqual([u.schaanEngine]);
    expect(await rows(t.app.platform.db, sql`select entity_id from audit_log where action = 'reinforcements.unit_lent' and entity_id = ${u.schaanEngine}`)).toHaveLength(1);

    // Recommended for this incident, marked lent, filling an engine slot; not for the other one.
    const items = await recommended(inc);
    const lent = items.find((i) => i.unitId === u.schaanEngine);
    expect(lent).toMatchObject({ kind: 'fire_engine', lent: { requestId: req.id, lendingJurisdictionPath: 'li.oberland' }, planSlot: { kind: 'fire_engine' } });
    expect(items.map((i) => i.unitId)).not.toContain(u.schaanEngine2);
    expect((await recommended(other)).map((i) => i.unitId)).not.toContain(u.schaanEngine);
    expect((await call(vaduz.cookie, 'POST', `/incidents/${other}/assignments`, { unitIds: [u.schaanEngine] })).statusCode).toBe(404);

    // Granted twice (the nation names the same engine): 409, nothing written.
    const loans = await count('unit_loans');
    const twice = await call(national.cookie, 'POST', `/reinforcement-requests/${req.id}/grant`, { unitIds: [u.schaanEngine] });
    expect(twice.statusCode, twice.body).toBe(409);
    expect(twice.json()).toMatchObject({ code: 'REINFORCEMENT_UNIT_UNAVAILABLE' });
    expect(await count('unit_loans')).toBe(loans);

    // Oberland was answered already: no longer theirs to answer.
    const late = await call(oberlandDuty.cookie, 'POST', `/reinforcement-requests/${req.id}/grant`, { unitIds: [u.schaanEngine2] });
    expect(late.statusCode).toBe(403);
    expect(late.json().code).toBe('REINFORCEMENT_NOT_ADDRESSED');

    const rest = await call(national.cookie, 'POST', `/reinforcement-requests/${req.id}/grant`, { unitIds: [u.eschenEngine] });
    expect(rest.statusCode, rest.body).toBe(200);
    expect(rest.json()).toMatchObject({ state: 'fulfilled', granted: 2, targetPath: null, answerDueAt: null });
    const more = await call(national.cookie, 'POST', `/reinforcement-requests/${req.id}/grant`, { unitIds: [u.schaanEngine2] });
    expect(more.statusCode).toBe(409);
    expect(more.json().code).toBe('REINFORCEMENT_NOT_OPEN');

    // The requester sends the lent engine to the incident it was lent for.
    const sent = await call(vaduz.cookie, 'POST', `/incidents/${inc}/assignments`, { unitIds: [u.schaanEngine] });
    expect(sent.statusCode, sent.body).toBe(201);
  });

  it('a refusal goes a level up at once: neighbour Schaan, then Oberland, then the nation, then nobody', async () => {
    const inc = await fire();
    const req = await asked(inc, { capability: 'technical_rescue', count: 1, target: { to: 'neighbour', jurisdictionId: (await jurisdictionByPath(t.app, 'li.oberland.schaan')).id } });
    expect(req.targetPath).toBe('li.oberland.schaan');
    // Oberland's duty officer may send Schaan's units too, but a dispatcher of Vaduz may not answer.
    expect((await call(vaduz.cookie, 'POST', `/reinforcement-requests/${req.id}/refuse`, { reason: 'mine' })).statusCode).toBe(403);
    const refused = await call(schaan.cookie, 'POST', `/reinforcement-requests/${req.id}/refuse`, { reason: 'Our rescue kit is at another call' });
    expect(refused.statusCode, refused.body).toBe(200);
    expect(refused.json()).toMatchObject({ state: 'open', targetPath: 'li.oberland' });
    expect(refused.json().steps[1]).toMatchObject({ step: 'refused', jurisdictionPath: 'li.oberland.schaan', reason: 'Our rescue kit is at another call' });
    await oberlandStream.waitForEventWhere((e) => e.type === 'reinforcements.escalated' && (e.data as ReinforcementRequest).id === req.id);
    // A capability fills by any unit carrying it: the Eschen rescue truck is the nation's to offer, not an ambulance.
    expect((await call(oberlandDuty.cookie, 'POST', `/reinforcement-requests/${req.id}/refuse`, { reason: 'None free' })).json().targetPath).toBe('li');
    const offered = (await call(national.cookie, 'GET', `/reinforcement-requests/${req.id}/candidates`)).json().map((c: { unitId: string }) => c.unitId);
    expect(offered).toContain(u.eschenRescue);
    expect(offered).not.toContain(u.schaanAmbulance);
    const wrong = await call(national.cookie, 'POST', `/reinforcement-requests/${req.id}/grant`, { unitIds: [u.schaanAmbulance] });
    expect(wrong.statusCode).toBe(422);
    expect(wrong.json()).toMatchObject({ code: 'REINFORCEMENT_UNIT_NOT_LENDABLE' });
    const last = await call(national.cookie, 'POST', `/reinforcement-requests/${req.id}/refuse`, { reason: 'Keep it in Unterland' });
    expect(last.json()).toMatchObject({ state: 'exhausted', targetPath: null });
  });

  it('a level that does not answer in time is passed over by the sweep; closing the incident cancels what is still open', async () => {
    const inc = await fire();
    const req = await asked(inc, { kind: 'ambulance', count: 1, timeoutSeconds: 30 });
    now = new Date(now.getTime() + 29_000);
    expect(await sweepReinforcements(t.app.platform.command)).toBe(0);
    now = new Date(now.getTime() + 1_000);
    expect(await sweepReinforcements(t.app.platform.command)).toBe(1);
    const moved = (await call(vaduz.cookie, 'GET', `/reinforcement-requests/${req.id}`)).json();
    expect(moved).toMatchObject({ state: 'open', targetPath: 'li', answerDueAt: new Date(now.getTime() + 30_000).toISOString() });
    expect(moved.steps.map((s: { step: string }) => s.step)).toEqual(['asked', 'timed_out', 'asked']);
    // The nation lends the ambulance; then the incident closes: the open request and the unsent loan end.
    const second = await asked(inc, { kind: 'fire_engine', count: 1 });
    expect((await call(national.cookie, 'POST', `/reinforcement-requests/${req.id}/grant`, { unitIds: [u.schaanAmbulance] })).statusCode).toBe(200);
    const closed = await call(vaduz.cookie, 'POST', `/incidents/${inc}/close`, { disposition: 'false_alarm' });
    expect(closed.statusCode, closed.body).toBe(200);
    expect(await sweepReinforcements(t.app.platform.command)).toBe(1);
    expect((await call(vaduz.cookie, 'GET', `/reinforcement-requests/${second.id}`)).json()).toMatchObject({ state: 'cancelled', targetPath: null });
    expect((await call(vaduz.cookie, 'GET', `/reinforcement-requests/${req.id}`)).json().state).toBe('fulfilled');
  });

  it('a cancelled request gives back the units it lent and not yet sent', async () => {
    const inc = await fire();
    const req = await asked(inc, { kind: 'fire_engine', count: 1 });
    expect((await call(oberlandDuty.cookie, 'POST', `/reinforcement-requests/${req.id}/grant`, { unitIds: [u.schaanEngine2] })).statusCode).toBe(200);
    expect((await recommended(inc)).map((i) => i.unitId)).toContain(u.schaanEngine2);
    const cancelled = await call(vaduz.cookie, 'POST', `/reinforcement-requests/${req.id}/cancel`, { reason: 'Fire out' });
    expect(cancelled.statusCode, cancelled.body).toBe(200);
    expect(cancelled.json().state).toBe('cancelled');
    expect((await recommended(inc)).map((i) => i.unitId)).not.toContain(u.schaanEngine2);
    expect((await call(vaduz.cookie, 'POST', `/reinforcement-requests/${req.id}/cancel`, {})).json().code).toBe('REINFORCEMENT_NOT_OPEN');
  });

  it('refuses bad requests and grants with a problem naming the field, writing nothing', async () => {
    const inc = await fire();
    const before = await count('reinforcement_requests');
    const problem = async (res: Awaited<ReturnType<typeof call>>, status: number, code: string, field?: string) => {
      expect(res.statusCode, res.body).toBe(status);
      expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(res.json().code).toBe(code);
      if (field) expect(JSON.stringify(res.json())).toContain(field);
    };
    await problem(await ask('0195f7a0-0000-7000-8000-000000000000', { kind: 'fire_engine', count: 1 }), 404, 'NOT_FOUND');
    await problem(await ask(inc, { count: 1 }), 400, 'VALIDATION_FAILED', 'body.kind');
    await problem(await ask(inc, { kind: 'fire_engine', count: 0 }), 400, 'VALIDATION_FAILED', 'body.count');
    await problem(await ask(inc, { capability: 'levitation', count: 1 }), 400, 'VALIDATION_FAILED', 'body.capability');
    await problem(await ask(inc, { kind: 'fire_engine', count: 1, timeoutSeconds: 5 }), 400, 'VALIDATION_FAILED', 'body.timeoutSeconds');
    const targets = (await call(vaduz.cookie, 'GET', `/incidents/${inc}/reinforcement-targets`)).json() as { above: { path: string }; neighbours: { path: string; name: string }[] };
    expect(targets.above.path).toBe('li.oberland');
    const near = targets.neighbours.map((n) => n.path);
    expect(near).toEqual(expect.arrayContaining(['li.oberland.schaan', 'li.oberland.triesen']));
    for (const p of ['li.oberland', 'li.oberland.vaduz', 'li.unterland.ruggell']) expect(near).not.toContain(p);
    const ids = await Promise.all(['li.oberland', 'li.oberland.vaduz', 'li.unterland.ruggell'].map(async (p) => (await jurisdictionByPath(t.app, p)).id));
    for (const id of ids) await problem(await ask(inc, { kind: 'fire_engine', count: 1, target: { to: 'neighbour', jurisdictionId: id } }), 422, 'REINFORCEMENT_TARGET_INVALID', 'body.target.jurisdictionId');
    // Someone who may not dispatch for the incident.
    await problem(await ask(inc, { kind: 'fire_engine', count: 1 }, schaan.cookie), 404, 'NOT_FOUND');
    expect(await count('reinforcement_requests')).toBe(before);

    const req = await asked(inc, { kind: 'fire_engine', count: 1 });
    const loans = await count('unit_loans');
    const grant = (unitIds: string[], cookie = oberlandDuty.cookie) => call(cookie, 'POST', `/reinforcement-requests/${req.id}/grant`, { unitIds });
    await problem(await grant([u.eschenEngine]), 422, 'REINFORCEMENT_UNIT_NOT_LENDABLE', 'body.unitIds.0');
    await problem(await grant([u.schaanAmbulance]), 422, 'REINFORCEMENT_UNIT_NOT_LENDABLE', 'body.unitIds.0');
    await problem(await grant([u.schaanOff]), 409, 'REINFORCEMENT_UNIT_UNAVAILABLE', 'body.unitIds.0');
    await problem(await grant([u.schaanEngine2, u.schaanOff]), 422, 'REINFORCEMENT_TOO_MANY', 'body.unitIds');
    await problem(await grant([u.schaanEngine2, u.schaanEngine2]), 400, 'VALIDATION_FAILED', 'body.unitIds');
    await problem(await grant([u.schaanEngine2], vaduz.cookie), 403, 'REINFORCEMENT_NOT_ADDRESSED');
    await problem(await call(oberlandDuty.cookie, 'POST', `/reinforcement-requests/${req.id}/refuse`, { reason: '' }), 400, 'VALIDATION_FAILED', 'body.reason');
    await problem(await call(schaan.cookie, 'POST', `/reinforcement-requests/${req.id}/cancel`, {}), 404, 'NOT_FOUND');
    await problem(await call(schaan.cookie, 'GET', `/reinforcement-requests/${req.id}`), 404, 'NOT_FOUND');
    expect(await count('unit_loans')).toBe(loans);
    expect((await call(vaduz.cookie, 'GET', `/reinforcement-requests/${req.id}`)).json()).toMatchObject({ state: 'open', granted: 0, version: 1 });
  });
});
