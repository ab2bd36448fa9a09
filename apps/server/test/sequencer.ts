import { relative } from 'node:path';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

/** The browser project: one chromium at a time (apps/web/e2e/one-browser.ts holds the lock). */
const BROWSER_PROJECT = 'e2e';
/** The share of the other files' work the browser files are spread over: the run then ends on short files, not on a browser. */
const SPREAD = 0.8;

/**
 * Puts each of `spaced` (in their order) into `rest` (in its order) so that between two of them
 * lies an equal share of `rest`'s cost, all within the first `spread` of it; the first goes first.
 */
export function interleave<T>(rest: readonly T[], spaced: readonly T[], cost: (item: T) => number, spread = SPREAD): T[] {
  if (!spaced.length || !rest.length) return [...spaced, ...rest];
  const gap = (rest.reduce((sum, item) => sum + cost(item), 0) * spread) / spaced.length;
  const out: T[] = [];
  let since = gap;
  let next = 0;
  for (const item of rest) {
    if (since >= gap && next < spaced.length) {
      out.push(spaced[next++]!);
      since = 0;
    }
    out.push(item);
    since += cost(item);
  }
  return [...out, ...spaced.slice(next)];
}

/**
 * Runs the browser files alongside the others instead of after them. With `fileParallelism: false`
 * vitest put the e2e project in a group of its own, one file at a time after every other file:
 * ten minutes with one of the two workers idle. Here they share the two workers, and each browser
 * file is followed in the queue by its share of the other files' work, so that the next one
 * rarely comes up while the last is still running (when it does, it waits on the lock).
 */
export default class Sequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const browser = sorted.filter((s) => s.project.name === BROWSER_PROJECT);
    const rest = sorted.filter((s) => s.project.name !== BROWSER_PROJECT);
    return interleave(rest, browser, (s) => this.estimate(s));
  }

  /** The file's last duration when vitest remembers one (ms), else its size as a proxy (a clean clone has no results cache). */
  private estimate(s: TestSpecification): number {
    const key = `${s.project.name}:${relative(this.ctx.config.root, s.moduleId)}`;
    return this.ctx.cache.getFileTestResults(key)?.duration ?? this.ctx.cache.getFileStats(key)?.size ?? 1;
  }
}
