/**
 * Load time of a metro-size graph file with both profiles' adjacency (issue 17 limit: <= 1 s),
 * and the bytes the adjacency of each profile holds: `npx tsx bench/roadgraph/load.ts [side] [dir]`.
 * The hierarchies are left out (building two for a million nodes takes over 10 minutes here);
 * loading one is reading its typed arrays from the file.
 */
import { loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { PROFILES, RoadGraph, importOsm, loadGraphData, saveGraph } from '../../packages/roadgraph/src/index.js';
import { stitchTiles } from './stitch.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const SIDE = Number(process.argv[2] ?? 14);
const DIR = process.argv[3] ?? '/tmp';
const file = `${DIR}/metro-${SIDE}.rgraph`;
const data = stitchTiles(await importOsm(`${ROOT}data/osm/baltimore.osm.pbf`), SIDE);
await saveGraph(data, file);
const times: number[] = [];
// The peer: reading the file alone (I/O, views, consistency check), measured in the same loads.
const fileTimes: number[] = [];
const cpuTimes: number[] = [];
let bytes = 0;
for (let i = 0; i < 5; i++) {
  const cpu = process.cpuUsage();
  const t = performance.now();
  const loaded = await loadGraphData(file);
  fileTimes.push(performance.now() - t);
  const graphs = PROFILES.map((p) => new RoadGraph(loaded, p));
  times.push(performance.now() - t);
  const used = process.cpuUsage(cpu);
  cpuTimes.push((used.user + used.system) / 1000);
  bytes = graphs.reduce((s, g) => s + g.forward.byteLength + g.backward.byteLength, 0);
}
times.sort((a, b) => a - b);
fileTimes.sort((a, b) => a - b);
cpuTimes.sort((a, b) => a - b);
const n = data.nodeLon.length;
console.log(`metro ${SIDE}x${SIDE}: ${n} nodes; load graph file + car and emergency adjacency: median ${times[2]!.toFixed(0)} ms, min ${times[0]!.toFixed(0)} ms, max ${times[4]!.toFixed(0)} ms over 5 loads, CPU median ${cpuTimes[2]!.toFixed(0)} ms (reading the file alone: median ${fileTimes[2]!.toFixed(0)} ms, ratio ${(times[2]! / fileTimes[2]!).toFixed(2)}); adjacency of both ${(bytes / 2 ** 20).toFixed(1)} MB (${((bytes * 1e6) / n / 2 ** 20).toFixed(1)} MB per 1 M nodes); load average ${loadavg().map((l) => l.toFixed(2)).join(', ')}`);
