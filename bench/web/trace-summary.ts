// Where a Chrome trace's time went, per thread: busy time and self time by event name, for the
// threads that draw a page (the renderer's main thread and compositor, the GPU process's main
// thread, MapLibre's workers). Usage: node --import tsx bench/web/trace-summary.ts <trace.json> [more…]
// (the traces `BENCH_WEB_TRACE=<dir> npm run bench:web` writes for the app and the peer of one run).
import { readFileSync } from 'node:fs';
import path from 'node:path';

interface TraceEvent { ph: string; name: string; pid: number; tid: number; ts: number; dur?: number; args?: { name?: string } }

const THREADS = /^(CrRendererMain|Compositor|CrGpuMain|VizCompositorThread|DedicatedWorker thread)/;

export function summarize(events: TraceEvent[]) {
  const names = new Map<string, string>();
  for (const e of events) if (e.ph === 'M' && e.name === 'thread_name' && e.args?.name) names.set(`${e.pid}:${e.tid}`, e.args.name);
  const complete = events.filter((e) => e.ph === 'X' && typeof e.dur === 'number');
  const span = complete.length ? (Math.max(...complete.map((e) => e.ts + e.dur!)) - Math.min(...complete.map((e) => e.ts))) / 1000 : 0;
  const byThread = new Map<string, TraceEvent[]>();
  for (const e of complete) {
    const thread = names.get(`${e.pid}:${e.tid}`) ?? 'other';
    if (!THREADS.test(thread)) continue;
    const key = `${thread} (${e.pid}:${e.tid})`;
    (byThread.get(key) ?? byThread.set(key, []).get(key)!).push(e);
  }
  const threads = [...byThread].map(([thread, list]) => {
    // Self time: an event's duration less its children's (events on one thread nest).
    list.sort((a, b) => a.ts - b.ts || b.dur! - a.dur!);
    const self = new Map<string, number>();
    const stack: { end: number; name: string }[] = [];
    let busy = 0;
    for (const e of list) {
      while (stack.length && stack.at(-1)!.end <= e.ts) stack.pop();
      const parent = stack.at(-1);
      if (parent) self.set(parent.name, (self.get(parent.name) ?? 0) - e.dur!);
      else busy += e.dur!;
      self.set(e.name, (self.get(e.name) ?? 0) + e.dur!);
      stack.push({ end: e.ts + e.dur!, name: e.name });
    }
    const top = [...self].sort((a, b) => b[1] - a[1]).slice(0, 8).map(([name, us]) => ({ name, ms: Math.round(us / 1000) }));
    return { thread, busyMs: Math.round(busy / 1000), top };
  }).sort((a, b) => b.busyMs - a.busyMs);
  return { spanMs: Math.round(span), threads };
}

const files = process.argv.slice(2);
for (const file of files) {
  const raw = JSON.parse(readFileSync(file, 'utf8')) as { traceEvents: TraceEvent[] } | TraceEvent[];
  const { spanMs, threads } = summarize(Array.isArray(raw) ? raw : raw.traceEvents);
  process.stdout.write(`${path.basename(file)}: ${spanMs} ms traced\n`);
  for (const t of threads.slice(0, 8)) {
    process.stdout.write(`  ${t.thread}: busy ${t.busyMs} ms (${((100 * t.busyMs) / Math.max(1, spanMs)).toFixed(0)} %)\n`);
    for (const x of t.top) process.stdout.write(`      ${String(x.ms).padStart(6)} ms  ${x.name}\n`);
  }
}
