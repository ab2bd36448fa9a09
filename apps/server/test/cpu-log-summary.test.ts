import { describe, expect, it } from 'vitest';
import { formatSummary, parseCpuLog, summarize, type CpuLogLine } from './cpu-log-summary.js';

const line = (over: Partial<CpuLogLine>): CpuLogLine => ({ file: '/repo/a.int.test.ts', project: 'pglite', pid: 1, wallS: 10, cpuS: 2, cpuInHooksAndTestsS: 1.5, ...over });

describe('cpu-log summary', () => {
  it('sums each project, counts its workers, and puts the costliest project and file first (chromium included)', () => {
    const lines = [
      line({ file: '/repo/a.int.test.ts', pid: 1, cpuS: 2, wallS: 10 }),
      line({ file: '/repo/b.int.test.ts', pid: 1, cpuS: 5.5, wallS: 30 }),
      line({ file: '/repo/c.e2e.test.ts', project: 'e2e', pid: 7, cpuS: 3, wallS: 40, browserCpuS: 9 }),
      line({ file: '/repo/d.e2e.test.ts', project: 'e2e', pid: 8, cpuS: 4, wallS: 20, browserCpuS: 1 }),
    ];
    const [first, second] = summarize(lines);
    expect(first).toMatchObject({ project: 'e2e', files: 2, workers: 2, cpuS: 7, wallS: 60, browserCpuS: 10 });
    expect(first!.top.map((f) => f.file)).toEqual(['/repo/c.e2e.test.ts', '/repo/d.e2e.test.ts']);
    expect(second).toMatchObject({ project: 'pglite', files: 2, workers: 1, cpuS: 7.5, wallS: 40, browserCpuS: 0 });
    expect(second!.top.map((f) => f.file)).toEqual(['/repo/b.int.test.ts', '/repo/a.int.test.ts']);
  });

  it('keeps only the asked number of files per project', () => {
    const lines = [1, 2, 3].map((n) => line({ file: `/repo/${n}.test.ts`, cpuS: n }));
    expect(summarize(lines, 2)[0]!.top.map((f) => f.cpuS)).toEqual([3, 2]);
  });

  it('reads the log line by line and names a line that is not an entry', () => {
    const text = `${JSON.stringify(line({}))}\n\n${JSON.stringify(line({ pid: 2 }))}\n`;
    expect(parseCpuLog(text).map((l) => l.pid)).toEqual([1, 2]);
    expect(() => parseCpuLog(`${JSON.stringify(line({}))}\n{"file":"x"}\n`)).toThrow(/line 2/);
  });

  it('prints paths relative to the repository', () => {
    const text = formatSummary(summarize([line({ file: '/repo/apps/x.int.test.ts', browserCpuS: 4 })]), '/repo');
    expect(text).toBe('pglite: 1 files in 1 workers, 2 CPU-s, chromium 4 CPU-s, 10 s of file wall time\n  apps/x.int.test.ts: 2 CPU-s + chromium 4, 10 s wall\n');
  });
});
