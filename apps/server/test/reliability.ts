import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { pgPool } from '../src/platform/db/pg-hosts.js';
import { PgCluster } from './pg-cluster.js';
import { ServerProcess, httpLogin, runCli, tempDir, type Env } from './processes.js';
import { TEST_ADMIN_PASSWORD } from './template.js';

/**
 * The reliability scenarios of issue 21, shared by their integration tests (which assert the
 * outcome) and bench/reliability (which writes the figures into docs/benchmarks.md): a steady
 * stream of incident creations, each retried with its Idempotency-Key until acknowledged, while a
 * database primary dies and its standby is promoted, or while two API nodes restart in turn.
 */

/** Inside Vaduz (the demo country's template): every call lands in a jurisdiction. */
const LOCATION = [9.5209, 47.141] as const;
/** A request is retried for this long before it counts as failed (a call-taker's client would keep trying). */
const GIVE_UP_MS = 90_000;
const RETRY_PAUSE_MS = 100;

export interface Ack {
  tag: string;
  id: string;
  at: number;
  node: string;
}

export interface StreamFigures {
  acknowledged: number;
  /** Requests that never got a 201 within GIVE_UP_MS. */
  failed: number;
  /** Attempts beyond the first (network errors and 5xx answers). */
  retries: number;
  /** What the failed attempts were: `503`, `fetch failed`, … with counts. */
  errors: Record<string, number>;
  /** Longest time without any acknowledgement, over the whole run (ms). */
  longestGapMs: number;
  /** The same before the first disturbance: the stream's own rhythm under this load (ms). */
  baselineGapMs: number;
}

/** Closed-loop writers: each sends the next call as soon as the last is acknowledged. */
export class IncidentStream {
  readonly acks: Ack[] = [];
  private failed = 0;
  private retries = 0;
  private readonly errors: Record<string, number> = {};
  private stopping = false;
  private readonly writers: Promise<void>[] = [];
  private sent = 0;
  private readonly run = randomUUID().slice(0, 8);

  /** `nodes()` is the balancer: the URLs to try, in order of preference for the n-th request. */
  constructor(
    private readonly cookie: string,
    private readonly nodes: (n: number) => string[],
    writers = 2,
  ) {
    for (let w = 0; w < writers; w++) this.writers.push(this.writer());
  }

  private async writer(): Promise<void> {
    while (!this.stopping) await this.one(this.sent++);
  }

  private async one(n: number): Promise<void> {
    const tag = `reliability ${this.run} #${n}`;
    const key = randomUUID();
    const body = JSON.stringify({ type: 'fire', priority: 'P3', location: LOCATION, narrative: tag });
    const until = Date.now() + GIVE_UP_MS;
    for (let attempt = 0; ; attempt++) {
      const candidates = this.nodes(n);
      // Each retry goes to the next node of the list: "client retry on another node".
      const node = candidates[attempt % candidates.length]!;
      let outcome: string;
      try {
        const res = await fetch(`${node}/api/v1/incidents`, {
          method: 'POST',
          headers: { cookie: this.cookie, 'content-type': 'application/json', 'idempotency-key': key },
          body,
          signal: AbortSignal.timeout(30_000),
        });
        if (res.status === 201) {
          const { id } = (await res.json()) as { id: string };
          this.acks.push({ tag, id, at: Date.now(), node });
          return;
        }
        outcome = String(res.status);
        await res.body?.cancel();
        // A 4xx is a bug in the test or the server, not a restart: retrying would hide it.
        if (res.status < 500) throw new Error(`POST /incidents answered ${res.status}`);
      } catch (err) {
        if ((err as Error).message.startsWith('POST /incidents answered')) throw err;
        outcome = (err as Error).name === 'TimeoutError' ? 'timeout' : (err as Error).message;
      }
      this.errors[outcome] = (this.errors[outcome] ?? 0) + 1;
      if (Date.now() > until) {
        this.failed++;
        return;
      }
      this.retries++;
      await new Promise((r) => setTimeout(r, RETRY_PAUSE_MS));
    }
  }

  /** Resolves once `count` more calls have been acknowledged after `since` (by `node`, if given), or throws after timeoutMs. */
  async acknowledgedAfter(since: number, count: number, timeoutMs = 120_000, node?: string): Promise<void> {
    const until = Date.now() + timeoutMs;
    while (this.acks.filter((a) => a.at > since && (node === undefined || a.node === node)).length < count) {
      if (Date.now() > until) throw new Error(`fewer than ${count} calls acknowledged within ${timeoutMs} ms (errors: ${JSON.stringify(this.errors)})`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  /** Lets the requests in flight finish (each is retried to its end), then reports. */
  async stop(disturbedAt: number): Promise<StreamFigures> {
    this.stopping = true;
    await Promise.all(this.writers);
    return { acknowledged: this.acks.length, failed: this.failed, retries: this.retries, errors: { ...this.errors }, ...gaps(this.acks.map((a) => a.at), disturbedAt) };
  }
}

function gaps(times: number[], disturbedAt: number): { longestGapMs: number; baselineGapMs: number } {
  const sorted = [...times].sort((a, b) => a - b);
  let longest = 0;
  let baseline = 0;
  for (let i = 1; i < sorted.length; i++) {
    const gap = sorted[i]! - sorted[i - 1]!;
    longest = Math.max(longest, gap);
    if (sorted[i]! <= disturbedAt) baseline = Math.max(baseline, gap);
  }
  return { longestGapMs: longest, baselineGapMs: baseline };
}

export interface RecordCheck {
  /** Acknowledged calls whose incident is not in the database. */
  lost: number;
  /** Calls stored more than once (one tag, several incidents). */
  doubled: number;
  /** Incidents of this run in the database. */
  stored: number;
}

/** Compares what the clients were told with what the database holds. */
export async function checkRecord(url: string, acks: readonly Ack[]): Promise<RecordCheck> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    const tags = acks.map((a) => a.tag);
    const { rows } = await c.query<{ id: string; narrative: string }>('select id::text, narrative from incidents where narrative = any($1)', [tags]);
    const ids = new Set(rows.map((r) => r.id));
    const perTag = new Map<string, number>();
    for (const r of rows) perTag.set(r.narrative, (perTag.get(r.narrative) ?? 0) + 1);
    return {
      lost: acks.filter((a) => !ids.has(a.id)).length,
      doubled: [...perTag.values()].filter((n) => n > 1).length,
      stored: rows.length,
    };
  } finally {
    await c.end();
  }
}

/** The peer of the failover scenario: bare INSERTs through the same multi-host pool, retried the same way. */
class RawInsertStream {
  readonly acks: { id: string; at: number }[] = [];
  private stopping = false;
  private failed = 0;
  private readonly loop: Promise<void>;

  constructor(private readonly pool: pg.Pool) {
    this.loop = this.writer();
  }

  private async writer(): Promise<void> {
    while (!this.stopping) {
      const id = randomUUID();
      const until = Date.now() + GIVE_UP_MS;
      for (;;) {
        try {
          await this.pool.query('insert into reliability_probe (id) values ($1) on conflict do nothing', [id]);
          this.acks.push({ id, at: Date.now() });
          break;
        } catch {
          if (Date.now() > until) {
            this.failed++;
            break;
          }
          await new Promise((r) => setTimeout(r, RETRY_PAUSE_MS));
        }
      }
    }
  }

  async stop(disturbedAt: number): Promise<{ acknowledged: number; failed: number; longestGapMs: number; baselineGapMs: number }> {
    this.stopping = true;
    await this.loop;
    await this.pool.end();
    return { acknowledged: this.acks.length, failed: this.failed, ...gaps(this.acks.map((a) => a.at), disturbedAt) };
  }
}

export interface FailoverFigures {
  firebreak: StreamFigures & RecordCheck;
  rawInsert: { acknowledged: number; failed: number; longestGapMs: number; baselineGapMs: number; lost: number };
  /** From `pg_ctl stop -m immediate` on the primary to `pg_ctl promote` returning on the standby (ms). */
  promoteMs: number;
  /** The API node that served before the failure served after it too (no restart). */
  sameNodeProcess: boolean;
  /** The standby was synchronous (`pg_stat_replication.sync_state = 'sync'`) when the primary died. */
  synchronous: boolean;
  /** `firebreak audit verify` on the promoted server afterwards. */
  auditVerify: { code: number | null; output: string };
}

/**
 * Database failover: our own primary and synchronous standby (never the machine's shared
 * server), the seeded template copied in, one API node with a two-host URL and
 * target_session_attrs=read-write, a stream of calls, then the primary stopped immediately and
 * the standby promoted.
 */
export async function failoverScenario(templateUrl: string, say: (m: string) => void = () => undefined): Promise<FailoverFigures> {
  const cleanups: (() => Promise<void> | void)[] = [];
  try {
    say('creating a primary and a synchronous standby');
    const primary = await PgCluster.primary('fb_primary');
    cleanups.push(() => primary.remove());
    await primary.query('create database firebreak');
    await copyDatabase(templateUrl, primary.url('firebreak'));
    await primary.query('create table reliability_probe (id uuid primary key, at timestamptz not null default now())', 'firebreak');
    const standby = await PgCluster.standbyOf(primary, 'fb_standby');
    cleanups.push(() => standby.remove());
    await primary.requireSync(standby);

    const url = `postgres://postgres@127.0.0.1:${primary.port},127.0.0.1:${standby.port}/firebreak?target_session_attrs=read-write`;
    const data = tempDir('fb-failover-node-');
    cleanups.push(data.remove);
    say('starting an API node on both hosts');
    const node = await ServerProcess.start(nodeEnv({ DATABASE_URL: url, FIREBREAK_DATA_DIR: data.dir }));
    cleanups.push(() => node.kill());
    const cookie = await httpLogin(node.url, 'admin', TEST_ADMIN_PASSWORD);

    const stream = new IncidentStream(cookie, () => [node.url]);
    const raw = new RawInsertStream(pgPool(url, { max: 2 }));
    await stream.acknowledgedAfter(0, 20);
    const [{ state } = { state: '' }] = await primary.query<{ state: string }>("select sync_state as state from pg_stat_replication where application_name = 'fb_standby'");

    say('stopping the primary (immediate) and promoting the standby');
    const disturbedAt = Date.now();
    await primary.stop('immediate');
    await standby.promote();
    const promoteMs = Date.now() - disturbedAt;
    await stream.acknowledgedAfter(Date.now(), 20).catch((err: unknown) => {
      throw new Error(`${(err as Error).message}\n--- the node (exit ${node.child.exitCode ?? node.child.signalCode ?? 'none: still running'}) ---\n${node.log.slice(-6000)}`);
    });
    const rawFigures = await raw.stop(disturbedAt);
    const figures = await stream.stop(disturbedAt);
    const record = await checkRecord(standby.url('firebreak'), stream.acks);
    const [{ n } = { n: 0 }] = await standby.query<{ n: number }>(
      `select count(*)::int as n from reliability_probe where id = any('{${raw.acks.map((a) => a.id).join(',')}}'::uuid[])`,
      'firebreak',
    );
    const sameNodeProcess = node.child.exitCode === null && node.child.signalCode === null;
    await node.stop('SIGTERM');
    // The runbook's last step after a failover, through the same two-host URL: the chain on the promoted server.
    const verify = await runCli(['audit', 'verify'], { DATABASE_URL: url, FIREBREAK_DATA_DIR: data.dir }, 180_000);
    return {
      auditVerify: { code: verify.code, output: `${verify.stdout}${verify.stderr}`.trim() },
      firebreak: { ...figures, ...record },
      rawInsert: { ...rawFigures, lost: raw.acks.length - n },
      promoteMs,
      sameNodeProcess,
      synchronous: state === 'sync',
    };
  } finally {
    for (const c of cleanups.reverse()) await c();
  }
}

export interface RollingFigures extends StreamFigures, RecordCheck {
  /** How long each node took from SIGTERM to answering /readyz again (ms), A then B. */
  restartMs: [number, number];
  /** Calls acknowledged by each node. */
  perNode: Record<string, number>;
}

/**
 * A rolling restart of two API nodes on one PostgreSQL + NATS: node A stops (SIGTERM) and starts
 * again on the same port, then node B, while the client sends each call to one node and retries
 * on the other. Both starts run the same code: it stands in for the new version.
 */
export async function rollingRestartScenario(env: Env, checkUrl: string, say: (m: string) => void = () => undefined): Promise<RollingFigures> {
  const nodes: ServerProcess[] = [];
  try {
    say('starting nodes A and B');
    const [a, b] = await Promise.all([ServerProcess.start(nodeEnv({ ...env, NODE_NAME: 'node-a' })), ServerProcess.start(nodeEnv({ ...env, NODE_NAME: 'node-b' }))]);
    nodes.push(a, b);
    const urls = [a.url, b.url];
    const cookie = await httpLogin(a.url, 'admin', TEST_ADMIN_PASSWORD);
    // Round robin: even calls to A first, odd ones to B; a retry goes to the other.
    const stream = new IncidentStream(cookie, (n) => (n % 2 === 0 ? urls : [...urls].reverse()));
    await stream.acknowledgedAfter(0, 20);
    const disturbedAt = Date.now();
    const restartMs: number[] = [];
    for (const [i, name] of [[0, 'node-a'], [1, 'node-b']] as const) {
      say(`restarting ${name}`);
      const old = nodes[i]!;
      const started = Date.now();
      await old.stop('SIGTERM');
      const port = Number(new URL(old.url).port);
      nodes[i] = await ServerProcess.start(nodeEnv({ ...env, NODE_NAME: name }), 120_000, port);
      restartMs.push(Date.now() - started);
      // The restarted node takes calls again before the next one goes down.
      await stream.acknowledgedAfter(Date.now(), 5, 120_000, urls[i]);
    }
    const figures = await stream.stop(disturbedAt);
    const record = await checkRecord(checkUrl, stream.acks);
    const perNode: Record<string, number> = {};
    for (const ack of stream.acks) perNode[ack.node === urls[0] ? 'node-a' : 'node-b'] = (perNode[ack.node === urls[0] ? 'node-a' : 'node-b'] ?? 0) + 1;
    return { ...figures, ...record, restartMs: [restartMs[0]!, restartMs[1]!], perNode };
  } finally {
    await Promise.all(nodes.map((n) => n.kill()));
  }
}

function nodeEnv(env: Env): Env {
  return { FIREBREAK_DEMO: 'false', FIREBREAK_ADMIN_PASSWORD: TEST_ADMIN_PASSWORD, OUTBOX_POLL_MS: '100', ...env };
}

/** pg_dump | pg_restore: the seeded template (on the shared server, only read) into our own cluster. */
export async function copyDatabase(fromUrl: string, toUrl: string): Promise<void> {
  const bin = process.env.FIREBREAK_PG_BIN ?? '/usr/lib/postgresql/15/bin';
  const dump = spawn(`${bin}/pg_dump`, ['--format=custom', '--no-owner', '--no-acl', `--dbname=${fromUrl}`], { stdio: ['ignore', 'pipe', 'pipe'] });
  const restore = spawn(`${bin}/pg_restore`, ['--no-owner', '--no-acl', '--exit-on-error', `--dbname=${toUrl}`], { stdio: ['pipe', 'ignore', 'pipe'] });
  dump.stdout.pipe(restore.stdin);
  let errors = '';
  dump.stderr.on('data', (d: Buffer) => (errors += String(d)));
  restore.stderr.on('data', (d: Buffer) => (errors += String(d)));
  const exit = (p: ReturnType<typeof spawn>) => new Promise<number | null>((resolve) => p.once('close', resolve));
  const [d, r] = await Promise.all([exit(dump), exit(restore)]);
  if (d !== 0 || r !== 0) throw new Error(`copying the template failed (pg_dump ${d}, pg_restore ${r}): ${errors}`);
}
