import { sql } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rows } from '../../platform/db/client.js';
import { createUser, jurisdictionByPath, login, startTestApp, type TestApp } from '../../../test/harness.js';
import { grants } from './staff.tables.js';

/**
 * The idle session timeout beside the absolute lifetime: a browser session with no activity for
 * its limit answers 401 AUTH_SESSION_IDLE; the strictest of the user's roles sets the limit; API
 * tokens are not sessions. The injected clock moves; nothing waits.
 */

let now = new Date('2026-03-01T08:00:00Z');
const minutes = (n: number) => (now = new Date(now.getTime() + n * 60_000));
let t: TestApp;

beforeAll(async () => {
  t = await startTestApp({ clock: () => now, config: { sessionIdle: { defaultMinutes: 30, byRole: { dispatcher: 120, administrator: 15 } } } });
}, 60_000);
afterAll(async () => t?.close());

const me = (cookie: string, headers: Record<string, string> = {}) => t.app.inject({ url: '/api/v1/auth/me', headers: { cookie, ...headers } });

function expectIdle(res: LightMyRequestResponse, limit: number): void {
  expect(res.statusCode, res.body).toBe(401);
  expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
  expect(res.json()).toMatchObject({ code: 'AUTH_SESSION_IDLE', detail: `Signed out after ${limit} minutes without activity; sign in again` });
}

describe('idle session timeout', () => {
  it('keeps a session in use alive past the idle limit, and ends it after the limit without a request', async () => {
    const user = await createUser(t.app, 'inspector', 'li.oberland.vaduz');
    for (let i = 0; i < 4; i++) {
      minutes(29);
      expect((await me(user.cookie)).statusCode).toBe(200);
    }
    minutes(30);
    expectIdle(await me(user.cookie), 30);
    // It stays ended: the refused request did not count as activity.
    expectIdle(await me(user.cookie), 30);
    // Signing in again gives a new session.
    expect((await me(await login(t.app, user.username, user.password))).statusCode).toBe(200);
  });

  it('applies the strictest limit of the roles the user holds', async () => {
    const dispatcher = await createUser(t.app, 'dispatcher', 'li.oberland.vaduz');
    const both = await createUser(t.app, 'dispatcher', 'li.oberland.schaan');
    const schaan = await jurisdictionByPath(t.app, 'li.oberland.schaan');
    await t.app.platform.db.insert(grants).values({ id: uuidv7(), userId: both.id, role: 'administrator', jurisdictionId: schaan.id });
    minutes(100);
    expect((await me(dispatcher.cookie)).statusCode).toBe(200);
    expectIdle(await me(both.cookie), 15);
  });

  it('does not count requests the web app marks as background, nor end API tokens', async () => {
    const user = await createUser(t.app, 'inspector', 'li.unterland');
    const token = (await t.app.inject({ method: 'POST', url: '/api/v1/auth/tokens', headers: { cookie: user.cookie }, payload: { name: 'gateway' } })).json().token as string;
    minutes(20);
    expect((await me(user.cookie, { 'x-firebreak-background': '1' })).statusCode).toBe(200);
    minutes(10);
    expectIdle(await me(user.cookie), 30);
    minutes(8 * 60);
    const bearer = await t.app.inject({ url: '/api/v1/auth/me', headers: { authorization: `Bearer ${token}` } });
    expect(bearer.statusCode, bearer.body).toBe(200);
  });

  it('writes last_seen_at at most once a minute per session', async () => {
    const user = await createUser(t.app, 'inspector', 'li.unterland.eschen');
    const lastSeen = async () =>
      (await rows<{ last_seen_at: string | Date }>(t.app.platform.db, sql`select last_seen_at from sessions where user_id = ${user.id}`)).map((r) => new Date(r.last_seen_at).toISOString());
    const opened = await lastSeen();
    now = new Date(now.getTime() + 59_000);
    await me(user.cookie);
    expect(await lastSeen()).toEqual(opened);
    now = new Date(now.getTime() + 1_000);
    await me(user.cookie);
    expect(await lastSeen()).toEqual([now.toISOString()]);
  });
});
