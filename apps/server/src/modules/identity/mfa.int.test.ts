import { randomBytes } from 'node:crypto';
import type { Role } from '@firebreak/contracts';
import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { Secret, TOTP } from 'otpauth';
import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jurisdictionByPath, startTestApp, type TestApp } from '../../../test/harness.js';
import { rows } from '../../platform/db/client.js';
import { hashPassword } from './secrets.js';
import { grants, users } from './staff.tables.js';

const api = (path: string): string => `/api/v1${path}`;
const SESSION_COOKIE = 'firebreak_session';

/** A clock the test moves by hand: TOTP codes are a function of time. */
let now = new Date('2026-03-01T08:00:10Z');
const advance = (ms: number) => (now = new Date(now.getTime() + ms));
/** What an authenticator app shows now (computed here from the secret, as a phone would). */
const appCode = (secret: string, at = now) => TOTP.generate({ secret: Secret.fromBase32(secret), timestamp: at.getTime() });

interface Person { id: string; username: string; password: string }

async function person(app: FastifyInstance, role: Role, path: string): Promise<Person> {
  const j = await jurisdictionByPath(app, path);
  const p = { id: uuidv7(), username: `mfa-${role.replace('_', '-')}-${randomBytes(3).toString('hex')}`, password: `pw-${randomBytes(9).toString('hex')}` };
  await app.platform.db.insert(users).values({ id: p.id, username: p.username, displayName: p.username, jurisdictionId: j.id, passwordHash: await hashPassword(p.password) });
  await app.platform.db.insert(grants).values({ id: uuidv7(), userId: p.id, role, jurisdictionId: j.id });
  return p;
}

const cookieOf = (res: { cookies: { name: string; value: string }[] }) => res.cookies.find((c) => c.name === SESSION_COOKIE)?.value;

describe('two-factor sign-in (TOTP)', () => {
  let t: TestApp;
  const post = (url: string, payload?: object, cookie?: string) =>
    t.app.inject({ method: 'POST', url: api(url), ...(payload ? { payload } : {}), ...(cookie ? { headers: { cookie: `${SESSION_COOKIE}=${cookie}` } } : {}) });
  const get = (url: string, cookie: string) => t.app.inject({ method: 'GET', url: api(url), headers: { cookie: `${SESSION_COOKIE}=${cookie}` } });
  const passwordStep = async (p: Person) => {
    const res = await post('/auth/login', { username: p.username, password: p.password });
    expect(res.statusCode).toBe(200);
    expect(cookieOf(res)).toBeUndefined();
    return res.json() as { mfa: 'verify' | 'enrol'; ticket: string; expiresAt: string };
  };
  /** Signs in and enrols at once (a required role's first sign-in): the session cookie, the secret and the recovery codes. */
  const enrolAtSignIn = async (p: Person) => {
    const { mfa, ticket } = await passwordStep(p);
    expect(mfa).toBe('enrol');
    const { secret } = (await post('/auth/login/mfa/enrol', { ticket })).json() as { secret: string };
    const res = await post('/auth/login/mfa/enrol/confirm', { ticket, code: appCode(secret) });
    expect(res.statusCode).toBe(200);
    advance(30_000); // the confirming code is used up: the next sign-in needs the next one
    return { cookie: cookieOf(res)!, secret, recoveryCodes: (res.json() as { recoveryCodes: string[] }).recoveryCodes };
  };
  const signIn = async (p: Person, code: (secret: string) => string, secret: string) => {
    const { ticket } = await passwordStep(p);
    return post('/auth/login/mfa', { ticket, code: code(secret) });
  };
  const auditOf = async (userId: string) =>
    (await rows<{ action: string }>(t.app.platform.db, sql`select action from audit_log where entity_id = ${userId} and action like 'mfa.%' order by at, id`)).map((r) => r.action);

  beforeAll(async () => {
    t = await startTestApp({
      clock: () => now,
      config: { mfa: { requiredRoles: ['administrator', 'auditor'], issuer: 'Firebreak test', secretKey: randomBytes(32) } },
    });
  });
  afterAll(async () => t?.close());

  it('a required role gets no session without its second factor: the ticket opens no other endpoint', async () => {
    const admin = await person(t.app, 'administrator', 'li');
    const { mfa, ticket, expiresAt } = await passwordStep(admin);
    expect(mfa).toBe('enrol');
    expect(new Date(expiresAt).getTime() - now.getTime()).toBe(5 * 60_000);

    // Every operation of the API answers a ticket-holder exactly as it answers nobody at all.
    const doc = (await t.app.inject(api('/openapi.json'))).json() as { paths: Record<string, Record<string, unknown>> };
    let guarded = 0;
    for (const [path, ops] of Object.entries(doc.paths)) {
      for (const method of Object.keys(ops).filter((m) => ['get', 'post', 'put', 'patch', 'delete'].includes(m))) {
        if (path.startsWith('/auth/login')) continue; // the login steps themselves: ticket-holders' own door
        const url = path.replace(/\{[^}]+\}/g, '0190a1b2-0000-7000-8000-000000000000');
        const m = method.toUpperCase() as 'GET';
        const anonymous = await t.app.inject({ method: m, url });
        const asCookie = await t.app.inject({ method: m, url, headers: { cookie: `${SESSION_COOKIE}=${ticket}` } });
        const asBearer = await t.app.inject({ method: m, url, headers: { authorization: `Bearer ${ticket}` } });
        expect([asCookie.statusCode, asBearer.statusCode], `${method} ${path}`).toEqual([anonymous.statusCode, anonymous.statusCode]);
        if (anonymous.statusCode === 401) guarded++;
      }
    }
    expect(guarded).toBeGreaterThan(100);
    // A required role cannot side-step enrolment with the verify step either.
    const verify = await post('/auth/login/mfa', { ticket, code: '123456' });
    expect(verify.statusCode).toBe(401);
    expect(verify.json().code).toBe('AUTH_MFA_TICKET_INVALID');
  });

  it('enrols at first sign-in: secret once, a wrong code refused, a right one opens the session with 10 recovery codes', async () => {
    const admin = await person(t.app, 'administrator', 'li');
    const { ticket } = await passwordStep(admin);
    const begun = await post('/auth/login/mfa/enrol', { ticket });
    expect(begun.statusCode).toBe(200);
    const { secret, otpauthUri, account } = begun.json() as { secret: string; otpauthUri: string; account: string };
    expect(account).toBe(admin.username);
    expect(new URL(otpauthUri).searchParams.get('secret')).toBe(secret);
    expect(new URL(otpauthUri).searchParams.get('issuer')).toBe('Firebreak test');

    const wrong = await post('/auth/login/mfa/enrol/confirm', { ticket, code: appCode(secret, new Date(now.getTime() + 300_000)) });
    expect(wrong.statusCode).toBe(401);
    expect(wrong.json().code).toBe('AUTH_MFA_CODE_INVALID');
    expect(cookieOf(wrong)).toBeUndefined();

    const ok = await post('/auth/login/mfa/enrol/confirm', { ticket, code: appCode(secret) });
    expect(ok.statusCode).toBe(200);
    const body = ok.json() as { me: { username: string }; recoveryCodes: string[] };
    expect(body.me.username).toBe(admin.username);
    expect(body.recoveryCodes).toHaveLength(10);
    const cookie = cookieOf(ok)!;
    expect((await get('/auth/me', cookie)).statusCode).toBe(200);
    expect((await get('/auth/mfa', cookie)).json()).toMatchObject({ enrolled: true, required: true, recoveryCodesLeft: 10 });

    // At rest: the secret encrypted, the recovery codes only as hashes; the ticket is spent.
    const [stored] = await rows<{ secret: string }>(t.app.platform.db, sql`select secret from mfa_factors where user_id = ${admin.id}`);
    expect(stored!.secret).toMatch(/^v1:/);
    expect(stored!.secret).not.toContain(secret);
    const hashes = await rows<{ code_hash: string }>(t.app.platform.db, sql`select code_hash from mfa_recovery_codes where user_id = ${admin.id}`);
    expect(hashes.map((h) => h.code_hash).join()).not.toContain(body.recoveryCodes[0]!.replace('-', ''));
    expect((await post('/auth/login/mfa/enrol', { ticket })).json().code).toBe('AUTH_MFA_TICKET_INVALID');
    expect(await auditOf(admin.id)).toEqual(['mfa.challenged', 'mfa.enrolment_started', 'mfa.failed', 'mfa.enrolled']);
  });

  it('signs in with a code once; the same code again is a replay and refused', async () => {
    const admin = await person(t.app, 'administrator', 'li');
    const { secret } = await enrolAtSignIn(admin);
    const code = appCode(secret);
    const first = await signIn(admin, () => code, secret);
    expect(first.statusCode).toBe(200);
    expect(cookieOf(first)).toBeDefined();
    const replay = await signIn(admin, () => code, secret);
    expect(replay.statusCode).toBe(401);
    expect(replay.json().code).toBe('AUTH_MFA_CODE_INVALID');
    // Neither may the code of the step before (accepted for drift) follow a newer one.
    const older = await signIn(admin, (s) => appCode(s, new Date(now.getTime() - 30_000)), secret);
    expect(older.statusCode).toBe(401);
    advance(30_000);
    expect((await signIn(admin, (s) => appCode(s), secret)).statusCode).toBe(200);
  });

  it('a recovery code works once', async () => {
    const auditor = await person(t.app, 'auditor', 'li');
    const { secret, recoveryCodes } = await enrolAtSignIn(auditor);
    const code = recoveryCodes[3]!;
    const used = await signIn(auditor, () => code.toUpperCase(), secret);
    expect(used.statusCode).toBe(200);
    expect((await get('/auth/mfa', cookieOf(used)!)).json()).toMatchObject({ recoveryCodesLeft: 9 });
    const again = await signIn(auditor, () => code, secret);
    expect(again.statusCode).toBe(401);
    expect(again.json().code).toBe('AUTH_MFA_CODE_INVALID');
    expect(await auditOf(auditor.id)).toContain('mfa.recovery_used');
    const [event] = await rows<{ n: number }>(t.app.platform.db, sql`select count(*)::int as n from outbox where type = 'mfa.recovery_used' and data->>'userId' = ${auditor.id}`);
    expect(event!.n).toBe(1);
  });

  it('wrong codes: five void the ticket, ten in a row lock the second factor for a while', async () => {
    const admin = await person(t.app, 'administrator', 'li');
    const { secret } = await enrolAtSignIn(admin);
    const wrongCode = (s: string) => appCode(s, new Date(now.getTime() + 600_000));
    const { ticket } = await passwordStep(admin);
    for (let i = 0; i < 5; i++) expect((await post('/auth/login/mfa', { ticket, code: wrongCode(secret) })).json().code).toBe('AUTH_MFA_CODE_INVALID');
    const voided = await post('/auth/login/mfa', { ticket, code: appCode(secret) });
    expect(voided.json().code).toBe('AUTH_MFA_TICKET_INVALID');

    const second = await passwordStep(admin);
    for (let i = 0; i < 5; i++) await post('/auth/login/mfa', { ticket: second.ticket, code: wrongCode(secret) });
    const locked = await post('/auth/login', { username: admin.username, password: admin.password });
    expect(locked.statusCode).toBe(423);
    expect(locked.json().code).toBe('AUTH_MFA_LOCKED');
    expect(Number(locked.headers['retry-after'])).toBeGreaterThan(0);
    const audit = await auditOf(admin.id);
    expect(audit.filter((a) => a === 'mfa.failed')).toHaveLength(10);
    expect(audit).toContain('mfa.locked');

    advance(16 * 60_000);
    expect((await signIn(admin, (s) => appCode(s), secret)).statusCode).toBe(200);
  });

  it('a ticket lasts five minutes', async () => {
    const admin = await person(t.app, 'administrator', 'li');
    const { secret } = await enrolAtSignIn(admin);
    const { ticket } = await passwordStep(admin);
    advance(5 * 60_000 + 1000);
    const res = await post('/auth/login/mfa', { ticket, code: appCode(secret) });
    expect(res.statusCode).toBe(401);
    expect(res.json().code).toBe('AUTH_MFA_TICKET_INVALID');
  });

  it('anyone may turn it on; off again (password and code) only when no role requires it', async () => {
    const dispatcher = await person(t.app, 'dispatcher', 'li.oberland.vaduz');
    const direct = await post('/auth/login', { username: dispatcher.username, password: dispatcher.password });
    expect(direct.json()).toMatchObject({ username: dispatcher.username });
    const cookie = cookieOf(direct)!;
    expect((await get('/auth/mfa', cookie)).json()).toMatchObject({ enrolled: false, required: false });

    const { secret } = (await post('/auth/mfa/enrol', undefined, cookie)).json() as { secret: string };
    const wrong = await post('/auth/mfa/enrol/confirm', { code: '000000' }, cookie);
    expect(wrong.statusCode).toBe(400); // a field error, not a 401 that would read as "signed out"
    expect(wrong.json().errors[0].path).toBe('body.code');
    const confirmed = await post('/auth/mfa/enrol/confirm', { code: appCode(secret) }, cookie);
    expect(confirmed.statusCode).toBe(200);
    expect((await post('/auth/mfa/enrol', undefined, cookie)).statusCode).toBe(409);
    advance(30_000);

    expect((await passwordStep(dispatcher)).mfa).toBe('verify');
    const badPassword = await post('/auth/mfa/recovery-codes', { password: 'not-it', code: appCode(secret) }, cookie);
    expect(badPassword.statusCode).toBe(400);
    expect(badPassword.json().errors[0].path).toBe('body.password');
    const regenerated = await post('/auth/mfa/recovery-codes', { password: dispatcher.password, code: appCode(secret) }, cookie);
    expect(regenerated.statusCode).toBe(200);
    expect((regenerated.json() as { recoveryCodes: string[] }).recoveryCodes).toHaveLength(10);
    advance(30_000);
    const off = await post('/auth/mfa/disable', { password: dispatcher.password, code: appCode(secret) }, cookie);
    expect(off.statusCode).toBe(204);
    expect(cookieOf(await post('/auth/login', { username: dispatcher.username, password: dispatcher.password }))).toBeDefined();
    expect(await auditOf(dispatcher.id)).toEqual(expect.arrayContaining(['mfa.enrolled', 'mfa.recovery_codes_regenerated', 'mfa.disabled']));

    const admin = await person(t.app, 'administrator', 'li');
    const enrolled = await enrolAtSignIn(admin);
    const refused = await post('/auth/mfa/disable', { password: admin.password, code: appCode(enrolled.secret) }, enrolled.cookie);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().code).toBe('MFA_REQUIRED_FOR_ROLE');
  });

  it('an administrator resets MFA within their reach only; the holder enrols again and their sessions end', async () => {
    const vaduzAdmin = await person(t.app, 'administrator', 'li.oberland.vaduz');
    const { cookie: adminCookie } = await enrolAtSignIn(vaduzAdmin);
    const auditor = await person(t.app, 'auditor', 'li.oberland.vaduz');
    const { cookie: auditorCookie } = await enrolAtSignIn(auditor);
    const national = await person(t.app, 'auditor', 'li');
    await enrolAtSignIn(national);

    const outside = await t.app.inject({ method: 'DELETE', url: api(`/staff/${national.id}/mfa`), headers: { cookie: `${SESSION_COOKIE}=${adminCookie}` } });
    expect([403, 404]).toContain(outside.statusCode);
    expect((await rows(t.app.platform.db, sql`select 1 from mfa_factors where user_id = ${national.id}`))).toHaveLength(1);

    expect((await get(`/staff/${auditor.id}/mfa`, adminCookie)).json()).toMatchObject({ enrolled: true, required: true });
    const reset = await t.app.inject({ method: 'DELETE', url: api(`/staff/${auditor.id}/mfa`), headers: { cookie: `${SESSION_COOKIE}=${adminCookie}` } });
    expect(reset.statusCode).toBe(204);
    expect((await get('/auth/me', auditorCookie)).statusCode).toBe(401);
    expect((await passwordStep(auditor)).mfa).toBe('enrol');
    expect(await auditOf(auditor.id)).toContain('mfa.reset');
    const [event] = await rows<{ n: number }>(t.app.platform.db, sql`select count(*)::int as n from outbox where type = 'mfa.reset' and data->>'userId' = ${auditor.id}`);
    expect(event!.n).toBe(1);
  });

  it('a role that needs MFA, granted to someone signed in without it, ends their sessions: they enrol at the next sign-in', async () => {
    const { cookie: adminCookie } = await enrolAtSignIn(await person(t.app, 'administrator', 'li'));
    const dispatcher = await person(t.app, 'dispatcher', 'li.oberland.vaduz');
    const cookie = cookieOf(await post('/auth/login', { username: dispatcher.username, password: dispatcher.password }))!;
    expect((await get('/auth/me', cookie)).statusCode).toBe(200);
    const vaduz = await jurisdictionByPath(t.app, 'li.oberland.vaduz');
    const granted = await post(`/staff/${dispatcher.id}/grants`, { role: 'auditor', jurisdictionId: vaduz.id }, adminCookie);
    expect(granted.statusCode).toBe(201);
    expect((await get('/auth/me', cookie)).statusCode).toBe(401);
    expect((await passwordStep(dispatcher)).mfa).toBe('enrol');
  });
});
