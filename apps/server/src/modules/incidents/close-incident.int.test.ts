import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rows } from '../../platform/db/client.js';
import { createUser, startTestApp, type TestApp, type TestUser } from '../../../test/harness.js';
import { sweepResponseClocks } from './index.js';

const SCENE: [number, number] = [9.5215, 47.141]; // Vaduz

interface Tier {
  tier: number;
  metAt: string | null;
  missedAt: string | null;
}

describe('closing an incident', () => {
  let t: TestApp;
  let now = new Date('2026-03-06T10:00:00.000Z');
  let dispatcher: TestUser;
  const advance = (s: number) => void (now = new Date(now.getTime() + s * 1000));
  const call = (cookie: string, method: 'GET' | 'POST', url: string, payload?: object, headers: Record<string, string> = {}) =>
    t.app.inject({ method, url: `/api/v1${url}`, headers: { cookie, ...headers }, ...(payload ? { payload } : {}) });
  const count = async (q: ReturnType<typeof sql>) => Number((await rows<{ n: number }>(t.app.platform.db, q))[0]!.n);
  const written = (id: string) => Promise.all([
    count(sql`select count(*)::int as n from audit_log where entity_id = ${id}`),
    count(sql`select count(*)::int as n from outbox where data->>'id' = ${id} or data->>'incidentId' = ${id}`),
  ]);
  async function incident(priority = 'P1'): Promise<{ id: string; version: number }> {
    const res = await call(dispatcher.cookie, 'POST', '/incidents', { type: 'fire', priority, location: SCENE });
    expect(res.statusCode, res.body).toBe(201);
    return res.json();
  }
  const incidentNow = async (id: string) => (await call(dispatcher.cookie, 'GET', `/incidents/${id}`)).json();
  const close = (id: string, body: object, headers: Record<string, string> = {}) => call(dispatcher.cookie, 'POST', `/incidents/${id}/close`, body, headers);

  beforeAll(async () => {
    t = await startTestApp({ clock: () => now });
    dispatcher = await createUser(t.app, 'dispatcher', 'li.oberland.vaduz');
  }, 120_000);
  afterAll(async () => t?.close());

  it('is refused while a unit is still on the incident, naming it, and changes nothing', async () => {
    const inc = await incident();
    const offer = await call(dispatcher.cookie, 'GET', `/incidents/${inc.id}/recommendations?limit=1`);
    expect(offer.statusCode, offer.body).toBe(200);
    const unit = offer.json().items[0] as { unitId: string; callSign: string };
    const sent = await call(dispatcher.cookie, 'POST', `/incidents/${inc.id}/assignments`, { unitIds: [unit.unitId] });
    expect(sent.statusCode, sent.body).toBe(201);
    const [assignment] = sent.json() as { id: string }[];
    const before = await incidentNow(inc.id);
    const writes = await written(inc.id);

    const refused = await close(inc.id, { disposition: 'resolved' });
    expect(refused.statusCode).toBe(409);
    expect(refused.headers['content-type']).toContain('application/problem+json');
    expect(refused.json()).toMatchObject({ code: 'INCIDENT_UNITS_COMMITTED' });
    expect(refused.json().detail).toContain(unit.callSign);
    expect(await incidentNow(inc.id)).toEqual(before);
    expect(await written(inc.id)).toEqual(writes);

    for (const action of ['acknowledge', 'en_route', 'on_scene', 'clear']) {
      const step = await call(dispatcher.cookie, 'POST', `/assignments/${assignment!.id}/actions`, { action });
      expect(step.statusCode, step.body).toBe(200);
    }
    const cleared = await incidentNow(inc.id);
    expect(cleared).toMatchObject({ state: 'open', disposition: null, closedAt: null });
    const closed = await close(inc.id, { disposition: 'resolved', note: 'Fire out, scene handed to the owner' });
    expect(closed.statusCode, closed.body).toBe(200);
    expect(closed.json()).toMatchObject({ state: 'closed', disposition: 'resolved', closedAt: now.toISOString(), version: cleared.version + 1 });
    // The command's audit row and event, with the note, in the same commit.
    const [audit] = await rows<{ after: { disposition: string; note: string } }>(t.app.platform.db, sql`select after from audit_log where entity_id = ${inc.id} and action = 'incidents.closed'`);
    expect(audit?.after).toMatchObject({ disposition: 'resolved', note: 'Fire out, scene handed to the owner' });
    expect(await count(sql`select count(*)::int as n from outbox where type = 'incidents.closed' and data->>'id' = ${inc.id}`)).toBe(1);
    // A closed incident takes no more units.
    const again = await call(dispatcher.cookie, 'POST', `/incidents/${inc.id}/assignments`, { unitIds: [unit.unitId] });
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ code: 'INCIDENT_CLOSED' });
  });

  it('settles the tiers already due when it closes, then stops the clock: nothing is missed or escalated later', async () => {
    const inc = await incident('P1');
    // Past tier 1 (1 min), before tier 2 (3 min): tier 1 is missed at closing (the caller did wait), tiers 2 and 3 never run out.
    advance(90);
    const res = await close(inc.id, { disposition: 'false_alarm' });
    expect(res.statusCode, res.body).toBe(200);
    const tiers = res.json().tiers as Tier[];
    expect(tiers.map((x) => [x.tier, x.metAt, x.missedAt !== null])).toEqual([[1, null, true], [2, null, false], [3, null, false]]);
    expect(await count(sql`select count(*)::int as n from incidents where id = ${inc.id} and next_deadline_at is null`)).toBe(1);
    const escalations = await count(sql`select count(*)::int as n from outbox where type = 'incidents.escalated' and data->>'incidentId' = ${inc.id}`);
    advance(3600);
    await sweepResponseClocks(t.app.platform.command);
    expect((await incidentNow(inc.id)).tiers).toEqual(tiers);
    expect(await count(sql`select count(*)::int as n from outbox where type = 'incidents.escalated' and data->>'incidentId' = ${inc.id}`)).toBe(escalations);
  });

  it('answers a retry with the same Idempotency-Key as the first time; a second close is a clear 409', async () => {
    const inc = await incident('P3');
    const headers = { 'idempotency-key': `close-${inc.id}` };
    const first = await close(inc.id, { disposition: 'cancelled_by_caller' }, headers);
    expect(first.statusCode, first.body).toBe(200);
    const retry = await close(inc.id, { disposition: 'cancelled_by_caller' }, headers);
    expect(retry.statusCode).toBe(200);
    expect(retry.json()).toEqual(first.json());
    expect(await count(sql`select count(*)::int as n from audit_log where entity_id = ${inc.id} and action = 'incidents.closed'`)).toBe(1);
    const twice = await close(inc.id, { disposition: 'resolved' });
    expect(twice.statusCode).toBe(409);
    expect(twice.json()).toMatchObject({ code: 'INCIDENT_CLOSED' });
  });

  it('refuses bad input naming the field, and callers without the right or outside the scope', async () => {
    const inc = await incident('P2');
    const bad = await close(inc.id, { disposition: 'gone_home' });
    expect(bad.statusCode).toBe(400);
    expect(JSON.stringify(bad.json())).toContain('disposition');
    const member = await createUser(t.app, 'unit_member', 'li.oberland.vaduz');
    expect((await call(member.cookie, 'POST', `/incidents/${inc.id}/close`, { disposition: 'resolved' })).statusCode).toBe(403);
    const schaan = await createUser(t.app, 'dispatcher', 'li.oberland.schaan');
    expect((await call(schaan.cookie, 'POST', `/incidents/${inc.id}/close`, { disposition: 'resolved' })).statusCode).toBe(404);
    expect((await incidentNow(inc.id)).state).toBe('open');
  });
});
