import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import os from 'node:os';
import type { Role } from '@firebreak/contracts';
import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import pg from 'pg';
import { v7 as uuidv7 } from 'uuid';
import { expect, inject } from 'vitest';
import { buildApp } from '../src/app.js';
import { loadConfig, type Config } from '../src/config.js';
import { openDatabase, rows, type Database } from '../src/platform/db/client.js';
import { hashPassword } from '../src/modules/identity/secrets.js';
import { grants, users } from '../src/modules/identity/staff.tables.js';
import { TEST_ADMIN_PASSWORD, TEST_APP_LOGIN, TEST_AUDIT_KEY, withDatabase, withUser } from './template.js';

export type Backend = 'pglite' | 'postgres';
export const backend: Backend = process.env.FIREBREAK_TEST_BACKEND === 'postgres' ? 'postgres' : 'pglite';

export interface TestDatabase {
  /** Connected as the application: on the postgres backend, the least-privileged test login (TEST_APP_LOGIN). */
  database: Database;
  /** Set on the postgres backend: the URL of this test's own database, as the application's login. */
  url: string | undefined;
  /** Set on the postgres backend: the same database as its owner (migrations, and tampering as an attacker with the owner's rights). */
  ownerUrl: string | undefined;
  /** The environment that points a spawned `firebreak` at this database (postgres backend; empty on PGlite). */
  env: Record<string, string>;
  drop(): Promise<void>;
}

/** A fresh database for one test file: a copy of the seeded template. */
export async function cloneTemplate(): Promise<TestDatabase> {
  if (backend === 'pglite') {
    const database = await openDatabase({ dataDir: os.tmpdir(), inMemory: true, loadDataDir: new Blob([readFileSync(inject('pgliteTemplate'))]) });
    return { database, url: undefined, ownerUrl: undefined, env: {}, drop: async () => undefined };
  }
  return serverDatabase('firebreak_t', `template ${inject('pgTemplate')}`);
}

/**
 * A fresh database with no data at all (migrated when the app starts): a deployment made from
 * scratch, e.g. with other levels than the template's demo country.
 */
export async function emptyDatabase(): Promise<TestDatabase> {
  if (backend === 'pglite') {
    const database = await openDatabase({ dataDir: os.tmpdir(), inMemory: true });
    return { database, url: undefined, ownerUrl: undefined, env: {}, drop: async () => undefined };
  }
  return serverDatabase('firebreak_e', '');
}

/** A new database on the PostgreSQL server (`create database … <clause>`), dropped when the test ends. */
async function serverDatabase(prefix: string, clause: string): Promise<TestDatabase> {
  const server = inject('pgServerUrl');
  const name = `${prefix}_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: server });
  await admin.connect();
  await admin.query(`create database ${name} ${clause}`);
  await admin.end();
  const ownerUrl = withDatabase(server, name);
  // The database is owned by the server's superuser, like a schema owner; the app gets a login of the app role.
  const url = withUser(ownerUrl, TEST_APP_LOGIN);
  const database = await openDatabase({ databaseUrl: url, dataDir: os.tmpdir() });
  return {
    database,
    url,
    ownerUrl,
    env: { DATABASE_URL: url, DATABASE_OWNER_URL: ownerUrl },
    drop: async () => {
      const c = new pg.Client({ connectionString: server });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}

/**
 * The test database as its owner (postgres backend) — for what the application's role may not do,
 * e.g. tampering with the audit log as an attacker holding the owner's credentials. On PGlite,
 * the one connection there is. Close it (postgres) when done.
 */
export async function openAsOwner(db: TestDatabase): Promise<{ db: Database['db']; close(): Promise<void> }> {
  if (!db.ownerUrl) return { db: db.database.db, close: async () => undefined };
  const owner = await openDatabase({ databaseUrl: db.ownerUrl, dataDir: os.tmpdir() });
  return { db: owner.db, close: () => owner.close() };
}

/**
 * Sessions do not go idle in tests unless a test turns it on (identity/session-idle.int.test.ts):
 * many tests move an injected clock by hours or days and keep their sessions.
 */
const NO_IDLE_TIMEOUT: Config['sessionIdle'] = { defaultMinutes: 1000 * 365 * 24 * 60, byRole: {} };

export function testConfig(overrides: Partial<Config> = {}): Config {
  // No role needs MFA in tests unless a test turns it on: the product default would send every login through enrolment.
  // Each test app is a node of its own: the transport ingest keeps a session at the shared MQTT broker
  // under the node's name, and two apps under one name would take each other's session (and fixes).
  // The outbox relay and the audit chainer poll at the product's default (OUTBOX_POLL_MS, 250 ms): a
  // command kicks both at its commit, so the poll only finds work committed elsewhere. At 50 ms the
  // two polls were a third of a PGlite file's CPU while it waited on a child process (a CPU profile
  // of audit-checkpoint), and more on a loaded machine, where files take longer.
  return { ...loadConfig({ LOG_LEVEL: 'silent', FIREBREAK_DEMO: 'false', MFA_REQUIRED_ROLES: '', AUDIT_SIGNING_KEY: TEST_AUDIT_KEY }), nodeName: `test-${randomBytes(6).toString('hex')}`, sessionIdle: NO_IDLE_TIMEOUT, ...overrides };
}

export interface TestApp {
  app: FastifyInstance;
  db: TestDatabase;
  config: Config;
  close(): Promise<void>;
}

export async function startTestApp(opts: { config?: Partial<Config>; clock?: () => Date; empty?: boolean } = {}): Promise<TestApp> {
  const db = opts.empty ? await emptyDatabase() : await cloneTemplate();
  const config = testConfig({ databaseUrl: db.url, databaseOwnerUrl: db.ownerUrl, ...opts.config });
  const app = await buildApp(config, { database: db.database, ...(opts.clock ? { clock: opts.clock } : {}) });
  await app.ready();
  return {
    app,
    db,
    config,
    close: async () => {
      await app.close();
      await db.drop();
    },
  };
}

/** Has the app listen on a free port of 127.0.0.1 (for sockets and fetch, which `inject` cannot serve); returns its base URL. */
export async function listen(app: FastifyInstance): Promise<string> {
  await app.listen({ host: '127.0.0.1', port: 0 });
  return `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;
}

/** Logs in through the API and returns the session cookie header. */
export async function login(app: FastifyInstance, username: string, password: string): Promise<string> {
  const res = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password } });
  if (res.statusCode !== 200) throw new Error(`login ${username} failed: ${res.statusCode} ${res.body}`);
  const cookie = res.cookies.find((c) => c.name === 'firebreak_session');
  if (!cookie) throw new Error('no session cookie');
  return `firebreak_session=${cookie.value}`;
}

export const loginAdmin = (app: FastifyInstance): Promise<string> => login(app, 'admin', TEST_ADMIN_PASSWORD);

export async function jurisdictionByPath(app: FastifyInstance, path: string): Promise<{ id: string; path: string }> {
  const [row] = await rows<{ id: string; path: string }>(app.platform.db, sql`select id, path::text as path from jurisdictions where path = ${path}::ltree`);
  if (!row) throw new Error(`no jurisdiction ${path}`);
  return row;
}

export interface TestUser {
  id: string;
  username: string;
  password: string;
  cookie: string;
}

/**
 * Takes the template's demo forces (world.ts: units at the demo country's stations) off duty, for
 * a test whose world is the units it registers itself: they are then the only ones dispatchable.
 */
export async function standDownDemoForces(app: FastifyInstance): Promise<number> {
  const changed = await rows<{ id: string }>(app.platform.db, sql`update units set on_duty = false where on_duty returning id`);
  return changed.length;
}

/**
 * Removes the template's national default run cards (world.ts: `ensureDemoRunCards`), for a test
 * whose plans are the ones it sets itself. Recommendations then follow the incident type's default card.
 */
export async function clearDemoRunCards(app: FastifyInstance): Promise<void> {
  await app.platform.db.execute(sql`delete from response_plans where updated_by is null`);
}

/**
 * Removes the template's demo mutual aid agreements (world.ts: `ensureDemoAgreements`), for a test
 * whose agreements are the ones it makes itself: before it, no neighbour lends anything.
 */
export async function clearDemoAgreements(app: FastifyInstance): Promise<void> {
  await app.platform.db.execute(sql`delete from mutual_aid_agreements where created_by is null`);
}

/** Builder: an account with one role on one jurisdiction, logged in. */
export async function createUser(app: FastifyInstance, role: Role, path: string, extra: { username?: string } = {}): Promise<TestUser> {
  const j = await jurisdictionByPath(app, path);
  const id = uuidv7();
  const username = extra.username ?? `${role.replace('_', '-')}-${randomBytes(4).toString('hex')}`;
  const password = `pw-${randomBytes(9).toString('hex')}`;
  await app.platform.db.insert(users).values({ id, username, displayName: username, jurisdictionId: j.id, passwordHash: await hashPassword(password) });
  await app.platform.db.insert(grants).values({ id: uuidv7(), userId: id, role, jurisdictionId: j.id });
  return { id, username, password, cookie: await login(app, username, password) };
}

/**
 * Named test users of one app, logged in on demand. `forgetSessions` after moving an injected
 * clock past the session lifetime makes everyone log in again on their next call.
 */
export class Cast {
  readonly users: Record<string, TestUser> = {};
  private readonly sessions = new Map<string, string>();

  constructor(private readonly app: () => FastifyInstance) {}

  async add(name: string, role: Role, path: string): Promise<TestUser> {
    const user = await createUser(this.app(), role, path);
    this.users[name] = user;
    this.sessions.set(name, user.cookie);
    return user;
  }

  forgetSessions(): void {
    this.sessions.clear();
  }

  /** `admin` is the template's national administrator; anyone else must have been added. */
  async cookieOf(who: string): Promise<string> {
    if (!this.sessions.has(who)) {
      const user = this.users[who];
      this.sessions.set(who, who === 'admin' && !user ? await loginAdmin(this.app()) : await login(this.app(), user!.username, user!.password));
    }
    return this.sessions.get(who)!;
  }

  async call(who: string, method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', url: string, payload?: object) {
    const cookie = await this.cookieOf(who);
    return this.app().inject({ method, url: `/api/v1${url}`, headers: { cookie }, ...(payload ? { payload } : {}) });
  }

  /** A call that must succeed (2xx; the body is the failure's message otherwise), its JSON body (as it comes, unless typed). */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests read the bodies' fields as they come, as res.json() gives them
  async ok<T = any>(who: string, method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', url: string, payload?: object): Promise<T> {
    const res = await this.call(who, method, url, payload);
    expect(res.statusCode, res.body).toBeLessThan(300);
    return res.json() as T;
  }
}
