import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rows } from '../../platform/db/client.js';
import { createUser, loginAdmin, startTestApp, type TestApp, type TestUser } from '../../../test/harness.js';
import { sweepResponseClocks } from '../incidents/index.js';

const VADUZ: [number, number] = [9.5215, 47.141];
const ESCHEN: [number, number] = [9.522, 47.211];

interface Event { id: string; type: string; jurisdictionPath: string | null; occurredAt: string; data: { incidentId?: string } }

describe('catching up on recent events: what the stream would have shown me, newest first', () => {
  let t: TestApp;
  let now = new Date('2026-03-07T09:00:00.000Z');
  let admin: string;
  let oberlandDuty: TestUser;
  let unterlandDuty: TestUser;
  const since = () => encodeURIComponent(new Date(now.getTime() - 3_600_000).toISOString());
  const recent = async (cookie: string, types: string) => {
    const res = await t.app.inject({ url: `/api/v1/events/recent?types=${types}&since=${since()}`, headers: { cookie } });
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as Event[];
  };
  const missTier1 = async (at: [number, number]) => {
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/incidents', headers: { cookie: admin }, payload: { type: 'fire', priority: 'P1', location: at } });
    expect(res.statusCode, res.body).toBe(201);
    return res.json().id as string;
  };

  beforeAll(async () => {
    t = await startTestApp({ clock: () => now });
    admin = await loginAdmin(t.app);
    oberlandDuty = await createUser(t.app, 'duty_officer', 'li.oberland');
    unterlandDuty = await createUser(t.app, 'duty_officer', 'li.unterland');
  }, 120_000);
  afterAll(async () => t?.close());

  it("gives a duty officer the escalations that reached their level while they were away, and not another region's", async () => {
    const vaduz = await missTier1(VADUZ);
    now = new Date(now.getTime() + 60_000);
    const eschen = await missTier1(ESCHEN);
    now = new Date(now.getTime() + 90_000);
    await sweepResponseClocks(t.app.platform.command);
    await t.app.platform.relay.drain();
    const oberland = await recent(oberlandDuty.cookie, 'incidents.escalated');
    // Tier 1 of both missed; only Vaduz's escalation went to li.oberland, newest first.
    const expected = await rows<{ id: string }>(t.app.platform.db, sql`select id from outbox
      where type = 'incidents.escalated' and jurisdiction_path <@ 'li.oberland'::ltree order by occurred_at desc, position desc`);
    expect(oberland.map((e) => e.id)).toEqual(expected.map((r) => r.id));
    expect(oberland.map((e) => e.data.incidentId)).toEqual([vaduz]);
    expect((await recent(unterlandDuty.cookie, 'incidents.escalated')).map((e) => e.data.incidentId)).toEqual([eschen]);
    // The incident events of the other region are not mine either.
    const opened = await recent(oberlandDuty.cookie, 'incidents.opened,incidents.escalated');
    expect(opened.every((e) => e.jurisdictionPath?.startsWith('li.oberland'))).toBe(true);
    expect(opened.map((e) => e.type).sort()).toEqual(['incidents.escalated', 'incidents.opened']);
  });

  it('only since the moment asked, and at most a week back', async () => {
    const later = encodeURIComponent(new Date(now.getTime() + 1000).toISOString());
    const res = await t.app.inject({ url: `/api/v1/events/recent?types=incidents.escalated&since=${later}`, headers: { cookie: oberlandDuty.cookie } });
    expect(res.json()).toEqual([]);
    const old = encodeURIComponent(new Date(now.getTime() - 8 * 86_400_000).toISOString());
    const refused = await t.app.inject({ url: `/api/v1/events/recent?types=incidents.escalated&since=${old}`, headers: { cookie: oberlandDuty.cookie } });
    expect(refused.statusCode).toBe(400);
    expect(refused.json()).toMatchObject({ errors: [{ path: 'query.since' }] });
    expect((await t.app.inject({ url: `/api/v1/events/recent?types=incidents.escalated&since=${since()}` })).statusCode).toBe(401);
  });
});
