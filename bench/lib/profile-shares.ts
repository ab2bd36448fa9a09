// Shares of a V8 CPU profile's busy time (idle left out), by who owns the code: our own (apps/,
// packages/, bench/), each npm package, Node's internals, native frames (socket writes and other
// system calls, under the JavaScript that made them), GC. Self time, so the shares add up to 100 %.
// Usage: node --import tsx bench/lib/profile-shares.ts <file.cpuprofile> [--last <seconds>] [--top <n>] [--within <regex>…]
// (--last: only the last seconds of the profile, e.g. the measured phase of bench:command; --within, repeatable: the
// share of busy time spent with a frame matching the regex on the stack, e.g. 'chainer\.ts' for the audit chainer's
// synchronous work and what it calls — an async function's continuations are its own frames, so they count too)
import { readFileSync } from 'node:fs';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] }

/** Who owns a frame: "ours", "npm:<package>", "node", or a V8 pseudo-frame such as "(garbage collector)". */
export function ownerOf(frame: ProfileNode['callFrame']): string {
  const { url, functionName } = frame;
  if (!url) return functionName.startsWith('(') ? functionName : 'native';
  if (url.startsWith('node:')) return 'node';
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (pkg) return `npm:${pkg[1]}`;
  if (/\/(apps|packages|bench)\//.test(url)) return 'ours';
  return 'other';
}

/** Self time (µs) per node id, optionally of the last `lastUs` microseconds only. */
function selfTimes(p: Profile, lastUs: number | null): Map<number, number> {
  const total = p.timeDeltas.reduce((a, b) => a + b, 0);
  const from = lastUs === null ? 0 : total - lastUs;
  const self = new Map<number, number>();
  let t = 0;
  for (let i = 0; i < p.samples.length; i++) {
    t += p.timeDeltas[i]!;
    if (t < from) continue;
    // A sample's time is the delta to the next one.
    const dt = p.timeDeltas[i + 1] ?? 0;
    self.set(p.samples[i]!, (self.get(p.samples[i]!) ?? 0) + dt);
  }
  return self;
}

const frameName = (frame: ProfileNode['callFrame']): string => {
  const where = frame.url ? `${frame.url.replace(/^.*node_modules\//, '').replace(/^.*\/(apps|packages|bench)\//, '$1/')}:${frame.lineNumber + 1}` : '';
  return `${frame.functionName || '(anonymous)'} ${where}`.trim();
};

/** Share of busy time (0-1) with a frame whose name (as listed under "functions") matches each pattern on the stack. */
export function withinShares(p: Profile, lastUs: number | null, patterns: RegExp[]): number[] {
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of p.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const within = patterns.map(() => 0);
  let busy = 0;
  for (const [id, us] of selfTimes(p, lastUs)) {
    if (byId.get(id)!.callFrame.functionName === '(idle)') continue;
    busy += us;
    const stack: string[] = [];
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) stack.push(frameName(byId.get(at)!.callFrame));
    patterns.forEach((re, i) => {
      if (stack.some((name) => re.test(name))) within[i]! += us;
    });
  }
  return within.map((us) => us / busy);
}

export function shares(p: Profile, lastUs: number | null): { busyUs: number; owners: [string, number][]; functions: [string, number][]; natives: [string, number][] } {
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of p.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const self = selfTimes(p, lastUs);
  const owners = new Map<string, number>();
  const functions = new Map<string, number>();
  const natives = new Map<string, number>();
  let busy = 0;
  for (const [id, us] of self) {
    const frame = byId.get(id)!.callFrame;
    if (frame.functionName === '(idle)') continue;
    busy += us;
    const owner = ownerOf(frame);
    owners.set(owner, (owners.get(owner) ?? 0) + us);
    const name = frameName(frame);
    functions.set(name, (functions.get(name) ?? 0) + us);
    if (owner === 'native') {
      // A native frame is charged to the nearest JavaScript caller that owns it (e.g. writev under pg or the HTTP server).
      let up = parent.get(id);
      while (up !== undefined && !byId.get(up)!.callFrame.url) up = parent.get(up);
      const caller = up === undefined ? '?' : ownerOf(byId.get(up)!.callFrame);
      const key = `${frame.functionName} <- ${caller}`;
      natives.set(key, (natives.get(key) ?? 0) + us);
    }
  }
  const sorted = (m: Map<string, number>) => [...m].sort((a, b) => b[1] - a[1]);
  return { busyUs: busy, owners: sorted(owners), functions: sorted(functions), natives: sorted(natives) };
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop()!)) {
  const [file, ...rest] = process.argv.slice(2);
  if (!file) throw new Error('usage: profile-shares.ts <file.cpuprofile> [--last <seconds>] [--top <n>] [--within <regex>…]');
  const opt = (name: string) => {
    const i = rest.indexOf(name);
    return i >= 0 ? Number(rest[i + 1]) : null;
  };
  const last = opt('--last');
  const top = opt('--top') ?? 25;
  const profile = JSON.parse(readFileSync(file, 'utf8')) as Profile;
  const s = shares(profile, last === null ? null : last * 1e6);
  const patterns = rest.flatMap((arg, i) => (arg === '--within' && rest[i + 1] ? [rest[i + 1]!] : []));
  const pct = (us: number) => `${((us / s.busyUs) * 100).toFixed(1).padStart(5)} %`;
  process.stdout.write(`busy ${(s.busyUs / 1e6).toFixed(2)} s${last === null ? '' : ` in the last ${last} s`}\n\nby owner (self time):\n`);
  for (const [k, us] of s.owners.slice(0, top)) process.stdout.write(`  ${pct(us)}  ${k}\n`);
  process.stdout.write('\nnative frames by calling owner:\n');
  for (const [k, us] of s.natives.slice(0, 10)) process.stdout.write(`  ${pct(us)}  ${k}\n`);
  process.stdout.write('\nfunctions (self time):\n');
  for (const [k, us] of s.functions.slice(0, top)) process.stdout.write(`  ${pct(us)}  ${k}\n`);
  if (patterns.length > 0) {
    process.stdout.write('\nwith a matching frame on the stack:\n');
    const within = withinShares(profile, last === null ? null : last * 1e6, patterns.map((x) => new RegExp(x)));
    patterns.forEach((x, i) => process.stdout.write(`  ${(within[i]! * 100).toFixed(1).padStart(5)} %  ${x}\n`));
  }
}
