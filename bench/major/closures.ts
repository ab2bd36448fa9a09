/**
 * Closing a cordon's roads (issue 15: "a cordon of 500 road edges applied in ≤ 50 ms"): the
 * product's `RoadClosures.apply` (edges found once, closed on every profile's graph) beside the
 * naive way, each profile's `LiveChanges.closeArea` scanning the polygon itself, in one run on the
 * Baltimore graph. Each sample closes the cordon and lifts it again. `npx tsx bench/major/closures.ts`
 * prints a Markdown table (copied into docs/benchmarks.md, "Cordon road closures").
 */
import { fileURLToPath } from 'node:url';
import { LiveChanges, PROFILES, RoadGraph, edgesInPolygon, importOsm, type LonLat, type PolygonRings } from '../../packages/roadgraph/src/index.js';
import { RoadClosures } from '../../apps/server/src/modules/major-incidents/road-closures.js';
import { machine, ms, time } from '../roadgraph/measure.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const TARGET_MS = 50;
const data = await importOsm(`${ROOT}data/osm/baltimore.osm.pbf`);
const graphs = PROFILES.map((p) => new RoadGraph(data, p));

/** A 32-sided circle of `r` metres around the graph's middle node, as a cordon's radius makes it. */
function circle(r: number): PolygonRings {
  const mid = Math.floor(data.nodeLon.length / 2);
  const [lon, lat] = [data.nodeLon[mid]!, data.nodeLat[mid]!];
  const ring: LonLat[] = [];
  for (let i = 0; i <= 32; i++) {
    const a = (2 * Math.PI * (i % 32)) / 32;
    ring.push([lon + (r * Math.cos(a)) / (111_320 * Math.cos((lat * Math.PI) / 180)), lat + (r * Math.sin(a)) / 110_540]);
  }
  return [ring];
}

const rows: string[] = [];
for (const target of [100, 500, 2000]) {
  let r = 50;
  while (edgesInPolygon(graphs[0]!, circle(r)).length < target) r *= 1.15;
  const area = circle(r);
  const edges = edgesInPolygon(graphs[0]!, area).length;
  const closures = new RoadClosures(graphs);
  const ours = time(200, () => {
    closures.apply([{ key: 'm:inner', version: '1', area }]);
    closures.apply([]);
  });
  const live = graphs.map((g) => new LiveChanges(g));
  const naive = time(200, () => {
    const changes = live.map((l) => l.closeArea(area));
    changes.forEach((c, i) => live[i]!.lift(c));
  });
  rows.push(`| ${edges} edges (${Math.round(r)} m) | ${PROFILES.length} | ${ms(ours.p50)} / ${ms(ours.p99)} | ${ms(naive.p50)} / ${ms(naive.p99)} | ${(naive.p50 / ours.p50).toFixed(1)}× | ${ours.p99 <= TARGET_MS ? 'yes' : 'NO'} |`);
}
console.log(`Baltimore, ${data.nodeLon.length} nodes, ${data.edgeSource.length} edges; ${machine()}\n`);
console.log(['| cordon | profiles | RoadClosures close + lift, p50 / p99 ms | peer: closeArea per profile, p50 / p99 ms | peer / ours | p99 ≤ 50 ms |', '| --- | ---: | ---: | ---: | ---: | --- |', ...rows].join('\n'));
