import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser, jurisdictionByPath, loginAdmin, startTestApp, type TestApp } from '../../../test/harness.js';
import { snapshot as takeSnapshot } from '../../../test/db-snapshot.js';
import { rows } from '../../platform/db/client.js';

/**
 * API token rules (issue 11, hole 9): a lifetime capped by API_TOKEN_MAX_DAYS, for one's own tokens
 * as for a device's; and a new password ends every token of the account, as disabling it does.
 * (That a token mints no token is in the authorization matrix and the administrator tiers.)
 */

const MAX_DAYS = 30;
const NOW = new Date('2026-03-02T08:00:00.000Z');
const DAY_MS = 86_400_000;
const api = (path: string): string => `/api/v1${path}`;

let t: TestApp;
/** The server's clock: NOW, moved on only by the last-use test (which puts it back). */
let clockNow = NOW;
let adminCookie: string;
let deviceId: string;
const snapshot = () => takeSnapshot(t.app.platform.db, ['users', 'api_tokens', 'sessions']);

beforeAll(async () => {
  t = await startTestApp({ config: { apiTokenMaxDays: MAX_DAYS }, clock: () => clockNow });
  adminCookie = await loginAdmin(t.app);
  const vaduz = await jurisdictionByPath(t.app, 'li.oberland.vaduz');
  const device = await t.app.inject({
    method: 'POST', url: api('/staff'), headers: { cookie: adminCookie },
    payload: { username: 'tokens-gateway', displayName: 'Gateway', kind: 'device', jurisdictionId: vaduz.id, grants: [{ role: 'unit_member', jurisdictionId: vaduz.id }] },
  });
  deviceId = device.json().id;
}, 60_000);
afterAll(async () => t?.close());

describe('token lifetime (API_TOKEN_MAX_DAYS)', () => {
  const routes = [
    { name: 'POST /auth/tokens (my own)', url: () => api('/auth/tokens') },
    { name: "POST /staff/:id/tokens (a device's)", url: () => api(`/staff/${deviceId}/tokens`) },
  ];

  it.each(routes)('$name: beyond the cap is a 400 naming body.expiresInDays, and nothing is written', async ({ url }) => {
    const before = await snapshot();
    const res = await t.app.inject({ method: 'POST', url: url(), headers: { cookie: adminCookie }, payload: { name: 'too long', expiresInDays: MAX_DAYS + 1 } });
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.json().code).toBe('VALIDATION_FAILED');
    expect(res.json().errors).toEqual([{ path: 'body.expiresInDays', message: `at most ${MAX_DAYS} days on this server` }]);
    expect(await snapshot()).toEqual(before);
  });

  it.each(routes)('$name: up to the cap is granted as asked, and without expiresInDays the token lives exactly the cap', async ({ url }) => {
    for (const [payload, days] of [[{ name: 'at the cap', expiresInDays: MAX_DAYS }, MAX_DAYS], [{ name: 'a week', expiresInDays: 7 }, 7], [{ name: 'unspecified' }, MAX_DAYS]] as const) {
      const res = await t.app.inject({ method: 'POST', url: url(), headers: { cookie: adminCookie }, payload });
      expect(res.statusCode, res.body).toBe(201);
      expect(res.json().expiresAt).toBe(new Date(NOW.getTime() + days * DAY_MS).toISOString());
    }
  });
});

describe('a new password ends the account\'s tokens and sessions', () => {
  it("an administrator's password reset revokes the tokens the account minted itself, and its sessions", async () => {
    const user = await createUser(t.app, 'dispatcher', 'li.oberland.vaduz');
    const minted = await t.app.inject({ method: 'POST', url: api('/auth/tokens'), headers: { cookie: user.cookie }, payload: { name: 'laptop' } });
    expect(minted.statusCode, minted.body).toBe(201);
    const bearer = { authorization: `Bearer ${minted.json().token as string}` };
    expect((await t.app.inject({ url: api('/auth/me'), headers: bearer })).statusCode).toBe(200);

    const reset = await t.app.inject({ method: 'PATCH', url: api(`/staff/${user.id}`), headers: { cookie: adminCookie }, payload: { password: 'a-brand-new-password' } });
    expect(reset.statusCode, reset.body).toBe(200);

    for (const headers of [bearer, { cookie: user.cookie }]) {
      const res = await t.app.inject({ url: api('/auth/me'), headers });
      expect(res.statusCode).toBe(401);
      expect(res.json().code).toBe('AUTH_REQUIRED');
    }
    const live = await rows<{ n: number }>(t.app.platform.db, sql`select count(*)::int as n from api_tokens where user_id = ${user.id} and revoked_at is null`);
    expect(live[0]!.n).toBe(0);
    const [audit] = await rows<{ after: { passwordReset?: boolean; tokensRevoked?: number } }>(t.app.platform.db, sql`select after from audit_log where action = 'staff.updated' and entity_id = ${user.id} order by id desc limit 1`);
    expect(audit!.after).toEqual({ passwordReset: true, tokensRevoked: 1 });
  });

  it('renaming an account leaves its tokens working', async () => {
    const user = await createUser(t.app, 'dispatcher', 'li.oberland.vaduz');
    const minted = await t.app.inject({ method: 'POST', url: api('/auth/tokens'), headers: { cookie: user.cookie }, payload: { name: 'laptop' } });
    const bearer = { authorization: `Bearer ${minted.json().token as string}` };
    const renamed = await t.app.inject({ method: 'PATCH', url: api(`/staff/${user.id}`), headers: { cookie: adminCookie }, payload: { displayName: 'Renamed' } });
    expect(renamed.statusCode).toBe(200);
    expect((await t.app.inject({ url: api('/auth/me'), headers: bearer })).statusCode).toBe(200);
  });
});

describe('when a token was last used', () => {
  // The list of tokens is where an owner or an administrator decides which to revoke: one shown as
  // never used while an integration calls with it every second would be revoked, or one long
  // abandoned kept. Written at most once a minute per token, so the hot path stays a read.
  it('lists the time of the last request made with it, moved on once a minute', async () => {
    const user = await createUser(t.app, 'dispatcher', 'li.oberland.vaduz');
    const minted = await t.app.inject({ method: 'POST', url: api('/auth/tokens'), headers: { cookie: user.cookie }, payload: { name: 'cad bridge' } });
    const bearer = { authorization: `Bearer ${minted.json().token as string}` };
    const lastUsed = async () => ((await t.app.inject({ url: api('/auth/tokens'), headers: { cookie: user.cookie } })).json() as { id: string; lastUsedAt: string | null }[])
      .find((k) => k.id === minted.json().id)!.lastUsedAt;
    expect(await lastUsed()).toBeNull();
    try {
      expect((await t.app.inject({ url: api('/incidents?limit=1'), headers: bearer })).statusCode).toBe(200);
      expect(await lastUsed()).toBe(NOW.toISOString());
      clockNow = new Date(NOW.getTime() + 30_000);
      expect((await t.app.inject({ url: api('/incidents?limit=1'), headers: bearer })).statusCode).toBe(200);
      expect(await lastUsed()).toBe(NOW.toISOString());
      clockNow = new Date(NOW.getTime() + 90_000);
      expect((await t.app.inject({ url: api('/incidents?limit=1'), headers: bearer })).statusCode).toBe(200);
      expect(await lastUsed()).toBe(clockNow.toISOString());
    } finally {
      clockNow = NOW;
    }
  });
});

describe("an administrator revokes one device token (DELETE /staff/:id/tokens/:tokenId)", () => {
  // Before, the only way to stop one stolen device token was to disable the device (every token of
  // it, and its MQTT-less HTTP reporting with them) or to reset its password.
  it('revokes that token alone, at once, audited and announced; the device keeps its other tokens', async () => {
    const mint = async (name: string) => (await t.app.inject({ method: 'POST', url: api(`/staff/${deviceId}/tokens`), headers: { cookie: adminCookie }, payload: { name } })).json() as { id: string; token: string };
    const stolen = await mint('stolen');
    const spare = await mint('spare');
    const me = (token: string) => t.app.inject({ url: api('/auth/me'), headers: { authorization: `Bearer ${token}` } });
    expect((await me(stolen.token)).statusCode).toBe(200);

    const res = await t.app.inject({ method: 'DELETE', url: api(`/staff/${deviceId}/tokens/${stolen.id}`), headers: { cookie: adminCookie } });
    expect(res.statusCode, res.body).toBe(204);
    expect((await me(stolen.token)).statusCode).toBe(401);
    expect((await me(spare.token)).statusCode).toBe(200);
    const [audit] = await rows<{ n: number }>(t.app.platform.db, sql`select count(*)::int as n from audit_log where action = 'auth.token_revoked' and entity_id = ${stolen.id}`);
    const [event] = await rows<{ n: number }>(t.app.platform.db, sql`select count(*)::int as n from outbox where type = 'auth.token_revoked' and data->>'tokenId' = ${stolen.id}`);
    expect([audit!.n, event!.n]).toEqual([1, 1]);
  });

  it("answers 404 for a token of another account named under this one, and for one already revoked, changing nothing", async () => {
    const user = await createUser(t.app, 'dispatcher', 'li.oberland.vaduz');
    const own = (await t.app.inject({ method: 'POST', url: api('/auth/tokens'), headers: { cookie: user.cookie }, payload: { name: 'laptop' } })).json() as { id: string; token: string };
    const before = await snapshot();
    const res = await t.app.inject({ method: 'DELETE', url: api(`/staff/${deviceId}/tokens/${own.id}`), headers: { cookie: adminCookie } });
    expect([res.statusCode, res.json().code]).toEqual([404, 'NOT_FOUND']);
    expect(await snapshot()).toEqual(before);
    expect((await t.app.inject({ url: api('/auth/me'), headers: { authorization: `Bearer ${own.token}` } })).statusCode).toBe(200);
  });

  it('is refused to the account itself signed in with a token (a token administers nothing) for another account', async () => {
    const user = await createUser(t.app, 'administrator', 'li.oberland.vaduz');
    const own = (await t.app.inject({ method: 'POST', url: api('/auth/tokens'), headers: { cookie: user.cookie }, payload: { name: 'admin laptop' } })).json() as { id: string; token: string };
    const target = (await t.app.inject({ method: 'POST', url: api(`/staff/${deviceId}/tokens`), headers: { cookie: adminCookie }, payload: { name: 'target' } })).json() as { id: string };
    const res = await t.app.inject({ method: 'DELETE', url: api(`/staff/${deviceId}/tokens/${target.id}`), headers: { authorization: `Bearer ${own.token}` } });
    expect(res.statusCode).toBe(403);
    const [live] = await rows<{ n: number }>(t.app.platform.db, sql`select count(*)::int as n from api_tokens where id = ${target.id} and revoked_at is null`);
    expect(live!.n).toBe(1);
  });
});
