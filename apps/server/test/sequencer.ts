import { relative } from 'node:path';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

/** The browser project: one chromium at a time (apps/web/e2e/one-browser.ts holds the lock). */
const BROWSER_PROJECT = 'e2e';
/** The share of the other files' work the browser files are spread over: the run then ends on short files, not on a browser. */
const SPREAD = 0.8;
/** Sum of file times over sum of file sizes per project, last measured run (2 cores, two files at a time). */
const MS_PER_BYTE: Record<string, number> = { e2e: 3.1, pglite: 1.2, postgres: 0.5, 'roadgraph-pgrouting': 0.5, unit: 0.1 };

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
 * Longest file first, and the browser files alongside the others instead of after them. With `fileParallelism: false`
 * vitest put the e2e project in a group of its own, one file at a time after every other file:
 * ten minutes with one of the two workers idle. Here they share the two workers, and each browser
 * file is followed in the queue by its share of the other files' work, so that the next one
 * rarely comes up while the last is still running (when it does, it waits on the lock).
 */
export default class Sequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    // Longest first across projects (vitest's own order goes project by project), so that the run
    // ends on short files whichever project they are in; the sort is stable, ties keep vitest's order.
    const estimates = new Map((await super.sort(files)).map((s) => [s, this.estimate(s)] as const));
    const sorted = [...estimates.keys()].sort((a, b) => estimates.get(b)! - estimates.get(a)!);
    const browser = sorted.filter((s) => s.project.name === BROWSER_PROJECT);
    const rest = sorted.filter((s) => s.project.name !== BROWSER_PROJECT);
    return interleave(rest, browser, (s) => estimates.get(s)!);
  }

  /**
   * The file's last duration when vitest remembers one, else its size times what a byte of a
   * file of its project took (ms, measured on the 2-core CI machine: a clean clone has no results
   * cache, and a browser file's byte costs thirty times a unit test's).
   */
  private estimate(s: TestSpecification): number {
    const key = `${s.project.name}:${relative(this.ctx.config.root, s.moduleId)}`;
    const last = this.ctx.cache.getFileTestResults(key)?.duration;
    if (last !== undefined) return last;
    return (this.ctx.cache.getFileStats(key)?.size ?? 1000) * (MS_PER_BYTE[s.project.name] ?? 1);
  }
}
