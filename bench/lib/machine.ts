import os from 'node:os';

/** What the numbers were measured on. */
export function machine(): { cpus: number; cpuModel: string; node: string } {
  const cpus = os.cpus();
  return { cpus: os.availableParallelism(), cpuModel: cpus[0]?.model.trim() ?? 'unknown', node: process.version };
}
