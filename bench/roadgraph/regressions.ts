/**
 * The two figures issue 17's last session flagged, measured again side by side (car vs
 * emergency, first vs repeated builds) so that a CPU profile (`node --cpu-prof`) can settle them:
 * the adjacency build of the 4x4 metro, and the prepared-fleet many-to-one per profile.
 * `npx tsx bench/roadgraph/regressions.ts [side] [cacheDir]`; hierarchies are cached in cacheDir.
 */
import { existsSync } from 'node:fs';
import { loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import {
  PreparedOrigins, RoadGraph, importOsm, loadHierarchy, saveHierarchy, type Profile,
} from '../../packages/roadgraph/src/index.js';
import { time } from './measure.js';
import { stitchTiles } from './stitch.js';
import { randomPlaces } from './workloads.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const SIDE = Number(process.argv[2] ?? 4);
const CACHE = process.argv[3] ?? '/tmp';
const PROFILES: Profile[] = ['car', 'emergency'];

const data = stitchTiles(await importOsm(`${ROOT}data/osm/baltimore.osm.pbf`), SIDE);
console.log(`metro ${SIDE}x${SIDE}: ${data.nodeLon.length} nodes, ${data.edgeSource.length} edges`);
// Adjacency build, each profile five times in turn: the first build of the process runs cold code.
for (let round = 0; round < 5; round++) {
  const ms = PROFILES.map((p) => {
    const t = performance.now();
    new RoadGraph(data, p);
    return (performance.now() - t).toFixed(0);
  });
  console.log(`adjacency build round ${round + 1}: car ${ms[0]} ms, emergency ${ms[1]} ms`);
}
const graphs = {} as Record<Profile, RoadGraph>;
for (const p of PROFILES) {
  const g = new RoadGraph(data, p);
  const file = `${CACHE}/metro-${SIDE}-${p}.ch`;
  if (existsSync(file)) g.attachHierarchy(await loadHierarchy(file));
  else await saveHierarchy(g.buildHierarchy(), file);
  graphs[p] = g;
}
const units = randomPlaces(graphs.car, 1000, 1);
const incidents = randomPlaces(graphs.car, 200, 2);
const fleets = Object.fromEntries(PROFILES.map((p) => [p, new PreparedOrigins(graphs[p], units)])) as Record<Profile, PreparedOrigins>;
for (let round = 0; round < 3; round++) {
  for (const p of PROFILES) {
    const t = time(300, (i) => fleets[p].manyToOne(incidents[i % 200]!, { cutoff: 600 }));
    const size = (fleets[p] as unknown as { sweep?: { size: number } }).sweep?.size;
    console.log(`prepared fleet round ${round + 1} ${p}: p50 ${t.p50.toFixed(3)} ms, p99 ${t.p99.toFixed(2)} ms, sweep over ${size} nodes`);
  }
}
console.log(`load average: ${loadavg().map((l) => l.toFixed(2)).join(', ')}`);
