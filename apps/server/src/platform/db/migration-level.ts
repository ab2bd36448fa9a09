import { readFileSync } from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { rows, type Queryable } from './client.js';
import { fileURLToPath } from 'node:url';

export const MIGRATIONS_FOLDER = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../drizzle');

/**
 * How far a database's schema has come: the migrations drizzle recorded in
 * `drizzle.__drizzle_migrations` (one row per applied file, `created_at` = the journal's `when`).
 * Migrations are forward-only; a node compares the database's level with its own journal before
 * migrating, because drizzle silently skips a database that is ahead of the code.
 */
export interface MigrationLevel {
  /** Number of migrations applied (0: an empty database). */
  count: number;
  /** Journal tag of the newest applied migration, e.g. `0029_major_incidents` (null when unknown to this code, or none). */
  tag: string | null;
  /** The newest applied migration's journal time (ms): what drizzle orders by. */
  when: number | null;
}

interface JournalEntry { idx: number; when: number; tag: string }

/** This code's migrations, oldest first (drizzle/meta/_journal.json). */
export function codeJournal(folder = MIGRATIONS_FOLDER): JournalEntry[] {
  const journal = JSON.parse(readFileSync(path.join(folder, 'meta', '_journal.json'), 'utf8')) as { entries: JournalEntry[] };
  return journal.entries;
}

export function codeLevel(folder = MIGRATIONS_FOLDER): MigrationLevel {
  const entries = codeJournal(folder);
  const last = entries.at(-1);
  return { count: entries.length, tag: last?.tag ?? null, when: last?.when ?? null };
}

/** Runs one SQL text and returns its rows: a drizzle database, a PGlite transaction or a pg client. */
export type RunSql = <T>(text: string) => Promise<T[]>;

export const runOn = (q: Queryable): RunSql => <T>(text: string) => rows<T>(q, sql.raw(text));

/** The level recorded in a database; `count` 0 when it was never migrated. */
export async function databaseLevel(q: Queryable | RunSql, folder = MIGRATIONS_FOLDER): Promise<MigrationLevel> {
  const run = typeof q === 'function' ? q : runOn(q);
  const [table] = await run<{ present: boolean }>("select to_regclass('drizzle.__drizzle_migrations') is not null as present");
  if (!table?.present) return { count: 0, tag: null, when: null };
  const [row] = await run<{ count: number; when: string | null }>('select count(*)::int as count, max(created_at)::text as "when" from drizzle.__drizzle_migrations');
  const when = row?.when == null ? null : Number(row.when);
  const tag = codeJournal(folder).find((e) => e.when === when)?.tag ?? null;
  return { count: row?.count ?? 0, tag, when };
}

/** Why a database of level `db` must not be run (or restored) by code of level `code`; null when it may. */
export function newerThanCode(db: MigrationLevel, code: MigrationLevel): string | null {
  if (db.count === 0) return null;
  const ahead = db.count > code.count || (db.when !== null && code.when !== null && db.when > code.when);
  if (!ahead) return null;
  return `the database is at migration level ${db.count}${db.tag ? ` (${db.tag})` : ' (a migration this version does not know)'}, newer than this version of Firebreak knows (level ${code.count}, ${code.tag ?? 'none'}). ` +
    'Migrations only go forward: run the newer version that migrated it, or restore a backup made by this version';
}

export class DatabaseTooNewError extends Error {}

/** Throws DatabaseTooNewError when the database was migrated by newer code than this. */
export async function assertNotNewerThanCode(q: Queryable): Promise<void> {
  const problem = newerThanCode(await databaseLevel(q), codeLevel());
  if (problem) throw new DatabaseTooNewError(`Refusing to start: ${problem}.`);
}
