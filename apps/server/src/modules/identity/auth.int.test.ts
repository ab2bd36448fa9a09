import { ROLE_PERMISSIONS } from '@firebreak/contracts';
import { sql } from 'drizzle-orm';
import type { FastifyInstance, InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser, jurisdictionByPath, loginAdmin, startTestApp, type TestApp, type TestUser } from '../../../test/harness.js';
import { TEST_ADMIN_PASSWORD } from '../../../test/template.js';
import { rows } from '../../platform/db/client.js';

const api = (path: string): string => `/api/v1${path}`;
const SESSION_COOKIE = 'firebreak_session';

async function attemptLogin(app: FastifyInstance, username: string, password: string, extra: Partial<InjectOptions> = {}) {
  return app.inject({ method: 'POST', url: api('/auth/login'), payload: { username, password }, ...extra });
}

function sessionCookie(res: { cookies: { name: string; value: string }[] }) {
  const cookie = res.cookies.find((c) => c.name === SESSION_COOKIE) as
    | { name: string; value: string; httpOnly?: boolean; sameSite?: string; secure?: boolean; path?: string }
    | undefined;
  if (!cookie) throw new Error('no session cookie');
  return cookie;
}

function expectProblem(res: { statusCode: number; headers: Record<string, unknown>; json(): { code: string } }, status: number, code: string): void {
  expect(res.statusCode).toBe(status);
  expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
  expect(res.json().code).toBe(code);
}

/** A clock the test moves by hand. */
function manualClock() {
  let now = new Date();
  return { clock: () => now, advance: (ms: number) => (now = new Date(now.getTime() + ms)) };
}

describe('authentication', () => {
  let t: TestApp;
  let adminCookie: string;
  const time = manualClock();

  beforeAll(async () => {
    t = await startTestApp({ clock: time.clock });
    adminCookie = await loginAdmin(t.app);
  }, 60_000);
  afterAll(async () => t?.close());

  const me = (headers: Record<string, string>) => t.app.inject({ url: api('/auth/me'), headers });

  describe('sessions', () => {
    it('sets an HttpOnly, SameSite=Strict session cookie, not Secure without TLS', async () => {
      const res = await attemptLogin(t.app, 'admin', TEST_ADMIN_PASSWORD);
      expect(res.statusCode).toBe(200);
      expect(res.json().username).toBe('admin');
      const cookie = sessionCookie(res);
      expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/' });
      expect(cookie.secure).toBeFalsy();
    });

    it('answers /auth/me for the session, and 401 without one', async () => {
      const user = await createUser(t.app, 'inspector', 'li.oberland.vaduz');
      const res = await me({ cookie: user.cookie });
      expect(res.statusCode).toBe(200);
      expect(res.json()).toMatchObject({ id: user.id, username: user.username, kind: 'staff', permissions: [...ROLE_PERMISSIONS.inspector].sort() });
      expectProblem(await me({}), 401, 'AUTH_REQUIRED');
      expectProblem(await me({ cookie: `${SESSION_COOKIE}=not-a-session` }), 401, 'AUTH_REQUIRED');
    });

    it('logout revokes the session: the old cookie gets 401 afterwards', async () => {
      const user = await createUser(t.app, 'dispatcher', 'li.oberland');
      const out = await t.app.inject({ method: 'POST', url: api('/auth/logout'), headers: { cookie: user.cookie } });
      expect(out.statusCode).toBe(204);
      expectProblem(await me({ cookie: user.cookie }), 401, 'AUTH_REQUIRED');
    });
  });

  describe('wrong credentials', () => {
    it('answers a wrong password and an unknown user identically', async () => {
      const user = await createUser(t.app, 'inspector', 'li.unterland');
      const wrong = await attemptLogin(t.app, user.username, 'not-the-password');
      const unknown = await attemptLogin(t.app, 'nobody-by-this-name', 'not-the-password');
      expectProblem(wrong, 401, 'AUTH_INVALID_CREDENTIALS');
      const comparable = (body: Record<string, unknown>) => ({ ...body, requestId: undefined, instance: undefined });
      expect(comparable(unknown.json())).toEqual(comparable(wrong.json()));
      expect(unknown.statusCode).toBe(wrong.statusCode);
      expect(wrong.cookies).toEqual([]);
    });
    // Throttling instead of lockout, and its audit: login-throttle.int.test.ts.
  });

  describe('API tokens', () => {
    let user: TestUser;
    beforeAll(async () => {
      user = await createUser(t.app, 'unit_member', 'li.oberland.schaan');
    });

    const createToken = async (cookie: string, name = 'radio gateway') => {
      const res = await t.app.inject({ method: 'POST', url: api('/auth/tokens'), headers: { cookie }, payload: { name } });
      expect(res.statusCode, res.body).toBe(201);
      return res.json() as { id: string; name: string; token: string };
    };

    it('shows a new token once, with the fbt_ prefix; the list and the database never hold the secret', async () => {
      const created = await createToken(user.cookie);
      expect(created.token).toMatch(/^fbt_[A-Za-z0-9_-]{40,}$/);
      const list = await t.app.inject({ url: api('/auth/tokens'), headers: { cookie: user.cookie } });
      expect(list.statusCode).toBe(200);
      expect(list.json().find((x: { id: string }) => x.id === created.id)).toMatchObject({ name: 'radio gateway', lastUsedAt: null });
      expect(list.json().some((x: object) => 'token' in x)).toBe(false);
      expect(list.body).not.toContain(created.token);
      const stored = await rows<{ token_hash: string }>(t.app.platform.db, sql`select token_hash from api_tokens where id = ${created.id}`);
      expect(stored[0]!.token_hash).not.toContain(created.token.slice(4));
    });

    it('authenticates with Authorization: Bearer, and stops after the token is revoked', async () => {
      const created = await createToken(user.cookie);
      const bearer = { authorization: `Bearer ${created.token}` };
      const ok = await me(bearer);
      expect(ok.statusCode).toBe(200);
      expect(ok.json().id).toBe(user.id);

      const revoked = await t.app.inject({ method: 'DELETE', url: api(`/auth/tokens/${created.id}`), headers: { cookie: user.cookie } });
      expect(revoked.statusCode).toBe(204);
      expectProblem(await me(bearer), 401, 'AUTH_REQUIRED');
      const list = await t.app.inject({ url: api('/auth/tokens'), headers: { cookie: user.cookie } });
      expect(list.json().map((x: { id: string }) => x.id)).not.toContain(created.id);
    });

    it('refuses a made-up bearer token', async () => {
      expectProblem(await me({ authorization: 'Bearer fbt_made-up-token-that-was-never-issued' }), 401, 'AUTH_REQUIRED');
    });
  });

  it("disabling an account ends its sessions and stops its tokens; it can no longer log in", async () => {
    const user = await createUser(t.app, 'duty_officer', 'li.oberland');
    const token = (await t.app.inject({ method: 'POST', url: api('/auth/tokens'), headers: { cookie: user.cookie }, payload: { name: 'laptop' } })).json().token as string;
    expect((await me({ authorization: `Bearer ${token}` })).statusCode).toBe(200);

    const disabled = await t.app.inject({ method: 'PATCH', url: api(`/staff/${user.id}`), headers: { cookie: adminCookie }, payload: { disabled: true } });
    expect(disabled.statusCode, disabled.body).toBe(200);
    expect(disabled.json().disabled).toBe(true);

    expectProblem(await me({ cookie: user.cookie }), 401, 'AUTH_REQUIRED');
    expectProblem(await me({ authorization: `Bearer ${token}` }), 401, 'AUTH_REQUIRED');
    expectProblem(await attemptLogin(t.app, user.username, user.password), 403, 'AUTH_ACCOUNT_DISABLED');
  });

  describe('Idempotency-Key', () => {
    const count = async (query: ReturnType<typeof sql>) => Number((await rows<{ n: string | number }>(t.app.platform.db, query))[0]!.n);

    const postStaff = async (key: string, body: object) =>
      t.app.inject({ method: 'POST', url: api('/staff'), headers: { cookie: adminCookie, 'idempotency-key': key }, payload: body });

    it('replays the first answer for a retry with the same key and body: one account, one audit row', async () => {
      const j = await jurisdictionByPath(t.app, 'li.oberland.triesen');
      const body = { username: 'idem-retry', displayName: 'Retry', jurisdictionId: j.id, password: 'a-long-enough-password' };
      const first = await postStaff('key-retry-0001', body);
      const second = await postStaff('key-retry-0001', body);
      expect(first.statusCode, first.body).toBe(201);
      expect(second.statusCode).toBe(first.statusCode);
      expect(second.json()).toEqual(first.json());
      expect(await count(sql`select count(*) as n from users where username = 'idem-retry'`)).toBe(1);
      expect(await count(sql`select count(*) as n from audit_log where action = 'staff.created' and entity_id = ${first.json().id}`)).toBe(1);
    });

    it('refuses the same key with a different body (422 IDEMPOTENCY_KEY_REUSED) and changes nothing', async () => {
      const j = await jurisdictionByPath(t.app, 'li.oberland.balzers');
      const body = { username: 'idem-first', displayName: 'First', jurisdictionId: j.id, kind: 'device' };
      expect((await postStaff('key-reused-0001', body)).statusCode).toBe(201);
      const users = await count(sql`select count(*) as n from users`);
      const auditSeq = await count(sql`select count(*) as n from audit_log`);

      const reused = await postStaff('key-reused-0001', { ...body, username: 'idem-second' });
      expectProblem(reused, 422, 'IDEMPOTENCY_KEY_REUSED');
      expect(await count(sql`select count(*) as n from users`)).toBe(users);
      expect(await count(sql`select count(*) as n from audit_log`)).toBe(auditSeq);
    });
  });
});

describe('behind TLS', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ config: { tls: true } });
  }, 60_000);
  afterAll(async () => t?.close());

  it('marks the session cookie Secure', async () => {
    const res = await attemptLogin(t.app, 'admin', TEST_ADMIN_PASSWORD);
    expect(res.statusCode).toBe(200);
    expect(sessionCookie(res)).toMatchObject({ httpOnly: true, sameSite: 'Strict', secure: true });
  });
});
