import { migrate as migrateNodePg } from 'drizzle-orm/node-postgres/migrator';
import { drizzle as drizzleNodePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import type { PgliteDatabase } from 'drizzle-orm/pglite';
import { pgClient } from './pg-hosts.js';
import type { Database, Db } from './client.js';
import { MIGRATIONS_FOLDER, assertNotNewerThanCode } from './migration-level.js';

export { MIGRATIONS_FOLDER };

/** Arbitrary constant: the advisory lock that serialises migrations across nodes. */
export const MIGRATION_LOCK = 7_470_001;

/**
 * Applies pending migrations. On a PostgreSQL server several nodes may start at once, so the
 * migration runs on one dedicated connection holding a session advisory lock.
 */
export async function migrate(database: Database, databaseUrl?: string): Promise<void> {
  if (database.kind === 'pglite') {
    await assertNotNewerThanCode(database.db);
    await migratePglite(database.db as unknown as PgliteDatabase, { migrationsFolder: MIGRATIONS_FOLDER });
    return;
  }
  if (!databaseUrl) throw new Error('migrate: a PostgreSQL database needs its URL');
  const client = pgClient(databaseUrl);
  await client.connect();
  try {
    await client.query('select pg_advisory_lock($1)', [MIGRATION_LOCK]);
    // Notices such as "extension already exists" are expected on every start after the first.
    await client.query('set client_min_messages = warning');
    const db = drizzleNodePg(client);
    // Checked under the lock, as the owner (the app's role may not read the drizzle schema).
    await assertNotNewerThanCode(db as unknown as Db);
    await migrateNodePg(db, { migrationsFolder: MIGRATIONS_FOLDER });
  } finally {
    await client.query('select pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => undefined);
    await client.end();
  }
}
