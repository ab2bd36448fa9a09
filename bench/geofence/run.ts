// The transport geofence (modules/controlled-goods, corridor-index.ts) against 10,000 active corridors,
// indexed vs a naive check of every corridor, in one run.
// Usage: npm run bench:geofence   (BENCH_CORRIDORS, BENCH_FIXES, BENCH_DOC=0 to leave docs/benchmarks.md alone)
import { mkdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { route } from '@firebreak/roadgraph';
import { loadConfig } from '../../apps/server/src/config.js';
import { CorridorIndex, naiveInside, Projector, type CorridorLine } from '../../apps/server/src/modules/controlled-goods/corridor-index.js';
import { deploymentRoadNetwork } from '../../apps/server/src/modules/dispatch/index.js';
import { seeded } from '../../apps/server/src/modules/simulation/random.js';
import { writeSection } from '../lib/benchmarks-doc.js';
import { cpuMsSince, machine } from '../lib/machine.js';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const CORRIDORS = Number(process.env.BENCH_CORRIDORS ?? 10_000);
const FIXES = Number(process.env.BENCH_FIXES ?? 2_000_000);
/** The naive peer is thousands of times slower: it gets fewer fixes (its rate is per fix all the same). */
const NAIVE_FIXES = Number(process.env.BENCH_NAIVE_FIXES ?? 100);
/** The shared tree answers a dense country's points with hundreds of corridors' segments: a sample. */
const SHARED_FIXES = Number(process.env.BENCH_SHARED_FIXES ?? 20_000);
const WIDTH = 200;
const TARGET = 200_000;
/** Tile38's published figure for SET (a write with geofence evaluation) per core, the external anchor. */
const TILE38 = '22,000-30,000';

async function main(): Promise<void> {
  const dataDir = '/tmp/firebreak-bench-geofence';
  mkdirSync(dataDir, { recursive: true });
  const config = { ...loadConfig({ LOG_LEVEL: 'silent', FIREBREAK_DATA_DIR: dataDir }) };
  const network = await deploymentRoadNetwork(config);
  const g = network.graph;
  // mulberry32: every run draws the same corridors and fixes.
  const rnd = seeded(18);
  // The demo country's box: random trips between points near its roads, routed as permits are.
  const box = { w: 9.47, e: 9.64, s: 47.05, n: 47.27 };
  const projector = new Projector((box.w + box.e) / 2, (box.s + box.n) / 2);
  const corridors: CorridorLine[] = [];
  const routes: [number, number][][] = [];
  const started = performance.now();
  while (corridors.length < CORRIDORS) {
    const at = (): [number, number] => [box.w + rnd() * (box.e - box.w), box.s + rnd() * (box.n - box.s)];
    try {
      const r = route(g, g.snapper.snap(at()), g.snapper.snap(at()));
      const coords = r.geometry.coordinates as [number, number][];
      if (coords.length < 2) continue;
      routes.push(coords);
      corridors.push({ coords: Float64Array.from(coords.flatMap(([lon, lat]) => [projector.x(lon), projector.y(lat)])), widthM: WIDTH });
    } catch {
      // a point too far from any road: draw another
    }
  }
  const routedMs = performance.now() - started;
  // What the watch holds: one small index per active permit (a fix names its permit).
  const t0 = performance.now();
  const own = corridors.map((c) => new CorridorIndex([c]));
  const buildMs = performance.now() - t0;
  // And one R-tree shared by every corridor (the shape of "which corridors is this point in?").
  const t3 = performance.now();
  const index = new CorridorIndex(corridors);
  const sharedBuildMs = performance.now() - t3;

  // Fixes: along a random corridor's route, pushed off it by 0-400 m (about half inside).
  const owner = new Int32Array(FIXES);
  const xs = new Float64Array(FIXES);
  const ys = new Float64Array(FIXES);
  for (let i = 0; i < FIXES; i++) {
    const ci = Math.floor(rnd() * corridors.length);
    const c = corridors[ci]!.coords;
    const k = Math.floor(rnd() * (c.length / 2 - 1));
    const f = rnd();
    const angle = rnd() * 2 * Math.PI;
    const off = rnd() * 2 * WIDTH;
    owner[i] = ci;
    xs[i] = c[2 * k]! + (c[2 * k + 2]! - c[2 * k]!) * f + Math.cos(angle) * off;
    ys[i] = c[2 * k + 1]! + (c[2 * k + 3]! - c[2 * k + 1]!) * f + Math.sin(angle) * off;
  }

  // Warm-up, then the measured pass (one thread: per core).
  for (let i = 0; i < Math.min(FIXES, 100_000); i++) own[owner[i]!]!.inside(0, xs[i]!, ys[i]!);
  let inside = 0;
  const t1 = performance.now();
  const c1 = process.cpuUsage();
  for (let i = 0; i < FIXES; i++) if (own[owner[i]!]!.inside(0, xs[i]!, ys[i]!)) inside++;
  const indexedCpu = cpuMsSince(c1);
  const indexedMs = performance.now() - t1;

  let sharedAgree = 0;
  const c4 = process.cpuUsage();
  const t4 = performance.now();
  for (let i = 0; i < SHARED_FIXES; i++) if (index.inside(owner[i]!, xs[i]!, ys[i]!) === own[owner[i]!]!.inside(0, xs[i]!, ys[i]!)) sharedAgree++;
  const sharedMs = performance.now() - t4;
  const sharedCpu = cpuMsSince(c4);

  let agree = 0;
  const c2 = process.cpuUsage();
  const t2 = performance.now();
  for (let i = 0; i < NAIVE_FIXES; i++) if (naiveInside(corridors, owner[i]!, xs[i]!, ys[i]!) === own[owner[i]!]!.inside(0, xs[i]!, ys[i]!)) agree++;
  const naiveMs = performance.now() - t2;
  const naiveCpu = cpuMsSince(c2);

  // Per core = per second of this thread's CPU: on a loaded shared machine the wall clock counts other work's turns too.
  const indexedRate = FIXES / (indexedCpu / 1000);
  const sharedRate = SHARED_FIXES / (sharedCpu / 1000);
  const naiveRate = NAIVE_FIXES / (naiveCpu / 1000);
  const wall = (n: number, ms: number) => f(n / (ms / 1000));
  const mc = machine();
  const f = (x: number, d = 0) => x.toLocaleString('en', { maximumFractionDigits: d, minimumFractionDigits: d });
  const body = `Measured by \`npm run bench:geofence\` (bench/geofence/run.ts) on ${new Date().toISOString().slice(0, 10)}.

- Machine: ${mc.cpus} CPUs (${mc.cpuModel}), Node ${mc.node}, one thread; load average at the end: ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}
  (the machine is shared: other work ran at the same time).
- ${f(CORRIDORS)} active corridors of ${WIDTH} m around road routes between random points of the demo country (Liechtenstein 2015,
  routed on its graph as permits are: ${f(routedMs / 1000, 1)} s), ${f(index.segmentCount)} route segments in all. ${f(FIXES)} fixes, each
  of a random permit, along its route pushed off by 0-${2 * WIDTH} m (${f((100 * inside) / FIXES, 1)} % inside its corridor).
- Indexed (\`CorridorIndex\`, what the watch runs per fix: a fix names its permit): per active permit a flatbush R-tree over its
  route's segment boxes grown by the corridor's width (all ${f(CORRIDORS)} built in ${f(buildMs)} ms), then the exact
  point-to-segment distance to the few segments hit.
- Shared tree: one R-tree over every corridor's segments (built in ${f(sharedBuildMs)} ms), the hits filtered to the fix's permit
  (${f(SHARED_FIXES)} fixes; it agreed with the per-permit index on ${sharedAgree}). In a country this small, 10,000 corridors
  stack hundreds deep on the main roads, so each point hits many segments of other permits.
- Naive peer: every segment of every corridor for each fix (${f(NAIVE_FIXES)} fixes); it agreed with the index on ${agree} of ${NAIVE_FIXES}.

| | fixes per CPU-second (one core) | fixes per wall-clock second (shared machine) |
| --- | ---: | ---: |
| indexed, per permit | ${f(indexedRate)} | ${wall(FIXES, indexedMs)} |
| one shared tree | ${f(sharedRate)} | ${wall(SHARED_FIXES, sharedMs)} |
| naive, every corridor | ${f(naiveRate, 1)} | ${wall(NAIVE_FIXES, naiveMs)} |

- Ratio indexed / naive: **${f(indexedRate / naiveRate)}x**. Target >= ${f(TARGET)} fixes/s/core: ${indexedRate >= TARGET ? 'met' : '**missed**'}.
- External anchor: Tile38 publishes ${TILE38} SET operations per second per core with geofences (a different engine doing more per
  write: network protocol, storage, hooks); our check is in-process and does only the geometry, so the figures are not like for like.
- Not in this figure: the rest of a fix's path (HTTP or MQTT, the permit's row lock, the trail insert and alerts in one transaction),
  which is per batch of fixes and bounded by the database, as for units' AVL (see "AVL ingest").`;
  console.log(body);
  if (agree !== NAIVE_FIXES || sharedAgree !== SHARED_FIXES) process.exitCode = 1;
  if (process.env.BENCH_DOC !== '0') writeSection(path.join(HERE, '../../docs/benchmarks.md'), 'Transport geofence: 10,000 corridors, indexed vs naive', body);
}

await main();
