import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream, existsSync, mkdtempSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { Database } from '../db/client.js';
import { parsePostgresUrl, pgClient } from '../db/pg-hosts.js';
import { databaseLevel, type MigrationLevel } from '../db/migration-level.js';
import { KEY_FILE_NAME, type AuditKeys } from '../audit/signing-key.js';
import { headerOf, sha256, signManifest, type BackupManifest } from './backup-file.js';
import { describeState, type RunSql } from './state.js';

/** This code's version, written into every manifest (a newer one is refused at restore). */
export const PRODUCT_VERSION = (JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as { version: string }).version;

export interface BackupSource {
  database: Database;
  /** PostgreSQL: the owner's URL (pg_dump reads the drizzle schema too). */
  url?: string | undefined;
  /** Embedded: the data folder (its generated audit key goes into the file when no AUDIT_SIGNING_KEY is set). */
  dataDir: string;
  keys: AuditKeys;
  /** True when the audit key came from AUDIT_SIGNING_KEY (then it never enters the file). */
  configuredKey: boolean;
}

export class BackupRefused extends Error {}

/**
 * Writes a consistent backup of the database to `file` (refused when it exists): the file
 * appears under its name only once complete (written as `<file>.partial`, then renamed).
 */
export async function createBackup(src: BackupSource, file: string, now: Date): Promise<BackupManifest> {
  if (existsSync(file)) throw new BackupRefused(`${file} exists; a backup never overwrites a file (choose a new name)`);
  const partial = `${file}.partial`;
  const made = src.database.kind === 'pglite' ? await snapshotPglite(src) : await snapshotPostgres(src);
  try {
    const { payloadFile, payloadBytes, payloadSha, encoding, state, level } = made;
    const manifest = signManifest({
      format: 1,
      version: PRODUCT_VERSION,
      backend: src.database.kind,
      createdAt: now.toISOString(),
      migrations: level,
      ...state,
      ...(src.database.kind === 'pglite' && !src.configuredKey ? { embeddedKey: embeddedKeyOf(src.dataDir) } : {}),
      payload: { encoding, bytes: payloadBytes, sha256: payloadSha },
    }, src.keys.keyId, src.keys.privateKey);
    writeFileSync(partial, headerOf(manifest), { flag: 'wx' });
    await pipeline(createReadStream(payloadFile), createWriteStream(partial, { flags: 'a' }));
    renameSync(partial, file);
    return manifest;
  } catch (err) {
    rmSync(partial, { force: true });
    throw err;
  } finally {
    rmSync(made.scratch, { recursive: true, force: true });
  }
}

interface Snapshot {
  scratch: string;
  payloadFile: string;
  payloadBytes: number;
  payloadSha: string;
  encoding: BackupManifest['payload']['encoding'];
  state: Pick<BackupManifest, 'counts' | 'audit'>;
  level: MigrationLevel;
}

function embeddedKeyOf(dataDir: string): string {
  const file = path.join(dataDir, KEY_FILE_NAME);
  if (!existsSync(file)) throw new BackupRefused(`${file} is missing: the audit chain of this data folder could not be verified after a restore`);
  return readFileSync(file, 'utf8').trim();
}

/**
 * PGlite runs one query or transaction at a time: inside a transaction nothing else commits, so
 * the counts, a CHECKPOINT (dirty pages to the files) and the dump of the folder are one instant.
 * Intake waits for the dump (about a second per 50 MB of data), then goes on: the brief pause.
 */
async function snapshotPglite(src: BackupSource): Promise<Snapshot> {
  const pglite = src.database.pglite;
  if (!pglite) throw new Error('an embedded database without its engine handle');
  let dump: Blob | undefined;
  let state: Snapshot['state'] | undefined;
  let level: MigrationLevel | undefined;
  await pglite.transaction(async (tx) => {
    const run: RunSql = async <T>(text: string) => (await tx.query<T>(text)).rows;
    state = await describeState(run);
    level = await databaseLevel(run);
    await tx.exec('checkpoint');
    dump = await pglite.dumpDataDir('gzip');
  });
  const bytes = Buffer.from(await dump!.arrayBuffer());
  const scratch = mkdtempSync(path.join(os.tmpdir(), 'fb-backup-'));
  const payloadFile = path.join(scratch, 'pgdata.tar.gz');
  writeFileSync(payloadFile, bytes);
  return { scratch, payloadFile, payloadBytes: bytes.length, payloadSha: sha256(bytes), encoding: 'pglite-datadir-tar-gzip', state: state!, level: level! };
}

/**
 * pg_dump in the snapshot of a repeatable-read transaction that also counted the rows, so the
 * manifest describes exactly the dumped state; writers are not blocked.
 */
async function snapshotPostgres(src: BackupSource): Promise<Snapshot> {
  if (!src.url) throw new Error('a PostgreSQL backup needs the database URL');
  const client = pgClient(src.url);
  await client.connect();
  const scratch = mkdtempSync(path.join(os.tmpdir(), 'fb-backup-'));
  try {
    await client.query('begin isolation level repeatable read read only');
    const { rows: [snap] } = await client.query<{ id: string }>('select pg_export_snapshot() as id');
    const run: RunSql = async <T>(text: string) => (await client.query(text)).rows as T[];
    const state = await describeState(run);
    const level = await databaseLevel(run);
    const payloadFile = path.join(scratch, 'dump.pgc');
    await runPgTool('pg_dump', ['--format=custom', '--compress=6', `--snapshot=${snap!.id}`, `--file=${payloadFile}`], src.url);
    await client.query('commit');
    const hash = createHash('sha256');
    await pipeline(createReadStream(payloadFile), hash);
    return { scratch, payloadFile, payloadBytes: statSync(payloadFile).size, payloadSha: hash.digest('hex'), encoding: 'pg_dump-custom', state, level };
  } catch (err) {
    rmSync(scratch, { recursive: true, force: true });
    throw err;
  } finally {
    await client.end();
  }
}

/** Runs pg_dump / pg_restore with the connection in libpq's environment (no password on the command line). */
export async function runPgTool(tool: 'pg_dump' | 'pg_restore', args: string[], url: string): Promise<void> {
  const parsed = parsePostgresUrl(url);
  const u = new URL(parsed.singleHostUrl);
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    // libpq takes the failover list as node-postgres cannot: the tool lands on the same primary as we do.
    PGHOST: parsed.hosts.map((h) => h.host).join(','),
    PGPORT: parsed.hosts.map((h) => String(h.port)).join(','),
    PGTARGETSESSIONATTRS: parsed.targetSessionAttrs,
    PGDATABASE: parsed.database ?? '',
    ...(parsed.user ? { PGUSER: parsed.user } : {}),
    ...(u.password ? { PGPASSWORD: decodeURIComponent(u.password) } : {}),
    ...(u.searchParams.get('sslmode') ? { PGSSLMODE: u.searchParams.get('sslmode')! } : {}),
  };
  await new Promise<void>((resolve, reject) => {
    const child = spawn(tool, args, { env, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => { stderr += d.toString(); });
    child.on('error', (err) => reject(new Error(`${tool} could not be run (${err.message}); install the PostgreSQL client tools of the server's major version`)));
    child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`${tool} failed (exit ${code}): ${stderr.trim()}`))));
  });
}
