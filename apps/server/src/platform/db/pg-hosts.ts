import pg from 'pg';

/**
 * libpq's multi-host connection strings for node-postgres, which reads only the first host:
 * `postgres://app@db1:5432,db2:5432/firebreak?target_session_attrs=read-write`. A new connection
 * tries the hosts in order (the one that last answered first) and keeps the first that has the
 * wanted session attributes, so that after a replica is promoted the pool's next connection lands
 * on the new primary without restarting the node.
 */

export type TargetSessionAttrs = 'any' | 'read-write' | 'read-only' | 'primary' | 'standby';
const TARGETS: readonly TargetSessionAttrs[] = ['any', 'read-write', 'read-only', 'primary', 'standby'];

export interface PgHost {
  host: string;
  port: number;
}

export interface ParsedPostgresUrl {
  hosts: PgHost[];
  targetSessionAttrs: TargetSessionAttrs;
  /** The login (decoded), if the URL names one. */
  user: string | undefined;
  /** The database (decoded), if the URL names one. */
  database: string | undefined;
  /** The same URL naming the first host only, without target_session_attrs: what node-postgres understands. */
  singleHostUrl: string;
}

/** Thrown for a connection string this module cannot read; config.ts reports its message for the variable. */
export class PostgresUrlError extends Error {}

const URL_SHAPE = /^(postgres(?:ql)?:\/\/)(?:([^@/?#]*)@)?([^/?#]*)(.*)$/;

/** Reads a PostgreSQL URL with one host or several (comma-separated, each with an optional port). */
export function parsePostgresUrl(url: string): ParsedPostgresUrl {
  const m = URL_SHAPE.exec(url);
  if (!m) throw new PostgresUrlError('not a postgres:// or postgresql:// URL');
  const [, scheme, auth, hostList, rest] = m as unknown as [string, string, string | undefined, string, string];
  const hosts = hostList === '' ? [{ host: 'localhost', port: 5432 }] : hostList.split(',').map(parseHost);
  const single = new URL(`${scheme}${auth !== undefined ? `${auth}@` : ''}${formatHost(hosts[0]!)}${rest}`);
  const target = single.searchParams.get('target_session_attrs') ?? 'any';
  if (!(TARGETS as readonly string[]).includes(target)) {
    throw new PostgresUrlError(`target_session_attrs must be one of ${TARGETS.join(', ')} (got "${target}")`);
  }
  single.searchParams.delete('target_session_attrs');
  return {
    hosts,
    targetSessionAttrs: target as TargetSessionAttrs,
    user: single.username ? decodeURIComponent(single.username) : undefined,
    database: single.pathname.length > 1 ? decodeURIComponent(single.pathname.slice(1)) : undefined,
    singleHostUrl: single.toString(),
  };
}

function parseHost(part: string): PgHost {
  const m = /^(\[[0-9a-fA-F:.]+\]|[^:[\]]+)(?::(\d{1,5}))?$/.exec(part);
  if (!m) throw new PostgresUrlError(`cannot read the host "${part}" (host or host:port, comma-separated)`);
  const port = m[2] ? Number(m[2]) : 5432;
  if (port < 1 || port > 65535) throw new PostgresUrlError(`port ${port} of "${part}" is out of range`);
  return { host: m[1]!.replace(/^\[(.*)\]$/, '$1'), port };
}

const formatHost = (h: PgHost): string => `${h.host.includes(':') ? `[${h.host}]` : h.host}:${h.port}`;

/** "db1:5432, db2:5432": for messages and logs (never the password). */
export const describeHosts = (hosts: readonly PgHost[]): string => hosts.map(formatHost).join(', ');

/** How long a candidate host may take to accept a connection before the next is tried. */
const PROBE_TIMEOUT_MS = 3000;

/** The hosts that answered last, per host list: new connections try them first (most go there). */
const lastGood = new Map<string, PgHost>();

/** Thrown when no host of the list takes a connection with the wanted attributes (the API answers 503). */
export class NoSuitableHostError extends Error {
  readonly code = 'FIREBREAK_NO_DB_HOST';
}

type MultiHostConfig = pg.ClientConfig & { multiHost: { hosts: PgHost[]; target: TargetSessionAttrs } };

async function matches(client: pg.Client, target: TargetSessionAttrs): Promise<boolean> {
  if (target === 'any') return true;
  if (target === 'read-write' || target === 'read-only') {
    const { rows } = await client.query<{ ro: string }>('show transaction_read_only');
    return (rows[0]?.ro === 'on') === (target === 'read-only');
  }
  const { rows } = await client.query<{ standby: boolean }>('select pg_is_in_recovery() as standby');
  return rows[0]?.standby === (target === 'standby');
}

/**
 * A node-postgres client that picks its host as libpq does. Only the connection to the chosen host
 * is kept; the check runs on a short-lived probe first, because a pg.Client cannot be reconnected.
 */
export class MultiHostClient extends pg.Client {
  private readonly multi: MultiHostConfig;

  constructor(config: MultiHostConfig) {
    super(config);
    this.multi = config;
  }

  override connect(): Promise<pg.Client>;
  override connect(callback: (err: Error) => void): void;
  override connect(callback?: (err: Error) => void): Promise<pg.Client> | void {
    const connected = this.chooseHost().then(() => super.connect());
    if (!callback) return connected;
    connected.then(() => callback(null as unknown as Error), callback);
  }

  private async chooseHost(): Promise<void> {
    const { hosts, target } = this.multi.multiHost;
    const key = describeHosts(hosts);
    const preferred = lastGood.get(key);
    const order = preferred ? [preferred, ...hosts.filter((h) => h !== preferred && formatHost(h) !== formatHost(preferred))] : hosts;
    const failures: string[] = [];
    for (const candidate of order) {
      const { multiHost: _omit, connectionString, ...base } = this.multi;
      // node-postgres lets a connection string override host and port: the probe gets its own.
      const at = new URL(connectionString!);
      at.host = formatHost(candidate);
      const probe = new pg.Client({ ...base, connectionString: at.toString(), connectionTimeoutMillis: PROBE_TIMEOUT_MS });
      probe.on('error', () => undefined);
      try {
        await probe.connect();
        if (!(await matches(probe, target))) {
          failures.push(`${formatHost(candidate)}: not ${target}`);
          continue;
        }
        lastGood.set(key, candidate);
        this.host = candidate.host;
        this.port = candidate.port;
        // pg.Client connects to this.host/this.port; its parameters object also feeds SSL's servername.
        const params = (this as unknown as { connectionParameters: { host: string; port: number } }).connectionParameters;
        params.host = candidate.host;
        params.port = candidate.port;
        return;
      } catch (err) {
        failures.push(`${formatHost(candidate)}: ${(err as Error).message}`);
      } finally {
        await probe.end().catch(() => undefined);
      }
    }
    throw new NoSuitableHostError(`no PostgreSQL host is ${target === 'any' ? 'reachable' : target} (${failures.join('; ')})`);
  }
}

/**
 * node-postgres settings for a URL: unchanged for one host with no target_session_attrs, else the
 * first host's URL plus the list for MultiHostClient (pg.Pool passes its options to its Client).
 */
export function pgConfig(url: string): pg.ClientConfig & { Client?: typeof pg.Client; multiHost?: MultiHostConfig['multiHost'] } {
  const parsed = parsePostgresUrl(url);
  if (parsed.hosts.length === 1 && parsed.targetSessionAttrs === 'any') return { connectionString: url };
  return {
    connectionString: parsed.singleHostUrl,
    Client: MultiHostClient as unknown as typeof pg.Client,
    multiHost: { hosts: parsed.hosts, target: parsed.targetSessionAttrs },
  };
}

/** A single client (migrations, role checks) that honours a multi-host URL. */
export function pgClient(url: string): pg.Client {
  const config = pgConfig(url);
  if (!config.multiHost) return new pg.Client(config);
  const { Client: _client, ...rest } = config;
  return new MultiHostClient(rest as MultiHostConfig);
}

/** A pool that honours a multi-host URL: each new connection chooses its host. */
export function pgPool(url: string, options: pg.PoolConfig = {}): pg.Pool {
  return new pg.Pool({ ...pgConfig(url), ...options } as pg.PoolConfig);
}
