import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { ltree } from '@electric-sql/pglite/contrib/ltree';
import { postgis } from '@electric-sql/pglite-postgis';
import { is, sql } from 'drizzle-orm';
import { drizzle as drizzleNodePg, NodePgSession, NodePgTransaction } from 'drizzle-orm/node-postgres';
import { PgTransaction, type PgDatabase, type PgDialect, type PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import pg from 'pg';
import lockfile from 'proper-lockfile';
import { describeHosts, parsePostgresUrl, pgPool } from './pg-hosts.js';

export type Db = PgDatabase<PgQueryResultHKT>;
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
/** Anything that runs queries: the database or a transaction in progress. */
export type Queryable = Db | Tx;

export interface Database {
  readonly db: Db;
  readonly kind: 'pglite' | 'postgres';
  /** A human-readable description (never includes a password). */
  readonly describe: string;
  ping(): Promise<boolean>;
  close(): Promise<void>;
  /** The embedded engine, when that is what runs (tests dump and clone it). */
  readonly pglite?: PGlite;
}

export interface OpenOptions {
  databaseUrl?: string | undefined;
  dataDir: string;
  /** Start an embedded database from a dump (tests clone a prepared template this way). */
  loadDataDir?: Blob | File;
  /** Embedded only: keep the database in memory instead of dataDir. */
  inMemory?: boolean;
  onProgress?: (message: string) => void;
  /** Embedded: seconds to wait for another process to release the data folder (default 15; a backup does not wait). */
  lockRetries?: number;
}

export async function openDatabase(opts: OpenOptions): Promise<Database> {
  return opts.databaseUrl ? openPostgres(opts.databaseUrl) : openPglite(opts);
}

async function openPostgres(url: string): Promise<Database> {
  // keepAlive: a primary that vanishes without closing its sockets (power, network) is noticed by
  // the OS instead of never. A broken connection leaves the pool; the next one chooses its host
  // again (pg-hosts.ts), which is how a node follows a promoted replica without a restart.
  const pool = pgPool(url, { max: 10, keepAlive: true });
  // An idle client that loses its server must not crash the process; the next query reports it.
  pool.on('error', () => undefined);
  // Nor one checked out (a transaction between two statements) when its primary dies: node-postgres
  // then emits 'error' on the client, which pg-pool listens to only while the client is idle. The
  // statement in flight still fails, and the pool drops the broken client when it is released.
  pool.on('connect', (client) => client.on('error', () => undefined));
  const db = drizzleNodePg(pool) as unknown as Db;
  const u = parsePostgresUrl(url);
  return {
    db,
    kind: 'postgres',
    describe: `PostgreSQL ${describeHosts(u.hosts)}/${u.database ?? ''}${u.targetSessionAttrs === 'any' ? '' : ` (${u.targetSessionAttrs})`}`,
    ping: () => ping(db),
    close: () => pool.end(),
  };
}

async function openPglite(opts: OpenOptions): Promise<Database> {
  const pgdata = path.join(opts.dataDir, 'pgdata');
  const fresh = !opts.inMemory && !existsSync(path.join(pgdata, 'PG_VERSION'));
  const release = opts.inMemory ? async () => undefined : await lockDataDir(opts.dataDir, opts.lockRetries);
  if (fresh && !opts.loadDataDir) {
    opts.onProgress?.(`Creating the embedded database in ${pgdata} (first start: ~20 s)…`);
  }
  const client = await PGlite.create({
    dataDir: opts.inMemory ? 'memory://' : pgdata,
    extensions: { postgis, ltree },
    ...(opts.loadDataDir ? { loadDataDir: opts.loadDataDir } : {}),
  });
  const db = drizzlePglite(client) as unknown as Db;
  return {
    db,
    kind: 'pglite',
    describe: opts.inMemory ? 'PGlite (in memory)' : `PGlite ${pgdata}`,
    pglite: client,
    ping: () => ping(db),
    close: async () => {
      await client.close();
      await release();
    },
  };
}

/**
 * PGlite is one process's database: a second process opening the same folder would corrupt it.
 * The lock goes stale 10 s after its holder dies (a SIGKILL), so a restart waits for that at most.
 */
export async function lockDataDir(dataDir: string, retries = 15): Promise<() => Promise<void>> {
  mkdirSync(dataDir, { recursive: true });
  try {
    return await lockfile.lock(dataDir, {
      lockfilePath: path.join(dataDir, 'firebreak.lock'),
      stale: 10_000,
      retries: { retries, minTimeout: 1000, maxTimeout: 1000 },
    });
  } catch (err) {
    throw new Error(
      `The embedded database in ${dataDir} is in use by another Firebreak process. Stop it, or use a PostgreSQL server (DATABASE_URL) to run several.`,
      { cause: err },
    );
  }
}

async function ping(db: Db): Promise<boolean> {
  try {
    await db.execute(sql`select 1`);
    return true;
  } catch {
    return false;
  }
}

/** Rows of a raw query, whichever driver ran it. */
export async function rows<T>(q: Queryable, query: ReturnType<typeof sql>): Promise<T[]> {
  const result = (await q.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}

/**
 * A statement run on every command (the session epoch, the audit + outbox record, …), written as
 * SQL text with $n parameters. On node-postgres it runs as a named statement: parsed and planned
 * once per connection, and no query building per call — drizzle's building and node-postgres's
 * parse messages were the largest JavaScript cost of the command path after its socket writes
 * (docs/benchmarks.md "Command path: what dominates"). On PGlite it runs through drizzle.
 */
export interface HotStatement {
  readonly name: string;
  readonly text: string;
  /** The text as a drizzle template, for drivers other than node-postgres. */
  readonly template: (params: readonly unknown[]) => ReturnType<typeof sql>;
}

export function hotStatement(name: string, text: string): HotStatement {
  // "$3" splits into its text and the 0-based index of its parameter, once.
  const parts = text.split(/\$(\d+)/);
  const template = (params: readonly unknown[]) =>
    sql.join(parts.map((part, i) => (i % 2 === 0 ? sql.raw(part) : sql`${params[Number(part) - 1]}`)));
  return { name, text, template };
}

/** As drizzle's raw `execute` parses them: dates and intervals stay text, everything else as node-postgres does. */
const textTypes = new Set<number>([pg.types.builtins.TIMESTAMPTZ, pg.types.builtins.TIMESTAMP, pg.types.builtins.DATE, pg.types.builtins.INTERVAL, 1115, 1182, 1185, 1187, 1231]);
const asText = (value: string) => value;
const hotTypes = {
  getTypeParser: (oid: number, format?: 'text' | 'binary') => (textTypes.has(oid) ? asText : pg.types.getTypeParser(oid, format)),
};

/** The node-postgres pool or checked-out client under a drizzle database or transaction, if that is the driver. */
function pgClientOf(q: Queryable): pg.Pool | pg.ClientBase | null {
  const client = (q as unknown as { session?: { client?: unknown } }).session?.client;
  return client instanceof pg.Pool || client instanceof pg.Client ? client : null;
}

/** Rows of a hot statement (see HotStatement), whichever driver runs it. */
export async function hotRows<T>(q: Queryable, statement: HotStatement, params: readonly unknown[]): Promise<T[]> {
  const client = pgClientOf(q);
  if (!client) return rows<T>(q, statement.template(params));
  const result = await client.query({ name: statement.name, text: statement.text, values: params as unknown[], types: hotTypes });
  return result.rows as T[];
}

/**
 * Runs `body` in one transaction, as `db.transaction` does. On node-postgres the pooled client is
 * checked out and `begin` / `commit` go to it as plain text (one simple-protocol message each): no
 * drizzle query building or prepared-query object per statement, which every command pays twice
 * (docs/benchmarks.md "Command path: what dominates"). The body still gets a drizzle transaction
 * over that client (savepoints and `tx.rollback()` work as before), and the body's error is the one
 * thrown. A client whose `begin` or `rollback` fails is destroyed, not returned to the pool.
 * On PGlite it is drizzle's own transaction.
 */
export async function transaction<T>(db: Db, body: (tx: Tx) => Promise<T>): Promise<T> {
  const { session, dialect } = db as unknown as { session?: { client?: unknown; options?: object }; dialect: PgDialect };
  const pool = session?.client;
  if (!(pool instanceof pg.Pool)) return db.transaction(body);
  const client = await pool.connect();
  let broken: Error | undefined;
  try {
    await client.query('begin').catch((err: Error) => {
      broken = err;
      throw err;
    });
    const tx = new NodePgTransaction(dialect, new NodePgSession(client, dialect, undefined, session!.options), undefined) as unknown as Tx;
    try {
      const result = await body(tx);
      await client.query('commit');
      return result;
    } catch (err) {
      // A failed commit has ended the transaction already; the rollback is then a no-op (a warning).
      await client.query('rollback').catch((rollbackErr: Error) => {
        broken = rollbackErr;
      });
      throw err;
    }
  } finally {
    client.release(broken);
  }
}

/**
 * Independent reads: all at once on the database (on node-postgres one pooled connection each, so
 * one round trip's wait instead of several), one after another in a transaction. A transaction is
 * one connection, and statements sent to it while one runs are queued by node-postgres with a
 * deprecation warning today and refused by pg@9.
 */
export async function independentReads<T extends readonly unknown[] | []>(q: Queryable, reads: { readonly [K in keyof T]: () => Promise<T[K]> }): Promise<T> {
  if (!is(q, PgTransaction)) return Promise.all(reads.map((read) => read())) as unknown as Promise<T>;
  const results: unknown[] = [];
  for (const read of reads) results.push(await read());
  return results as unknown as T;
}
