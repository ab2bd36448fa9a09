// What-if replay of a week of calls (issue 16 §4): the SF week's 3,500-odd calls (their times,
// types, priorities and on-scene times, from the bundled CAD export through the import's reader),
// placed where people are in the demo country (the simulator's demand cut to its boundary:
// OSM buildings and key places, seeded; simulation/jurisdiction-demand.ts, as an import with relocate), replayed against the demo fleet. Ours: one search per base to every call
// (travel.ts). Peer, in the same run: the same replay with one plain Dijkstra per call and graph.
// CPU time of the process (user + system), so the other engineers' load counts less.
// Usage: npm run bench:replay   (BENCH_RUNS=3; BENCH_DOC=0 leaves docs/benchmarks.md alone)
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os, { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEFAULT_RUN_CARDS, DEFAULT_WITHIN_SECONDS } from '@firebreak/contracts';
import { pino } from 'pino';
import { loadConfig } from '../../apps/server/src/config.js';
import { deploymentRoadNetwork } from '../../apps/server/src/modules/dispatch/index.js';
import { readCalls, SF_FIRE_MAPPING } from '../../apps/server/src/modules/history/index.js';
import { loadFleet } from '../../apps/server/src/modules/replay/replay-calls.js';
import { runReplay, type ReplayCall } from '../../apps/server/src/modules/replay/run-replay.js';
import type { EtaEngine } from '../../apps/server/src/modules/replay/travel.js';
import { replayCallsOf } from '../../apps/server/src/modules/replay/sample-week.js';
import { drawPlaces, jurisdictionDemand } from '../../apps/server/src/modules/simulation/index.js';
import { startPlatform } from '../../apps/server/src/platform/kernel.js';
import { ensureWorld } from '../../apps/server/src/world.js';
import { writeSection } from '../lib/benchmarks-doc.js';
import { machine } from '../lib/machine.js';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const DOC = path.resolve(HERE, '../../docs/benchmarks.md');
const CSV = path.resolve(HERE, '../../data/calls/sf_fire_calls_2016-12-31_week.csv');
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const TARGET_S = 10;
const say = (line: string): void => void process.stdout.write(`${line}\n`);

/** CPU seconds (user + system) of this process while `job` runs. */
function cpuSeconds<T>(job: () => T): [number, T] {
  const before = process.cpuUsage();
  const out = job();
  const used = process.cpuUsage(before);
  return [(used.user + used.system) / 1e6, out];
}

const dir = mkdtempSync(path.join(tmpdir(), 'firebreak-bench-replay-'));
const { DATABASE_URL: _db, DATABASE_OWNER_URL: _owner, NATS_URL: _nats, MQTT_URL: _mqtt, ...env } = process.env;
const config = loadConfig({ ...env, FIREBREAK_DATA_DIR: dir, MFA_REQUIRED_ROLES: '', LOG_LEVEL: 'error' });
const platform = await startPlatform(config, pino({ level: 'error' }));
try {
  say('demo world…');
  await ensureWorld(platform, config, () => undefined);
  const [fleet, { byProfile }, demand] = await Promise.all([loadFleet(platform.db, 'li'), deploymentRoadNetwork(config), jurisdictionDemand(platform.db, config, 'li')]);
  if (!demand) throw new Error('the demo country has no demand to place calls at');
  const read = readCalls(readFileSync(CSV, 'utf8'), SF_FIRE_MAPPING);
  // The SF week's calls as they were (times, types, priorities, on-scene times), each at a place of
  // the demo country: the same placement as an import with `relocate` and the replay's `sample`.
  const calls: ReplayCall[] = replayCallsOf(read.calls, drawPlaces(demand, 16, read.calls.length), 'li', 'sf-week');
  const days = (Math.max(...calls.map((c) => c.recorded.receivedAt)) - Math.min(...calls.map((c) => c.recorded.receivedAt))) / 86_400_000;
  say(`${calls.length} calls over ${days.toFixed(1)} days; fleet ${fleet.length} units; graph ${byProfile.car.nodeCount} nodes`);
  const plan = {
    graphs: byProfile, calls, fleet, seed: 1, tiers: config.responseTiers, within: DEFAULT_WITHIN_SECONDS,
    cardOf: (c: { type: keyof typeof DEFAULT_RUN_CARDS; priority: 'P1' | 'P2' | 'P3' | 'P4' }) => DEFAULT_RUN_CARDS[c.type][c.priority],
  };
  const times: Record<EtaEngine, number[]> = { prepared: [], dijkstra: [] };
  const answers: Record<EtaEngine, string[]> = { prepared: [], dijkstra: [] };
  let summary = '';
  for (let i = 0; i < RUNS; i++) {
    for (const engine of ['prepared', 'dijkstra'] as const) {
      const [s, result] = cpuSeconds(() => runReplay({ ...plan, engine }));
      times[engine].push(s);
      const run = result.runs[0]!;
      answers[engine].push(JSON.stringify(result.runs));
      const tier = (n: number) => run.overall.tiers.find((t) => t.tier === n)?.complianceRate;
      summary = `replayed ${result.calls.replayed} (off graph ${result.calls.offGraph}, doubtful ${result.calls.doubtful}); tier 2 ${tier(2)}, tier 3 ${tier(3)}, p90 total ${run.overall.total.p90Seconds} s, queued ${run.queued}, unanswered ${run.unanswered}`;
      say(`run ${i + 1} ${engine}: ${s.toFixed(2)} s CPU; ${summary}`);
    }
  }
  // Both engines must give the same replay (same road times up to rounding): otherwise the comparison means nothing.
  const same = answers.prepared[0] === answers.dijkstra[0];
  const load = os.loadavg().map((l) => l.toFixed(2)).join(' / ');
  const spread = (xs: number[]) => `${Math.min(...xs).toFixed(2)}-${Math.max(...xs).toFixed(2)}`;
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  const ratios = times.dijkstra.map((d, i) => d / times.prepared[i]!);
  const m = machine();
  const met = Math.max(...times.prepared) <= TARGET_S;
  const body = [
    `\`npm run bench:replay\` (bench/replay/run.ts): the SF week's ${calls.length} calls over ${days.toFixed(1)} days (times, types, priorities, on-scene times of the bundled CAD export), placed where people are in the demo country (the simulator's demand cut to the country's boundary, seeded: the same placement as an import with relocate), replayed against the demo fleet of ${fleet.length} units on the Liechtenstein graph (${byProfile.car.nodeCount} nodes): road times from the bases, the discrete-event run, the figures by priority. CPU seconds of the process (user + system) per replay, ${RUNS} runs each, alternating.`,
    '',
    `Machine: ${m.cpus} × ${m.cpuModel}, Node ${m.node}; load average at the end ${load} (other engineers' jobs on the same 2 cores).`,
    '',
    '| replay | CPU s (median) | spread over runs | target ≤ 10 s |',
    '| --- | ---: | --- | --- |',
    `| ours: one search per base to every call (PHAST; Dijkstra on a vehicle's graph) | ${median(times.prepared).toFixed(2)} | ${spread(times.prepared)} | ${met ? 'met' : 'missed'} |`,
    `| peer: one plain Dijkstra per call and graph | ${median(times.dijkstra).toFixed(2)} | ${spread(times.dijkstra)} | ${Math.max(...times.dijkstra) <= TARGET_S ? 'met' : 'missed'} |`,
    '',
    `Ratio peer / ours: ${spread(ratios)} (median ${median(ratios).toFixed(1)}×). Same replay from both engines: ${same ? 'yes' : 'NO'}. Last run: ${summary}.`,
  ].join('\n');
  say('');
  say(body);
  if (process.env.BENCH_DOC !== '0') writeSection(DOC, 'What-if replay (issue 16 §4)', body);
  if (!same) process.exitCode = 1;
} finally {
  await platform.close();
  rmSync(dir, { recursive: true, force: true });
}
