/**
 * The emergency profile's cost side by side with the car's, measured in one run (issue 17):
 * load time and memory of one graph data with one or both profiles' adjacency and hierarchy,
 * and many-to-one latency on each profile. `npx tsx bench/roadgraph/profiles.ts [side]`
 * (side: metro tile grid, default 4; 0 = Baltimore only). Prints a Markdown table.
 */
import { fileURLToPath } from 'node:url';
import {
  PreparedOrigins, RoadGraph, importOsm, manyToOne, type GraphData, type Profile,
} from '../../packages/roadgraph/src/index.js';
import { time, type Timing } from './measure.js';
import { stitchTiles } from './stitch.js';
import { randomPlaces } from './workloads.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const SIDE = Number(process.argv[2] ?? 4);
const UNITS = 1000;
const CUTOFF_S = 600;

const balt = await importOsm(`${ROOT}data/osm/baltimore.osm.pbf`);
const rows: string[] = [];
await measure('Baltimore', balt);
if (SIDE > 0) await measure(`Metro ${SIDE}x${SIDE} tiles`, stitchTiles(balt, SIDE), true);
console.log(['| graph | profile | what | value | peer (car) | ratio |', '| --- | --- | --- | ---: | ---: | ---: |', ...rows].join('\n'));

async function measure(name: string, data: GraphData, big = false): Promise<void> {
  const n = data.nodeLon.length;
  console.error(`== ${name}: ${n} nodes, ${data.edgeSource.length} edges`);
  const graphs = {} as Record<Profile, RoadGraph>;
  const build = {} as Record<Profile, number>;
  const load = {} as Record<Profile, number>;
  for (const profile of ['car', 'emergency'] as const) {
    let t = performance.now();
    const graph = new RoadGraph(data, profile);
    load[profile] = performance.now() - t;
    t = performance.now();
    graph.buildHierarchy();
    build[profile] = performance.now() - t;
    graphs[profile] = graph;
  }
  const bytes = (g: RoadGraph) => {
    const ch = g.hierarchy!;
    const arrays = [g.forward.start, g.forward.head, g.forward.cost, g.forward.edge, g.backward.start, g.backward.head, g.backward.cost, g.backward.edge,
      ch.rankOf, ch.nodeOf, ...[ch.up, ch.down].flatMap((a) => [a.start, a.other, a.cost, a.via])];
    // Live factors are a map of the changed edges only; no per-edge arc index is kept.
    return arrays.reduce((s, a) => s + a.byteLength, 0);
  };
  const shared = [data.nodeLon, data.nodeLat, data.edgeSource, data.edgeTarget, data.edgeForwardMs, data.edgeBackwardMs, data.emergencyForwardMs, data.emergencyBackwardMs, data.edgeLengthM, data.geomStart, data.geomCoords, data.turnRestrictions]
    .reduce((s, a) => s + a.byteLength, 0);
  const mb = (b: number) => (b / 2 ** 20).toFixed(1);
  const perMillion = (b: number) => (big ? ` (${mb((b * 1e6) / n)} MB per 1 M nodes)` : '');
  rows.push(`| ${name} | shared | graph data (nodes, edges, geometry, both cost sets) | ${mb(shared)} MB${perMillion(shared)} | | |`);
  for (const p of ['car', 'emergency'] as const) {
    rows.push(`| ${name} | ${p} | adjacency + hierarchy typed arrays | ${mb(bytes(graphs[p]))} MB${perMillion(bytes(graphs[p]))} | ${mb(bytes(graphs.car))} MB | ${(bytes(graphs[p]) / bytes(graphs.car)).toFixed(2)} |`);
    rows.push(`| ${name} | ${p} | adjacency build at load (ms) | ${load[p].toFixed(0)} | ${load.car.toFixed(0)} | ${(load[p] / load.car).toFixed(2)} |`);
    rows.push(`| ${name} | ${p} | hierarchy build (s) | ${(build[p] / 1000).toFixed(1)} | ${(build.car / 1000).toFixed(1)} | ${(build[p] / build.car).toFixed(2)} |`);
  }
  const total = shared + bytes(graphs.car) + bytes(graphs.emergency);
  rows.push(`| ${name} | car + emergency | all typed arrays held (excl. snap index) | ${mb(total)} MB${perMillion(total)} | ${mb(shared + bytes(graphs.car))} MB | ${(total / (shared + bytes(graphs.car))).toFixed(2)} |`);
  const units = randomPlaces(graphs.car, UNITS, 1);
  const incidents = randomPlaces(graphs.car, 200, 2);
  const timings = {} as Record<Profile, { prepared: Timing; phast: Timing }>;
  for (const p of ['car', 'emergency'] as const) {
    const fleet = new PreparedOrigins(graphs[p], units);
    timings[p] = {
      prepared: time(300, (i) => fleet.manyToOne(incidents[i % 200]!, { cutoff: CUTOFF_S })),
      phast: time(big ? 50 : 300, (i) => manyToOne(graphs[p], units, incidents[i % 200]!, { cutoff: CUTOFF_S })),
    };
  }
  for (const p of ['car', 'emergency'] as const) {
    for (const [what, key] of [['many-to-one 1,000 units, prepared fleet (RPHAST), p50 / p99 ms', 'prepared'], ['many-to-one, same, engine auto, p50 / p99 ms', 'phast']] as const) {
      const t = timings[p][key], c = timings.car[key];
      rows.push(`| ${name} | ${p} | ${what} | ${t.p50.toFixed(3)} / ${t.p99.toFixed(2)} | ${c.p50.toFixed(3)} / ${c.p99.toFixed(2)} | ${(t.p50 / c.p50).toFixed(2)} |`);
    }
  }
}
