// What a first load's time is made of, from its Chrome trace (`BENCH_WEB_LOAD_TRACE=<dir> BENCH_WEB_ONLY=load-demo
// npm run bench:web`): per 250 ms from the document's request, how busy each drawing thread was (the renderer's
// main thread, MapLibre's workers, the GPU process), the main thread's long tasks (≥ 30 ms) with what ran in them,
// and when each request went out and came back. Usage: node --import tsx bench/web/load-trace.ts <trace.json> [more…]
import { readFileSync } from 'node:fs';
import path from 'node:path';

interface TraceEvent { ph: string; name: string; pid: number; tid: number; ts: number; dur?: number; args?: { name?: string; data?: { url?: string; requestId?: string; functionName?: string } } }

const THREADS = /^(CrRendererMain|DedicatedWorker thread|CrGpuMain|VizCompositorThread|Compositor)/;
const BUCKET_MS = 250;

export function loadTimeline(events: TraceEvent[]) {
  const names = new Map<string, string>();
  for (const e of events) if (e.ph === 'M' && e.name === 'thread_name' && e.args?.name) names.set(`${e.pid}:${e.tid}`, e.args.name);
  const sends = events.filter((e) => e.name === 'ResourceSendRequest').sort((a, b) => a.ts - b.ts);
  const t0 = sends[0]?.ts ?? Math.min(...events.filter((e) => e.ts > 0).map((e) => e.ts));
  const ms = (ts: number) => (ts - t0) / 1000;
  const finish = new Map(events.filter((e) => e.name === 'ResourceFinish').map((e) => [e.args?.data?.requestId, e.ts]));
  const requests = sends.map((e) => ({ url: e.args?.data?.url ?? '?', start: ms(e.ts), end: finish.has(e.args?.data?.requestId) ? ms(finish.get(e.args?.data?.requestId)!) : NaN }));
  // Busy time per thread and bucket: top-level complete events only (children nest inside them).
  const busy = new Map<string, number[]>();
  const long: { start: number; ms: number; what: string }[] = [];
  const byThread = new Map<string, TraceEvent[]>();
  for (const e of events) {
    if (e.ph !== 'X' || typeof e.dur !== 'number' || e.ts < t0) continue;
    const thread = names.get(`${e.pid}:${e.tid}`) ?? '';
    if (!THREADS.test(thread)) continue;
    const key = `${thread} ${e.tid}`;
    (byThread.get(key) ?? byThread.set(key, []).get(key)!).push(e);
  }
  for (const [key, list] of byThread) {
    list.sort((a, b) => a.ts - b.ts || b.dur! - a.dur!);
    const buckets: number[] = [];
    let end = -Infinity;
    let task: { start: number; ms: number; parts: Map<string, number> } | null = null;
    for (const e of list) {
      if (e.ts >= end) {
        // A new top-level event.
        end = e.ts + e.dur!;
        for (let t = ms(e.ts); t < ms(end);) {
          const b = Math.floor(t / BUCKET_MS);
          const next = Math.min(ms(end), (b + 1) * BUCKET_MS);
          buckets[b] = (buckets[b] ?? 0) + (next - t);
          t = next;
        }
        if (task && task.ms >= 30) long.push({ start: task.start, ms: task.ms, what: [...task.parts].sort((a, b) => b[1] - a[1]).slice(0, 4).map(([n, d]) => `${n} ${Math.round(d)}`).join(', ') });
        task = key.startsWith('CrRendererMain') ? { start: ms(e.ts), ms: e.dur! / 1000, parts: new Map() } : null;
      } else if (task && /^(EvaluateScript|v8\.compile|v8\.parseOnBackground|FunctionCall|ParseHTML|UpdateLayoutTree|Layout|Paint|TimerFire|FireAnimationFrame|EventDispatch|v8\.run|RunMicrotasks|GPUTask|Commit|XHRReadyStateChange)/.test(e.name)) {
        const label = e.name === 'EvaluateScript' || e.name === 'v8.compile' ? `${e.name}(${path.basename(e.args?.data?.url ?? '').slice(0, 24)})` : e.name;
        task.parts.set(label, (task.parts.get(label) ?? 0) + e.dur! / 1000);
      }
    }
    if (task && task.ms >= 30) long.push({ start: task.start, ms: task.ms, what: [...task.parts].sort((a, b) => b[1] - a[1]).slice(0, 4).map(([n, d]) => `${n} ${Math.round(d)}`).join(', ') });
    busy.set(key, buckets);
  }
  return { requests, busy, long: long.sort((a, b) => a.start - b.start) };
}

for (const file of process.argv.slice(2)) {
  const raw = JSON.parse(readFileSync(file, 'utf8')) as { traceEvents: TraceEvent[] } | TraceEvent[];
  const { requests, busy, long } = loadTimeline(Array.isArray(raw) ? raw : raw.traceEvents);
  process.stdout.write(`${path.basename(file)}\n  requests (ms from the document's request):\n`);
  for (const r of requests) process.stdout.write(`    ${r.start.toFixed(0).padStart(5)} → ${r.end.toFixed(0).padStart(5)}  ${r.url.replace(/^https?:\/\/[^/]+/, '').slice(0, 100)}\n`);
  process.stdout.write(`  busy ms per ${BUCKET_MS} ms:\n`);
  for (const [thread, b] of [...busy].filter(([, b]) => b.some((x) => x > 5))) process.stdout.write(`    ${thread.padEnd(34)} ${Array.from(b, (x) => String(Math.round(x ?? 0)).padStart(4)).join('')}\n`);
  process.stdout.write('  main thread tasks ≥ 30 ms:\n');
  for (const t of long) process.stdout.write(`    ${t.start.toFixed(0).padStart(5)} +${t.ms.toFixed(0).padStart(4)} ms  ${t.what}\n`);
}
