/**
 * The emergency profile's cost side by side with the car's, measured in one run (issue 17):
 * load time and memory of one graph data with one or both profiles' adjacency and hierarchy,
 * and many-to-one latency on each profile. `npx tsx bench/roadgraph/profiles.ts [side]`
 * (side: metro tile grid, default 4; 0 = Baltimore only). Prints a Markdown table.
 */
import { loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import {
  PreparedOrigins, RoadGraph, importOsm, manyToOne, type GraphData, type Profile,
} from '../../packages/roadgraph/src/index.js';
import { time, type Timing } from './measure.js';
import { stitchTiles } from './stitch.js';
import { randomPlaces } from './workloads.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
interface Sized { byteLength: number }

const SIDE = Number(process.argv[2] ?? 4);
const UNITS = 1000;
const CUTOFF_S = 600;

const balt = await importOsm(`${ROOT}data/osm/baltimore.osm.pbf`);
const rows: string[] = [];
const breakdown: string[] = [];
await measure('Baltimore', balt);
if (SIDE > 0) await measure(`Metro ${SIDE}x${SIDE} tiles`, stitchTiles(balt, SIDE), true);
console.log(['| graph | profile | what | value | peer (car) | ratio |', '| --- | --- | --- | ---: | ---: | ---: |', ...rows].join('\n'));
console.log(['', 'Where the bytes are (metro, MB per 1 M nodes):', '', '| held by | typed array | MB per 1 M nodes |', '| --- | --- | ---: |', ...breakdown].join('\n'));
console.log(`\nload average at the end: ${loadavg().map((l) => l.toFixed(2)).join(', ')}`);

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
  // Where the bytes are, per typed array: the graph data's are shared by both profiles.
  const arraysOf = (g: RoadGraph): Record<string, Sized> => {
    const ch = g.hierarchy!;
    return {
      'adjacency start (forward + backward)': concat(g.forward.start, g.backward.start),
      'adjacency edge codes (forward + backward)': concat(g.forward.edge, g.backward.edge),
      'adjacency extra arcs at split junctions': concat(g.forward.extraHead, g.forward.extraCode, g.backward.extraHead, g.backward.extraCode),
      'hierarchy rankOf + nodeOf': concat(ch.rankOf, ch.nodeOf),
      'hierarchy start (up + down)': concat(ch.up.start, ch.down.start),
      'hierarchy other (up + down)': concat(ch.up.other, ch.down.other),
      'hierarchy cost (up + down)': concat(ch.up.cost, ch.down.cost),
      'hierarchy via (up + down)': concat(ch.up.via, ch.down.via),
    };
  };
  const bytes = (g: RoadGraph) => Object.values(arraysOf(g)).reduce((s, a) => s + a.byteLength, 0);
  const sharedArrays: Record<string, Sized> = {
    'node coordinates (Float64 lon, lat)': concat(data.nodeLon, data.nodeLat),
    'edge source + target': concat(data.edgeSource, data.edgeTarget),
    'edge costs, car (forward, backward)': concat(data.edgeForwardMs, data.edgeBackwardMs),
    'edge costs, emergency (forward, backward)': concat(data.emergencyForwardMs, data.emergencyBackwardMs),
    'edge lengths (Float32)': concat(data.edgeLengthM),
    'geometry index (geomStart)': concat(data.geomStart),
    'geometry points (Int32 pairs)': concat(data.geomCoords),
    'turn restrictions + edge flags': concat(data.turnRestrictions, data.edgeFlags),
  };
  const shared = Object.values(sharedArrays).reduce((s, a) => s + a.byteLength, 0);
  const mb = (b: number) => (b / 2 ** 20).toFixed(1);
  const perMillion = (b: number) => (big ? ` (${mb((b * 1e6) / n)} MB per 1 M nodes)` : '');
  rows.push(`| ${name} | shared | graph data (nodes, edges, geometry, both cost sets) | ${mb(shared)} MB${perMillion(shared)} | | |`);
  if (big) {
    for (const [what, a] of Object.entries(sharedArrays)) breakdown.push(`| shared | ${what} | ${mb((a.byteLength * 1e6) / n)} |`);
    for (const p of ['car', 'emergency'] as const) {
      for (const [what, a] of Object.entries(arraysOf(graphs[p]))) breakdown.push(`| ${p} | ${what} | ${mb((a.byteLength * 1e6) / n)} |`);
    }
  }
  for (const p of ['car', 'emergency'] as const) {
    rows.push(`| ${name} | ${p} | adjacency + hierarchy typed arrays | ${mb(bytes(graphs[p]))} MB${perMillion(bytes(graphs[p]))} | ${mb(bytes(graphs.car))} MB | ${(bytes(graphs[p]) / bytes(graphs.car)).toFixed(2)} |`);
    rows.push(`| ${name} | ${p} | adjacency build at load (ms) | ${load[p].toFixed(0)} | ${load.car.toFixed(0)} | ${(load[p] / load.car).toFixed(2)} |`);
    rows.push(`| ${name} | ${p} | hierarchy build (s) | ${(build[p] / 1000).toFixed(1)} | ${(build.car / 1000).toFixed(1)} | ${(build[p] / build.car).toFixed(2)} |`);
  }
  const total = shared + bytes(graphs.car) + bytes(graphs.emergency);
  rows.push(`| ${name} | car + emergency | all typed arrays held (excl. snap index) | ${mb(total)} MB${perMillion(total)} | ${mb(shared + bytes(graphs.car))} MB | ${(total / (shared + bytes(graphs.car))).toFixed(2)} |`);
  const units = randomPlaces(graphs.car, UNITS, 1);
  const incidents = randomPlaces(graphs.car, 200, 2);
  const timings = {} as Record<Profile, { prepared: Timing; phast: Timing; dijkstra: Timing }>;
  for (const p of ['car', 'emergency'] as const) {
    const fleet = new PreparedOrigins(graphs[p], units);
    timings[p] = {
      prepared: time(300, (i) => fleet.manyToOne(incidents[i % 200]!, { cutoff: CUTOFF_S })),
      phast: time(big ? 50 : 300, (i) => manyToOne(graphs[p], units, incidents[i % 200]!, { cutoff: CUTOFF_S })),
      dijkstra: time(big ? 100 : 300, (i) => manyToOne(graphs[p], units, incidents[i % 200]!, { cutoff: CUTOFF_S, engine: 'dijkstra' })),
    };
  }
  // A vehicle over a height limit (Baltimore's one maxheight, 4.17 m, in every tile): the
  // emergency graph less those roads, answered by Dijkstra on shared arcs (issue 17, §4).
  const t0 = performance.now();
  const tall = graphs.emergency.forVehicle({ heightM: 4.5 });
  const vehicleMs = performance.now() - t0;
  const vehicleBytes = tall.forward.live?.byteLength ?? 0;
  const vehicle = time(big ? 100 : 300, (i) => manyToOne(tall, units, incidents[i % 200]!, { cutoff: CUTOFF_S }));
  for (const p of ['car', 'emergency'] as const) {
    for (const [what, key] of [['many-to-one 1,000 units, prepared fleet (RPHAST), p50 / p99 ms', 'prepared'], ['many-to-one, same, engine auto, p50 / p99 ms', 'phast'], ['many-to-one, same, plain Dijkstra, p50 / p99 ms', 'dijkstra']] as const) {
      const t = timings[p][key], c = timings.car[key];
      rows.push(`| ${name} | ${p} | ${what} | ${t.p50.toFixed(3)} / ${t.p99.toFixed(2)} | ${c.p50.toFixed(3)} / ${c.p99.toFixed(2)} | ${(t.p50 / c.p50).toFixed(2)} |`);
    }
  }
  const e = timings.emergency.phast;
  rows.push(`| ${name} | emergency, 4.5 m vehicle (${tall.blocked.size} roads closed) | many-to-one, same, Dijkstra on shared arcs, p50 / p99 ms (peer: emergency, engine auto) | ${vehicle.p50.toFixed(3)} / ${vehicle.p99.toFixed(2)} | ${e.p50.toFixed(3)} / ${e.p99.toFixed(2)} | ${(vehicle.p50 / e.p50).toFixed(2)} |`);
  rows.push(`| ${name} | emergency, 4.5 m vehicle | made by forVehicle: ms / own typed arrays | ${vehicleMs.toFixed(0)} ms / ${mb(vehicleBytes)} MB${perMillion(vehicleBytes)} | | |`);
}

/** The bytes of several arrays together. */
function concat(...arrays: ArrayBufferView[]): Sized {
  return { byteLength: arrays.reduce((s, a) => s + a.byteLength, 0) };
}
