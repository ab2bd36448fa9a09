import { defineConfig } from 'vitest/config';
import Sequencer from './apps/server/test/sequencer.js';

const integration = ['apps/server/**/*.int.test.ts'];
const roadgraphPgrouting = ['packages/roadgraph/**/*.int.test.ts'];
const e2e = ['apps/web/e2e/**/*.e2e.test.ts'];
const withPostgres = Boolean(process.env.DATABASE_URL) || process.env.CI === 'true';
// Exhaustive tables over the HTTP surface (every role x endpoint x relation, every operation fuzzed,
// every field's bad input): they judge the routes' rules, which are the same on either backend, and
// they are the slowest files on PGlite (minutes each). Every other file checks the backends' parity.
// With a PostgreSQL server they run there only; without one, on PGlite, so nobody skips them.
export const httpTables = [
  'apps/server/src/platform/auth/authz-matrix.int.test.ts',
  'apps/server/src/platform/http/openapi-fuzz.int.test.ts',
  'apps/server/src/platform/http/bad-input.int.test.ts',
];
// Need a PostgreSQL server (a copy per migration level is a CREATE DATABASE … TEMPLATE; the upgrade
// of real data is a pg_restore of a dump; the PITR drill and the failover make their own cluster
// with PostgreSQL's tools; a multi-host URL, two nodes restarted in turn, the CLI on the server):
// they run in the postgres project only, and the pglite project never loads them, so they never
// skip where they do run.
export const postgresOnly = [
  'apps/server/src/platform/db/upgrade.int.test.ts',
  'apps/server/src/platform/db/upgrade-fixture.int.test.ts',
  'apps/server/test/pitr.int.test.ts',
  'apps/server/src/platform/db/pg-hosts.int.test.ts',
  'apps/server/test/rolling-restart.int.test.ts',
  'apps/server/test/failover.int.test.ts',
  'apps/server/src/modules/history/history-cad-export-cli-postgres.int.test.ts',
];
// Make an embedded database of their own whatever the project's backend: once, in the pglite project.
const pgliteOnly = ['apps/server/src/modules/history/history-cad-export-cli-fresh.int.test.ts'];
// The PGlite parity set (ADR 0014). With a PostgreSQL server, every integration file runs there, and
// the pglite project runs only these: the files whose subject is the database layer, or where the
// embedded backend behaves differently from the server, plus one file for each module whose main
// flow no browser file drives. The browser files (project e2e) run the whole product on PGlite: a
// module a browser file drives (`browserDriven`) has its main flow, PostGIS queries included, on
// the embedded engine there. Without a server, the pglite project runs every file.
const m = (file: string) => `apps/server/src/modules/${file}.int.test.ts`;
export const pgliteParity = [
  // The database layer itself: statement handling, the embedded dump/restore path of backups, the
  // deployment key (embedded clones are byte copies of one data folder; server clones are not).
  'apps/server/src/platform/db/hot-statement.int.test.ts',
  'apps/server/src/platform/backup/backup.int.test.ts',
  'apps/server/src/platform/events/nats-bus.int.test.ts',
  // The audit chain: hashes, MACs and checkpoints over rows as each engine stores them, the triggers
  // that refuse rewrites (on PGlite the owner and the application share one connection), and
  // `firebreak audit verify` on an embedded data folder.
  'apps/server/src/platform/audit/audit-verify.int.test.ts',
  'apps/server/src/platform/audit/audit-checkpoint.int.test.ts',
  // The embedded default of `firebreak`: a server process on a data folder through kill -9 (the
  // outbox's event published after the restart), and one CLI command on a fresh data folder (the
  // first start's migrations). Every other CLI file runs on PostgreSQL only.
  'apps/server/test/process.int.test.ts',
  ...pgliteOnly,
  // A first start on an empty database: every migration, then the world made as `serve` makes it.
  m('setup/setup'),
  // Outbox, relay and stream (PGlite has one connection: a replay waits behind the relay's
  // transaction), and a timed job over the outbox (escalation).
  m('stream/stream'),
  m('dispatch/escalation'),
  // Transactions and concurrency on one connection: a second "connection" is the same engine on
  // PGlite (login throttling), and concurrent commands queue on it (stock, tasks).
  m('identity/login-throttle'),
  m('controlled-goods/goods'),
  m('tasks/tasks'),
  // The main flow, PostGIS queries included, of each module no browser file drives (or only reads,
  // as the screens walk does): vector tiles (ST_AsMVT), the tree's boundary rules, key places,
  // isochrones, accountability and supervision.
  m('accountability/accountability'),
  m('basemap/basemap'),
  m('jurisdictions/jurisdictions'),
  m('places/places'),
  m('reachability/reachability'),
  m('supervision/supervision'),
];
/**
 * Modules whose main flow a browser file drives on PGlite (project e2e), PostGIS queries
 * included: their integration files run on PostgreSQL only (but for those the set above names for
 * another reason). Each names the browser file that drives it; apps/server/test/pglite-parity.test.ts
 * checks that every module with integration files is here or in the set above.
 */
const browserFile = (file: string) => `apps/web/e2e/${file}.e2e.test.ts`;
export const browserDriven: Record<string, string> = {
  alerts: browserFile('alerts'),
  campaigns: browserFile('issue'),
  coverage: browserFile('coverage'),
  directives: browserFile('directive-tasks'),
  // The dispatcher's flow; its timed escalation job is in the set above.
  dispatch: browserFile('dispatch'),
  geocode: browserFile('geocode'),
  hazards: browserFile('hazards'),
  // Sign-in with a second factor; the login throttle is in the set above.
  identity: browserFile('mfa'),
  // Reports near an open incident shown as possible duplicates (ST_DWithin).
  incidents: browserFile('premise'),
  'major-incidents': browserFile('major-incidents'),
  'mutual-aid': browserFile('settings'),
  onboarding: browserFile('setup'),
  posts: browserFile('directive-tasks'),
  premise: browserFile('premise'),
  reinforcements: browserFile('reinforcements'),
  replay: browserFile('replay'),
  reports: browserFile('reports'),
  simulation: browserFile('replay'),
  units: browserFile('live'),
};

// Inline projects do not inherit the root's timeouts: each one sets them.
const timeouts = { testTimeout: 60_000, hookTimeout: 120_000 };
// FIREBREAK_TEST_CPU_LOG=<file>: each test file appends its CPU seconds and wall time there
// (apps/server/test/cpu-log.ts), to find what a run spends its time on a shared machine.
const cpuLog = process.env.FIREBREAK_TEST_CPU_LOG ? ['apps/server/test/cpu-log.ts'] : [];
// The files that start from the seeded template wait for the run's build of it (global-setup.ts
// builds it beside the run, while the unit files go first).
const templateReady = 'apps/server/test/templates-ready.ts';

export default defineConfig({
  test: {
    // Two test files at a time: on a 2-core machine vitest's default (cores - 1) leaves one core
    // idle while a file waits on PGlite's WASM, the PostgreSQL server or a browser.
    maxWorkers: 2,
    // Long files first, the browser files spread among the others (apps/server/test/sequencer.ts).
    sequence: { sequencer: Sequencer },
    projects: [
      // Unit files share their workers (no isolation): a fresh worker per file cost more than most
      // of these files (the whole project: 164 CPU-s isolated, 83 shared, 2026-12-07). They are
      // pure rules; a file that sets global state (the default i18next instance, `window`) undoes it.
      { test: { ...timeouts, name: 'unit', isolate: false, include: ['packages/**/*.test.ts', 'apps/**/*.test.ts'], exclude: [...integration, ...roadgraphPgrouting, ...e2e, '**/node_modules/**'], setupFiles: cpuLog } },
      {
        test: {
          ...timeouts,
          name: 'pglite',
          // Shared workers, as the postgres project's (below): the worker's start and the server's
          // imports paid once per worker, not per file (the parity set's 19 files at load 6-10: 209 CPU-s
          // shared, 249 isolated, 2026-12-08). Each file still opens a PGlite of its own from the
          // template dump and closes it; the sequencer keeps the project's files together.
          isolate: false,
          include: withPostgres ? pgliteParity : integration,
          exclude: [...postgresOnly, ...(withPostgres ? httpTables : []), '**/node_modules/**'],
          globalSetup: ['apps/server/test/global-setup.ts'],
          setupFiles: [templateReady, ...cpuLog],
          env: { FIREBREAK_TEST_BACKEND: 'pglite' },
          pool: 'forks',
        },
      },
      // The web app in Debian's chromium against a real server (PGlite, demo country); one browser
      // per file and one browser file at a time (chromium is heavy on a 2-core machine), beside the
      // other projects' files: one-browser.ts holds a lock, the sequencer spreads them in the queue.
      {
        test: {
          testTimeout: 120_000,
          hookTimeout: 240_000,
          name: 'e2e',
          include: e2e,
          globalSetup: ['apps/server/test/global-setup.ts', 'apps/web/e2e/global-setup.ts'],
          setupFiles: [templateReady, 'apps/web/e2e/one-browser.ts', ...cpuLog],
          env: { FIREBREAK_TEST_BACKEND: 'pglite' },
          pool: 'forks' as const,
        },
      },
      // Compares costs with pgRouting on the PostgreSQL server; fails loudly when it is unreachable.
      ...(withPostgres ? [{ test: { ...timeouts, name: 'roadgraph-pgrouting', include: roadgraphPgrouting, setupFiles: cpuLog } }] : []),
      ...(withPostgres
        ? [{
            test: {
              ...timeouts,
              name: 'postgres',
              // Shared workers (see above): the worker's start and the server's imports, ~2.5 CPU-s a
              // file, are paid once per worker, not per file (39 files: 176 CPU-s isolated, 81 shared,
              // 2026-12-07). Every file still gets a database of its own (a copy of the template), and
              // what a module keeps between files is what a server running for months keeps (caches
              // keyed by their inputs). The sequencer keeps the project's files together.
              isolate: false,
              include: integration,
              exclude: [...pgliteOnly, '**/node_modules/**'],
              globalSetup: ['apps/server/test/global-setup.ts'],
              setupFiles: [templateReady, ...cpuLog],
              env: { FIREBREAK_TEST_BACKEND: 'postgres' },
              pool: 'forks' as const,
            },
          }]
        : []),
    ],
  },
});
