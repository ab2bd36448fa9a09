import { appendFileSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, expect } from 'vitest';

/**
 * Per test file: the worker's CPU seconds (its own and its reaped children's — a spawned CLI, a
 * second node, chromium) and the file's wall time, appended as a JSON line to the file named by
 * FIREBREAK_TEST_CPU_LOG. The machine running the suite is often shared, so wall time says little
 * about what a file costs; CPU time does. vitest.config.ts loads this only when the variable is set.
 */
const TICKS_PER_SECOND = 100;

/** utime, stime, cutime, cstime of this process (proc(5)), in seconds. */
function cpuSeconds(): { self: number; children: number } {
  // The command name (field 2) may hold spaces: count the fields after its closing parenthesis.
  const stat = readFileSync('/proc/self/stat', 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const tick = (i: number) => Number(fields[i - 3]) / TICKS_PER_SECOND;
  return { self: tick(14) + tick(15), children: tick(16) + tick(17) };
}

const log = process.env.FIREBREAK_TEST_CPU_LOG;
let startedAt = 0;
let atStart = { self: 0, children: 0 };
/**
 * Where the previous file of this worker ended: a shared worker (`isolate: false`) runs many files
 * and this module again for each, so the mark lives on the process, not in the module.
 */
const LAST = Symbol.for('firebreak.test.cpu-log.last');
const process_ = process as NodeJS.Process & { [LAST]?: { self: number; children: number } };

beforeAll(() => {
  startedAt = performance.now();
  atStart = cpuSeconds();
});

afterAll(() => {
  if (!log) return;
  const now = cpuSeconds();
  const file = expect.getState().testPath ?? '';
  const browserCpuS = (globalThis as { [k: symbol]: number | undefined })[Symbol.for('firebreak.test.browserCpuS')];
  appendFileSync(
    log,
    `${JSON.stringify({
      file,
      project: process.env.FIREBREAK_TEST_BACKEND && file.includes('/e2e/') ? 'e2e' : (process.env.FIREBREAK_TEST_BACKEND ?? 'unit'),
      pid: process.pid,
      wallS: Number(((performance.now() - startedAt) / 1000).toFixed(2)),
      // Since the worker started or its previous file ended: its boot and the file's imports are part of what the file costs.
      cpuS: Number((now.self + now.children - (process_[LAST]?.self ?? 0) - (process_[LAST]?.children ?? 0)).toFixed(2)),
      cpuInHooksAndTestsS: Number((now.self + now.children - atStart.self - atStart.children).toFixed(2)),
      // The browser files' chromium, just before it closed (apps/web/e2e/browser-cpu.ts). Mostly not in cpuS: only its main
      // process is the worker's reaped child (a few CPU-s counted in both); its GPU and renderer processes are not.
      ...(browserCpuS === undefined ? {} : { browserCpuS: Number(browserCpuS.toFixed(2)) }),
    })}\n`,
  );
  process_[LAST] = now;
});
