import { execFile, execFileSync } from 'node:child_process';
import { appendFileSync, chownSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { freePort } from './processes.js';

const run = promisify(execFile);
/** Debian's PostgreSQL 15 (PostGIS is packaged for it); override for another layout. */
const BIN = process.env.FIREBREAK_PG_BIN ?? '/usr/lib/postgresql/15/bin';

/**
 * A throw-away PostgreSQL cluster of our own (initdb into a temp folder, its own port), so that a
 * test may stop, kill and promote servers without touching the machine's shared one. PostgreSQL
 * refuses to run as root: under root (CI) every tool runs as the `postgres` OS user, which owns
 * the folders.
 */
export class PgCluster {
  private constructor(
    readonly name: string,
    readonly dir: string,
    readonly port: number,
  ) {}

  get dataDir(): string {
    return path.join(this.dir, 'data');
  }

  /** A URL of this cluster as the bootstrap superuser. */
  url(database = 'postgres'): string {
    return `postgres://postgres@127.0.0.1:${this.port}/${database}`;
  }

  /**
   * A new primary ready for streaming replication (synchronous once a standby is attached:
   * `requireSync`); `settings` are further postgresql.conf lines (e.g. WAL archiving).
   */
  static async primary(name: string, settings: string[] = []): Promise<PgCluster> {
    const c = new PgCluster(name, ownedTempDir(`fb-${name}-`), await freePort());
    return c.orRemove(async () => {
    await asPostgres('initdb', ['-D', c.dataDir, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--no-locale', '--no-sync']);
    c.configure([
      'wal_level = replica',
      'max_wal_senders = 5',
      'wal_keep_size = 256MB',
      'hot_standby = on',
      'synchronous_commit = on',
      ...settings,
    ]);
    await c.start();
    });
  }

  /** A streaming standby of `primary` (pg_basebackup), started and attached as `application_name = name`. */
  static async standbyOf(primary: PgCluster, name: string): Promise<PgCluster> {
    const c = new PgCluster(name, ownedTempDir(`fb-${name}-`), await freePort());
    return c.orRemove(async () => {
    await asPostgres('pg_basebackup', ['-h', '127.0.0.1', '-p', String(primary.port), '-U', 'postgres', '-D', c.dataDir, '-X', 'stream', '--checkpoint=fast', '--no-sync']);
    c.configure([`primary_conninfo = 'host=127.0.0.1 port=${primary.port} user=postgres application_name=${name}'`]);
    writeFileSync(path.join(c.dataDir, 'standby.signal'), '');
    chownToPostgres(path.join(c.dataDir, 'standby.signal'));
    await c.start();
    });
  }

  /**
   * A cluster whose data folder `fill(dataDir)` makes (a restore: the folder does not exist yet
   * when it is called), then started on its own port and socket folder.
   */
  static async restoredBy(name: string, fill: (dataDir: string) => Promise<void>): Promise<PgCluster> {
    const c = new PgCluster(name, ownedTempDir(`fb-${name}-`), await freePort());
    return c.orRemove(async () => {
      await fill(c.dataDir);
      // Later lines win: the port and socket of the cluster the backup was taken from are replaced.
      c.configure([]);
      await c.start();
    });
  }

  /** A folder the `postgres` OS user owns, removed by `remove()` with the rest of this cluster. */
  ownedFolder(name: string): string {
    const dir = path.join(this.dir, name);
    mkdirSync(dir);
    chownToPostgres(dir);
    return dir;
  }

  /** A half-made cluster is removed at once: its caller never gets it to clean up. */
  private async orRemove(make: () => Promise<void>): Promise<PgCluster> {
    try {
      await make();
      return this;
    } catch (err) {
      await this.remove();
      throw err;
    }
  }

  /** Turns on synchronous replication to `standby` and waits until it is the sync standby. */
  async requireSync(standby: PgCluster, timeoutMs = 60_000): Promise<void> {
    await this.query(`alter system set synchronous_standby_names = '${standby.name}'`);
    await this.query('select pg_reload_conf()');
    const until = Date.now() + timeoutMs;
    for (;;) {
      const rows = await this.query<{ state: string }>(`select sync_state as state from pg_stat_replication where application_name = '${standby.name}'`);
      if (rows[0]?.state === 'sync') return;
      if (Date.now() > until) throw new Error(`${standby.name} did not become the synchronous standby of ${this.name} within ${timeoutMs} ms`);
      await new Promise((r) => setTimeout(r, 200));
    }
  }

  private configure(lines: string[]): void {
    // Small, fast and local: fsync off only spares the shared machine's disk. A stop with
    // `-m immediate` loses nothing that fsync would have kept (the OS still holds the pages), and
    // synchronous replication still waits for the standby's flush acknowledgement.
    const base = [
      "listen_addresses = '127.0.0.1'",
      `port = ${this.port}`,
      `unix_socket_directories = '${this.dir}'`,
      'fsync = off',
      'shared_buffers = 32MB',
      'max_connections = 60',
      "log_min_messages = 'warning'",
    ];
    appendFileSync(path.join(this.dataDir, 'postgresql.auto.conf'), `${[...base, ...lines].join('\n')}\n`);
  }

  async start(): Promise<void> {
    await asPostgres('pg_ctl', ['-D', this.dataDir, '-l', path.join(this.dir, 'log'), '-w', '-t', '120', 'start']);
  }

  /** `pg_ctl stop`: `immediate` is a crash as far as the clients can tell (no shutdown checkpoint). */
  async stop(mode: 'fast' | 'immediate' = 'fast'): Promise<void> {
    await asPostgres('pg_ctl', ['-D', this.dataDir, '-m', mode, '-w', '-t', '120', 'stop']);
  }

  async promote(): Promise<void> {
    await asPostgres('pg_ctl', ['-D', this.dataDir, '-w', '-t', '120', 'promote']);
  }

  async query<T>(text: string, database = 'postgres'): Promise<T[]> {
    const c = new pg.Client({ connectionString: this.url(database) });
    await c.connect();
    try {
      return (await c.query(text)).rows as T[];
    } finally {
      await c.end();
    }
  }

  /** Stops the server if it runs and removes its folders. */
  async remove(): Promise<void> {
    await asPostgres('pg_ctl', ['-D', this.dataDir, '-m', 'immediate', '-w', 'stop']).catch(() => undefined);
    rmSync(this.dir, { recursive: true, force: true });
  }

  get log(): string {
    return path.join(this.dir, 'log');
  }
}

const isRoot = process.getuid?.() === 0;

async function asPostgres(tool: string, args: string[]): Promise<string> {
  const [cmd, argv] = isRoot ? ['runuser', ['-u', 'postgres', '--', path.join(BIN, tool), ...args]] : [path.join(BIN, tool), args];
  try {
    const { stdout } = await run(cmd, argv, { timeout: 180_000 });
    return stdout;
  } catch (err) {
    const e = err as Error & { stderr?: string; stdout?: string };
    throw new Error(`${tool} ${args.join(' ')} failed: ${e.message}\n${e.stdout ?? ''}${e.stderr ?? ''}`, { cause: err });
  }
}

/**
 * Runs a program (e.g. our ops/postgres scripts) as the `postgres` OS user under root, with
 * PostgreSQL's tools first on the PATH and `env` added: what an operator's cron job or
 * archive_command does.
 */
export async function runAsPostgres(file: string, args: string[], env: Record<string, string> = {}): Promise<{ stdout: string; stderr: string }> {
  const vars = [`PATH=${BIN}:${process.env.PATH ?? '/usr/bin:/bin'}`, ...Object.entries(env).map(([k, v]) => `${k}=${v}`)];
  const [cmd, argv] = isRoot ? ['runuser', ['-u', 'postgres', '--', 'env', ...vars, file, ...args]] : ['env', [...vars, file, ...args]];
  try {
    return await run(cmd, argv, { timeout: 180_000 });
  } catch (err) {
    const e = err as Error & { stderr?: string; stdout?: string };
    throw new Error(`${path.basename(file)} ${args.join(' ')} failed: ${e.message}\n${e.stdout ?? ''}${e.stderr ?? ''}`, { cause: err });
  }
}

let postgresIds: { uid: number; gid: number } | undefined;
function chownToPostgres(file: string): void {
  if (!isRoot) return;
  postgresIds ??= { uid: Number(execIds('-u')), gid: Number(execIds('-g')) };
  chownSync(file, postgresIds.uid, postgresIds.gid);
}
// Synchronous on purpose: once per process, before any cluster exists.
const execIds = (flag: string): string => String(execFileSync('id', [flag, 'postgres'])).trim();

function ownedTempDir(prefix: string): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), prefix));
  chownToPostgres(dir);
  return dir;
}
