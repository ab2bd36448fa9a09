import { readdirSync, readFileSync } from 'node:fs';

/**
 * CPU time of other processes on this machine (Linux `/proc`), for benchmarks whose cost is spread
 * over several: the broker, PostgreSQL's backends, a load generator. A process's `stat` counts all
 * its threads; the figures are in clock ticks (USER_HZ, 100 on Linux), so a phase should last
 * seconds for them to say anything.
 */
const TICK_US = 10_000;

/** µs of CPU (user + system) that `pid` has used so far; 0 when it is gone or unreadable. */
export function processCpuUs(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) may hold spaces and parentheses: the fields after it start past its last ')'.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) * TICK_US;
  } catch {
    return 0;
  }
}

/** The ids of the processes whose command name (`/proc/<pid>/comm`) is `name`. */
export function pidsNamed(name: string): number[] {
  const out: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (readFileSync(`/proc/${entry}/comm`, 'utf8').trim() === name) out.push(Number(entry));
    } catch {
      // gone between the listing and the read
    }
  }
  return out;
}

/** µs of CPU that `pids` have used so far, together. */
export const cpuOfUs = (pids: readonly number[]): number => pids.reduce((n, pid) => n + processCpuUs(pid), 0);
