// Child process of bench/command-path.ts (and bench/dispatch, bench/avl): the real application on its own event loop, so that
// the load generator does not share a CPU thread with the server it measures.
import { monitorEventLoopDelay } from 'node:perf_hooks';
import pg from 'pg';
import { buildApp } from '../../apps/server/src/app.js';
import { loadConfig } from '../../apps/server/src/config.js';

const databaseUrl = process.env.BENCH_DATABASE_URL;
if (!databaseUrl || !process.send) throw new Error('command-server runs as a forked child with BENCH_DATABASE_URL');

// BENCH_SERVER_ENV: more configuration as a JSON object of variables (e.g. FIREBREAK_ROAD_PBF).
const extra = JSON.parse(process.env.BENCH_SERVER_ENV ?? '{}') as Record<string, string>;
const config = { ...loadConfig({ LOG_LEVEL: 'silent', MFA_REQUIRED_ROLES: '', FIREBREAK_DEMO: 'false', ...extra, DATABASE_URL: databaseUrl }), host: '127.0.0.1', port: 0 };
// Statements this process sends (every pool client is a pg.Client), and how many of them by name
// (prepared once per connection): reported with the CPU time, for statements per command.
const statements = { all: 0, named: 0 };
const query = pg.Client.prototype.query;
pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
  statements.all++;
  if (typeof args[0] === 'object' && args[0] !== null && (args[0] as { name?: string }).name) statements.named++;
  return (query as (...a: unknown[]) => unknown).apply(this, args);
} as typeof pg.Client.prototype.query;
const app = await buildApp(config, { logger: false });
await app.listen({ host: config.host, port: 0 });
const address = app.server.address();
process.send({ port: typeof address === 'object' && address ? address.port : 0 });
let cpuMark = process.cpuUsage();
// Event-loop delay of this process since the previous 'eld' message (ms): the stalls a request waits behind.
const loopDelay = monitorEventLoopDelay({ resolution: 10 });
loopDelay.enable();
process.on('message', (m) => {
  if (m === 'close') void app.close().then(() => process.exit(0));
  if (m === 'eld') {
    const q = (p: number) => loopDelay.percentile(p) / 1e6;
    process.send!({ eld: { p50: q(50), p99: q(99), max: loopDelay.max / 1e6 } });
    loopDelay.reset();
  }
  if (m === 'cpu') {
    // CPU time of this process (user + system) and statements sent since the previous 'cpu' message.
    const used = process.cpuUsage(cpuMark);
    cpuMark = process.cpuUsage();
    process.send!({ cpuMs: (used.user + used.system) / 1000, statements: { ...statements } });
    statements.all = 0;
    statements.named = 0;
  }
});
