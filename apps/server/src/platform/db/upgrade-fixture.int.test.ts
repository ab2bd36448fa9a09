import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { describe, expect, inject, it } from 'vitest';
import { runCli } from '../../../test/processes.js';
import { withDatabase } from '../../../test/template.js';
import { openDatabase } from './client.js';
import { migrate } from './migrate.js';
import { codeLevel, databaseLevel } from './migration-level.js';

/**
 * Issue 21: migrations on a copy of real data. fixtures/upgrade/level-0032-demo-day.dump was
 * written by the release at migration level 0032 (commit e980549): the demo world and 24 simulated
 * hours of calls, dispatches, AVL tracks and their audit rows (scripts/make-upgrade-fixture.sh
 * remakes it). Restored, migrated to the newest level as a node does at start, it must keep every
 * row and its audit chain must verify. PostgreSQL project only (vitest.config.ts).
 */
const FIXTURE = fileURLToPath(new URL('../../../../../fixtures/upgrade/level-0032-demo-day.dump', import.meta.url));
const FIXTURE_LEVEL = 33;

describe('an upgrade of real data from migration level 0032', () => {
  it('migrates the demo world after a simulated day to the newest level, keeping every row of every table and a verifying audit chain', { timeout: 240_000 }, async () => {
    const server = inject('pgServerUrl');
    const name = `firebreak_fx_${randomBytes(6).toString('hex')}`;
    await admin(server, `create database ${name}`);
    try {
      const url = withDatabase(server, name);
      await pgRestore(FIXTURE, url);
      const before = await rowCounts(url);
      // The fixture is what it claims: an older level, with a day's record in it.
      expect(await withClient(url, (c) => databaseLevel(runSql(c)))).toMatchObject({ count: FIXTURE_LEVEL, tag: '0032_controlled_goods' });
      expect(before.incidents).toBeGreaterThan(50);
      expect(before.audit_log).toBeGreaterThan(1000);

      const database = await openDatabase({ databaseUrl: url, dataDir: os.tmpdir() });
      try {
        await migrate(database, url);
        expect(await databaseLevel(database.db)).toEqual(codeLevel());
      } finally {
        await database.close();
      }

      const after = await rowCounts(url);
      const changed = Object.keys(before).filter((t) => after[t] !== before[t]).map((t) => `${t}: ${before[t]} -> ${after[t] ?? 'dropped'}`);
      expect(changed).toEqual([]);

      const verify = await runCli(['audit', 'verify'], { DATABASE_URL: url, FIREBREAK_DATA_DIR: os.tmpdir() }, 180_000);
      expect(`${verify.stdout}${verify.stderr}`).toMatch(/^Audit chain OK: \d+ rows/m);
      expect(verify.code).toBe(0);
    } finally {
      await admin(server, `drop database if exists ${name} with (force)`);
    }
  });
});

async function withClient<T>(url: string, job: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return await job(c);
  } finally {
    await c.end();
  }
}

const admin = (server: string, text: string) => withClient(server, (c) => c.query(text));
const runSql = (c: pg.Client) => async <T>(text: string): Promise<T[]> => (await c.query(text)).rows as T[];

/** The exact number of rows of every table of the application (the public schema). */
async function rowCounts(url: string): Promise<Record<string, number>> {
  return withClient(url, async (c) => {
    const tables = (await c.query<{ name: string }>("select tablename as name from pg_tables where schemaname = 'public' order by 1")).rows;
    const counts: Record<string, number> = {};
    for (const { name } of tables) counts[name] = Number((await c.query<{ n: string }>(`select count(*) as n from "${name}"`)).rows[0]!.n);
    return counts;
  });
}

/** pg_restore in one transaction: a fixture that does not restore whole fails the test, not a later step. */
async function pgRestore(file: string, url: string): Promise<void> {
  const bin = process.env.FIREBREAK_PG_BIN ?? '/usr/lib/postgresql/15/bin';
  const child = spawn(`${bin}/pg_restore`, ['--no-owner', '--no-acl', '--exit-on-error', '--single-transaction', `--dbname=${url}`, file], { stdio: ['ignore', 'ignore', 'pipe'] });
  let errors = '';
  child.stderr.on('data', (d: Buffer) => (errors += String(d)));
  const code = await new Promise<number | null>((resolve) => child.once('close', resolve));
  if (code !== 0) throw new Error(`pg_restore ${file} failed (${code}): ${errors}`);
}
