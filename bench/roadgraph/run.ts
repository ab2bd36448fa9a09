/**
 * Road graph benchmarks, ours and peers side by side in one run; writes the "## Road graph"
 * section of docs/benchmarks.md. `npm run bench:roadgraph` (set DATABASE_URL for pgRouting;
 * ROADGRAPH_BENCH_SIDE=14 sets the metro tile grid; ROADGRAPH_BENCH_QUICK=1 for a smoke run).
 */
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { PreparedOrigins, isochrones, manyToOne, route, type RoadGraph, type Snapped } from '../../packages/roadgraph/src/index.js';
import { time, timeAsync, type Timing } from './measure.js';
import { cheapestArcs, GraphologyPeer, NgraphPeer } from './peers.js';
import { PgRoutingPeer } from './pgrouting-peer.js';
import { writeReport, type Kind, type Row, type Section } from './report.js';
import { baltimore, metro, randomPlaces, withHierarchy, type Workload } from './workloads.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const QUICK = process.env.ROADGRAPH_BENCH_QUICK === '1';
const SIDE = Number(process.env.ROADGRAPH_BENCH_SIDE ?? 14);
const UNITS = 1000;
const CUTOFF_S = 600;
const RINGS = [60, 180, 300];
const DATABASE_URL = process.env.DATABASE_URL;

const balt = await baltimore(`${ROOT}data/osm/baltimore.osm.pbf`);
const sections = [await bench(balt, { small: true }), await bench(await metro(balt.data, QUICK ? 3 : SIDE), { small: false })];
writeReport(`${ROOT}docs/benchmarks.md`, sections);
console.log(`wrote ${ROOT}docs/benchmarks.md`);

async function bench(w: Workload, { small }: { small: boolean }): Promise<Section> {
  console.error(`\n== ${w.name}: ${w.data.nodeLon.length} nodes, ${w.data.edgeSource.length} edges`);
  const graph = await withHierarchy(w);
  const units = randomPlaces(graph, UNITS, 1);
  const incidents = randomPlaces(graph, 200, 2);
  const n = (full: number) => (QUICK ? Math.min(full, 20) : full);
  const rows: Row[] = [];
  const ours = (kind: Kind, what: string, t: Timing, target?: string) => rows.push({ kind, what, who: 'roadgraph', t, target, baseline: !/plain Dijkstra|prepared|full sweep/.test(what) || what.includes('engine auto') });

  const target = small ? 'p50 <= 1 ms, p99 <= 3 ms' : 'p99 <= 10 ms';
  let fleet = new PreparedOrigins(graph, units);
  const prepare = time(QUICK ? 3 : 10, () => {
    fleet = new PreparedOrigins(graph, units);
    fleet.manyToOne(incidents[0]!);
  }, 1);
  ours('m2o', 'many-to-one, 1,000 units, 10-min cutoff, prepared fleet (CH/RPHAST)', time(n(300), (i) => fleet.manyToOne(incidents[i % 200]!, { cutoff: CUTOFF_S })), target);
  ours('m2o', 'many-to-one, same, unprepared (CH/PHAST full sweep)', time(n(small ? 300 : 50), (i) => manyToOne(graph, units, incidents[i % 200]!, { cutoff: CUTOFF_S, engine: 'ch' })), target);
  ours('m2o', 'many-to-one, same, unprepared, engine auto', time(n(300), (i) => manyToOne(graph, units, incidents[i % 200]!, { cutoff: CUTOFF_S })), target);
  ours('m2o', 'many-to-one, same, plain Dijkstra', time(n(300), (i) => manyToOne(graph, units, incidents[i % 200]!, { cutoff: CUTOFF_S, engine: 'dijkstra' })));
  ours('iso', 'isochrone rings 1/3/5 min (Dijkstra + raster)', time(n(100), (i) => isochrones(graph, incidents[i % 200]!, RINGS)), small ? undefined : 'p99 <= 50 ms');
  ours('o2o', 'one-to-one route with geometry (CH)', time(n(500), (i) => tryRoute(graph, units[i % UNITS]!, incidents[i % 200]!)), small ? undefined : 'p99 <= 2 ms');
  ours('o2o', 'one-to-one route, plain Dijkstra', time(n(200), (i) => tryRoute(graph, units[i % UNITS]!, incidents[i % 200]!, 'dijkstra')));

  const memory = measureMemory(w);
  const notes = [
    `prepared fleet: preparing 1,000 unit positions (selection of the restricted sweep) + first query: p50 ${prepare.p50.toFixed(1)} ms, p99 ${prepare.p99.toFixed(1)} ms; done when units move, not per incident`,
    `${w.data.nodeLon.length.toLocaleString('en')} nodes, ${w.data.edgeSource.length.toLocaleString('en')} edges; hierarchy: ${graph.hierarchy!.up.other.length + graph.hierarchy!.down.other.length} arcs` +
      (w.chBuildMs === undefined ? ' (loaded from the bench cache)' : `, built in ${(w.chBuildMs / 1000).toFixed(1)} s`),
    ...(w.importMs === undefined ? [] : [`import from PBF: ${(w.importMs / 1000).toFixed(2)} s`]),
    `load from the binary file (graph + adjacency): ${memory.loadMs.toFixed(0)} ms wall, ${memory.loadCpuMs.toFixed(0)} ms CPU${small ? '' : ' (target <= 1 s)'}`,
    `memory held after load (graph, hierarchy, snap index): JS heap ${memory.heapUsedMb} MB + typed arrays ${memory.arrayBuffersMb} MB${small ? '' : ' (target heap <= 200 MB)'}`,
  ];

  const unitNodes = units.map((u) => u.target as number);
  const incidentNodes = incidents.map((p) => p.target as number);
  const arcs = cheapestArcs(w.data);
  const ngraph = new NgraphPeer(arcs);
  const pairs = QUICK ? 2 : small ? 20 : 3;
  const perPair = time(pairs, (i) => ngraph.cost(unitNodes[i]!, incidentNodes[i % 200]!), 1);
  rows.push({ kind: 'm2o', what: 'many-to-one (1,000 x one pair search, extrapolated)', who: 'ngraph.path aStar', t: scale(perPair, UNITS) });
  rows.push({ kind: 'o2o', what: 'one-to-one cost', who: 'ngraph.path aStar', t: perPair });
  const graphology = new GraphologyPeer(arcs);
  if (small) {
    rows.push({ kind: 'm2o', what: 'many-to-one (singleSource on reversed graph + path sums)', who: 'graphology', t: time(QUICK ? 2 : 20, (i) => graphology.manyToOne(unitNodes, incidentNodes[i]!), 1) });
  }
  const gPair = time(pairs, (i) => graphology.cost(unitNodes[i]!, incidentNodes[i % 200]!), 1);
  if (!small) rows.push({ kind: 'm2o', what: 'many-to-one (1,000 x bidirectional, extrapolated; singleSource keeps a path per node and runs out of memory here)', who: 'graphology', t: scale(gPair, UNITS) });
  rows.push({ kind: 'o2o', what: 'one-to-one cost', who: 'graphology bidirectional', t: gPair });
  if (DATABASE_URL) await benchPgRouting(w, unitNodes, incidentNodes, rows, small);
  else notes.push('pgRouting: skipped (DATABASE_URL not set)');
  return { name: w.name, rows, notes };
}

async function benchPgRouting(w: Workload, units: number[], incidents: number[], rows: Row[], small: boolean): Promise<void> {
  const pgr = await PgRoutingPeer.open(DATABASE_URL!, w.data);
  try {
    const runs = QUICK ? 2 : small ? 20 : 3;
    rows.push({ kind: 'm2o', what: 'many-to-one (pgr_drivingDistance on the reversed graph, cutoff)', who: 'pgRouting', t: await timeAsync(runs, async (i) => void (await pgr.manyToOne(units, incidents[i]!, CUTOFF_S * 1000))) });
    rows.push({ kind: 'iso', what: 'reachable nodes in 5 min (pgr_drivingDistance, no polygons)', who: 'pgRouting', t: await timeAsync(runs, async (i) => void (await pgr.reachable(incidents[i]!, 300_000))) });
    rows.push({ kind: 'o2o', what: 'one-to-one cost (pgr_dijkstraCost)', who: 'pgRouting', t: await timeAsync(runs, async (i) => void (await pgr.cost(units[i]!, incidents[i]!))) });
  } finally {
    await pgr.close();
  }
}

function tryRoute(graph: RoadGraph, a: Snapped, b: Snapped, engine?: 'dijkstra'): void {
  try {
    route(graph, a, b, { engine });
  } catch (err) {
    if ((err as { code?: string }).code !== 'ROADGRAPH_UNREACHABLE') throw err;
  }
}

function scale(t: Timing, k: number): Timing {
  return { runs: t.runs, p50: t.p50 * k, p99: t.p99 * k, mean: t.mean * k };
}

function measureMemory(w: Workload): Memory {
  const out = execFileSync(process.execPath, ['--expose-gc', '--import', 'tsx', fileURLToPath(new URL('./memory.ts', import.meta.url)), w.graphFile, w.chFile], { encoding: 'utf8' });
  return JSON.parse(out) as Memory;
}

interface Memory {
  loadMs: number;
  loadCpuMs: number;
  heapUsedMb: number;
  arrayBuffersMb: number;
}
