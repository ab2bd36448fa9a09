import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rows } from '../../platform/db/client.js';
import type { PublishedEvent } from '../../platform/events/bus.js';
import { StreamClient } from '../../../test/stream-client.js';
import { createUser, jurisdictionByPath, loginAdmin, startTestApp, type TestApp } from '../../../test/harness.js';
import { sweepResponseClocks } from '../incidents/index.js';

const SCENE: [number, number] = [9.5215, 47.141]; // Vaduz, in li.oberland

describe('escalation: a missed tier of a P1/P2 incident goes to the duty officers of the parent jurisdiction', () => {
  let t: TestApp;
  let now = new Date('2026-03-09T08:00:00.000Z');
  let admin: string;
  let dutyOberland: StreamClient;
  let vaduzDispatcher: StreamClient;
  let oberlandId: string;
  const advance = (s: number) => void (now = new Date(now.getTime() + s * 1000));
  const call = (method: 'GET' | 'POST', url: string, payload?: object) =>
    t.app.inject({ method, url: `/api/v1${url}`, headers: { cookie: admin }, ...(payload ? { payload } : {}) });
  const sweep = () => sweepResponseClocks(t.app.platform.command);
  async function incident(priority: string): Promise<{ id: string; receivedAt: string }> {
    const res = await call('POST', '/incidents', { type: 'fire', priority, location: SCENE, address: 'Städtle 1, Vaduz' });
    expect(res.statusCode, res.body).toBe(201);
    return res.json();
  }
  const escalationsOf = async (incidentId: string) => rows<{ path: string; data: { tier: number } }>(t.app.platform.db,
    sql`select jurisdiction_path::text as path, data from outbox where type = 'incidents.escalated' and data->>'incidentId' = ${incidentId} order by seq`);
  const of = (incidentId: string) => (e: PublishedEvent) => (e.data as { incidentId?: string }).incidentId === incidentId;

  beforeAll(async () => {
    t = await startTestApp({ clock: () => now });
    await t.app.listen({ host: '127.0.0.1', port: 0 });
    const baseUrl = `http://127.0.0.1:${(t.app.server.address() as { port: number }).port}`;
    admin = await loginAdmin(t.app);
    oberlandId = (await jurisdictionByPath(t.app, 'li.oberland')).id;
    dutyOberland = await StreamClient.connect(baseUrl, { cookie: (await createUser(t.app, 'duty_officer', 'li.oberland')).cookie });
    vaduzDispatcher = await StreamClient.connect(baseUrl, { cookie: (await createUser(t.app, 'dispatcher', 'li.oberland.vaduz')).cookie });
    await Promise.all([dutyOberland.waitForKind('caught_up'), vaduzDispatcher.waitForKind('caught_up')]);
  }, 120_000);
  afterAll(async () => {
    await Promise.all([dutyOberland?.close(), vaduzDispatcher?.close()]);
    await t?.close();
  });

  it('escalates a missed tier once, in the sweep that marks it missed, to the stream of the parent jurisdiction', async () => {
    const inc = await incident('P1');
    advance(59);
    await sweep();
    expect(await escalationsOf(inc.id)).toEqual([]);
    advance(2);
    await sweep();
    await sweep();
    const first = await escalationsOf(inc.id);
    expect(first).toHaveLength(1);
    expect(first[0]).toMatchObject({ path: 'li.oberland', data: { tier: 1 } });

    const received = await dutyOberland.waitForEventWhere((e) => e.type === 'incidents.escalated' && of(inc.id)(e));
    expect(received).toMatchObject({
      jurisdictionPath: 'li.oberland',
      data: { incidentId: inc.id, priority: 'P1', jurisdictionPath: 'li.oberland.vaduz', tier: 1, requirement: 'responded', units: 1, escalatedToId: oberlandId, escalatedToPath: 'li.oberland',
        deadlineAt: new Date(Date.parse(inc.receivedAt) + 60_000).toISOString(), missedAt: new Date(Date.parse(inc.receivedAt) + 60_000).toISOString() },
    });

    // The next tier missed escalates too, and tier 1 is never escalated again.
    advance(120);
    await sweep();
    expect((await escalationsOf(inc.id)).map((e) => e.data.tier)).toEqual([1, 2]);

    const timeline = (await call('GET', `/incidents/${inc.id}/timeline`)).json() as { action: string; after: { tier: number } }[];
    expect(timeline.filter((e) => e.action === 'incidents.escalated').map((e) => e.after.tier)).toEqual([1, 2]);

    // The incident's own command sees the misses but not the escalation above it: once it has
    // received a later event, nothing escalated is among what it got.
    const later = await incident('P4');
    await vaduzDispatcher.waitForEventWhere((e) => e.type === 'incidents.opened' && (e.data as { id: string }).id === later.id);
    expect(vaduzDispatcher.events().filter((e) => of(inc.id)(e)).map((e) => e.type)).toEqual(expect.arrayContaining(['incidents.tier_missed']));
    expect(vaduzDispatcher.events().some((e) => e.type === 'incidents.escalated')).toBe(false);
  });

  it('does not escalate a missed tier of a P3 or P4 incident', async () => {
    const [p3, p4] = [await incident('P3'), await incident('P4')];
    advance(301);
    await sweep();
    for (const inc of [p3, p4]) {
      const tiers = (await call('GET', `/incidents/${inc.id}`)).json().tiers as { missedAt: string | null }[];
      expect(tiers.every((x) => x.missedAt !== null)).toBe(true);
      expect(await escalationsOf(inc.id)).toEqual([]);
    }
  });

  it('escalates a tier missed by a late arrival in the same command as the step that settled it', async () => {
    const inc = await incident('P2');
    const j = await jurisdictionByPath(t.app, 'li.oberland.vaduz');
    const unit = await call('POST', '/units', { callSign: 'Vaduz late', kind: 'patrol_car', jurisdictionId: j.id, homeLocation: SCENE, crewSize: 2, onDuty: true });
    expect(unit.statusCode, unit.body).toBe(201);
    const sent = await call('POST', `/incidents/${inc.id}/assignments`, { unitIds: [unit.json().id] });
    expect(sent.statusCode, sent.body).toBe(201);
    advance(30);
    expect((await call('POST', `/assignments/${sent.json()[0].id}/actions`, { action: 'acknowledge' })).statusCode).toBe(200);
    advance(170); // 3:20 after the call: on scene, 20 s late for tier 2
    expect((await call('POST', `/assignments/${sent.json()[0].id}/actions`, { action: 'on_scene' })).statusCode).toBe(200);

    expect((await escalationsOf(inc.id)).map((e) => e.data.tier)).toEqual([2]);
    const steps = await rows<{ action: string; request_id: string | null }>(t.app.platform.db, sql`select action, request_id from audit_log
      where entity_id = ${inc.id} and action in ('dispatch.assignment_changed', 'incidents.tier_missed', 'incidents.escalated') order by at, action`);
    const onScene = steps.filter((s) => s.action === 'dispatch.assignment_changed').at(-1)!;
    expect(onScene.request_id).not.toBeNull();
    expect(steps.filter((s) => s.action !== 'dispatch.assignment_changed').map((s) => s.request_id)).toEqual([onScene.request_id, onScene.request_id]);
    await dutyOberland.waitForEventWhere((e) => e.type === 'incidents.escalated' && of(inc.id)(e));
  });
});
