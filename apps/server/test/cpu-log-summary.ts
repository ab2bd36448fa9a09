import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Sums a FIREBREAK_TEST_CPU_LOG (cpu-log.ts: one JSON line per test file) per project: what a run
 * spent where. On the shared machine wall time mostly says how loaded it was (a file at load 25
 * gets a tenth of a core), so the CPU columns are the ones to compare between runs; wall/CPU near
 * the machine's runnable processes per core means a file only waited for its turn, far above it
 * that it waited on something of its own (a child, a lock, a timer).
 * Usage: `node --import tsx apps/server/test/cpu-log-summary.ts <log.jsonl> [top files per project]`.
 */
export interface CpuLogLine {
  file: string;
  project: string;
  pid: number;
  wallS: number;
  cpuS: number;
  cpuInHooksAndTestsS: number;
  browserCpuS?: number;
}

export interface ProjectSummary {
  project: string;
  files: number;
  /** Distinct worker processes: below `files` when the project shares its workers (`isolate: false`). */
  workers: number;
  cpuS: number;
  wallS: number;
  /** chromium's own CPU (browser files), which `cpuS` does not hold. */
  browserCpuS: number;
  /** The files of the project, most CPU (worker and chromium) first. */
  top: CpuLogLine[];
}

const round = (n: number) => Math.round(n * 100) / 100;

export function parseCpuLog(text: string): CpuLogLine[] {
  return text
    .split('\n')
    .filter((line) => line.trim())
    .map((line, i) => {
      const entry = JSON.parse(line) as CpuLogLine;
      if (typeof entry.file !== 'string' || typeof entry.cpuS !== 'number' || typeof entry.wallS !== 'number') throw new Error(`line ${i + 1} is not a cpu-log entry: ${line}`);
      return entry;
    });
}

/** Per project, most CPU first (worker and chromium); `topFiles` files each. */
export function summarize(lines: readonly CpuLogLine[], topFiles = 5): ProjectSummary[] {
  const byProject = new Map<string, CpuLogLine[]>();
  for (const line of lines) byProject.set(line.project, [...(byProject.get(line.project) ?? []), line]);
  const total = (l: CpuLogLine) => l.cpuS + (l.browserCpuS ?? 0);
  return [...byProject.entries()]
    .map(([project, files]) => ({
      project,
      files: files.length,
      workers: new Set(files.map((f) => f.pid)).size,
      cpuS: round(files.reduce((s, f) => s + f.cpuS, 0)),
      wallS: round(files.reduce((s, f) => s + f.wallS, 0)),
      browserCpuS: round(files.reduce((s, f) => s + (f.browserCpuS ?? 0), 0)),
      top: [...files].sort((a, b) => total(b) - total(a)).slice(0, topFiles),
    }))
    .sort((a, b) => b.cpuS + b.browserCpuS - (a.cpuS + a.browserCpuS));
}

export function formatSummary(summaries: readonly ProjectSummary[], root: string): string {
  const out: string[] = [];
  for (const s of summaries) {
    const browser = s.browserCpuS ? `, chromium ${s.browserCpuS} CPU-s` : '';
    out.push(`${s.project}: ${s.files} files in ${s.workers} workers, ${s.cpuS} CPU-s${browser}, ${s.wallS} s of file wall time`);
    for (const f of s.top) {
      const fileBrowser = f.browserCpuS === undefined ? '' : ` + chromium ${f.browserCpuS}`;
      out.push(`  ${relative(root, f.file)}: ${f.cpuS} CPU-s${fileBrowser}, ${f.wallS} s wall`);
    }
  }
  return `${out.join('\n')}\n`;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [log, top] = process.argv.slice(2);
  if (!log) {
    process.stderr.write('usage: node --import tsx apps/server/test/cpu-log-summary.ts <log.jsonl> [top files per project]\n');
    process.exit(2);
  }
  const root = fileURLToPath(new URL('../../..', import.meta.url));
  process.stdout.write(formatSummary(summarize(parseCpuLog(readFileSync(log, 'utf8')), top ? Number(top) : 5), root));
}
