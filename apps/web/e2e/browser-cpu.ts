import { readdirSync, readFileSync } from 'node:fs';

/** utime + stime + cutime + cstime of a process (proc(5)), in seconds; null when it is gone. */
function processCpu(pid: number): { ppid: number; cpuS: number } | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) may hold spaces: count the fields after its closing parenthesis.
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return { ppid: Number(f[1]), cpuS: (Number(f[11]) + Number(f[12]) + Number(f[13]) + Number(f[14])) / 100 };
  } catch {
    return null;
  }
}

/**
 * CPU seconds of every live descendant of this process — chromium's browser, GPU, renderer and
 * utility processes — read before the browser closes. Once closed, they are not in the worker's
 * reaped-children time either (chromium's helpers exit after its main process, reparented away from
 * the worker), so cpu-log.ts would never see them. Linux only (/proc); 0 elsewhere.
 */
export function descendantsCpuSeconds(): number {
  let pids: number[];
  try {
    pids = readdirSync('/proc').filter((d) => /^\d+$/.test(d)).map(Number);
  } catch {
    return 0;
  }
  const stats = new Map(pids.map((p) => [p, processCpu(p)] as const));
  const mine = new Set([process.pid]);
  for (let grew = true; grew;) {
    grew = false;
    for (const [pid, s] of stats) if (s && !mine.has(pid) && mine.has(s.ppid)) { mine.add(pid); grew = true; }
  }
  let total = 0;
  for (const pid of mine) if (pid !== process.pid) total += stats.get(pid)!.cpuS;
  return total;
}

/** Where cpu-log.ts (FIREBREAK_TEST_CPU_LOG) finds the browser's CPU seconds of this file, added up over its browsers. */
export const BROWSER_CPU_KEY = Symbol.for('firebreak.test.browserCpuS');

/** Adds this process's live descendants' CPU to the file's browser figure: call just before closing the browser. */
export function recordBrowserCpu(): void {
  const g = globalThis as { [BROWSER_CPU_KEY]?: number };
  g[BROWSER_CPU_KEY] = (g[BROWSER_CPU_KEY] ?? 0) + descendantsCpuSeconds();
}
