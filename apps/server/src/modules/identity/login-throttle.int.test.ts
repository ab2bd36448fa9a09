import os from 'node:os';
import { sql } from 'drizzle-orm';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app.js';
import { openDatabase, rows, type Database } from '../../platform/db/client.js';
import { v7 as uuidv7 } from 'uuid';
import { backend, cloneTemplate, createUser, jurisdictionByPath, testConfig, type TestDatabase, type TestUser } from '../../../test/harness.js';
import { hashPassword } from './secrets.js';
import { grants, users as staffUsers } from './staff.tables.js';
import { TEST_ADMIN_PASSWORD } from '../../../test/template.js';

/**
 * The login throttle (holes 3 and 4 of issue 11): failures counted per (account, address) and per
 * address in the database, shared by every node; no account ever locked by failures; the same
 * answers for known and unknown usernames; X-Forwarded-For believed only from a trusted proxy.
 * Two nodes on one database: A trusts no proxy, B trusts one hop. Both run on one injected clock.
 */

const FREE = 3;
const ADDRESS_FREE = 8;
const policy = { freeFailures: FREE, addressFreeFailures: ADDRESS_FREE, firstDelaySeconds: 30, maxDelaySeconds: 120 };

let now = new Date('2026-03-01T08:00:00Z');
const clock = () => now;
const advance = (seconds: number) => (now = new Date(now.getTime() + seconds * 1000));

/** What node A logged at warn and above. */
const logLines: string[] = [];
let db: TestDatabase;
let a: FastifyInstance;
let b: FastifyInstance;
let users: TestUser[] = [];
let nextUser = 0;
/** A fresh account per test, so that tests do not share counters. */
const freshUser = () => users[nextUser++]!;

/** A second connection to the same database: on PostgreSQL a real second pool, on PGlite the one engine. */
async function secondConnection(first: TestDatabase): Promise<Database> {
  if (backend === 'postgres') return openDatabase({ databaseUrl: first.url, dataDir: os.tmpdir() });
  return Object.create(first.database, { close: { value: async () => undefined } }) as Database;
}

beforeAll(async () => {
  db = await cloneTemplate();
  const logger = pino({ level: 'warn' }, { write: (line: string) => void logLines.push(line) });
  a = await buildApp(testConfig({ databaseUrl: db.url, databaseOwnerUrl: db.ownerUrl, loginThrottle: policy }), { database: db.database, clock, logger });
  const bConfig = testConfig({ databaseUrl: db.url, databaseOwnerUrl: db.ownerUrl, loginThrottle: policy, trustProxy: 1, nodeName: 'node-b' });
  bConfig.mfa = { ...bConfig.mfa, requiredRoles: ['auditor'] };
  b = await buildApp(bConfig, { database: await secondConnection(db), clock });
  await Promise.all([a.ready(), b.ready()]);
  users = [];
  for (let i = 0; i < 11; i++) users.push(await createUser(a, 'dispatcher', 'li.oberland.vaduz'));
}, 60_000);
afterAll(async () => {
  await b?.close();
  await a?.close();
  await db?.drop();
});

function attempt(app: FastifyInstance, username: string, password: string, from: string, extra: Partial<InjectOptions> = {}) {
  return app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password }, remoteAddress: from, ...extra });
}

/** A problem body with what differs between any two requests (request id, instance) taken out. */
const comparable = (res: LightMyRequestResponse) => ({ ...(res.json() as object), requestId: undefined, instance: undefined });

function expectThrottled(res: LightMyRequestResponse, retryAfter: number): void {
  expect(res.statusCode, res.body).toBe(429);
  expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
  expect(res.json().code).toBe('AUTH_LOGIN_THROTTLED');
  expect(res.headers['retry-after']).toBe(String(retryAfter));
  expect(res.cookies).toEqual([]);
}

describe('throttling per (account, address), never a lockout', () => {
  it('makes the attempt after the free failures wait, even with the right password; the real user elsewhere signs in at once', async () => {
    const from = '198.51.100.1';
    for (let i = 0; i < FREE; i++) expect((await attempt(a, 'admin', `wrong-${i}`, from)).statusCode).toBe(401);
    expectThrottled(await attempt(a, 'admin', TEST_ADMIN_PASSWORD, from), 30);
    // Two more from the attacker's address changed nothing: refusals are not failures.
    expectThrottled(await attempt(a, 'admin', 'wrong-again', from), 30);

    // The administrator at another desk is not locked out, on either node.
    expect((await attempt(a, 'admin', TEST_ADMIN_PASSWORD, '198.51.100.2')).statusCode).toBe(200);
    expect((await attempt(b, 'admin', TEST_ADMIN_PASSWORD, '198.51.100.3')).statusCode).toBe(200);

    // And the attacker's address may try again once the wait is over.
    advance(29);
    expectThrottled(await attempt(a, 'admin', TEST_ADMIN_PASSWORD, from), 1);
    advance(1);
    expect((await attempt(a, 'admin', TEST_ADMIN_PASSWORD, from)).statusCode).toBe(200);
    // A success starts the count again: the next failure is a plain 401.
    expect((await attempt(a, 'admin', 'wrong-after', from)).statusCode).toBe(401);
  });

  it('doubles the wait with each further failure, up to LOGIN_DELAY_MAX_MINUTES', async () => {
    const user = freshUser();
    const from = '198.51.100.10';
    for (let i = 0; i < FREE; i++) await attempt(a, user.username, `wrong-${i}`, from);
    const waits: number[] = [];
    for (let round = 0; round < 4; round++) {
      const refused = await attempt(a, user.username, 'wrong', from);
      waits.push(Number(refused.headers['retry-after']));
      advance(waits.at(-1)!);
      expect((await attempt(a, user.username, 'wrong', from)).statusCode).toBe(401);
    }
    expect(waits).toEqual([30, 60, 120, 120]);
  });

  it('answers an unknown username exactly as a known one: 401 alike, then 429 alike with the same wait', async () => {
    const user = freshUser();
    const known: LightMyRequestResponse[] = [];
    const unknown: LightMyRequestResponse[] = [];
    for (let i = 0; i <= FREE; i++) {
      known.push(await attempt(a, user.username, `wrong-${i}`, '198.51.100.20'));
      unknown.push(await attempt(a, `nobody-${user.username}`, `wrong-${i}`, '198.51.100.21'));
    }
    expect(known.map((r) => r.statusCode)).toEqual([401, 401, 401, 429]);
    expect(unknown.map((r) => r.statusCode)).toEqual(known.map((r) => r.statusCode));
    known.forEach((k, i) => {
      expect(comparable(unknown[i]!)).toEqual(comparable(k));
      expect(unknown[i]!.headers['retry-after']).toBe(k.headers['retry-after']);
    });
  });

  it('holds a ceiling per address across usernames, without touching other addresses', async () => {
    const from = '198.51.100.30';
    for (let i = 0; i < ADDRESS_FREE; i++) expect((await attempt(a, `spray-${i}`, 'Summer2026!', from)).statusCode).toBe(401);
    const user = freshUser();
    expectThrottled(await attempt(a, user.username, user.password, from), 30);
    expect((await attempt(a, user.username, user.password, '198.51.100.31')).statusCode).toBe(200);
  });

  it('counts IPv6 clients by their /64: a new address in the same /64 does not get a new budget', async () => {
    const user = freshUser();
    for (let i = 0; i < FREE; i++) expect((await attempt(a, user.username, 'wrong', `2001:db8:7:7::${i + 1}`)).statusCode).toBe(401);
    expectThrottled(await attempt(a, user.username, user.password, '2001:db8:7:7:ffff::99'), 30);
    expect((await attempt(a, user.username, user.password, '2001:db8:7:8::1')).statusCode).toBe(200);
  });

  it('lets no more than the free failures through when attempts arrive together (the count is reserved before the password is checked)', async () => {
    const user = freshUser();
    const results = await Promise.all(Array.from({ length: 10 }, (_, i) => attempt(i % 2 ? b : a, user.username, `wrong-${i}`, '198.51.100.40')));
    const codes = results.map((r) => r.statusCode).sort();
    expect(codes).toEqual([...Array<number>(FREE).fill(401), ...Array<number>(10 - FREE).fill(429)]);
  });

  it("ends an account's waits when an administrator sets a new password", async () => {
    const user = freshUser();
    const from = '198.51.100.90';
    for (let i = 0; i < FREE; i++) await attempt(a, user.username, 'forgotten', from);
    expectThrottled(await attempt(a, user.username, 'forgotten', from), 30);
    const admin = (await attempt(a, 'admin', TEST_ADMIN_PASSWORD, '198.51.100.91')).cookies.find((c) => c.name === 'firebreak_session')!;
    const reset = await a.inject({ method: 'PATCH', url: `/api/v1/staff/${user.id}`, headers: { cookie: `firebreak_session=${admin.value}` }, payload: { password: 'a-brand-new-password' } });
    expect(reset.statusCode, reset.body).toBe(200);
    expect((await attempt(a, user.username, 'a-brand-new-password', from)).statusCode).toBe(200);
  });

  it('counts a right password as a success when a second factor follows: signing in every day never runs into the wait', async () => {
    // Node B requires MFA of auditors; this one has no factor yet, so each right password gets an enrolment ticket.
    const home = await jurisdictionByPath(b, 'li');
    const id = uuidv7();
    const username = `auditor-${id.slice(-8)}`;
    await b.platform.db.insert(staffUsers).values({ id, username, displayName: username, jurisdictionId: home.id, passwordHash: await hashPassword('auditor-password-1') });
    await b.platform.db.insert(grants).values({ id: uuidv7(), userId: id, role: 'auditor', jurisdictionId: home.id });
    for (let i = 0; i < ADDRESS_FREE + 1; i++) {
      const res = await attempt(b, username, 'auditor-password-1', '198.51.100.95');
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toMatchObject({ mfa: 'enrol' });
    }
  });

  it('shares the count between nodes', async () => {
    const user = freshUser();
    const from = '198.51.100.50';
    // Node B trusts one proxy hop: the proxy at 10.0.0.9 says the client is `from`.
    const viaB = { headers: { 'x-forwarded-for': from } };
    expect((await attempt(a, user.username, 'wrong-1', from)).statusCode).toBe(401);
    expect((await attempt(b, user.username, 'wrong-2', '10.0.0.9', viaB)).statusCode).toBe(401);
    expect((await attempt(a, user.username, 'wrong-3', from)).statusCode).toBe(401);
    expectThrottled(await attempt(b, user.username, user.password, '10.0.0.9', viaB), 30);
    expectThrottled(await attempt(a, user.username, user.password, from), 30);
  });
});

describe('X-Forwarded-For', () => {
  it('does not let a client pick its own address when no proxy is trusted (TRUST_PROXY unset)', async () => {
    const user = freshUser();
    for (let i = 0; i < FREE; i++) {
      const res = await attempt(a, user.username, 'wrong', '198.51.100.60', { headers: { 'x-forwarded-for': `203.0.113.${i}` } });
      expect(res.statusCode).toBe(401);
    }
    expectThrottled(await attempt(a, user.username, user.password, '198.51.100.60', { headers: { 'x-forwarded-for': '203.0.113.200' } }), 30);
    // The operator hears once that a proxy may be in front while TRUST_PROXY is unset.
    expect(logLines.filter((l) => l.includes('TRUST_PROXY is unset'))).toHaveLength(1);
  });

  it('believes only the hop the trusted proxy added (TRUST_PROXY=1), not what the client put before it', async () => {
    const user = freshUser();
    const proxy = '10.0.0.9';
    for (let i = 0; i < FREE; i++) {
      const res = await attempt(b, user.username, 'wrong', proxy, { headers: { 'x-forwarded-for': `203.0.113.${i}, 198.51.100.70` } });
      expect(res.statusCode).toBe(401);
    }
    expectThrottled(await attempt(b, user.username, user.password, proxy, { headers: { 'x-forwarded-for': '203.0.113.250, 198.51.100.70' } }), 30);
    // Another client behind the same proxy has its own budget.
    expect((await attempt(b, user.username, user.password, proxy, { headers: { 'x-forwarded-for': '198.51.100.71' } })).statusCode).toBe(200);
  });
});

describe('audit of failed logins', () => {
  it('audits each failure with the client address, an unknown username without the name tried, and no throttled refusal', async () => {
    const user = freshUser();
    const from = '198.51.100.80';
    for (let i = 0; i < FREE + 3; i++) await attempt(a, user.username, 'wrong', from);
    const mine = await rows<{ actor_name: string | null; after: { clientAddress: string; failuresFromAddress: number; waitSeconds?: number; username: string } }>(
      a.platform.db,
      sql`select actor_name, after from audit_log where action = 'auth.login_failed' and entity_id = ${user.id} order by id`,
    );
    expect(mine.map((r) => r.after.failuresFromAddress)).toEqual([1, 2, 3]);
    expect(mine.map((r) => r.after.waitSeconds ?? null)).toEqual([null, null, 30]);
    expect(mine.every((r) => r.actor_name === user.username && r.after.clientAddress === from && r.after.username === user.username)).toBe(true);

    const secretLookingName = `Tr0ub4dor&3-${user.username}`;
    await attempt(a, secretLookingName, 'wrong', '198.51.100.81');
    const unknown = await rows<{ actor_name: string | null; entity_id: string | null; after: unknown }>(
      a.platform.db,
      sql`select actor_name, entity_id, after from audit_log where action = 'auth.login_failed' and after->>'clientAddress' = '198.51.100.81'`,
    );
    expect(unknown).toHaveLength(1);
    expect(unknown[0]).toMatchObject({ actor_name: null, entity_id: null, after: { userId: null, username: null, clientAddress: '198.51.100.81' } });
    expect(JSON.stringify(unknown[0])).not.toContain('Tr0ub4dor');
    const stored = await rows<{ key: string }>(a.platform.db, sql`select key from login_throttle`);
    expect(stored.some((r) => r.key.includes(user.username) || r.key.includes('Tr0ub4dor'))).toBe(false);
  });

  it('never changes the account: no lock, and the users table holds no failure state', async () => {
    const columns = await rows<{ column_name: string }>(a.platform.db, sql`select column_name from information_schema.columns where table_name = 'users'`);
    expect(columns.map((c) => c.column_name)).not.toEqual(expect.arrayContaining(['locked_until']));
    expect(columns.map((c) => c.column_name)).not.toEqual(expect.arrayContaining(['failed_logins']));
  });
});
