import { relative } from 'node:path';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

/** The browser project: one chromium at a time (apps/web/e2e/one-browser.ts holds the lock). */
const BROWSER_PROJECT = 'e2e';
/**
 * Projects whose files need no seeded template: they go first, while the run's template builds
 * (apps/server/test/global-setup.ts) go on beside them; the other projects' files wait for them.
 */
export const WITHOUT_TEMPLATE = new Set(['unit', 'roadgraph-pgrouting']);
/** The share of the other files' work the browser files are spread over: the run then ends on short files, not on a browser. */
const SPREAD = 0.8;
/**
 * A file's cost on a clean clone (no remembered durations), in ms of the 2-core CI machine running
 * two files at a time: what every file of its project pays (a worker, the app's imports, a copy of
 * the template and, on PGlite, the engine's open) plus its size times the project's cost per byte.
 * The integration projects' figures were fitted to the CPU log (FIREBREAK_TEST_CPU_LOG) of 2026-12-07
 * (PGlite: ~4.5 CPU-s a file + 0.3 ms a byte; PostgreSQL: ~2.3 + 0.2) and doubled, as CI's loaded
 * run took about twice this session's CPU for the same files (audit-checkpoint 99 CPU-s against
 * 44-50); the others are each project's sum of file times over its sum of sizes in an earlier run.
 */
const FIXED_MS: Record<string, number> = { pglite: 9000, postgres: 4600 };
const MS_PER_BYTE: Record<string, number> = { e2e: 3.1, pglite: 0.6, postgres: 0.4, 'roadgraph-pgrouting': 0.5, unit: 0.1 };
/**
 * Files whose cost is far from their size's (child processes that each open the database, a
 * PostgreSQL cluster or import of their own whose work is not the worker's, a first start's
 * migrations), by `project:path`: the larger of their CPU seconds in the same log doubled as above
 * and their wall time there (a loaded machine, load average 6-14). The HTTP tables: CI's CPU
 * seconds. Without these the queue put them in the middle or at the end, where the run then
 * waited on one long file alone.
 */
const pglite = (file: string) => `pglite:apps/server/${file}.int.test.ts`;
const postgres = (file: string) => `postgres:apps/server/${file}.int.test.ts`;
export const MEASURED_MS: Record<string, number> = {
  [pglite('src/platform/audit/audit-checkpoint')]: 73_000,
  [pglite('src/platform/audit/audit-verify')]: 43_000,
  [pglite('test/process')]: 45_000,
  [pglite('src/platform/backup/backup')]: 30_000,
  [pglite('src/modules/setup/setup')]: 41_000,
  [pglite('src/modules/history/history-cad-export-cli-fresh')]: 65_000,
  [postgres('src/platform/auth/authz-matrix')]: 64_000,
  [postgres('src/platform/http/bad-input')]: 22_000,
  [postgres('src/platform/http/openapi')]: 28_000,
  [postgres('test/pitr')]: 29_000,
  [postgres('test/failover')]: 16_000,
  [postgres('test/rolling-restart')]: 27_000,
  [postgres('src/modules/jurisdictions/levels')]: 31_000,
  [postgres('src/modules/jurisdictions/extract-import')]: 37_000,
  [postgres('src/platform/audit/audit-checkpoint')]: 16_000,
  [postgres('test/process')]: 26_000,
  // The screens walk's halves: their shared steps are in screens-walk.ts, so their own size says
  // little (wall at load 4-14 on 2026-12-07: 127 s and 99 s).
  'e2e:apps/web/e2e/screens-walk-1.e2e.test.ts': 130_000,
  'e2e:apps/web/e2e/screens-walk-2.e2e.test.ts': 100_000,
};

/** A file's cost (ms) from its project and size alone: see FIXED_MS and MS_PER_BYTE. */
export function estimateFromSize(project: string, bytes: number): number {
  return (FIXED_MS[project] ?? 0) + bytes * (MS_PER_BYTE[project] ?? 1);
}

/**
 * Puts each of `spaced` (in their order) into `rest` (in its order), the first one first: after
 * each, the cost of `rest` still to spread (the first `spread` of it) shared by those still to
 * place, and never less than its own cost (the other worker's work while it runs).
 */
export function interleave<T>(rest: readonly T[], spaced: readonly T[], cost: (item: T) => number, spread = SPREAD): T[] {
  if (!spaced.length || !rest.length) return [...spaced, ...rest];
  const budget = rest.reduce((sum, item) => sum + cost(item), 0) * spread;
  const out: T[] = [];
  let consumed = 0;
  let since = 0;
  let needed = 0;
  let next = 0;
  for (const item of rest) {
    if (since >= needed && next < spaced.length) {
      const placed = spaced[next++]!;
      out.push(placed);
      const left = spaced.length - next;
      since = 0;
      needed = Math.max(cost(placed), left ? Math.max(0, budget - consumed) / left : 0);
    }
    out.push(item);
    since += cost(item);
    consumed += cost(item);
  }
  return [...out, ...spaced.slice(next)];
}

/**
 * The run's order: the files of WITHOUT_TEMPLATE's projects first, then the others, each part
 * longest first (stable: ties keep their order), the browser files spread among the others
 * (`interleave`). Among the others, the files of projects whose workers are shared (`shared`:
 * `isolate: false`) come after the rest, in one block per project: vitest hands a finished shared
 * worker the next file only when the head of the queue is of the same project, so a queue that
 * mixed the projects would start a worker for nearly every file (a browser file in a block costs
 * one worker start). The last block ends on its shortest files, so the run does too.
 */
export function order<T>(items: readonly T[], project: (item: T) => string, cost: (item: T) => number, shared: (project: string) => boolean = () => false): T[] {
  const sorted = [...items].sort((a, b) => cost(b) - cost(a));
  const first = sorted.filter((s) => WITHOUT_TEMPLATE.has(project(s)));
  const browser = sorted.filter((s) => project(s) === BROWSER_PROJECT);
  const rest = sorted.filter((s) => project(s) !== BROWSER_PROJECT && !WITHOUT_TEMPLATE.has(project(s)));
  const blocks = new Map<string, T[]>();
  for (const s of rest.filter((s) => shared(project(s)))) blocks.set(project(s), [...(blocks.get(project(s)) ?? []), s]);
  const others = [...rest.filter((s) => !shared(project(s))), ...[...blocks.values()].flat()];
  return [...first, ...interleave(others, browser, cost)];
}

/**
 * `items` in a random order drawn from `seed` (FIREBREAK_TEST_ORDER_SEED): to look for one file
 * leaking state into the next in a shared worker. (`--sequence.shuffle` does not reach files
 * when the config names a sequencer, and shuffles the tests inside them.)
 */
export function shuffled<T>(items: readonly T[], seed: number): T[] {
  const out = [...items];
  let state = seed >>> 0 || 1;
  const next = () => {
    // xorshift32
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 2 ** 32;
  };
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/**
 * Longest file first, and the browser files alongside the others instead of after them. With `fileParallelism: false`
 * vitest put the e2e project in a group of its own, one file at a time after every other file:
 * ten minutes with one of the two workers idle. Here they share the two workers, and each browser
 * file is followed in the queue by its share of the other files' work, so that the next one
 * rarely comes up while the last is still running (when it does, it waits on the lock).
 */
export default class Sequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    // The files that need no template first (WITHOUT_TEMPLATE), longest first: the templates build meanwhile.
    // Then longest first across projects (vitest's own order goes project by project), so that the run
    // ends on short files whichever project they are in; the sort is stable, ties keep vitest's order.
    const estimates = new Map((await super.sort(files)).map((s) => [s, this.estimate(s)] as const));
    const seed = process.env.FIREBREAK_TEST_ORDER_SEED;
    if (seed) return shuffled([...estimates.keys()], Number(seed));
    const shared = new Set(files.filter((s) => s.project.config.isolate === false).map((s) => s.project.name));
    return order([...estimates.keys()], (s) => s.project.name, (s) => estimates.get(s)!, (name) => shared.has(name));
  }

  /**
   * The file's last duration when vitest remembers one, else its measured cost, else its
   * project's cost per file plus its size times the project's cost per byte (ms on the 2-core CI
   * machine: a clean clone has no results cache, and a browser file's byte costs thirty times a
   * unit test's).
   */
  private estimate(s: TestSpecification): number {
    const key = `${s.project.name}:${relative(this.ctx.config.root, s.moduleId)}`;
    const last = this.ctx.cache.getFileTestResults(key)?.duration;
    if (last !== undefined) return last;
    return MEASURED_MS[key] ?? estimateFromSize(s.project.name, this.ctx.cache.getFileStats(key)?.size ?? 1000);
  }
}
