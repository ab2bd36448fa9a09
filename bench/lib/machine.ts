import os from 'node:os';

/** What the numbers were measured on. */
export function machine(): { cpus: number; cpuModel: string; node: string } {
  const cpus = os.cpus();
  return { cpus: os.availableParallelism(), cpuModel: cpus[0]?.model.trim() ?? 'unknown', node: process.version };
}

/**
 * Milliseconds of CPU (user + system) this process spent since `since` (a `process.cpuUsage()`):
 * on a shared machine, wall time also counts the wait for a core.
 */
export function cpuMsSince(since: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(since);
  return (used.user + used.system) / 1000;
}

/** Cumulative CPU time of the whole machine (all CPUs, every process), from os.cpus(): ms busy and ms in all. */
export function machineCpuMs(): { busy: number; total: number } {
  let busy = 0;
  let total = 0;
  for (const { times } of os.cpus()) {
    const all = times.user + times.nice + times.sys + times.idle + times.irq;
    total += all;
    busy += all - times.idle;
  }
  return { busy, total };
}

/** Share of the machine's CPU time that was busy between two readings of machineCpuMs (0-1). */
export function machineBusyShare(from: { busy: number; total: number }, to: { busy: number; total: number }): number {
  const total = to.total - from.total;
  return total > 0 ? (to.busy - from.busy) / total : 0;
}
