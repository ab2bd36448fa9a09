import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { v7 as uuidv7 } from 'uuid';
import { rows } from '../../platform/db/client.js';
import { createUser, startTestApp, type TestApp, type TestUser } from '../../../test/harness.js';

describe('alert receipts: a toast seen on one device is never shown on another', () => {
  let t: TestApp;
  let duty: TestUser;
  let other: TestUser;
  beforeAll(async () => {
    t = await startTestApp();
    duty = await createUser(t.app, 'duty_officer', 'li.oberland');
    other = await createUser(t.app, 'dispatcher', 'li.oberland.vaduz');
  }, 120_000);
  afterAll(async () => t?.close());

  const mark = (who: TestUser, payload: object, key = crypto.randomUUID()) =>
    t.app.inject({ method: 'POST', url: '/api/v1/alerts/receipts', headers: { cookie: who.cookie, 'idempotency-key': key }, payload });
  const receipts = (who: TestUser, since: string) => t.app.inject({ url: `/api/v1/alerts/receipts?since=${encodeURIComponent(since)}`, headers: { cookie: who.cookie } });

  it('answers a claim to see an alert once per account, whichever device asks first; retries with the same key get the first answer', async () => {
    const [a, b] = [uuidv7(), uuidv7()];
    const key = crypto.randomUUID();
    const first = await mark(duty, { seen: [a, b] }, key);
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toEqual({ firstSeen: [a, b] });
    // The same request retried (its answer lost): the same answer, not "already seen".
    expect((await mark(duty, { seen: [a, b] }, key)).json()).toEqual({ firstSeen: [a, b] });
    // Another device of the same account: already seen, no toast there.
    expect((await mark(duty, { seen: [a] })).json()).toEqual({ firstSeen: [] });
    // Another account sees its own toast.
    expect((await mark(other, { seen: [a] })).json()).toEqual({ firstSeen: [a] });
    const [audit] = await rows<{ n: number }>(t.app.platform.db, sql`select count(*)::int as n from audit_log where action = 'alerts.marked' and entity_id = ${duty.id}`);
    expect(audit!.n).toBe(2);
  });

  it('keeps reading per account and returns it to every device; the first reading counts', async () => {
    const since = new Date(Date.now() - 60_000).toISOString();
    const c = uuidv7();
    expect((await mark(duty, { read: [c] })).statusCode).toBe(200);
    const firstRead = (await receipts(duty, since)).json().find((r: { eventId: string }) => r.eventId === c);
    expect(firstRead).toMatchObject({ eventId: c, readAt: expect.any(String) });
    await mark(duty, { read: [c], seen: [c] });
    const again = (await receipts(duty, since)).json().find((r: { eventId: string }) => r.eventId === c);
    expect(again).toEqual(firstRead);
    expect((await receipts(other, since)).json().some((r: { eventId: string }) => r.eventId === c)).toBe(false);
  });

  it('refuses bad input naming the field, and writes nothing', async () => {
    const before = await rows<{ n: number }>(t.app.platform.db, sql`select count(*)::int as n from alert_receipts`);
    const bad = await mark(duty, { seen: ['not-an-id'] });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].path).toBe('body.seen.0');
    const tooFar = await receipts(duty, new Date(Date.now() - 9 * 24 * 3_600_000).toISOString());
    expect(tooFar.statusCode).toBe(400);
    expect(tooFar.json().errors[0].path).toBe('query.since');
    const after = await rows<{ n: number }>(t.app.platform.db, sql`select count(*)::int as n from alert_receipts`);
    expect(after[0]!.n).toBe(before[0]!.n);
  });
});
