// Where a V8 CPU profile's time went (the `.cpuprofile` files `BENCH_WEB_PROFILE=<dir> npm run bench:web`
// writes for the app's page under load): self time by function and by script, and the share the page
// was idle. Usage: node --import tsx bench/web/profile-summary.ts <file.cpuprofile> [more…]
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { originalPositionFor, TraceMap } from '@jridgewell/trace-mapping';

/** The built app's chunks are minified: their functions are read back through the build's source maps. */
const ASSETS = fileURLToPath(new URL('../../apps/web/dist/assets/', import.meta.url));
const maps = new Map<string, TraceMap | null>();
function original(url: string, line: number, column: number): { source: string; line: number; name: string | null } | null {
  const file = path.join(ASSETS, path.basename(new URL(url, 'file:///').pathname));
  if (!maps.has(file)) maps.set(file, existsSync(`${file}.map`) ? new TraceMap(readFileSync(`${file}.map`, 'utf8')) : null);
  const map = maps.get(file);
  const pos = map ? originalPositionFor(map, { line: line + 1, column }) : null;
  return pos?.source ? { source: pos.source.replace(/^(\.\.\/)+/, '').replace(/^.*node_modules\//, ''), line: pos.line ?? 0, name: pos.name } : null;
}

interface ProfileNode { id: number; callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number }; hitCount?: number; children?: number[] }
interface Profile { nodes: ProfileNode[]; startTime: number; endTime: number; samples: number[]; timeDeltas: number[] }

export function summarize(profile: Profile) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<number, number>();
  profile.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
  const totalUs = profile.endTime - profile.startTime;
  const byFunction = new Map<string, number>();
  const byScript = new Map<string, number>();
  for (const [id, us] of self) {
    const { functionName, url, lineNumber, columnNumber } = byId.get(id)!.callFrame;
    const at = url ? original(url, lineNumber, columnNumber) : null;
    const script = at ? at.source.replace(/\/[^/]*$/, '/') : url ? path.basename(new URL(url, 'file:///').pathname).replace(/-[\w-]{8}\.(m?js)$/, '.$1') : `(${functionName || 'anonymous'})`;
    byScript.set(script, (byScript.get(script) ?? 0) + us);
    const fn = at ? `${at.name ?? functionName ?? '(anonymous)'} ${at.source}:${at.line}` : `${functionName || '(anonymous)'} ${script}:${lineNumber + 1}`;
    byFunction.set(fn, (byFunction.get(fn) ?? 0) + us);
  }
  const top = (m: Map<string, number>, n: number) => [...m].sort((a, b) => b[1] - a[1]).slice(0, n).map(([name, us]) => ({ name, ms: Math.round(us / 1000), share: us / totalUs }));
  return { totalMs: Math.round(totalUs / 1000), scripts: top(byScript, 12), functions: top(byFunction, 25) };
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(new URL(import.meta.url).pathname)) {
  for (const file of process.argv.slice(2)) {
    const s = summarize(JSON.parse(readFileSync(file, 'utf8')) as Profile);
    process.stdout.write(`${path.basename(file)}: ${s.totalMs} ms profiled\n  by script (self):\n`);
    for (const x of s.scripts) process.stdout.write(`    ${String(x.ms).padStart(7)} ms ${(100 * x.share).toFixed(1).padStart(5)} %  ${x.name}\n`);
    process.stdout.write('  by function (self):\n');
    for (const x of s.functions) process.stdout.write(`    ${String(x.ms).padStart(7)} ms ${(100 * x.share).toFixed(1).padStart(5)} %  ${x.name}\n`);
  }
}
