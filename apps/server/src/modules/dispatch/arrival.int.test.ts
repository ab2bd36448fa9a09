import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rows } from '../../platform/db/client.js';
import type { PublishedEvent } from '../../platform/events/bus.js';
import { jurisdictionByPath, loginAdmin, standDownDemoForces, startTestApp, type TestApp } from '../../../test/harness.js';

const SCENE: [number, number] = [9.5215, 47.141]; // Vaduz
/** Schaan, about 3 km by road north of the scene. */
const FAR: [number, number] = [9.5095, 47.165];
/** About 45 m east of the scene: inside the 100 m arrival radius. */
const AT_SCENE: [number, number] = [9.5221, 47.141];
/** About 220 m north: outside the radius, inside the 300 m "far" threshold. */
const NEAR: [number, number] = [9.5215, 47.143];

/** Waits (real time) until `probe` gives a value: the arrival detector is an outbox consumer that polls. */
async function until<T>(probe: () => Promise<T | undefined>, what: string, ms = 15_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await probe();
    if (v !== undefined) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('arrival by AVL and the plausibility of an on-scene status', () => {
  let t: TestApp;
  let now = new Date('2026-05-04T09:00:00.000Z');
  let admin: string;
  let device: string;
  const events: PublishedEvent[] = [];
  const advance = (s: number) => void (now = new Date(now.getTime() + s * 1000));
  const call = (method: 'GET' | 'POST', url: string, payload?: object) =>
    t.app.inject({ method, url: `/api/v1${url}`, headers: { cookie: admin }, ...(payload ? { payload } : {}) });
  const report = async (fixes: { unitId: string; location: [number, number]; at?: string }[]) => {
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/avl/positions', headers: { authorization: `Bearer ${device}` }, payload: { fixes: fixes.map((f) => ({ at: now.toISOString(), ...f })) } });
    expect(res.statusCode, res.body).toBe(200);
  };
  const assignment = async (id: string) => (await rows<{ state: string; onSceneAt: Date | null; source: string | null; doubt: unknown }>(t.app.platform.db, sql`
    select state, on_scene_at as "onSceneAt", arrival_source as source, arrival_doubt as doubt from assignments where id = ${id}`))[0]!;

  async function unit(callSign: string, home: [number, number]): Promise<string> {
    const j = await jurisdictionByPath(t.app, 'li.oberland.vaduz');
    const res = await call('POST', '/units', { callSign, kind: 'patrol_car', jurisdictionId: j.id, homeLocation: home, crewSize: 2, onDuty: true });
    expect(res.statusCode, res.body).toBe(201);
    return res.json().id;
  }
  /** A P1 call at the scene and the unit sent to it: the assignment. */
  async function sendTo(unitId: string) {
    const inc = await call('POST', '/incidents', { type: 'traffic_accident', priority: 'P1', location: SCENE, address: 'Äulestrasse 1, Vaduz', narrative: 'Two cars' });
    expect(inc.statusCode, inc.body).toBe(201);
    const sent = await call('POST', `/incidents/${inc.json().id}/assignments`, { unitIds: [unitId] });
    expect(sent.statusCode, sent.body).toBe(201);
    return sent.json()[0] as { id: string; incidentId: string; etaSeconds: number | null; assignedAt: string };
  }

  beforeAll(async () => {
    t = await startTestApp({ clock: () => now });
    await standDownDemoForces(t.app);
    t.app.platform.bus.subscribe((e) => events.push(e));
    admin = await loginAdmin(t.app);
    const oberland = await jurisdictionByPath(t.app, 'li.oberland');
    const d = await call('POST', '/staff', { username: 'avl-arrivals', displayName: 'AVL gateway', kind: 'device', jurisdictionId: oberland.id, grants: [{ role: 'unit_member', jurisdictionId: oberland.id }] });
    expect(d.statusCode, d.body).toBe(201);
    device = (await call('POST', `/staff/${d.json().id}/tokens`, { name: 'gateway' })).json().token;
  }, 120_000);
  afterAll(async () => t?.close());

  it('marks a dispatched unit on scene when its fixes enter the radius, at the fix time, by AVL, audited', async () => {
    const u = await unit('Vaduz AVL 1', FAR);
    await report([{ unitId: u, location: FAR }]);
    const a = await sendTo(u);
    advance(60);
    await report([{ unitId: u, location: NEAR }]); // close, not there
    advance(30);
    const arrivedAt = now.toISOString();
    await report([{ unitId: u, location: AT_SCENE }]);
    advance(5); // the detector may run later than the fix: the on-scene time is the fix's
    const after = await until(async () => {
      const r = await assignment(a.id);
      return r.state === 'on_scene' ? r : undefined;
    }, 'the AVL arrival');
    expect(after.source).toBe('avl');
    expect(after.doubt).toBeNull();
    expect(new Date(after.onSceneAt!).toISOString()).toBe(arrivedAt);
    const [unitRow] = await rows<{ status: string }>(t.app.platform.db, sql`select status from units where id = ${u}`);
    expect(unitRow!.status).toBe('on_scene');
    const audit = await rows<{ actor: string | null; step: string; source: string; metres: number }>(t.app.platform.db, sql`
      select actor_name as actor, after->>'step' as step, after->>'arrivalSource' as source, (after->'fix'->>'metres')::int as metres
      from audit_log where entity_id = ${a.incidentId} and action = 'dispatch.assignment_changed'`);
    expect(audit).toEqual([{ actor: 'avl-arrival', step: 'on_scene', source: 'avl', metres: expect.any(Number) }]);
    expect(audit[0]!.metres).toBeLessThanOrEqual(100);
    // The incident's clock counts the arrival: the P1's tier 2 (3 min) was met at the fix's time.
    const [inc] = await rows<{ tiers: { tier: number; metAt: string | null }[] }>(t.app.platform.db, sql`select tiers from incidents where id = ${a.incidentId}`);
    expect(inc!.tiers.find((x) => x.tier === 2)!.metAt).not.toBeNull();
    await t.app.platform.relay.drain();
    expect(events.some((e) => e.type === 'dispatch.assignment_changed' && (e.data as { id: string; step: string }).id === a.id && (e.data as { step: string }).step === 'on_scene')).toBe(true);
  });

  it('does not count a fix inside the radius taken before the unit was sent, nor one of a unit not sent there', async () => {
    const u = await unit('Vaduz AVL 2', FAR);
    const idle = await unit('Vaduz AVL 3', FAR);
    const before = new Date(now.getTime() - 1000).toISOString();
    const a = await sendTo(u);
    await report([{ unitId: u, location: AT_SCENE, at: before }, { unitId: idle, location: AT_SCENE }]);
    // A later fix far away, then one at the scene: the detector has seen the first batch when the second arrives.
    advance(20);
    await report([{ unitId: u, location: NEAR }]);
    advance(20);
    await report([{ unitId: u, location: AT_SCENE }]);
    const after = await until(async () => {
      const r = await assignment(a.id);
      return r.state === 'on_scene' ? r : undefined;
    }, 'the second arrival');
    expect(new Date(after.onSceneAt!).toISOString()).toBe(now.toISOString());
    const [idleRow] = await rows<{ status: string }>(t.app.platform.db, sql`select status from units where id = ${idle}`);
    expect(idleRow!.status).not.toBe('on_scene');
  });

  it('flags an on-scene status pressed seconds after dispatch while the last fix is far from the scene, and keeps it', async () => {
    const u = await unit('Vaduz AVL 4', FAR);
    await report([{ unitId: u, location: FAR }]);
    const a = await sendTo(u);
    expect(a.etaSeconds).toBeGreaterThan(120);
    advance(8);
    const res = await call('POST', `/assignments/${a.id}/actions`, { action: 'on_scene' });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.state).toBe('on_scene');
    expect(body.arrivalSource).toBe('status');
    expect(body.arrivalDoubt).toMatchObject({ reasons: ['too_soon', 'far_from_scene'], secondsSinceDispatch: 8, etaSeconds: a.etaSeconds });
    expect(body.arrivalDoubt.lastFixMetres).toBeGreaterThan(2000);
    const doubted = await rows<{ after: { assignmentId: string; reasons: string[] } }>(t.app.platform.db, sql`
      select after from audit_log where entity_id = ${a.incidentId} and action = 'dispatch.arrival_doubted'`);
    expect(doubted.map((d) => d.after.assignmentId)).toEqual([a.id]);
    expect(doubted[0]!.after.reasons).toEqual(['too_soon', 'far_from_scene']);
    await t.app.platform.relay.drain();
    const ev = events.filter((e) => e.type === 'dispatch.arrival_doubted' && (e.data as { assignmentId: string }).assignmentId === a.id);
    expect(ev.map((e) => e.jurisdictionPath)).toEqual(['li.oberland.vaduz']);
    // The assignment carries it for every reader (the incident's board).
    const list = (await call('GET', `/incidents/${a.incidentId}/assignments`)).json();
    expect(list[0].arrivalDoubt.reasons).toEqual(['too_soon', 'far_from_scene']);
  });

  it('accepts an on-scene status that fits the fix and the ETA without a flag', async () => {
    const u = await unit('Vaduz AVL 5', FAR);
    await report([{ unitId: u, location: FAR }]);
    const a = await sendTo(u);
    advance(a.etaSeconds ?? 300);
    // Its device's last fix puts it just outside the radius (parked down the street): plausible.
    await report([{ unitId: u, location: NEAR }]);
    const res = await call('POST', `/assignments/${a.id}/actions`, { action: 'on_scene' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ state: 'on_scene', arrivalSource: 'status', arrivalDoubt: null });
    expect(await rows(t.app.platform.db, sql`select 1 from audit_log where entity_id = ${a.incidentId} and action = 'dispatch.arrival_doubted'`)).toHaveLength(0);
  });
});
