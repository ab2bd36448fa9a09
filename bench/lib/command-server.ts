// Child process of bench/command-path.ts (and bench/dispatch, bench/avl): the real application on its own event loop, so that
// the load generator does not share a CPU thread with the server it measures.
import { monitorEventLoopDelay, PerformanceObserver } from 'node:perf_hooks';
import pg from 'pg';
import WebSocket from 'ws';
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
// BENCH_TX_MARK: the latest transaction that sent a statement containing this text (e.g. the directive's
// target insert) is timed, begin to commit answered, and its COMMIT alone (the WAL flush): the commit
// beside the request that carries it.
const txMark = process.env.BENCH_TX_MARK;
const txOpen = new Map<pg.Client, { start: number; marked: boolean; steps: { sql: string; ms: number }[] }>();
let markedTx: { txMs: number; commitMs: number; steps: { sql: string; ms: number }[]; committedAt: number; firstSendMs: number | null } | null = null;
const query = pg.Client.prototype.query;
pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
  statements.all++;
  if (typeof args[0] === 'object' && args[0] !== null && (args[0] as { name?: string }).name) statements.named++;
  const result = (query as (...a: unknown[]) => unknown).apply(this, args);
  if (txMark) {
    const text = typeof args[0] === 'string' ? args[0] : (args[0] as { text?: string } | null)?.text ?? '';
    const open = txOpen.get(this);
    if (/^\s*begin/i.test(text)) txOpen.set(this, { start: performance.now(), marked: false, steps: [] });
    else if (open && /^\s*(commit|rollback)/i.test(text)) {
      txOpen.delete(this);
      const sent = performance.now();
      if (open.marked && result instanceof Promise) void result.then(() => { markedTx = { txMs: performance.now() - open.start, commitMs: performance.now() - sent, steps: open.steps, committedAt: performance.now(), firstSendMs: null }; }, () => undefined);
    } else if (open) {
      // Each statement of the transaction, sent to answered (the marked one's are reported).
      if (text.includes(txMark)) open.marked = true;
      const sent = performance.now();
      const step = { sql: text.replace(/\s+/g, ' ').slice(0, 60), ms: Number.NaN };
      open.steps.push(step);
      if (result instanceof Promise) void result.then(() => { step.ms = performance.now() - sent; }, () => undefined);
    }
  }
  return result;
} as typeof pg.Client.prototype.query;
// BENCH_TX_MARK: also the node's first WebSocket send after the marked transaction's commit was answered (the
// outbox relay's pass, the bus and the fan-out up to the first socket), as the server's own 'ws' sends it.
if (txMark) {
  const send = WebSocket.prototype.send;
  WebSocket.prototype.send = function (this: WebSocket, ...args: unknown[]) {
    if (markedTx && markedTx.firstSendMs === null) markedTx.firstSendMs = performance.now() - markedTx.committedAt;
    return (send as (...a: unknown[]) => void).apply(this, args);
  } as typeof send;
}
// Garbage-collection pauses since the previous 'eld' message: how much of the event-loop delay they are.
const gc = { n: 0, totalMs: 0, maxMs: 0 };
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) {
    gc.n++;
    gc.totalMs += entry.duration;
    gc.maxMs = Math.max(gc.maxMs, entry.duration);
  }
}).observe({ entryTypes: ['gc'] });
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
    process.send!({ eld: { p50: q(50), p99: q(99), max: loopDelay.max / 1e6 }, gc: { ...gc } });
    loopDelay.reset();
    Object.assign(gc, { n: 0, totalMs: 0, maxMs: 0 });
  }
  if (m === 'cpu') {
    // CPU time of this process (user + system) and statements sent since the previous 'cpu' message.
    const used = process.cpuUsage(cpuMark);
    cpuMark = process.cpuUsage();
    process.send!({ cpuMs: (used.user + used.system) / 1000, statements: { ...statements }, markedTx });
    markedTx = null;
    statements.all = 0;
    statements.named = 0;
  }
});
