import { randomBytes } from 'node:crypto';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { drizzle } from 'drizzle-orm/node-postgres';
import { migrate as migrateNodePg } from 'drizzle-orm/node-postgres/migrator';
import pg from 'pg';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { withDatabase } from '../../../test/template.js';
import { MIGRATIONS_FOLDER, codeJournal } from './migration-level.js';

/**
 * Forward-only migrations, from every earlier level to the newest: a database left at level k
 * (by the release that stopped there) must reach exactly the schema a fresh install gets. On the
 * PostgreSQL server only: a copy per level is a CREATE DATABASE … TEMPLATE (under a second),
 * where an embedded copy costs ~15 s each; both backends run the same SQL files. vitest.config.ts
 * keeps this file out of the pglite project.
 */
describe('migrations upgrade from each earlier level', () => {
  const tag = randomBytes(4).toString('hex');
  const made: string[] = [];
  const scratch = mkdtempSync(path.join(os.tmpdir(), 'fb-upgrade-'));

  const admin = async <T>(job: (c: pg.Client) => Promise<T>): Promise<T> => {
    const c = new pg.Client({ connectionString: inject('pgServerUrl') });
    await c.connect();
    try {
      return await job(c);
    } finally {
      await c.end();
    }
  };
  const create = async (name: string, template?: string) => {
    await admin((c) => c.query(`create database ${name}${template ? ` template ${template}` : ''}`));
    made.push(name);
  };
  /** Runs `folder`'s migrations on a database, as a node does at start. */
  const migrateTo = async (name: string, folder: string) => {
    const c = new pg.Client({ connectionString: withDatabase(inject('pgServerUrl'), name) });
    await c.connect();
    try {
      await c.query('set client_min_messages = warning');
      await migrateNodePg(drizzle(c), { migrationsFolder: folder });
      // What a schema is, for this test: columns with type, nullability and default; indexes; triggers; constraints.
      const { rows } = await c.query<{ item: string }>(`
        select format('col %s.%s %s %s %s', table_name, column_name, data_type, is_nullable, coalesce(column_default, '')) as item from information_schema.columns where table_schema = 'public'
        union all select format('idx %s', indexdef) from pg_indexes where schemaname = 'public'
        union all select format('trg %s.%s', event_object_table, trigger_name) from information_schema.triggers where trigger_schema = 'public'
        union all select format('con %s %s', conrelid::regclass, pg_get_constraintdef(oid)) from pg_constraint where connamespace = 'public'::regnamespace
        order by 1`);
      return rows.map((r) => r.item);
    } finally {
      await c.end();
    }
  };
  /** A copy of drizzle/ whose journal stops at level `count`: the code of an older release. */
  const folderAt = (count: number) => {
    const dir = path.join(scratch, `level-${count}`);
    cpSync(MIGRATIONS_FOLDER, dir, { recursive: true });
    const journal = { version: '7', dialect: 'postgresql', entries: codeJournal().slice(0, count) };
    writeFileSync(path.join(dir, 'meta', '_journal.json'), JSON.stringify(journal));
    return dir;
  };

  afterAll(async () => {
    await admin(async (c) => {
      for (const name of made) await c.query(`drop database if exists ${name} with (force)`);
    });
    rmSync(scratch, { recursive: true, force: true });
  });

  it('reaches the fresh install\'s schema from earlier levels (all of them with FIREBREAK_UPGRADE_ALL=1)', { timeout: 600_000 }, async () => {
    const levels = codeJournal().length;
    const fresh = `fb_up_${tag}_fresh`;
    await create(fresh);
    const newest = await migrateTo(fresh, MIGRATIONS_FOLDER);
    expect(newest.length).toBeGreaterThan(100);
    const base = `fb_up_${tag}_base`;
    await create(base);
    // Every level with FIREBREAK_UPGRADE_ALL=1 (~4 s a level on this loaded machine); in CI every tenth and the last
    // two (the releases an upgrade most often starts from), to keep the file near 20 s.
    const all = process.env.FIREBREAK_UPGRADE_ALL === '1';
    const tested = Array.from({ length: levels - 1 }, (_, i) => i + 1).filter((k) => all || k % 10 === 1 || k >= levels - 2);
    for (const k of tested) {
      await migrateTo(base, folderAt(k));
      const copy = `fb_up_${tag}_${k}`;
      await create(copy, base);
      expect(await migrateTo(copy, MIGRATIONS_FOLDER), `from level ${k} (${codeJournal()[k - 1]!.tag})`).toEqual(newest);
      await admin((c) => c.query(`drop database ${copy} with (force)`));
    }
  });
});
