// Command path vs raw INSERT on the same PostgreSQL server, in one run.
// Usage: npm run bench:command   (DATABASE_URL = the server; BENCH_SECONDS, BENCH_CONNECTIONS,
// BENCH_DOC=0 to leave docs/benchmarks.md alone, BENCH_PROFILE=<dir> for a CPU profile of the server)
import { fork, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon, { type Result } from 'autocannon';
import pg from 'pg';
import { pino } from 'pino';
import { loadConfig } from '../apps/server/src/config.js';
import { startPlatform } from '../apps/server/src/platform/kernel.js';
import { DEMO_COUNTRY_CODE, DEMO_PBF, importOsmFile } from '../apps/server/src/modules/jurisdictions/index.js';
import { bootstrapAccounts } from '../apps/server/src/modules/identity/bootstrap.js';
import { writeSection } from './lib/benchmarks-doc.js';
import { machine } from './lib/machine.js';
import { INSERTS, measureInserts, type InsertRate } from './lib/raw-insert.js';
import { createScratchDatabase, serverVersion } from './lib/scratch-db.js';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const SERVER_URL = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const SECONDS = Number(process.env.BENCH_SECONDS ?? 15);
const WARMUP_SECONDS = 3;
const SINGLE_CLIENT_SECONDS = 5;
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
const TARGET_RATIO = 0.4;
const TARGET_P99_MS = 20;
const say = (line: string): void => void process.stdout.write(`${line}\n`);

/** Migrates and seeds the scratch database exactly as the test template does. */
async function seed(databaseUrl: string, adminPassword: string): Promise<void> {
  const config = { ...loadConfig({ LOG_LEVEL: 'silent', FIREBREAK_DEMO: 'false' }), databaseUrl };
  const platform = await startPlatform(config, pino({ level: 'silent' }));
  try {
    const ctx = { actor: null, actorName: 'bench-setup', requestId: null };
    await importOsmFile(platform.command, ctx, DEMO_PBF, { countryCode: DEMO_COUNTRY_CODE });
    await bootstrapAccounts(platform.command, { adminPassword, demoStaff: false });
    await platform.relay.drain();
  } finally {
    await platform.close();
  }
}

async function startServer(databaseUrl: string): Promise<{ child: ChildProcess; base: string }> {
  const child = fork(path.join(HERE, 'lib/command-server.ts'), [], {
    // BENCH_PROFILE=<dir> writes a V8 CPU profile of the server process there.
    execArgv: ['--import', 'tsx', ...(process.env.BENCH_PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_PROFILE}`] : [])],
    env: { ...process.env, BENCH_DATABASE_URL: databaseUrl },
  });
  const port = await new Promise<number>((resolve, reject) => {
    child.once('message', (m) => resolve((m as { port: number }).port));
    child.once('exit', (code) => reject(new Error(`the server exited (${code}) before listening`)));
  });
  return { child, base: `http://127.0.0.1:${port}` };
}

/** CPU milliseconds the server process used since the previous call. */
async function serverCpuMs(child: ChildProcess): Promise<number> {
  const reply = new Promise<number>((resolve) => child.once('message', (m) => resolve((m as { cpuMs: number }).cpuMs)));
  child.send('cpu');
  return reply;
}

async function stopServer(child: ChildProcess): Promise<void> {
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.send('close');
  await exited;
}

async function loginCookie(base: string, password: string): Promise<string> {
  const res = await fetch(`${base}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'admin', password }) });
  const cookie = res.headers.getSetCookie().find((c) => c.startsWith('firebreak_session='));
  if (res.status !== 200 || !cookie) throw new Error(`login failed: ${res.status} ${await res.text()}`);
  return cookie.split(';')[0]!;
}

async function vaduzId(base: string, cookie: string): Promise<string> {
  const res = await fetch(`${base}/api/v1/jurisdictions/lookup?lon=9.5215&lat=47.1410`, { headers: { cookie } });
  const [vaduz] = (await res.json()) as { id: string; path: string }[];
  if (!vaduz || vaduz.path !== 'li.oberland.vaduz') throw new Error('the demo country is missing Vaduz');
  return vaduz.id;
}

/** POST /api/v1/jurisdictions: validation, scope check, insert, unchained audit row, outbox event, commit. */
function createStations(base: string, cookie: string, parentId: string, seconds: number, counter: { n: number }, connections = CONNECTIONS): Promise<Result> {
  return autocannon({
    url: base,
    connections,
    duration: seconds,
    requests: [{
      method: 'POST',
      path: '/api/v1/jurisdictions',
      headers: { cookie, 'content-type': 'application/json' },
      setupRequest: (req) => ({ ...req, body: JSON.stringify({ parentId, name: `Bench station ${++counter.n}`, level: 'station' }) }),
    }],
  });
}

async function countRows(databaseUrl: string): Promise<{ stations: number; unpublished: number; audit: number; unchained: number }> {
  const c = new pg.Client({ connectionString: databaseUrl });
  await c.connect();
  try {
    const { rows } = await c.query<{ stations: string; unpublished: string; audit: string; unchained: string }>(`select
      (select count(*) from jurisdictions where level = 'station') as stations,
      (select count(*) from outbox where position is null) as unpublished,
      (select count(*) from audit_log) as audit,
      (select count(*) from audit_log where seq is null) as unchained`);
    const r = rows[0]!;
    return { stations: Number(r.stations), unpublished: Number(r.unpublished), audit: Number(r.audit), unchained: Number(r.unchained) };
  } finally {
    await c.end();
  }
}

interface Measured {
  command: Result;
  single: Result;
  commandPerSecond: number;
  serverCpuMsPerCommand: number;
  raw: InsertRate;
  ratio: number;
  pgVersion: string;
  load: string;
}

function report(m: Measured): string {
  const mc = machine();
  const ratioOk = m.ratio >= TARGET_RATIO;
  const p99Ok = m.command.latency.p99 < TARGET_P99_MS;
  const f = (x: number, d = 1) => x.toFixed(d);
  const pct = (x: number) => `${f(x * 100)} %`;
  return `Measured by \`npm run bench:command\` (bench/command-path.ts) on ${new Date().toISOString().slice(0, 10)}.

- Machine: ${mc.cpus} CPUs (${mc.cpuModel}), Node ${mc.node}, ${m.pgVersion} on 127.0.0.1.
  Server, PostgreSQL and load generator share the CPUs; load average at the end of the run: ${m.load}.
- Command: \`POST /api/v1/jurisdictions\` creating a station under Vaduz, a new name per request
  (session lookup, validation, scope check, insert, unchained audit row, outbox event, commit;
  after commit the relay and the audit chainer, in the same process; no password hashing). The
  real app (\`buildApp\`, logger off) in its own process; autocannon with ${CONNECTIONS} connections,
  ${WARMUP_SECONDS} s warm-up, then ${SECONDS} s measured.
- Raw baseline: the same server and scratch database, ${CONNECTIONS} node-postgres clients each
  inserting one row per autocommitted \`INSERT\` (uuid, text, jsonb, timestamptz; 2 indexes),
  ${WARMUP_SECONDS} s warm-up, then ${SECONDS} s measured.

| | throughput | p50 | p99 | vs raw |
| --- | ---: | ---: | ---: | ---: |
| command path (HTTP, ${CONNECTIONS} connections) | ${f(m.commandPerSecond)} req/s | ${f(m.command.latency.p50)} ms | ${f(m.command.latency.p99)} ms | ${pct(m.ratio)} |
| command path (HTTP, 1 connection, ${SINGLE_CLIENT_SECONDS} s) | ${f(m.single['2xx'] / m.single.duration)} req/s | ${f(m.single.latency.p50)} ms | ${f(m.single.latency.p99)} ms | |
| raw single-row INSERT (${CONNECTIONS} clients) | ${f(m.raw.perSecond)} rows/s | ${f(m.raw.p50Ms, 2)} ms | ${f(m.raw.p99Ms, 2)} ms | 100 % |

- Ratio command / raw: **${pct(m.ratio)}** (target >= ${TARGET_RATIO * 100} %: ${ratioOk ? 'met' : '**missed**'}).
- Command p99: **${f(m.command.latency.p99)} ms** (target < ${TARGET_P99_MS} ms: ${p99Ok ? 'met' : '**missed**'}).
- Server CPU per command: ${f(m.serverCpuMsPerCommand, 2)} ms (one event loop: at most ~${f(1000 / m.serverCpuMsPerCommand, 0)} req/s if nothing else waited).
- Non-2xx responses: ${m.command.non2xx + m.single.non2xx}, errors: ${m.command.errors + m.single.errors}, timeouts: ${m.command.timeouts + m.single.timeouts}.`;
}

async function measureCommandPath(databaseUrl: string, adminPassword: string): Promise<{ command: Result; single: Result; cpuMs: number }> {
  const { child, base } = await startServer(databaseUrl);
  try {
    const cookie = await loginCookie(base, adminPassword);
    const parentId = await vaduzId(base, cookie);
    const counter = { n: 0 };
    say(`command path: warm-up ${WARMUP_SECONDS} s, then ${SECONDS} s at ${CONNECTIONS} connections…`);
    const warm = await createStations(base, cookie, parentId, WARMUP_SECONDS, counter);
    await serverCpuMs(child);
    const command = await createStations(base, cookie, parentId, SECONDS, counter);
    const cpuMs = await serverCpuMs(child);
    say(`command path: ${SINGLE_CLIENT_SECONDS} s with 1 connection (latency without queueing)…`);
    const single = await createStations(base, cookie, parentId, SINGLE_CLIENT_SECONDS, counter, 1);
    await stopServer(child);
    const created = warm['2xx'] + command['2xx'] + single['2xx'];
    const counts = await countRows(databaseUrl);
    // Requests still in flight when autocannon stops are completed by the server but not counted.
    if (counts.stations < created || counts.stations > created + 2 * CONNECTIONS + 1) {
      throw new Error(`${created} commands acknowledged but ${counts.stations} stations stored`);
    }
    say(`  ${counts.stations} stations stored, ${counts.audit} audit rows; after shutdown ${counts.unpublished} events unpublished, ${counts.unchained} audit rows unchained`);
    return { command, single, cpuMs };
  } catch (err) {
    child.kill();
    throw err;
  }
}

async function main(): Promise<void> {
  const pgVersion = await serverVersion(SERVER_URL);
  const scratch = await createScratchDatabase(SERVER_URL, 'firebreak_bench');
  say(`scratch database ${scratch.name} on ${pgVersion}`);
  try {
    const adminPassword = randomBytes(12).toString('base64url');
    await seed(scratch.url, adminPassword);
    say('migrated and seeded the demo country');
    const { command, single, cpuMs } = await measureCommandPath(scratch.url, adminPassword);
    const opts = { clients: CONNECTIONS, seconds: SECONDS, warmupSeconds: WARMUP_SECONDS };
    say(`raw INSERT: warm-up ${WARMUP_SECONDS} s, then ${SECONDS} s with ${CONNECTIONS} clients…`);
    const raw = await measureInserts(scratch.url, INSERTS.autocommitted, opts);
    const commandPerSecond = command['2xx'] / command.duration;
    const text = report({
      command,
      single,
      commandPerSecond,
      serverCpuMsPerCommand: cpuMs / Math.max(1, command.requests.total),
      raw,
      ratio: commandPerSecond / raw.perSecond,
      pgVersion,
      load: os.loadavg().map((l) => l.toFixed(2)).join(', '),
    });
    say(`\n${text}\n`);
    if (process.env.BENCH_DOC !== '0') {
      writeSection(path.join(HERE, '../docs/benchmarks.md'), 'Command path', text);
      say('written to docs/benchmarks.md (## Command path)');
    }
  } finally {
    await scratch.drop();
  }
}

await main();
