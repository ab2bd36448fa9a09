// What the national coverage question's outliers are (issue 16 §1: p99 <= 100 ms, 200,000 places,
// 10,000 units): the metro graph and the maintained state of bench:coverage:live, then questions
// as the route asks them on places read afresh each time (new rows and strings, as the database read
// hands them over), each between two marker lines, so that node --trace-gc's lines between the
// markers are the collections inside that question.
// COVERAGE_PATH=new: the route's code (`liveAnswer`); =old: as the route did it before (placesInWindow,
// then a copy of each place with its hours into MaintainedCoverage.coverage).
// Usage: node --trace-gc --import tsx bench/coverage/live-gc.ts > trace.txt   (BENCH_QUERY_RUNS=40)
//   then grep -E '^(question|\[)' trace.txt; with --cpu-prof, bench/lib/profile-shares.ts on the profile.
import { PROFILES, RoadGraph } from '@firebreak/roadgraph';
import { BALTIMORE_PBF, extract } from '../../packages/roadgraph/src/testing/extracts.js';
import type { ProfileGraphs } from '../../apps/server/src/modules/dispatch/index.js';
import type { PlaceAt, UnitAt } from '../../apps/server/src/modules/coverage/live-coverage.js';
import { MaintainedCoverage } from '../../apps/server/src/modules/coverage/maintained-coverage.js';
import { placesInWindow } from '../../apps/server/src/modules/coverage/windows.js';
import { percentile } from '../lib/stats.js';
import { stitchTiles } from '../roadgraph/stitch.js';

const RUNS = Number(process.env.BENCH_QUERY_RUNS ?? 40);
const PATH = process.env.COVERAGE_PATH === 'old' ? 'old' : 'new';
const say = (line: string): void => void process.stdout.write(`${line}\n`);
const cpuNow = (): number => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; };

function seeded(seed: number): () => number {
  let s = seed;
  return () => ((s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
}

function points(graph: RoadGraph, count: number, random: () => number): { lon: number; lat: number }[] {
  const out: { lon: number; lat: number }[] = [];
  while (out.length < count) {
    const v = Math.floor(random() * graph.graphNodeCount);
    if (graph.mainNetwork[v] !== 1) continue;
    out.push({ lon: graph.data.nodeLon[v]! + (random() - 0.5) * 1e-4, lat: graph.data.nodeLat[v]! + (random() - 0.5) * 1e-4 });
  }
  return out;
}

async function main(): Promise<void> {
  const metro = new RoadGraph(stitchTiles(await extract(BALTIMORE_PBF), 14));
  const graphs = Object.fromEntries(PROFILES.map((p) => [p, metro])) as unknown as ProfileGraphs;
  const random = seeded(16);
  const places: PlaceAt[] = points(metro, 200_000, random).map((p, i) => ({ id: `p${i}`, name: `Place ${i % 5_000}`, category: 'school', jurisdictionPath: 'nation', ...p }));
  const units: UnitAt[] = points(metro, 10_000, random).map((p, i) => ({ id: `u${i}`, callSign: `U${i}`, kind: 'patrol_car', ...p }));
  const state = new MaintainedCoverage(graphs);
  state.sync(units);
  state.coverage(places);
  const byPath = new Map<string, Readonly<Record<string, string>>>();
  const { liveAnswer } = PATH === 'new' ? await import('../../apps/server/src/modules/coverage/live-answer.js') : { liveAnswer: null };
  const fresh = (x: string) => `#${x}`.slice(1);
  say(`path ${PATH}: ${metro.nodeCount} routing nodes, ${places.length} places, ${units.length} units; questions follow`);
  const cpu: number[] = [];
  for (let k = 0; k < RUNS; k++) {
    const rows = places.map((p) => ({ id: fresh(p.id), name: fresh(p.name), category: fresh(p.category), jurisdictionPath: fresh(p.jurisdictionPath), lon: p.lon, lat: p.lat, openingHours: null }));
    say(`question ${k} start`);
    const w = performance.now(), c = cpuNow();
    state.sync(units);
    if (liveAnswer) liveAnswer(state, rows, byPath, null);
    else {
      const { counted } = placesInWindow(rows, byPath, null);
      state.coverage(counted.map((p) => ({ ...p.place, hours: p.hours, hoursSource: p.hoursSource })));
    }
    const spent = cpuNow() - c;
    cpu.push(spent);
    say(`question ${k} end: CPU ${spent.toFixed(1)} ms, wall ${(performance.now() - w).toFixed(1)} ms`);
  }
  cpu.sort((a, b) => a - b);
  say(`path ${PATH}: CPU p50 ${percentile(cpu, 50).toFixed(1)} p99 ${percentile(cpu, 99).toFixed(1)} max ${cpu.at(-1)!.toFixed(1)} ms over ${RUNS}`);
}

void main();
