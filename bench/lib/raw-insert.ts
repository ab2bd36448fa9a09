import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { percentile } from './stats.js';

export interface InsertRate {
  inserts: number;
  seconds: number;
  perSecond: number;
  p50Ms: number;
  p99Ms: number;
}

/** One unit of work on one connection: an INSERT and its commit. */
type Insert = (c: pg.Client, client: number, n: number) => Promise<unknown>;

/** The baseline: one row per autocommitted INSERT, nothing else. */
const autocommitted: Insert = (c, client, n) =>
  c.query('insert into bench_raw_insert (id, name, data) values ($1, $2, $3)', [randomUUID(), `raw ${client}-${n}`, { client, n }]);

export const INSERTS = { autocommitted };

/** `clients` connections each running `insert` in a loop as fast as the server takes it. */
export async function measureInserts(
  url: string,
  insert: Insert,
  opts: { clients: number; seconds: number; warmupSeconds: number },
): Promise<InsertRate> {
  const clients = await Promise.all(Array.from({ length: opts.clients }, async () => {
    const c = new pg.Client({ connectionString: url });
    await c.connect();
    return c;
  }));
  try {
    await clients[0]!.query(`create table if not exists bench_raw_insert (
      id uuid primary key, name text not null, data jsonb not null, at timestamptz not null default clock_timestamp())`);
    await clients[0]!.query('create index if not exists bench_raw_insert_at_idx on bench_raw_insert (at)');
    await run(clients, insert, opts.warmupSeconds);
    return await run(clients, insert, opts.seconds);
  } finally {
    await Promise.all(clients.map((c) => c.end()));
  }
}

async function run(clients: pg.Client[], insert: Insert, seconds: number): Promise<InsertRate> {
  const latencies: number[] = [];
  const start = performance.now();
  const until = start + seconds * 1000;
  await Promise.all(clients.map(async (c, i) => {
    for (let n = 0; performance.now() < until; n++) {
      const t0 = performance.now();
      await insert(c, i, n);
      latencies.push(performance.now() - t0);
    }
  }));
  const elapsed = (performance.now() - start) / 1000;
  latencies.sort((a, b) => a - b);
  return { inserts: latencies.length, seconds: elapsed, perSecond: latencies.length / elapsed, p50Ms: percentile(latencies, 50), p99Ms: percentile(latencies, 99) };
}
