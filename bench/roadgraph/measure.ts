import { readFileSync } from 'node:fs';
import { cpus } from 'node:os';

export interface Timing {
  runs: number;
  p50: number;
  p99: number;
  mean: number;
}

/** Runs `fn` `warmup` times unmeasured, then `runs` times; milliseconds per run. */
export function time(runs: number, fn: (i: number) => void, warmup = Math.min(20, runs)): Timing {
  for (let i = 0; i < warmup; i++) fn(i);
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    fn(i);
    samples.push(performance.now() - t);
  }
  return summarise(samples);
}

export async function timeAsync(runs: number, fn: (i: number) => Promise<void>, warmup = 1): Promise<Timing> {
  for (let i = 0; i < warmup; i++) await fn(i);
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await fn(i);
    samples.push(performance.now() - t);
  }
  return summarise(samples);
}

export function summarise(samples: number[]): Timing {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!;
  return { runs: sorted.length, p50: at(0.5), p99: at(0.99), mean: sorted.reduce((s, x) => s + x, 0) / sorted.length };
}

export function machine(): string {
  const model = /model name\s*:\s*(.*)/.exec(readFileSync('/proc/cpuinfo', 'utf8'))?.[1] ?? cpus()[0]?.model ?? 'unknown';
  return `${cpus().length} cores (nproc), CPU: ${model}, Node ${process.version}, ${process.platform}/${process.arch}`;
}

export const ms = (x: number) => (x < 1 ? x.toFixed(3) : x < 100 ? x.toFixed(2) : x.toFixed(0));
