import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { AuditCheckpoint } from '@firebreak/contracts';
import { PGlite } from '@electric-sql/pglite';
import { ltree } from '@electric-sql/pglite/contrib/ltree';
import { postgis } from '@electric-sql/pglite-postgis';
import { drizzle as drizzleNodePg } from 'drizzle-orm/node-postgres';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import pg from 'pg';
import { lockDataDir, type Db } from '../db/client.js';
import { KEY_FILE_NAME } from '../audit/signing-key.js';
import { BackupFileError } from './backup-file.js';
import { runPgTool } from './backup.js';
import { checkRestored, type OpenedBackup, type RestoredCheck } from './open-backup.js';
import { applicationTables } from './state.js';

/** A restore or verify that found the restored data unlike its manifest. */
export class RestoreCheckFailed extends Error {
  constructor(readonly check: RestoredCheck, where: string) {
    super(`${where} does not match the backup:\n${check.problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

/** The payload of a checked file, in a scratch folder removed afterwards. */
async function withPayload<T>(opened: OpenedBackup, job: (file: string) => Promise<T>): Promise<T> {
  const scratch = mkdtempSync(path.join(os.tmpdir(), 'fb-restore-'));
  try {
    const file = path.join(scratch, 'payload');
    await opened.extractPayload(file);
    return await job(file);
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

async function openEmbedded(pgdata: string | 'memory://', tarGz: string): Promise<PGlite> {
  return PGlite.create({ dataDir: pgdata, extensions: { postgis, ltree }, loadDataDir: new Blob([readFileSync(tarGz)]) });
}

/**
 * Restores an embedded backup into a data folder holding no database, checks it, and writes the
 * audit key file it carries. Refused, with nothing written, when the folder is in use by another
 * process, already holds a database, or holds another audit key.
 */
export async function restorePglite(
  opened: OpenedBackup,
  dataDir: string,
  configuredKey: boolean,
  external?: AuditCheckpoint,
  /** Looks at the restored database before it is closed (tests: one engine start instead of two, ~15 s each). */
  inspect?: (db: Db) => Promise<void>,
): Promise<RestoredCheck> {
  const { manifest } = opened;
  if (manifest.backend !== 'pglite') throw new BackupFileError(`this is a PostgreSQL backup (pg_dump): restore it with DATABASE_URL set to an empty database`);
  const release = await lockDataDir(dataDir, 0);
  const pgdata = path.join(dataDir, 'pgdata');
  const keyFile = path.join(dataDir, KEY_FILE_NAME);
  try {
    if (existsSync(pgdata) && readdirSync(pgdata).length > 0) throw new BackupFileError(`${dataDir} already holds a database (pgdata); restore into an empty data folder (FIREBREAK_DATA_DIR), nothing was changed`);
    if (!configuredKey && manifest.embeddedKey && existsSync(keyFile) && readFileSync(keyFile, 'utf8').trim() !== manifest.embeddedKey) {
      throw new BackupFileError(`${keyFile} holds another audit key than the backup's; restore into an empty data folder, nothing was changed`);
    }
    return await withPayload(opened, async (payload) => {
      let client: PGlite | undefined;
      try {
        client = await openEmbedded(pgdata, payload);
        const db = drizzlePglite(client) as unknown as Db;
        const check = await checkRestored(db, manifest, opened.keys, external);
        await inspect?.(db);
        await client.close();
        client = undefined;
        if (check.problems.length > 0) throw new RestoreCheckFailed(check, 'the restored database');
        if (!configuredKey && manifest.embeddedKey && !existsSync(keyFile)) writeFileSync(keyFile, `${manifest.embeddedKey}\n`, { mode: 0o600 });
        return check;
      } catch (err) {
        await client?.close().catch(() => undefined);
        rmSync(pgdata, { recursive: true, force: true });
        throw err;
      }
    });
  } finally {
    await release();
  }
}

/** True when the database holds no Firebreak schema and no table of its own. */
async function isEmpty(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const run = async <T>(text: string) => (await client.query(text)).rows as T[];
    const [drizzle] = await run<{ present: boolean }>("select to_regnamespace('drizzle') is not null as present");
    return !drizzle?.present && (await applicationTables(run)).length === 0;
  } finally {
    await client.end();
  }
}

/**
 * Restores a pg_dump backup into an empty database (as its owner), in one transaction: a failed
 * restore leaves the database as empty as it was. Grants to the app role are re-made at the next start.
 */
export async function restorePostgres(opened: OpenedBackup, ownerUrl: string, external?: AuditCheckpoint): Promise<RestoredCheck> {
  const { manifest } = opened;
  if (manifest.backend !== 'postgres') throw new BackupFileError('this is an embedded (PGlite) backup: restore it without DATABASE_URL into an empty FIREBREAK_DATA_DIR');
  const db = new URL(ownerUrl).pathname.slice(1);
  if (!(await isEmpty(ownerUrl))) throw new BackupFileError(`the database ${db} is not empty; restore into a new, empty database (createdb), nothing was changed`);
  await withPayload(opened, (payload) => runPgTool('pg_restore', ['--no-owner', '--no-acl', '--single-transaction', '--exit-on-error', `--dbname=${db}`, payload], ownerUrl));
  const pool = new pg.Pool({ connectionString: ownerUrl, max: 1 });
  // `backup verify` drops the scratch database right after: a closing client may hear of it.
  pool.on('error', () => undefined);
  try {
    const check = await checkRestored(drizzleNodePg(pool) as unknown as Db, manifest, opened.keys, external);
    if (check.problems.length > 0) throw new RestoreCheckFailed(check, `the restored database ${db}`);
    return check;
  } finally {
    await pool.end();
  }
}

/**
 * `backup verify`: restores into a scratch place — memory for an embedded backup, a new database
 * on the server of `serverUrl` (its role needs CREATEDB) for a PostgreSQL one — checks it, and drops it.
 */
export async function verifyBackup(opened: OpenedBackup, serverUrl: string | undefined, external?: AuditCheckpoint): Promise<RestoredCheck> {
  const { manifest } = opened;
  if (manifest.backend === 'pglite') {
    return withPayload(opened, async (payload) => {
      const client = await openEmbedded('memory://', payload);
      try {
        return await checkRestored(drizzlePglite(client) as unknown as Db, manifest, opened.keys, external);
      } finally {
        await client.close();
      }
    });
  }
  if (!serverUrl) throw new BackupFileError('verifying a PostgreSQL backup needs a server: set DATABASE_URL (or DATABASE_OWNER_URL) to a role that may create databases');
  const scratch = `firebreak_verify_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`create database ${scratch}`);
  try {
    const u = new URL(serverUrl);
    u.pathname = `/${scratch}`;
    try {
      return await restorePostgres(opened, u.toString(), external);
    } catch (err) {
      if (err instanceof RestoreCheckFailed) return err.check;
      throw err;
    }
  } finally {
    await admin.query(`drop database if exists ${scratch} with (force)`).catch(() => undefined);
    await admin.end();
  }
}
