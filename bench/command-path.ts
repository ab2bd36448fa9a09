// Command path vs its fair peer (a hand-written Fastify + node-postgres handler doing the same
// work, bench/lib/peer-server.ts), two API processes vs one on the same PostgreSQL + NATS, and raw
// INSERT as context, on the same PostgreSQL server in one run, interleaved over several rounds.
// Usage: npm run bench:command   (DATABASE_URL = the server; NATS_URL = the NATS server of the
// scale-out pair, default nats://127.0.0.1:4222; BENCH_SECONDS, BENCH_ROUNDS,
// BENCH_CONNECTIONS, BENCH_DOC=0 to leave docs/benchmarks.md alone, BENCH_PROFILE=<dir> for a CPU
// profile of each server process, BENCH_BASELINE=<another checkout> to run its server too, interleaved in each
// round — before and after a change in the same machine state —, BENCH_SCALE_OUT=0 to leave out
// the NATS processes)
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
import { generateSigningKey } from '../apps/server/src/platform/audit/signing-key.js';
import { writeSection } from './lib/benchmarks-doc.js';
import { machine, machineBusyShare, machineCpuMs } from './lib/machine.js';
import { INSERTS, measureInserts } from './lib/raw-insert.js';
import { createScratchDatabase, serverVersion } from './lib/scratch-db.js';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const SERVER_URL = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const NATS_URL = process.env.NATS_URL ?? 'nats://127.0.0.1:4222';
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const WARMUP_SECONDS = 3;
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
const BASELINE = process.env.BENCH_BASELINE;
const SCALE_OUT = process.env.BENCH_SCALE_OUT !== '0';
// Issue 19: against the fair peer measured in the same run.
const TARGET_RATIO = 0.7;
const TARGET_P99_FACTOR = 1.5;
const TARGET_CPU_MS = 0.8;
// One audit key for the seed, our servers and the peer: every audit row carries a MAC the chainer
// accepts. (A row it refuses stays unchained and is re-read by every chainer pass.)
const AUDIT_SIGNING_KEY = generateSigningKey();
const say = (line: string): void => void process.stdout.write(`${line}\n`);

/** Migrates and seeds the scratch database exactly as the test template does. */
async function seed(databaseUrl: string, adminPassword: string): Promise<void> {
  const config = { ...loadConfig({ LOG_LEVEL: 'silent', FIREBREAK_DEMO: 'false', AUDIT_SIGNING_KEY }), databaseUrl };
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

/**
 * Chains the audit rows and publishes the events the last server left behind, in the bench's own process: the peer
 * runs no chainer or relay, so its ~10,000 rows and events a round were worked off by whichever of our servers ran
 * next: in its warm-up, or in its measured phase when the machine is slow (the profiles: docs/benchmarks.md, "Command
 * path: what dominates").
 */
async function settleBacklog(databaseUrl: string): Promise<void> {
  const config = { ...loadConfig({ LOG_LEVEL: 'silent', FIREBREAK_DEMO: 'false', AUDIT_SIGNING_KEY }), databaseUrl };
  const platform = await startPlatform(config, pino({ level: 'silent' }));
  try {
    await platform.auditChainer.drain();
    await platform.relay.drain();
  } finally {
    await platform.close();
  }
}

/** Our server alone (in-process bus, as a single node runs), ours on NATS (as nodes of a cluster do), or the peer. */
type ServerKind = 'ours' | 'ours-nats' | 'peer' | 'baseline';

let profiled = 0;

async function startServer(databaseUrl: string, kind: ServerKind): Promise<{ child: ChildProcess; base: string }> {
  const script = kind === 'peer' ? path.join(HERE, 'lib/peer-server.ts') : kind === 'baseline' ? path.join(BASELINE!, 'bench/lib/command-server.ts') : path.join(HERE, 'lib/command-server.ts');
  const profile = process.env.BENCH_PROFILE;
  const serverEnv = { AUDIT_SIGNING_KEY, ...(kind === 'ours-nats' ? { NATS_URL } : {}) };
  const child = fork(script, [], {
    // BENCH_PROFILE=<dir> writes V8 CPU profiles of every server process in <dir>/<start order>-<kind>/, one per thread
    // (the largest is the main thread's; tsx's loader runs in a worker); bench/lib/profile-shares.ts ranks one.
    execArgv: ['--import', 'tsx', ...(profile ? ['--cpu-prof', `--cpu-prof-dir=${path.join(profile, `${String(++profiled).padStart(2, '0')}-${kind}`)}`] : [])],
    env: { ...process.env, BENCH_DATABASE_URL: databaseUrl, BENCH_SERVER_ENV: JSON.stringify(serverEnv), BENCH_AUDIT_SIGNING_KEY: AUDIT_SIGNING_KEY },
  });
  const port = await new Promise<number>((resolve, reject) => {
    child.once('message', (m) => resolve((m as { port: number }).port));
    child.once('exit', (code) => reject(new Error(`the server exited (${code}) before listening`)));
  });
  return { child, base: `http://127.0.0.1:${port}` };
}

interface Usage { cpuMs: number; statements?: { all: number; named: number } }

/** CPU milliseconds the server process used since the previous call, and the statements it sent (our server counts them). */
async function serverCpuMs(child: ChildProcess): Promise<Usage> {
  const reply = new Promise<Usage>((resolve) => child.once('message', (m) => resolve(m as Usage)));
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
function createStations(base: string, cookie: string, parentId: string, seconds: number, counter: { n: number }, prefix: string, connections = CONNECTIONS): Promise<Result> {
  return autocannon({
    url: base,
    connections,
    duration: seconds,
    requests: [{
      method: 'POST',
      path: '/api/v1/jurisdictions',
      headers: { cookie, 'content-type': 'application/json' },
      setupRequest: (req) => ({ ...req, body: JSON.stringify({ parentId, name: `${prefix} station ${++counter.n}`, level: 'station' }) }),
    }],
  });
}

async function countStations(databaseUrl: string): Promise<{ stations: number; unpublished: number; audit: number; unchained: number }> {
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

/** One measured configuration of one round. */
interface Sample {
  perSecond: number;
  p50: number;
  p99: number;
  cpuMsPerCommand: number;
  /** Statements sent per command answered (all, and by name), where the server counts them. */
  statementsPerCommand: { all: number; named: number } | null;
  non2xx: number;
  errors: number;
  /** Share of the whole machine's CPU time that was busy over the measured phase (every process: ours, PostgreSQL, NATS, autocannon, other jobs). */
  machineBusy: number;
}

/** Sums autocannon results of processes measured at once (their connections add up to CONNECTIONS). */
function sample(results: Result[], usage: Usage[], machineBusy: number): Sample {
  const cpuMs = usage.reduce((a, u) => a + u.cpuMs, 0);
  const counted = usage.every((u) => u.statements) ? usage.map((u) => u.statements!) : null;
  const ok = results.reduce((n, r) => n + r['2xx'], 0);
  const total = results.reduce((n, r) => n + r.requests.total, 0);
  const duration = Math.max(...results.map((r) => r.duration));
  // With two processes the latency figures are those of the slower one: no merged histogram.
  return {
    perSecond: ok / duration,
    p50: Math.max(...results.map((r) => r.latency.p50)),
    p99: Math.max(...results.map((r) => r.latency.p99)),
    cpuMsPerCommand: cpuMs / Math.max(1, total),
    statementsPerCommand: counted && {
      all: counted.reduce((n, c) => n + c.all, 0) / Math.max(1, total),
      named: counted.reduce((n, c) => n + c.named, 0) / Math.max(1, total),
    },
    non2xx: results.reduce((n, r) => n + r.non2xx, 0),
    errors: results.reduce((n, r) => n + r.errors + r.timeouts, 0),
    machineBusy,
  };
}

/** `processes` servers of one kind, CONNECTIONS split between them; warm-up, then measured. */
async function measure(databaseUrl: string, kind: ServerKind, processes: number, cookie: string, parentId: string, counter: { n: number }, acked: { n: number }): Promise<Sample> {
  const servers = await Promise.all(Array.from({ length: processes }, () => startServer(databaseUrl, kind)));
  try {
    const per = Math.floor(CONNECTIONS / processes);
    const prefix = kind === 'peer' ? 'Peer' : kind === 'baseline' ? 'Base' : processes > 1 ? 'Pair' : kind === 'ours' ? 'Bench' : 'Nats';
    const run = (seconds: number) => Promise.all(servers.map((s) => createStations(s.base, cookie, parentId, seconds, counter, prefix, per)));
    const warm = await run(WARMUP_SECONDS);
    await Promise.all(servers.map((s) => serverCpuMs(s.child)));
    const machineFrom = machineCpuMs();
    const measured = await run(SECONDS);
    const machineBusy = machineBusyShare(machineFrom, machineCpuMs());
    const usage = await Promise.all(servers.map((s) => serverCpuMs(s.child)));
    acked.n += [...warm, ...measured].reduce((n, r) => n + r['2xx'], 0);
    return sample(measured, usage, machineBusy);
  } finally {
    await Promise.all(servers.map((s) => stopServer(s.child)));
    await settleBacklog(databaseUrl);
  }
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

interface Measured {
  ours: Sample[];
  peer: Sample[];
  /** One and two of our processes on the same PostgreSQL + NATS: the scale-out pair. */
  oneNats: Sample[];
  two: Sample[];
  /** Our server at the BENCH_BASELINE checkout, when given. */
  baseline: Sample[];
  raw: { perSecond: number; p50Ms: number; p99Ms: number };
  pgVersion: string;
  loads: string[];
}

function report(m: Measured): string {
  const mc = machine();
  const f = (x: number, d = 1) => x.toFixed(d);
  const pct = (x: number) => `${f(x * 100)} %`;
  const spread = (xs: number[], d = 1) => `${f(median(xs), d)} (${f(Math.min(...xs), d)}-${f(Math.max(...xs), d)})`;
  const ratios = m.ours.map((o, i) => o.perSecond / m.peer[i]!.perSecond);
  const p99Factors = m.ours.map((o, i) => o.p99 / m.peer[i]!.p99);
  const cpuFactors = m.ours.map((o, i) => o.cpuMsPerCommand / m.peer[i]!.cpuMsPerCommand);
  const scale = m.two.map((t, i) => t.perSecond / m.oneNats[i]!.perSecond);
  const vsBaseline = m.baseline.map((b, i) => m.ours[i]!.cpuMsPerCommand / b.cpuMsPerCommand);
  const cpu = m.ours.map((o) => o.cpuMsPerCommand);
  const row = (name: string, xs: Sample[], vsPeer: string) =>
    `| ${name} | ${spread(xs.map((x) => x.perSecond))} req/s | ${spread(xs.map((x) => x.p50))} ms | ${spread(xs.map((x) => x.p99))} ms | ${spread(xs.map((x) => x.cpuMsPerCommand), 2)} ms | ${spread(xs.map((x) => x.machineBusy * 100), 0)} % | ${vsPeer} |`;
  const vsPeer = (xs: Sample[]) => `${spread(xs.map((t, i) => (t.perSecond / m.peer[i]!.perSecond) * 100))} %`;
  const bad = [...m.ours, ...m.peer, ...m.oneNats, ...m.two, ...m.baseline];
  return `Measured by \`npm run bench:command\` (bench/command-path.ts) on ${new Date().toISOString().slice(0, 10)}.

- Machine: ${mc.cpus} CPUs (${mc.cpuModel}), Node ${mc.node}, ${m.pgVersion} on 127.0.0.1.
  Servers, PostgreSQL and the load generator share the CPUs, and so do other engineers' jobs;
  load average (1, 5, 15 min) after each round: ${m.loads.join('; ')}.
- Command: \`POST /api/v1/jurisdictions\` creating a station under Vaduz, a new name per request
  (session lookup, validation, scope check, insert, unchained audit row, outbox event, commit;
  after commit the relay and the audit chainer, in the same process; no password hashing). The
  real app (\`buildApp\`, logger off) in its own process; autocannon with ${CONNECTIONS} connections,
  ${WARMUP_SECONDS} s warm-up, then ${SECONDS} s measured.
- **Peer** (the fair limit): \`bench/lib/peer-server.ts\`, a hand-written Fastify + node-postgres
  handler doing the same work — session, user and grants by token hash in one query, scope check
  in code, one transaction with the station row (\`insert … returning\`), the audit row (with its
  MAC under the audit key, so that the chainer links them too) and the outbox row, JSON out; no ORM, no schema validation, no cache, no relay or chainer
  after commit. Same pool size (10), same ${CONNECTIONS} connections. After each server stops, the bench itself chains and
  publishes what it left (the peer's rows), so that no measured server works off another's backlog.
- **1 process** is a single node (in-process event bus). **Scale-out**: one, then two of our API
  processes on the same PostgreSQL **and NATS JetStream** (\`NATS_URL\`: the relay publishes to
  JetStream and every node consumes the stream, as in a cluster), ${CONNECTIONS} connections in all
  (${CONNECTIONS / 2} each for two; latencies: the slower process's).
- ${ROUNDS} rounds, each ours → ${BASELINE ? 'ours before the change (the two in turn first) → ' : ''}peer${SCALE_OUT ? ' → 1 process on NATS → 2 processes on NATS' : ''}; figures are the
  median (min-max) over rounds, ratios taken within each round. Raw INSERT once after the rounds:
  ${CONNECTIONS} node-postgres clients, one autocommitted single-row \`INSERT\` each (context only).
- **CPU per command** (user + system time of the server processes over the measured phase, divided
  by the requests answered) is the figure least moved by the other jobs on the machine; under heavy
  load it inflates for both servers, so the ratio to the peer's, taken in the same round, is the one
  to compare across runs. **Machine CPU busy**: the share of all ${mc.cpus} CPUs' time that was busy over the
  measured phase (every process: servers, PostgreSQL, NATS, autocannon and other jobs): near 100 % the
  machine, not the server, is the limit, and a second process cannot add throughput.

| | throughput | p50 | p99 | server CPU / command | machine CPU busy | ours vs peer |
| --- | ---: | ---: | ---: | ---: | ---: | ---: |
${row('command path, 1 process', m.ours, `**${spread(ratios.map((r) => r * 100))} %**`)}
${row('peer: Fastify + node-postgres by hand', m.peer, '100 %')}
${m.baseline.length ? `${row('command path before the change (BENCH_BASELINE checkout), 1 process', m.baseline, vsPeer(m.baseline))}\n` : ''}${SCALE_OUT ? `${row('command path, 1 process on NATS', m.oneNats, vsPeer(m.oneNats))}
${row('command path, 2 processes on NATS', m.two, vsPeer(m.two))}
` : ''}| raw single-row INSERT (context) | ${f(m.raw.perSecond)} rows/s | ${f(m.raw.p50Ms, 2)} ms | ${f(m.raw.p99Ms, 2)} ms | | | |

- Throughput vs the peer: **${pct(median(ratios))}** (target >= ${TARGET_RATIO * 100} %: ${median(ratios) >= TARGET_RATIO ? 'met' : '**missed**'}).
- p99 vs the peer's: **${f(median(p99Factors), 2)}x** (target <= ${TARGET_P99_FACTOR}x: ${median(p99Factors) <= TARGET_P99_FACTOR ? 'met' : '**missed**'}).
- Server CPU per command: **${f(median(cpu), 2)} ms** (target <= ${TARGET_CPU_MS} ms: ${median(cpu) <= TARGET_CPU_MS ? 'met' : '**missed**'}); ${f(median(cpuFactors), 2)}x the peer's (${cpuFactors.map((x) => f(x, 2)).join(', ')} by round).
- Statements per command sent by our single process (counted on the node around \`pg.Client.query\`, relay, chainer and
  the shared session-epoch reads included): ${m.ours.map((o) => o.statementsPerCommand ? `${f(o.statementsPerCommand.all, 2)} (${f(o.statementsPerCommand.named, 2)} by name)` : 'not counted').join(', ')} by round; the peer sends 7.
${m.baseline.length ? `- CPU per command vs the same server before the change, same rounds: **${f(median(vsBaseline), 2)}x** (${vsBaseline.map((x) => f(x, 2)).join(', ')} by round).\n` : ''}${SCALE_OUT ? `- Scale-out on one machine, 2 processes vs 1 on the same PostgreSQL + NATS: **${f(median(scale), 2)}x** (${scale.map((x) => f(x, 2)).join(', ')} by round) on ${mc.cpus} shared CPUs; CPU per command of the pair vs one: ${f(median(m.two.map((t, i) => t.cpuMsPerCommand / m.oneNats[i]!.cpuMsPerCommand)), 2)}x; the machine busy ${spread(m.oneNats.map((x) => x.machineBusy * 100), 0)} % with one, ${spread(m.two.map((x) => x.machineBusy * 100), 0)} % with two.\n` : ''}- Command path vs raw INSERT: ${pct(median(m.ours.map((o) => o.perSecond)) / m.raw.perSecond)}.
- Non-2xx responses: ${bad.reduce((n, x) => n + x.non2xx, 0)}, errors and timeouts: ${bad.reduce((n, x) => n + x.errors, 0)}.`;
}

async function main(): Promise<void> {
  const pgVersion = await serverVersion(SERVER_URL);
  const scratch = await createScratchDatabase(SERVER_URL, 'firebreak_bench');
  say(`scratch database ${scratch.name} on ${pgVersion}`);
  try {
    const adminPassword = randomBytes(12).toString('base64url');
    await seed(scratch.url, adminPassword);
    say('migrated and seeded the demo country');
    // One session for every server: they share the database.
    const first = await startServer(scratch.url, 'ours');
    const cookie = await loginCookie(first.base, adminPassword);
    const parentId = await vaduzId(first.base, cookie);
    await stopServer(first.child);
    const counter = { n: 0 };
    const acked = { n: 0 };
    const m: Measured = { ours: [], peer: [], oneNats: [], two: [], baseline: [], raw: { perSecond: 0, p50Ms: 0, p99Ms: 0 }, pgVersion, loads: [] };
    const load = () => os.loadavg().map((l) => l.toFixed(2)).join(', ');
    for (let round = 1; round <= ROUNDS; round++) {
      say(`round ${round}/${ROUNDS}: ${WARMUP_SECONDS} s warm-up + ${SECONDS} s each for ours, ${BASELINE ? 'ours before, ' : ''}the peer${SCALE_OUT ? ', 1 and 2 processes on NATS' : ''} (${CONNECTIONS} connections)…`);
      // Ours and the build before the change take turns going first: the first server of a round came out slower
      // than the second in every round of a fixed order (docs/benchmarks.md, "Command path: what dominates", wave 12).
      const baselineFirst = BASELINE !== undefined && round % 2 === 0;
      if (baselineFirst) m.baseline.push(await measure(scratch.url, 'baseline', 1, cookie, parentId, counter, acked));
      m.ours.push(await measure(scratch.url, 'ours', 1, cookie, parentId, counter, acked));
      if (BASELINE && !baselineFirst) m.baseline.push(await measure(scratch.url, 'baseline', 1, cookie, parentId, counter, acked));
      m.peer.push(await measure(scratch.url, 'peer', 1, cookie, parentId, counter, acked));
      if (SCALE_OUT) {
        m.oneNats.push(await measure(scratch.url, 'ours-nats', 1, cookie, parentId, counter, acked));
        m.two.push(await measure(scratch.url, 'ours-nats', 2, cookie, parentId, counter, acked));
      }
      m.loads.push(load());
      const f = (s: Sample) => `${s.perSecond.toFixed(0)} req/s p99 ${s.p99} ms ${s.cpuMsPerCommand.toFixed(2)} ms CPU${s.statementsPerCommand ? ` ${s.statementsPerCommand.all.toFixed(2)} statements` : ''} machine ${(s.machineBusy * 100).toFixed(0)} % busy`;
      say(`  ours ${f(m.ours.at(-1)!)}${BASELINE ? ` | before ${f(m.baseline.at(-1)!)}` : ''} | peer ${f(m.peer.at(-1)!)}${SCALE_OUT ? ` | NATS: 1 process ${f(m.oneNats.at(-1)!)}, 2 processes ${f(m.two.at(-1)!)}` : ''} | load ${m.loads.at(-1)}`);
    }
    const counts = await countStations(scratch.url);
    // Requests still in flight when autocannon stops are completed by the server but not counted.
    const slack = ROUNDS * 8 * (CONNECTIONS + 1);
    if (counts.stations < acked.n || counts.stations > acked.n + slack) {
      throw new Error(`${acked.n} commands acknowledged but ${counts.stations} stations stored`);
    }
    say(`  ${counts.stations} stations stored for ${acked.n} acknowledged, ${counts.audit} audit rows, ${counts.unchained} left unchained, ${counts.unpublished} events unpublished`);
    say(`raw INSERT: warm-up ${WARMUP_SECONDS} s, then ${SECONDS} s with ${CONNECTIONS} clients…`);
    m.raw = await measureInserts(scratch.url, INSERTS.autocommitted, { clients: CONNECTIONS, seconds: SECONDS, warmupSeconds: WARMUP_SECONDS });
    const text = report(m);
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
