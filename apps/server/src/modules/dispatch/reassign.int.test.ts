import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rows } from '../../platform/db/client.js';
import { createUser, jurisdictionByPath, loginAdmin, startTestApp, type TestApp, type TestUser } from '../../../test/harness.js';

const VADUZ: [number, number] = [9.5215, 47.141];
const VADUZ_NORTH: [number, number] = [9.5205, 47.152];
const SCHAAN: [number, number] = [9.5095, 47.165];

type Assignment = { id: string; incidentId: string; unitId: string; state: string };

describe('reassign: a unit moved between incidents, or another unit put in its place, in one command', () => {
  let t: TestApp;
  let now = new Date('2026-03-04T10:00:00.000Z');
  let admin: string;
  let dispatcher: TestUser;
  const call = (cookie: string, method: 'GET' | 'POST', url: string, payload?: object, headers: Record<string, string> = {}) =>
    t.app.inject({ method, url: `/api/v1${url}`, headers: { cookie, ...headers }, ...(payload ? { payload } : {}) });
  const count = async (q: ReturnType<typeof sql>) => Number((await rows<{ n: number }>(t.app.platform.db, q))[0]!.n);
  const unitState = async (id: string) => (await rows<{ status: string; incident_id: string | null }>(t.app.platform.db, sql`select status, incident_id from units where id = ${id}`))[0]!;
  const actionsOn = async (incidentId: string) => ((await call(admin, 'GET', `/incidents/${incidentId}/timeline`)).json() as { action: string }[]).map((e) => e.action);

  async function unit(callSign: string, at: [number, number] = VADUZ): Promise<string> {
    const j = await jurisdictionByPath(t.app, 'li.oberland.vaduz');
    const res = await call(admin, 'POST', '/units', { callSign, kind: 'patrol_car', jurisdictionId: j.id, homeLocation: at, crewSize: 2, onDuty: true });
    expect(res.statusCode, res.body).toBe(201);
    return res.json().id;
  }
  async function incident(at: [number, number] = VADUZ): Promise<string> {
    const res = await call(admin, 'POST', '/incidents', { type: 'fire', priority: 'P2', location: at });
    expect(res.statusCode, res.body).toBe(201);
    return res.json().id;
  }
  async function send(incidentId: string, unitId: string): Promise<Assignment> {
    const res = await call(dispatcher.cookie, 'POST', `/incidents/${incidentId}/assignments`, { unitIds: [unitId] });
    expect(res.statusCode, res.body).toBe(201);
    return res.json()[0];
  }
  const step = async (assignmentId: string, action: string) => {
    const res = await call(dispatcher.cookie, 'POST', `/assignments/${assignmentId}/actions`, { action });
    expect(res.statusCode, res.body).toBe(200);
  };

  beforeAll(async () => {
    t = await startTestApp({ clock: () => now });
    admin = await loginAdmin(t.app);
    dispatcher = await createUser(t.app, 'dispatcher', 'li.oberland.vaduz');
  }, 120_000);
  afterAll(async () => t?.close());

  it('diverts a unit en route to another incident once for a repeated Idempotency-Key, on both timelines', async () => {
    const [first, second, u] = [await incident(), await incident(VADUZ_NORTH), await unit('RA 1')];
    const a = await send(first, u);
    await step(a.id, 'en_route');
    now = new Date(now.getTime() + 30_000);
    const key = { 'idempotency-key': 'reassign-key-0001' };
    const res = await call(dispatcher.cookie, 'POST', `/assignments/${a.id}/reassign`, { incidentId: second }, key);
    expect(res.statusCode, res.body).toBe(200);
    const { ended, started } = res.json() as { ended: Assignment & { cancelledAt: string }; started: Assignment & { etaSeconds: number | null } };
    expect(ended).toMatchObject({ id: a.id, incidentId: first, state: 'cancelled', cancelledAt: now.toISOString() });
    expect(started).toMatchObject({ incidentId: second, unitId: u, state: 'assigned' });
    expect(started.etaSeconds).toBeGreaterThan(0);
    expect(await unitState(u)).toEqual({ status: 'dispatched', incident_id: second });

    const again = await call(dispatcher.cookie, 'POST', `/assignments/${a.id}/reassign`, { incidentId: second }, key);
    expect(again.statusCode).toBe(200);
    expect(again.json()).toEqual(res.json());
    expect(await count(sql`select count(*)::int as n from assignments where unit_id = ${u}`)).toBe(2);

    expect(await actionsOn(first)).toEqual(expect.arrayContaining(['dispatch.unit_assigned', 'dispatch.assignment_changed', 'dispatch.unit_reassigned']));
    expect(await actionsOn(second)).toContain('dispatch.unit_reassigned');
    const [toSecond] = await rows<{ after: { from: { incidentId: string } } }>(t.app.platform.db,
      sql`select after from audit_log where entity_id = ${second} and action = 'dispatch.unit_reassigned'`);
    expect(toSecond!.after.from.incidentId).toBe(first);
  });

  it('releases a unit on scene to another incident: its first assignment counts as cleared, not cancelled', async () => {
    const [first, second, u] = [await incident(), await incident(VADUZ_NORTH), await unit('RA 2')];
    const a = await send(first, u);
    await step(a.id, 'on_scene');
    const res = await call(dispatcher.cookie, 'POST', `/assignments/${a.id}/reassign`, { incidentId: second });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().ended).toMatchObject({ state: 'cleared', onSceneAt: expect.any(String) });
    expect(await unitState(u)).toEqual({ status: 'dispatched', incident_id: second });
  });

  it('swaps the unit on an assignment: the first clears, the second is sent', async () => {
    const [inc, u1, u2] = [await incident(), await unit('RA 3'), await unit('RA 4')];
    const a = await send(inc, u1);
    const res = await call(dispatcher.cookie, 'POST', `/assignments/${a.id}/reassign`, { unitId: u2 });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().ended).toMatchObject({ unitId: u1, state: 'cancelled' });
    expect(res.json().started).toMatchObject({ unitId: u2, incidentId: inc, state: 'assigned' });
    expect(await unitState(u1)).toEqual({ status: 'available', incident_id: null });
    expect(await unitState(u2)).toEqual({ status: 'dispatched', incident_id: inc });
  });

  it('refuses what the models refuse with a 409, bad bodies with a 400, and changes nothing', async () => {
    const [first, second, u, busy] = [await incident(), await incident(), await unit('RA 5'), await unit('RA 6')];
    const a = await send(first, u);
    await send(second, busy);
    const schaanIncident = await incident(SCHAAN);
    const before = await count(sql`select count(*)::int as n from assignments`);
    const audit = await count(sql`select count(*)::int as n from audit_log`);
    const cases: [object, number, string][] = [
      [{ incidentId: first }, 409, 'DISPATCH_REASSIGN_NOT_ALLOWED'],
      [{ unitId: u }, 409, 'DISPATCH_REASSIGN_NOT_ALLOWED'],
      [{ unitId: busy }, 409, 'DISPATCH_UNIT_UNAVAILABLE'],
      [{ incidentId: schaanIncident }, 400, 'VALIDATION_FAILED'], // not in a Vaduz dispatcher's scope
      [{ incidentId: second, unitId: busy }, 400, 'VALIDATION_FAILED'],
      [{}, 400, 'VALIDATION_FAILED'],
      [{ incidentId: 'nope' }, 400, 'VALIDATION_FAILED'],
    ];
    for (const [body, status, code] of cases) {
      const res = await call(dispatcher.cookie, 'POST', `/assignments/${a.id}/reassign`, body);
      expect(res.statusCode, `${JSON.stringify(body)}: ${res.body}`).toBe(status);
      expect(res.json().code).toBe(code);
    }
    await step(a.id, 'cancel');
    const ended = await call(dispatcher.cookie, 'POST', `/assignments/${a.id}/reassign`, { incidentId: second });
    expect(ended.statusCode).toBe(409);
    expect(await count(sql`select count(*)::int as n from assignments`)).toBe(before);
    expect(await count(sql`select count(*)::int as n from audit_log`)).toBe(audit + 2); // the cancel and its unit step
    expect(await unitState(busy)).toEqual({ status: 'dispatched', incident_id: second });
  });

  it('lets exactly one of two dispatchers racing to move the same unit win; the other gets a 409', async () => {
    const [first, second, third, u] = [await incident(), await incident(), await incident(), await unit('RA 7')];
    const a = await send(first, u);
    const results = await Promise.all([
      call(dispatcher.cookie, 'POST', `/assignments/${a.id}/reassign`, { incidentId: second }),
      call(dispatcher.cookie, 'POST', `/assignments/${a.id}/reassign`, { incidentId: third }),
    ]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    const won = results.find((r) => r.statusCode === 200)!.json().started.incidentId;
    expect(await unitState(u)).toEqual({ status: 'dispatched', incident_id: won });
    expect(await count(sql`select count(*)::int as n from assignments where unit_id = ${u} and state not in ('cleared', 'cancelled')`)).toBe(1);
  });
});
