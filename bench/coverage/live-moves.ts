// What a national coverage question costs after units moved (issue 16 §1: p99 <= 100 ms, 200,000 places,
// 10,000 units; the row "after 1,000 unit moves" of bench:coverage:live): the metro graph and maintained
// state of that bench, then rounds of BENCH_MOVES AVL steps (untimed) and one question on the same place
// objects, each question between two marker lines (node --trace-gc's lines between them are its
// collections), with the places read again and the routing nodes reported changed.
// Usage: node --expose-gc --trace-gc [--cpu-prof --cpu-prof-interval 200] --import tsx bench/coverage/live-moves.ts
//   (BENCH_QUERY_RUNS=20, BENCH_MOVES=1000, BENCH_SIDE=14, BENCH_SCAN_ABOVE); the profile's frames under `movedQuestion`.
import { PROFILES, RoadGraph } from '@firebreak/roadgraph';
import { BALTIMORE_PBF, extract } from '../../packages/roadgraph/src/testing/extracts.js';
import type { ProfileGraphs } from '../../apps/server/src/modules/dispatch/index.js';
import type { PlaceAt, UnitAt } from '../../apps/server/src/modules/coverage/live-coverage.js';
import { liveAnswer } from '../../apps/server/src/modules/coverage/live-answer.js';
import { MaintainedCoverage } from '../../apps/server/src/modules/coverage/maintained-coverage.js';
import { percentile } from '../lib/stats.js';
import { stitchTiles } from '../roadgraph/stitch.js';

const RUNS = Number(process.env.BENCH_QUERY_RUNS ?? 20);
/** A smaller metro (BENCH_SIDE tiles a side) keeps the national densities: places, units and moves scaled by area. */
const SIDE = Number(process.env.BENCH_SIDE ?? 14);
const SCALE = (SIDE * SIDE) / 196;
const MOVES = Math.round(Number(process.env.BENCH_MOVES ?? 1000) * SCALE);
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

const byPath = new Map<string, Readonly<Record<string, string>>>();
/** Named for the profile. */
function question(state: MaintainedCoverage, units: readonly UnitAt[], places: readonly PlaceAt[]): void {
  state.sync(units);
  liveAnswer(state, places, byPath, null);
}

/** The questions after moves (named apart from the first ones, which snap every place, for the profile). */
function movedQuestion(state: MaintainedCoverage, units: readonly UnitAt[], places: readonly PlaceAt[]): void {
  state.sync(units);
  liveAnswer(state, places, byPath, null);
}

async function main(): Promise<void> {
  // BENCH_SCAN_ABOVE=0: changed places always found by the index by node; =Infinity: always by the pass over the places.
  if (process.env.BENCH_SCAN_ABOVE !== undefined) MaintainedCoverage.scanAbove = Number(process.env.BENCH_SCAN_ABOVE);
  const metro = new RoadGraph(stitchTiles(await extract(BALTIMORE_PBF), SIDE));
  const graphs = Object.fromEntries(PROFILES.map((p) => [p, metro])) as unknown as ProfileGraphs;
  const random = seeded(16);
  const places: PlaceAt[] = points(metro, Math.round(200_000 * SCALE), random).map((p, i) => ({ id: `p${i}`, name: `Place ${i % 5_000}`, category: 'school', jurisdictionPath: 'nation', ...p }));
  const units: UnitAt[] = points(metro, Math.round(10_000 * SCALE), random).map((p, i) => ({ id: `u${i}`, callSign: `U${i}`, kind: 'patrol_car', ...p }));
  const state = new MaintainedCoverage(graphs);
  state.sync(units);
  question(state, units, places);
  question(state, units, places);
  const near = (u: UnitAt) => ({ ...u, lon: u.lon + (random() - 0.5) * 5e-3, lat: u.lat + (random() - 0.5) * 4e-3 });
  say(`${metro.nodeCount} routing nodes, ${places.length} places, ${units.length} units, ${MOVES} moves before each question`);
  const cpu: number[] = [], moveCpu: number[] = [];
  for (let k = 0; k < RUNS; k++) {
    const m = cpuNow();
    for (let j = 0; j < MOVES; j++) {
      const i = Math.floor(random() * units.length);
      const u = near(units[i]!);
      units[i] = u;
      state.move(u.id, u.lon, u.lat);
    }
    moveCpu.push(cpuNow() - m);
    say(`question ${k} start`);
    const w = performance.now(), c = cpuNow();
    movedQuestion(state, units, places);
    const spent = cpuNow() - c;
    cpu.push(spent);
    say(`question ${k} end: CPU ${spent.toFixed(1)} ms, wall ${(performance.now() - w).toFixed(1)} ms; ${state.readAgain} places read again, ${state.nodesChanged} nodes changed; moves ${moveCpu.at(-1)!.toFixed(0)} ms CPU`);
  }
  cpu.sort((a, b) => a - b);
  say(`after ${MOVES} moves: CPU p50 ${percentile(cpu, 50).toFixed(1)} p99 ${percentile(cpu, 99).toFixed(1)} max ${cpu.at(-1)!.toFixed(1)} ms over ${RUNS}`);
}

void main();
