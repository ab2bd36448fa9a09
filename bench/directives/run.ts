// A national directive to 3,000 jurisdictions with 5 duty posts each: issue-to-all-delivered latency
// over the event stream with 3,000 stream clients connected, beside the same number of bare
// WebSocket messages sent in the same run; then the acknowledgement roll-up at the top of the tree.
// Usage: npm run bench:directives   (DATABASE_URL = the PostgreSQL server; BENCH_TARGETS, BENCH_ROUNDS,
// BENCH_DOC=0 to leave docs/benchmarks.md alone)
import { fork, type ChildProcess } from 'node:child_process';
import os from 'node:os';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { pino } from 'pino';
import WebSocket from 'ws';
import { loadConfig } from '../../apps/server/src/config.js';
import { startPlatform } from '../../apps/server/src/platform/kernel.js';
import { DEMO_COUNTRY_CODE, DEMO_PBF, importOsmFile } from '../../apps/server/src/modules/jurisdictions/index.js';
import { bootstrapAccounts } from '../../apps/server/src/modules/identity/bootstrap.js';
import { writeSection } from '../lib/benchmarks-doc.js';
import { machine } from '../lib/machine.js';
import { createScratchDatabase, serverVersion } from '../lib/scratch-db.js';
import { percentile } from '../lib/stats.js';
import { generateStations, type Station } from './generate.js';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const SERVER_URL = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const TARGETS = Number(process.env.BENCH_TARGETS ?? 3000);
const POSTS_EACH = 5;
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
// Sequential roll-up requests for at least this long: more than the stream's 30 s re-check of its sockets.
const ROLLUP_SECONDS = Number(process.env.BENCH_ROLLUP_SECONDS ?? 35);
const TARGET_DELIVERY_MS = 1000;
const TARGET_ROLLUP_P99_MS = 50;
const TARGET_COMMIT_MS = 300;
const TARGET_RATIO = 1.2;
const say = (line: string): void => void process.stdout.write(`${line}\n`);
const ms = (n: number) => `${n.toFixed(1)} ms`;

interface Timing { p50: number; p99: number; max: number; n: number }
const summary = (list: number[]): Timing => {
  const s = [...list].sort((a, b) => a - b);
  return { p50: percentile(s, 50), p99: percentile(s, 99), max: s.at(-1)!, n: s.length };
};

async function seed(databaseUrl: string, adminPassword: string): Promise<Station[]> {
  const config = { ...loadConfig({ LOG_LEVEL: 'silent', MFA_REQUIRED_ROLES: '', FIREBREAK_DEMO: 'false' }), databaseUrl };
  const platform = await startPlatform(config, pino({ level: 'silent' }));
  try {
    const ctx = { actor: null, actorName: 'bench-setup', requestId: null };
    await importOsmFile(platform.command, ctx, DEMO_PBF, { countryCode: DEMO_COUNTRY_CODE });
    await bootstrapAccounts(platform.command, { adminPassword, demoStaff: false });
    await platform.relay.drain();
    return await generateStations(platform.db, TARGETS, POSTS_EACH, 12);
  } finally {
    await platform.close();
  }
}

async function fork_(file: string, env: Record<string, string>, profile = false): Promise<{ child: ChildProcess; port: number }> {
  // BENCH_PROFILE=<dir>: the API node and the bare ws server each write a V8 CPU profile there when they exit.
  const prof = profile && process.env.BENCH_PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_PROFILE}`] : [];
  const child = fork(path.join(HERE, file), [], { execArgv: ['--import', 'tsx', ...prof], env: { ...process.env, ...env } });
  const port = await new Promise<number>((resolve, reject) => {
    child.once('message', (m) => resolve((m as { port: number }).port));
    child.once('exit', (code) => reject(new Error(`${file} exited (${code}) before listening`)));
  });
  return { child, port };
}

/**
 * Opens one socket per header set; resolves when each has caught up (stream) or opened (bare).
 * `onMessage` gets the moment the message arrived, taken before anything else is done with it: the
 * stream's clients parse theirs to know whose it is, the bare ones do not, and that work must not
 * count as delivery time.
 */
async function connectAll(url: string, headers: Record<string, string>[], ready: (m: string) => boolean, onMessage: (i: number, m: string, at: number) => void): Promise<WebSocket[]> {
  const sockets: WebSocket[] = [];
  const BATCH = 200;
  for (let i = 0; i < headers.length; i += BATCH) {
    await Promise.all(headers.slice(i, i + BATCH).map((h, k) => new Promise<void>((resolve, reject) => {
      const s = new WebSocket(url, { headers: h });
      sockets[i + k] = s;
      let isReady = false;
      s.on('message', (raw) => {
        const at = performance.now();
        const m = String(raw);
        if (!isReady && ready(m)) {
          isReady = true;
          resolve();
          return;
        }
        onMessage(i + k, m, at);
      });
      s.once('open', () => {
        if (ready('')) {
          isReady = true;
          resolve();
        }
      });
      s.once('error', reject);
      s.once('unexpected-response', (_q, res) => reject(new Error(`stream refused: ${res.statusCode}`)));
    })));
  }
  return sockets;
}

/** Asks a forked child a question ('cpu', 'eld') and waits for the answer carrying `key` (its value, or the whole answer). */
function ask<T>(child: ChildProcess, question: unknown, key: string, whole = false): Promise<T> {
  return new Promise((resolve) => {
    const on = (m: unknown) => {
      if (m && typeof m === 'object' && key in m) {
        child.off('message', on);
        resolve(whole ? (m as T) : (m as Record<string, T>)[key]!);
      }
    };
    child.on('message', on);
    child.send(question as never);
  });
}

/** Waits until `count()` reaches `n` or the timeout passes. */
async function until(count: () => number, n: number, timeoutMs: number): Promise<void> {
  const start = performance.now();
  while (count() < n && performance.now() - start < timeoutMs) await new Promise((r) => setTimeout(r, 2));
}

async function main(): Promise<void> {
  const loadAtStart = os.loadavg().map((l) => l.toFixed(2)).join(', ');
  const scratch = await createScratchDatabase(SERVER_URL, 'firebreak_bench_directives');
  say(`scratch database ${scratch.name}`);
  const adminPassword = randomBytes(12).toString('hex');
  let server: ChildProcess | undefined;
  let bare: ChildProcess | undefined;
  const sockets: WebSocket[] = [];
  try {
    say(`seeding the demo country and ${TARGETS} stations with ${POSTS_EACH} duty posts each…`);
    const stations = await seed(scratch.url, adminPassword);
    // BENCH_TX_MARK: the node times the directive's transaction (begin to commit answered) and its COMMIT alone.
    const started = await fork_('../lib/command-server.ts', { BENCH_DATABASE_URL: scratch.url, BENCH_SERVER_ENV: JSON.stringify({ SESSION_TTL_HOURS: '12' }), BENCH_TX_MARK: 'insert into directive_targets' }, true);
    server = started.child;
    const base = `http://127.0.0.1:${started.port}`;
    const login = await fetch(`${base}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'admin', password: adminPassword }) });
    const adminCookie = login.headers.get('set-cookie')!.split(';')[0]!;
    const root = (await (await fetch(`${base}/api/v1/jurisdictions`, { headers: { cookie: adminCookie } })).json()) as { id: string }[];
    const rootId = root[0]!.id;

    // The directive's stream clients: one per station, signed in as its duty officer.
    // Each delivery as it came (socket, bytes, moment), read after the round: parsing each message as it arrived (13-54 µs
    // each at load 23, in the clients' one process) delayed the next arrivals' `message` events and was counted as the
    // node's delivery time, while the limits' clients parse nothing.
    let received: { i: number; m: string; at: number }[] = [];
    const indexOf = new Map(stations.map((s, i) => [s.path, i]));
    // One message as a station received it: the bare limit sends the same bytes.
    let stationMessage = '';
    say(`connecting ${TARGETS} stream clients…`);
    const connectStart = performance.now();
    sockets.push(...await connectAll(`ws://127.0.0.1:${started.port}/api/v1/stream`, stations.map((s) => ({ cookie: `firebreak_session=${s.session}` })),
      (m) => m.includes('"caught_up"'),
      (i, m, at) => {
        if (m.includes('"directives.delivered"')) received.push({ i, m, at });
      }));
    /**
     * The arrival moments of the directive's delivery at the stations it names, from what came in: one event per
     * directive, spread over its targets, so each station's socket gets its own target (before 2026-12-06, one event
     * per target naming it in data.jurisdictionPath: measured the same way).
     */
    const arrivalsOf = (directiveId: string): number[] => received.flatMap(({ i, m, at }) => {
      const e = JSON.parse(m) as { type: string; data: { directiveId: string; targets?: { jurisdictionPath: string }[]; jurisdictionPath?: string } };
      if (e.type !== 'directives.delivered' || e.data.directiveId !== directiveId) return [];
      const mine = e.data.targets?.some((t) => indexOf.get(t.jurisdictionPath) === i) ?? (e.data.jurisdictionPath !== undefined && indexOf.get(e.data.jurisdictionPath) === i);
      if (!mine) return [];
      stationMessage = m;
      return [at];
    });
    say(`  connected in ${ms(performance.now() - connectStart)}`);

    // The limits, on one server and its own clients: the bare ws fan-out (one message each) and the fair peer (the same
    // durable work by hand, then each client its own target; each client names its station as it connects).
    const peer = await fork_('bare-ws-server.ts', { BENCH_PEER_DATABASE_URL: scratch.url }, true);
    bare = peer.child;
    let bareArrivals: number[] = [];
    const bareSockets = await connectAll(`ws://127.0.0.1:${peer.port}`, stations.map((s) => ({ 'x-station': s.path })), (m) => m === '', (_i, _m, at) => bareArrivals.push(at));
    sockets.push(...bareSockets);

    const rounds: { peerCommitMs: number; peerTxMs: number; peerLast: number; peerCpuMs: number; commitMs: number; txMs: number; commitAloneMs: number; firstSendMs: number; delivered: number; first: number; p50: number; p99: number; last: number; bareLast: number; bareP50: number; cpuMs: number; bareCpuMs: number }[] = [];
    let directiveId = '';
    for (let round = 0; round < ROUNDS; round++) {
      const body = {
        issuerJurisdictionId: rootId, title: `National directive ${round + 1}`, content: 'Inspect every school exit and report back.', requiredActions: ['Inspect', 'Report'],
        targetJurisdictionIds: stations.map((s) => s.id), acknowledgeBy: new Date(Date.now() + 3_600_000).toISOString(), reportBy: new Date(Date.now() + 86_400_000).toISOString(),
      };
      await ask(server, 'cpu', 'cpuMs');
      received = [];
      const t0 = performance.now();
      const res = await fetch(`${base}/api/v1/directives`, { method: 'POST', headers: { cookie: adminCookie, 'content-type': 'application/json' }, body: JSON.stringify(body) });
      const commitMs = performance.now() - t0;
      if (res.status !== 201) throw new Error(`issue failed: ${res.status} ${await res.text()}`);
      directiveId = ((await res.json()) as { id: string }).id;
      await until(() => received.length, TARGETS, 60_000);
      const got = arrivalsOf(directiveId);
      const lat = summary(got.map((t) => t - t0));
      // The API node's CPU time for the whole directive: the command, the relay, the fan-out and 3,000 sends.
      const { cpuMs, markedTx } = await ask<{ cpuMs: number; markedTx: { txMs: number; commitMs: number; steps: { sql: string; ms: number }[]; firstSendMs: number | null } | null }>(server, 'cpu', 'cpuMs', true);
      for (const step of markedTx?.steps ?? []) say(`  ${ms(step.ms).padStart(10)}  ${step.sql}`);
      const txMs = markedTx?.txMs ?? Number.NaN;
      const commitAloneMs = markedTx?.commitMs ?? Number.NaN;
      // Inside the node: from its commit answered to its first socket send (the relay's pass, the bus, the fan-out's start).
      const firstSendMs = markedTx?.firstSendMs ?? Number.NaN;

      bareArrivals = [];
      await ask(bare, { cpu: true }, 'cpuMs');
      const b0 = performance.now();
      bare.send({ send: stationMessage });
      await until(() => bareArrivals.length, TARGETS, 60_000);
      const bareLat = summary(bareArrivals.map((t) => t - b0));
      const bareCpuMs = await ask<number>(bare, { cpu: true }, 'cpuMs');

      // The fair peer: the same request to the hand-written handler, timed the same way (to each client's arrival).
      bareArrivals = [];
      const p0 = performance.now();
      const peerRes = await fetch(`http://127.0.0.1:${peer.port}/directives`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
      const peerCommitMs = performance.now() - p0;
      if (peerRes.status !== 201) throw new Error(`peer failed: ${peerRes.status} ${await peerRes.text()}`);
      await peerRes.arrayBuffer();
      await until(() => bareArrivals.length, TARGETS, 60_000);
      if (bareArrivals.length < TARGETS) throw new Error(`the peer delivered ${bareArrivals.length}/${TARGETS}`);
      const peerLast = Math.max(...bareArrivals) - p0;
      const { peerTx, cpuMs: peerCpuMs } = await ask<{ cpuMs: number; peerTx: { txMs: number; steps: number[] } | null }>(bare, { cpu: true }, 'cpuMs', true);
      const peerTxMs = peerTx?.txMs ?? Number.NaN;
      say(`  fair peer: 201 after ${ms(peerCommitMs)} (transaction ${ms(peerTxMs)}: ${(peerTx?.steps ?? []).map(ms).join(', ')}), all delivered ${ms(peerLast)}, CPU ${ms(peerCpuMs)}`);
      rounds.push({ peerCommitMs, peerTxMs, peerLast, peerCpuMs, commitMs, txMs, commitAloneMs, firstSendMs, delivered: got.length, first: Math.min(...got) - t0, p50: lat.p50, p99: lat.p99, last: lat.max, bareLast: bareLat.max, bareP50: bareLat.p50, cpuMs, bareCpuMs });
      say(`round ${round + 1}: 201 after ${ms(commitMs)} (transaction ${ms(txMs)}, its COMMIT ${ms(commitAloneMs)}, commit to first send ${ms(firstSendMs)}); delivered ${got.length}/${TARGETS}: first ${ms(Math.min(...got) - t0)}, p50 ${ms(lat.p50)}, p99 ${ms(lat.p99)}, all ${ms(lat.max)}; server CPU ${ms(cpuMs)}; bare ws: p50 ${ms(bareLat.p50)}, all ${ms(bareLat.max)}, CPU ${ms(bareCpuMs)} (${stationMessage.length} bytes each)`);
      await new Promise((r) => setTimeout(r, 500));
    }

    // Roll-up at the top of the tree, with half of the last directive's targets acknowledged.
    const pgc = new pg.Client({ connectionString: scratch.url });
    await pgc.connect();
    await pgc.query(`update directive_targets set state = 'acknowledged', acknowledged_at = now() where directive_id = $1 and (hashtext(jurisdiction_path::text) & 1) = 0`, [directiveId]);
    await pgc.query('analyze directive_targets');
    // The shape of childRollup (directives.queries.ts) at the root: one pass over the directive's targets, grouped by child.
    const plan = await pgc.query(`explain (analyze, buffers) select c.id, k.n from (select subpath(t.jurisdiction_path, 0, 2) as child, count(*) as n
      from directive_targets t where t.directive_id = $1 and nlevel(t.jurisdiction_path) > 1 and subpath(t.jurisdiction_path, 0, 1) = 'li'::ltree group by 1) k
      join jurisdictions c on c.parent_id = $2 and c.path = k.child`, [directiveId, rootId]);
    await pgc.end();
    const rollupMs: number[] = [];
    await ask(server, 'cpu', 'cpuMs');
    await ask(server, 'eld', 'eld');
    const rollupStart = performance.now();
    for (let i = 0; i < 20 || performance.now() - rollupStart < ROLLUP_SECONDS * 1000; i++) {
      const t0 = performance.now();
      const r = await fetch(`${base}/api/v1/directives/${directiveId}/rollup?jurisdictionId=${rootId}`, { headers: { cookie: adminCookie } });
      await r.arrayBuffer();
      rollupMs.push(performance.now() - t0);
      if (r.status !== 200) throw new Error(`rollup failed: ${r.status}`);
    }
    const rollupSeconds = (performance.now() - rollupStart) / 1000;
    // The node counts the statements it sends (command-server.ts): the roll-up's own and its sockets' background reads.
    const { cpuMs: rollupCpuMs, statements: rollupStatements } = await ask<{ cpuMs: number; statements?: { all: number } }>(server, 'cpu', 'cpuMs', true);
    const { eld: loop, gc } = await ask<{ eld: { p50: number; p99: number; max: number }; gc: { n: number; totalMs: number; maxMs: number } }>(server, 'eld', 'eld', true);
    const rollup = summary(rollupMs.slice(20));
    const statementsLine = rollupStatements ? `; the node sent ${(rollupStatements.all / rollupSeconds).toFixed(0)} statements a second (${(rollupStatements.all / rollupMs.length).toFixed(1)} per roll-up request, its sockets' background reads included)` : '';
    say(`roll-up at the root (HTTP, ${rollup.n} requests after 20 warm-up): p50 ${ms(rollup.p50)}, p99 ${ms(rollup.p99)}, max ${ms(rollup.max)}; server CPU ${ms(rollupCpuMs / rollupMs.length)} per request; event-loop delay p50 ${ms(loop.p50)}, p99 ${ms(loop.p99)}, max ${ms(loop.max)}; GC ${gc.n} pauses, ${ms(gc.totalMs)} in all, longest ${ms(gc.maxMs)}${statementsLine}`);
    const planTime = plan.rows.map((r: { 'QUERY PLAN': string }) => r['QUERY PLAN']).find((l: string) => l.startsWith('Execution Time')) ?? '';

    const m = machine();
    const verdict = (ok: (r: (typeof rounds)[number]) => boolean) => {
      const n = rounds.filter(ok).length;
      return n === rounds.length ? `**met** in every round` : n === 0 ? '**missed** in every round' : `met in ${n} of ${rounds.length} rounds (**missed** in the others)`;
    };
    const span = (f: (r: (typeof rounds)[number]) => number, fmt: (n: number) => string = ms) => `${fmt(Math.min(...rounds.map(f)))}–${fmt(Math.max(...rounds.map(f)))}`;
    const x = (n: number) => `${n.toFixed(2)}×`;
    const table = rounds.map((r, i) => `| ${i + 1} | ${ms(r.commitMs)} | ${ms(r.txMs)} (${ms(r.commitAloneMs)}) | ${ms(r.firstSendMs)} | ${r.delivered}/${TARGETS} | ${ms(r.first)} | ${ms(r.p50)} | ${ms(r.p99)} | **${ms(r.last)}** | ${ms(r.bareLast)} | ${x(r.last / r.bareLast)} | ${ms(r.last - r.first)} (${x((r.last - r.first) / r.bareLast)}) | ${ms(r.cpuMs)} | ${ms(r.bareCpuMs)} | ${ms(r.peerCommitMs)} (${ms(r.peerTxMs)}) | ${ms(r.peerLast)} | ${x(r.last / r.peerLast)} | ${ms(r.peerCpuMs)} |`);
    const doc = `Machine: ${m.cpus} CPUs (${m.cpuModel}), Node ${m.node}, ${await serverVersion(SERVER_URL)} on 127.0.0.1, bus in-process, one API node
(a forked child process; the clients run in the benchmark's process); load average at the start of the run: ${loadAtStart}, at the end: ${os.loadavg().map((l) => l.toFixed(2)).join(', ')}
(the machine is shared: read the CPU times and the ratios to the bare limit of the same round). Run: \`npm run bench:directives\`, ${new Date().toISOString().slice(0, 10)}.
The product at this scale runs on a PostgreSQL server (PGlite is one connection, for one node and demos); so does this benchmark.

A national directive (issued at \`li\`) to ${TARGETS} synthetic station jurisdictions under the demo country's municipalities,
each with ${POSTS_EACH} duty posts held by its duty officer, who is connected to \`GET /api/v1/stream\` (${TARGETS} WebSocket clients,
each seeing only its own subtree). Timed from sending \`POST /directives\` to the arrival at each station's client of the
\`directives.delivered\` event naming it (one event per directive, spread over its targets: each socket receives its own;
each target by id and path, its duty posts by reference since 2026-12-07). Arrival: the moment the client's \`message\` event fires.
The limit, in the same round: a bare \`ws\` server (no auth, database or filtering) sending the bytes one station received
(${stationMessage.length} bytes) to each of ${TARGETS} clients. CPU: the API node's user + system time for the whole directive
(command, relay, fan-out, ${TARGETS} sends), beside the bare server's for its ${TARGETS} sends. The transaction: the node's own timing of the
directive's transaction, from its \`begin\` to the answer to its \`commit\`, and of that \`COMMIT\` alone (the WAL flush), inside the 201;
commit to first send: the node's own timing from that answer to its first WebSocket send (the outbox relay's pass, the bus, the fan-out's start).
The fair peer, in the same round on the bare server's clients: a hand-written \`node:http\` + node-postgres handler (bench/directives/bare-ws-server.ts)
doing the same durable work on tables of the same shape (\`like … including all\`: columns and indexes, no triggers) — the
issuer read, the directive row, the ${TARGETS} targets in one \`insert … select\` under the issuer, the audit row naming every
target (canonical JSON, HMAC) with the issue and delivery events in one statement, COMMIT — then the 201 and each
client its own target (the envelope and each target serialized once); no authentication, schema validation, outbox relay or bus.
Its CPU: the peer process's user + system time for its directive (request, transaction, ${TARGETS} sends).

| Round | 201 | Transaction (its COMMIT) | Commit to first send | Delivered | First | p50 | p99 | All delivered | Bare ws all | Ratio (all) | First to last (ratio to bare) | API node CPU | Bare ws CPU | Fair peer 201 (transaction) | Fair peer all | Ratio to the fair peer | Fair peer CPU |
|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|
${table.join('\n')}

Targets: the 201 within ${TARGET_COMMIT_MS} ms — ${verdict((r) => r.commitMs <= TARGET_COMMIT_MS)} (${span((r) => r.commitMs)});
all delivered within ${TARGET_DELIVERY_MS} ms — ${verdict((r) => r.last <= TARGET_DELIVERY_MS)} (${span((r) => r.last)});
all delivered within ${TARGET_RATIO}× the bare fan-out of the same round — ${verdict((r) => r.last <= TARGET_RATIO * r.bareLast)} (${span((r) => r.last / r.bareLast, x)};
the bare server starts at once, the directive after its commit: its own fan-out, first to last delivery, took ${span((r) => (r.last - r.first) / r.bareLast, x)} the bare one's);
all delivered within ${TARGET_RATIO}× the fair peer of the same round — ${verdict((r) => r.last <= TARGET_RATIO * r.peerLast)} (${span((r) => r.last / r.peerLast, x)}; the peer all delivered after ${span((r) => r.peerLast)}, its 201 after ${span((r) => r.peerCommitMs)}).

Acknowledgement roll-up at the top of the tree (\`GET /directives/:id/rollup\` at \`li\`, half of the ${TARGETS} targets acknowledged)
while the node holds the ${TARGETS} stream sockets: ${rollup.n} sequential HTTP requests after 20 warm-up, over ${ROLLUP_SECONDS} s (longer than the
stream's 30 s re-check of every socket): p50 ${ms(rollup.p50)}, p99 **${ms(rollup.p99)}**, max ${ms(rollup.max)}
(target p99 <= ${TARGET_ROLLUP_P99_MS} ms: ${rollup.p99 <= TARGET_ROLLUP_P99_MS ? '**met**' : '**missed**'}). API node CPU ${ms(rollupCpuMs / rollupMs.length)} per request (including the
sockets' background work)${statementsLine}; its event-loop delay meanwhile (the 10 ms sampling interval included): p50 ${ms(loop.p50)}, p99 ${ms(loop.p99)}, max ${ms(loop.max)}; garbage collection meanwhile: ${gc.n} pauses, ${ms(gc.totalMs)} in all, the longest ${ms(gc.maxMs)}. The counting query alone: ${planTime}.
`;
    say('');
    say(doc);
    if (process.env.BENCH_DOC !== '0') writeSection(path.resolve(HERE, '../../docs/benchmarks.md'), 'Directives: national delivery over the stream, and the roll-up', `${doc}\n${process.env.BENCH_NOTES ?? ''}`);
  } finally {
    for (const s of sockets) s.terminate();
    bare?.send({ close: true });
    server?.send('close');
    await new Promise((r) => setTimeout(r, 1000));
    server?.kill();
    bare?.kill();
    await scratch.drop();
  }
}

await main();
