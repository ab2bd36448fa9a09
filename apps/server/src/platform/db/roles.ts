import pg from 'pg';
import type { Logger } from 'pino';
import type { Config } from '../../config.js';
import { sql } from 'drizzle-orm';
import { rows, type Database } from './client.js';
import { MIGRATION_LOCK } from './migrate.js';
import { parsePostgresUrl, pgClient } from './pg-hosts.js';

/**
 * Least privilege on a PostgreSQL server (ADR 0005): the schema belongs to the owner role
 * (DATABASE_OWNER_URL), which runs migrations; the application connects (DATABASE_URL) as a
 * login in the group role `firebreak_app`, which may read and write rows but not change the
 * schema, TRUNCATE, disable triggers or set session_replication_role (not an owner, not a
 * superuser), and on the audit tables may only INSERT — plus, on audit_log, the chainer's one
 * UPDATE of the chaining columns that the guard trigger allows.
 */
export const APP_ROLE = 'firebreak_app';

/** Re-granted after every migration, in one transaction: a table added by a migration is covered at once. */
const GRANTS = `
  -- Nodes starting together would otherwise race on the same ACLs ("tuple concurrently updated").
  SELECT pg_advisory_xact_lock(${MIGRATION_LOCK});
  DO $$ BEGIN
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '${APP_ROLE}') THEN
      CREATE ROLE ${APP_ROLE} NOLOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS;
    END IF;
  EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; -- another database of this server made it first
  END $$;
  GRANT USAGE ON SCHEMA public TO ${APP_ROLE};
  REVOKE ALL ON ALL TABLES IN SCHEMA public FROM ${APP_ROLE};
  GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ${APP_ROLE};
  REVOKE UPDATE, DELETE ON audit_log, audit_checkpoints FROM ${APP_ROLE};
  GRANT UPDATE (seq, prev_hash, hash) ON audit_log TO ${APP_ROLE};
  -- The goods ledger is append-only (its triggers refuse it too; this is the second lock).
  REVOKE UPDATE, DELETE ON goods_transfers FROM ${APP_ROLE};
  GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO ${APP_ROLE};
`;

/** The user name of a connection string (libpq's default: the OS user, which we do not guess). */
const userOf = (url: string | undefined): string | undefined => (url ? parsePostgresUrl(url).user : undefined);

/**
 * On the owner's connection: (re)creates the group role and its grants, and makes the app's login
 * (DATABASE_URL's user) a member when it is another role. Then checks, on the app's own
 * connection, that it really lacks the owner's powers, and says so loudly when it does not.
 */
export async function ensureAppRole(database: Database, config: Config, log: Logger): Promise<void> {
  const ownerUrl = config.databaseOwnerUrl ?? config.databaseUrl;
  if (!ownerUrl) return;
  const owner = pgClient(ownerUrl);
  await owner.connect();
  try {
    await owner.query('set client_min_messages = error');
    const split = config.databaseUrl !== ownerUrl;
    try {
      await owner.query(`BEGIN; ${GRANTS} COMMIT;`);
    } catch (err) {
      await owner.query('ROLLBACK');
      const hint = `as a superuser: CREATE ROLE ${APP_ROLE} NOLOGIN; then restart (the owner needs CREATEROLE to create it itself)`;
      // One URL for both (as before roles were split): keep running with the owner's rights, as it did.
      if (!split) {
        log.warn({ err }, `could not set up the app role ${APP_ROLE}; ${hint}`);
        await warnIfPrivileged(database, config, log);
        return;
      }
      throw new Error(`could not set up the app role ${APP_ROLE} on the owner's connection (DATABASE_OWNER_URL): ${(err as Error).message}. Create it ${hint}`, { cause: err });
    }
    const appUser = userOf(config.databaseUrl);
    if (appUser && appUser !== userOf(ownerUrl)) {
      const member = await owner.query<{ member: boolean }>('select pg_has_role($1, $2, \'MEMBER\') as member', [appUser, APP_ROLE]);
      if (!member.rows[0]?.member) {
        await owner.query(`GRANT ${APP_ROLE} TO ${pg.escapeIdentifier(appUser)}`).catch((err: unknown) => {
          log.error({ err }, `could not make ${appUser} a member of ${APP_ROLE}; run as the owner: GRANT ${APP_ROLE} TO ${appUser};`);
        });
      }
    }
  } finally {
    await owner.end();
  }
  await warnIfPrivileged(database, config, log);
}

async function warnIfPrivileged(database: Database, config: Config, log: Logger): Promise<void> {
  const [me] = await rows<{ usr: string; superuser: boolean; owns: boolean }>(database.db, sql`
    select current_user as usr,
      (select rolsuper from pg_roles where rolname = current_user) as superuser,
      pg_has_role(current_user, (select relowner from pg_class where oid = 'audit_log'::regclass), 'USAGE') as owns`);
  if (!me || (!me.superuser && !me.owns)) return;
  const what = me.superuser ? 'a superuser' : 'the owner of the schema';
  log.warn(
    { user: me.usr, ownerUrlSet: config.databaseOwnerUrl !== config.databaseUrl },
    `the application connects as ${what} (${me.usr}): whoever holds DATABASE_URL can alter tables, truncate, and disable the audit triggers. ` +
      `Run migrations as the owner (DATABASE_OWNER_URL) and give DATABASE_URL a login role that is a member of ${APP_ROLE} (README, "Database roles")`,
  );
}
