/**
 * Issue 21's reliability figures, written into docs/benchmarks.md:
 * - database failover: the intake gap and lost/doubled calls when the primary dies and its
 *   synchronous standby is promoted, beside the gap of bare INSERTs through the same pool (the peer);
 * - a rolling restart of two API nodes on one PostgreSQL + NATS;
 * - `firebreak backup` beside plain `pg_dump -Fc` of the same database (its peer).
 * The scenarios are the integration tests' (apps/server/test/reliability.ts). A few minutes.
 *
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres NATS_URL=nats://127.0.0.1:4222 npm run bench:reliability
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { runCli, tempDir } from '../../apps/server/test/processes.js';
import { failoverScenario, rollingRestartScenario } from '../../apps/server/test/reliability.js';
import { TEST_APP_LOGIN, buildPostgresTemplate, ensureTestAppLogin, withDatabase, withUser } from '../../apps/server/test/template.js';
import { writeSection } from '../lib/benchmarks-doc.js';
import { machine } from '../lib/machine.js';
import { serverVersion } from '../lib/scratch-db.js';

const DOC = fileURLToPath(new URL('../../docs/benchmarks.md', import.meta.url));
const serverUrl = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const natsUrl = process.env.NATS_URL ?? 'nats://127.0.0.1:4222';
const say = (m: string): void => console.log(`[reliability] ${m}`);
const s = (ms: number): string => `${(ms / 1000).toFixed(1)} s`;
const load = (): string => os.loadavg().map((l) => l.toFixed(2)).join(' ');

async function admin(sql: string): Promise<void> {
  const c = new pg.Client({ connectionString: serverUrl });
  await c.connect();
  try {
    await c.query(sql);
  } finally {
    await c.end();
  }
}

async function timed(job: () => Promise<unknown>): Promise<number> {
  const t = performance.now();
  await job();
  return performance.now() - t;
}

function pgDump(url: string, file: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn('pg_dump', ['--format=custom', `--file=${file}`, `--dbname=${url}`], { stdio: ['ignore', 'ignore', 'pipe'] });
    let err = '';
    child.stderr.on('data', (d: Buffer) => (err += String(d)));
    child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`pg_dump exit ${code}: ${err}`))));
  });
}

say(`load average at start: ${load()}`);
await ensureTestAppLogin(serverUrl);
const template = await buildPostgresTemplate(serverUrl);

say('failover');
const failover = await failoverScenario(withDatabase(serverUrl, template), say);
const loadAfterFailover = load();

say('rolling restart');
const name = `fb_bench_rel_${randomBytes(4).toString('hex')}`;
await admin(`create database ${name} template ${template}`);
const ownerUrl = withDatabase(serverUrl, name);
const scratch = tempDir('fb-bench-backup-');
let rolling: Awaited<ReturnType<typeof rollingRestartScenario>>;
const backupMs: number[] = [];
const dumpMs: number[] = [];
const startMs: number[] = [];
let sizes = { fbk: 0, dump: 0 };
try {
  rolling = await rollingRestartScenario({ DATABASE_URL: withUser(ownerUrl, TEST_APP_LOGIN), DATABASE_OWNER_URL: ownerUrl, NATS_URL: natsUrl }, ownerUrl, say);
  say('backup: firebreak backup vs pg_dump, alternating, 3 each');
  const env = { DATABASE_URL: withUser(ownerUrl, TEST_APP_LOGIN), DATABASE_OWNER_URL: ownerUrl };
  for (let i = 0; i < 3; i++) {
    const fbk = path.join(scratch.dir, `b${i}.fbk`);
    backupMs.push(await timed(async () => {
      const r = await runCli(['backup', fbk], env, 180_000);
      if (r.code !== 0) throw new Error(`firebreak backup failed: ${r.stderr}`);
    }));
    // What a CLI process costs before it does anything (tsx, the config, the imports): the floor of the first row.
    startMs.push(await timed(() => runCli(['--help'], env, 120_000)));
    const dump = path.join(scratch.dir, `d${i}.dump`);
    dumpMs.push(await timed(() => pgDump(ownerUrl, dump)));
    sizes = { fbk: statSync(fbk).size, dump: statSync(dump).size };
  }
} finally {
  await admin(`drop database if exists ${name} with (force)`);
  scratch.remove();
}
const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

const mc = machine();
const pgVersion = await serverVersion(serverUrl);
const f = failover.firebreak;
const r = failover.rawInsert;
const errorsOf = (e: Record<string, number>): string => Object.entries(e).map(([k, n]) => `${n}× ${k}`).join(', ') || 'none';

writeSection(DOC, 'Reliability: database failover and rolling restart (issue 21)', `
Written by \`npm run bench:reliability\` (bench/reliability/run.ts), the same scenarios as the integration
tests \`apps/server/test/failover.int.test.ts\` and \`rolling-restart.int.test.ts\`. Two closed-loop clients
create incidents (\`POST /api/v1/incidents\`, one \`Idempotency-Key\` per call, retried every 0.1 s on a
network error or 5xx — on the other node when there are two). *Lost*: acknowledged (201) but not in the
database afterwards. *Doubled*: one call stored twice. *Gap*: the longest time with no acknowledgement;
*baseline*: the same before the fault, the stream's own rhythm on this loaded machine.

| Scenario | Calls acknowledged | Failed after retry | Lost | Doubled | Retries | Gap | Baseline gap |
|---|---|---|---|---|---|---|---|
| Failover: primary stopped (\`pg_ctl stop -m immediate\`), synchronous standby promoted; one node on \`postgres://…@p,s/firebreak?target_session_attrs=read-write\` | ${f.acknowledged} | ${f.failed} | ${f.lost} | ${f.doubled} | ${f.retries} | **${s(f.longestGapMs)}** | ${s(f.baselineGapMs)} |
| Peer: bare \`INSERT\`s through the same multi-host pool, same run | ${r.acknowledged} | ${r.failed} | ${r.lost} | — | — | ${s(r.longestGapMs)} | ${s(r.baselineGapMs)} |
| Rolling restart: node A then node B stopped (SIGTERM) and started again on one PostgreSQL + NATS | ${rolling.acknowledged} | ${rolling.failed} | ${rolling.lost} | ${rolling.doubled} | ${rolling.retries} | ${s(rolling.longestGapMs)} | ${s(rolling.baselineGapMs)} |

- **Failover gap: ${s(f.longestGapMs)} through Firebreak vs ${s(r.longestGapMs)} for bare INSERTs (ratio ${(f.longestGapMs / Math.max(1, r.longestGapMs)).toFixed(2)}).**
  Stopping the primary and promoting the standby took ${s(failover.promoteMs)} of it (\`pg_ctl\` under this load);
  the rest is the node finding the new primary (each new pool connection probes the hosts) and the retry
  pause. A real deployment adds the time its operator or failover manager takes to decide to promote.
  The standby was ${failover.synchronous ? 'synchronous' : '**not** synchronous'}; the same node process served before and after (${failover.sameNodeProcess ? 'no restart' : '**restarted**'}).
  What the clients saw meanwhile: ${errorsOf(f.errors)}. \`firebreak audit verify\` on the promoted server
  through the same URL afterwards: ${failover.auditVerify.code === 0 ? 'OK' : '**FAILED**'} (\`${failover.auditVerify.output.split('\n')[0]}\`).
- **Rolling restart:** node A took ${s(rolling.restartMs[0])} from SIGTERM to ready, node B ${s(rolling.restartMs[1])};
  calls per node ${Object.entries(rolling.perNode).map(([k, n]) => `${k} ${n}`).join(', ')}. Both starts run the same code,
  standing in for the new version. What the clients saw: ${errorsOf(rolling.errors)}.
- Machine: ${mc.cpus} CPUs (${mc.cpuModel}), Node ${mc.node}, ${pgVersion} (shared server; the failover
  pair is the scenario's own PostgreSQL 15 clusters, fsync off); load average after the failover ${loadAfterFailover}, at the end ${load()}.
`);

writeSection(DOC, 'Backup: `firebreak backup` vs `pg_dump` (issue 21)', `
Written by \`npm run bench:reliability\`: the seeded test database after the rolling-restart run, backed up
three times each way, alternating. The peer is plain \`pg_dump --format=custom\` of the same database;
\`firebreak backup\` runs the same \`pg_dump\` in an exported snapshot and adds the manifest (row counts,
audit head, signed checkpoint), the SHA-256 and the Ed25519 signature — and a Node process start.

| | Median of 3 | File |
|---|---|---|
| \`firebreak backup <file>\` (CLI process included) | ${s(median(backupMs))} | ${(sizes.fbk / 1e6).toFixed(1)} MB |
| \`pg_dump -Fc\` (peer) | ${s(median(dumpMs))} | ${(sizes.dump / 1e6).toFixed(1)} MB |
| \`firebreak --help\` (the CLI process start alone, for scale) | ${s(median(startMs))} | — |

Ratio ${(median(backupMs) / median(dumpMs)).toFixed(2)}× the peer. Runs: firebreak ${backupMs.map(s).join(', ')}; pg_dump ${dumpMs.map(s).join(', ')}.
Machine: ${mc.cpus} CPUs (${mc.cpuModel}), ${pgVersion}; load average ${load()}.
`);
say(`done; load average ${load()}`);
