import { randomBytes } from 'node:crypto';
import os from 'node:os';
import pg from 'pg';
import { inject } from 'vitest';
import { buildApp } from '../src/app.js';
import type { Config } from '../src/config.js';
import { openDatabase } from '../src/platform/db/client.js';
import { backend, testConfig, type TestApp, type TestDatabase } from './harness.js';
import { TEST_APP_LOGIN, withDatabase, withUser } from './template.js';

/**
 * An empty, migrated database — not a copy of the seeded (demo country) template: for a test of a
 * deployment built from another extract, as `firebreak import osm` builds it on a fresh install.
 */
export async function emptyDatabase(): Promise<TestDatabase> {
  if (backend === 'pglite') {
    const database = await openDatabase({ dataDir: os.tmpdir(), inMemory: true });
    return { database, url: undefined, ownerUrl: undefined, env: {}, drop: async () => undefined };
  }
  const server = inject('pgServerUrl');
  const name = `firebreak_e_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: server });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const ownerUrl = withDatabase(server, name);
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

/** The app on an empty database (migrated as it starts); the test seeds it through `app.platform`. */
export async function startEmptyApp(opts: { config?: Partial<Config>; clock?: () => Date } = {}): Promise<TestApp> {
  const db = await emptyDatabase();
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
