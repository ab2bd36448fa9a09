/**
 * Issue 19 §5: the recommendation's turn-aware refinement two ways, side by side in one process
 * on the dispatch benchmark's graphs, units and incidents (bench/dispatch/run.ts: 1,000 patrol
 * cars on the emergency profile with the server's turn costs, 200 incidents, the 25 nearest
 * timed with their turns). Peer: what the server runs, the prepared many-to-one with `nearest`
 * (one A* per unit, in order of node-based cost, its heuristic the hierarchy's exact costs).
 * Ours: the same prepared query for the node-based costs only (`nearest: 0`) and one backward
 * turn-aware Dijkstra from the incident over the units within the cutoff (turn-backward.ts).
 * CPU ms per query (process.cpuUsage), 3 rounds interleaved; the 25 fastest must agree.
 * Prints its table (no section of docs/benchmarks.md: the hand-written dispatch notes quote it).
 * `node --max-old-space-size=6144 --import tsx bench/dispatch/backward.ts` (after bench:dispatch
 * has cached the hierarchies; DISPATCH_BENCH_GRAPHS=baltimore for the city only).
 */
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { PreparedOrigins, importOsm, type RoadGraph, type Snapped } from '../../packages/roadgraph/src/index.js';
import { sameEdgeCost } from '../../packages/roadgraph/src/endpoints.js';
import { BackwardTurnSearch, type OriginSeed } from '../../packages/roadgraph/src/turn-backward.js';
import { arrivalsOf, originTurnSeeds } from '../../packages/roadgraph/src/turn-refine.js';
import { graphOptions } from '../../apps/server/src/modules/dispatch/road-network.js';
import { travelGraphOf } from '../../apps/server/src/modules/dispatch/travel-profile.js';
import { cpuMsSince } from '../lib/machine.js';
import { ms, summarise } from '../roadgraph/measure.js';
import { stitchTiles } from '../roadgraph/stitch.js';
import { randomPlaces } from '../roadgraph/workloads.js';
import { serverGraph } from './server-graph.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const GRAPHS = (process.env.DISPATCH_BENCH_GRAPHS ?? 'baltimore,metro').split(',');
const CUTOFF_MS = 3600_000;
const NEAREST = 25;
const ROUNDS = 3;
const say = (line: string): void => void process.stdout.write(`${line}\n`);

const tile = await importOsm(`${ROOT}data/osm/baltimore.osm.pbf`);
say(`load average at the start ${os.loadavg().map((x) => x.toFixed(2)).join(', ')}`);
say('| graph | refinement | p50 CPU ms | p99 CPU ms | medians of the rounds | ratio to the A*s (p50 / p99) |');
say('| --- | --- | ---: | ---: | --- | ---: |');
if (GRAPHS.includes('baltimore')) await compare('Baltimore', tile);
if (GRAPHS.includes('metro')) await compare('Metro (14x14 Baltimore tiles)', stitchTiles(tile, 14));
say(`load average at the end ${os.loadavg().map((x) => x.toFixed(2)).join(', ')}`);

async function compare(name: string, data: Parameters<typeof serverGraph>[0]): Promise<void> {
  const files = await serverGraph(data, (l) => process.stderr.write(`${l}\n`), graphOptions({}));
  const graph = travelGraphOf(files.byProfile, 'patrol_car');
  const car = files.byProfile.car;
  const units = randomPlaces(car, 1000, 11);
  const incidents = randomPlaces(car, 200, 13);
  const prepared = new PreparedOrigins(graph, units);
  prepared.prepare();
  const backward = new BackwardTurnSearch(graph, graph.turnModel!);
  const peer = (d: Snapped) => prepared.manyToOne(d, { cutoff: CUTOFF_MS / 1000, nearest: NEAREST });
  const ours = (d: Snapped) => backwardRefine(graph, backward, prepared, units, d);
  // Warm-up: V8 compiles both before anything is measured.
  for (let i = 0; i < 30; i++) {
    peer(incidents[i]!);
    ours(incidents[i]!);
  }
  const a: number[] = [], b: number[] = [];
  const mediansA: number[] = [], mediansB: number[] = [];
  let differ = 0;
  for (let round = 0; round < ROUNDS; round++) {
    const ra: number[] = [], rb: number[] = [];
    for (const d of incidents) {
      let t = process.cpuUsage();
      const x = peer(d);
      ra.push(cpuMsSince(t));
      t = process.cpuUsage();
      const y = ours(d);
      rb.push(cpuMsSince(t));
      const top = (s: Float64Array) => [...s].sort((p, q) => p - q).slice(0, NEAREST).join();
      if (top(x) !== top(y)) differ++;
    }
    a.push(...ra);
    b.push(...rb);
    mediansA.push(summarise(ra).p50);
    mediansB.push(summarise(rb).p50);
  }
  const sa = summarise(a), sb = summarise(b);
  say(`| ${name} | ${NEAREST} A*s (the server's) | ${ms(sa.p50)} | ${ms(sa.p99)} | ${mediansA.map(ms).join(' / ')} | 1 |`);
  say(`| ${name} | one backward search | ${ms(sb.p50)} | ${ms(sb.p99)} | ${mediansB.map(ms).join(' / ')} | ${(sb.p50 / sa.p50).toFixed(2)} / ${(sb.p99 / sa.p99).toFixed(2)} |`);
  say(`${name}: the ${NEAREST} fastest differ in ${differ} of ${ROUNDS * incidents.length} queries`);
}

/** Seconds from each unit: node-based from the prepared sweep, the nearest refined by one backward search. */
function backwardRefine(graph: RoadGraph, search: BackwardTurnSearch, prepared: PreparedOrigins, units: readonly Snapped[], d: Snapped): Float64Array {
  const lower = prepared.manyToOne(d, { cutoff: CUTOFF_MS / 1000, nearest: 0 });
  const seedsAt = new Map<number, OriginSeed[]>();
  const best = new Float64Array(units.length).fill(Infinity);
  for (let i = 0; i < units.length; i++) {
    if (!Number.isFinite(lower[i]!)) continue;
    best[i] = Math.min(sameEdgeCost(graph, units[i]!, d), CUTOFF_MS + 0.5);
    for (const s of originTurnSeeds(graph, units[i]!)) {
      const list = seedsAt.get(s.node);
      if (list) list.push({ ...s, origin: i });
      else seedsAt.set(s.node, [{ ...s, origin: i }]);
    }
  }
  const certain = new Uint8Array(units.length);
  const floor = search.run(arrivalsOf(graph, [d]), seedsAt, best, certain, NEAREST);
  return Float64Array.from(best, (c, i) => (certain[i] === 1 ? (c <= CUTOFF_MS ? c / 1000 : Infinity) : Math.max(lower[i]!, floor / 1000)));
}
