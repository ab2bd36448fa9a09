// The national live-coverage world the issue-16 §1 benches share (live.ts, live-moves.ts, live-gc.ts):
// the metro graph (side × side Baltimore tiles; 14: 1.12 M routing nodes), key places and patrol cars at
// national densities (200,000 and 10,000 at side 14, scaled by area below it), and the units' AVL moves.
import { PROFILES, RoadGraph } from '@firebreak/roadgraph';
import { BALTIMORE_PBF, extract } from '../../packages/roadgraph/src/testing/extracts.js';
import { seededRandom } from '../../packages/roadgraph/src/testing/factories.js';
import type { ProfileGraphs } from '../../apps/server/src/modules/dispatch/index.js';
import type { PlaceAt, UnitAt } from '../../apps/server/src/modules/coverage/live-coverage.js';
import { MaintainedCoverage } from '../../apps/server/src/modules/coverage/maintained-coverage.js';
import { stitchTiles } from '../roadgraph/stitch.js';

export const say = (line: string): void => void process.stdout.write(`${line}\n`);
/** CPU time of the process (user + system) in ms: the per-operation figure load does not inflate. */
export const cpuNow = (): number => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; };

/**
 * The world's draws: mulberry32 (the road graph's test generator). The benches' earlier generator,
 * `s = (s * 1103515245 + 12345) % 2 ** 31` in floating point, loses the product's low bits past 2^53
 * and falls into a cycle of 10,466 states after 2,665 draws: its 200,000 "random" places were a few
 * thousand positions (at most the cycle's 10,466), dozens of places on each, the units on the same junctions (issue 16, docs/benchmarks.md).
 */
export const seeded = seededRandom;

/** Points by junctions of the main network, a few metres off. */
export function points(graph: RoadGraph, count: number, random: () => number): { lon: number; lat: number }[] {
  const out: { lon: number; lat: number }[] = [];
  while (out.length < count) {
    const v = Math.floor(random() * graph.graphNodeCount);
    if (graph.mainNetwork[v] !== 1) continue;
    out.push({ lon: graph.data.nodeLon[v]! + (random() - 0.5) * 1e-4, lat: graph.data.nodeLat[v]! + (random() - 0.5) * 1e-4 });
  }
  return out;
}

export interface LiveWorld {
  metro: RoadGraph;
  graphs: ProfileGraphs;
  random: () => number;
  places: PlaceAt[];
  units: UnitAt[];
  /** The area's share of the 14 × 14 tiles (places, units and moves scale by it). */
  scale: number;
}

/** The world at this side (14: issue 16's national size); places' ids sort as their index. */
export async function liveWorld(side = 14): Promise<LiveWorld> {
  const metro = new RoadGraph(stitchTiles(await extract(BALTIMORE_PBF), side));
  // Every profile on the one graph: all units are patrol cars here, so one travel graph.
  const graphs = Object.fromEntries(PROFILES.map((p) => [p, metro])) as unknown as ProfileGraphs;
  const scale = (side * side) / 196;
  const random = seeded(16);
  const places: PlaceAt[] = points(metro, Math.round(200_000 * scale), random).map((p, i) => ({ id: `p${String(i).padStart(6, '0')}`, name: `Place ${i % 5_000}`, category: 'school', jurisdictionPath: 'nation', ...p }));
  const units: UnitAt[] = points(metro, Math.round(10_000 * scale), random).map((p, i) => ({ id: `u${i}`, callSign: `U${i}`, kind: 'patrol_car', ...p }));
  return { metro, graphs, random, places, units, scale };
}

/** One unit's next AVL fix (written into `world.units`): a step of up to ~300 m from where it is (±2.5e-3° lon, ±2e-3° lat). */
export function stepUnit(world: LiveWorld, i: number): UnitAt {
  const u = world.units[i]!, { random } = world;
  const next = { ...u, lon: u.lon + (random() - 0.5) * 5e-3, lat: u.lat + (random() - 0.5) * 4e-3 };
  world.units[i] = next;
  return next;
}

/** `count` AVL fixes of random units, each moved in the state as the bus hands it over. */
export function moveUnits(world: LiveWorld, state: MaintainedCoverage, count: number): void {
  for (let j = 0; j < count; j++) {
    const u = stepUnit(world, Math.floor(world.random() * world.units.length));
    state.move(u.id, u.lon, u.lat);
  }
}

/** The two ways a question finds the places to read again after moves (`MaintainedCoverage.scanAbove`). */
export const WAYS = {
  index: { scanAbove: 0, name: 'the index of places by node' },
  pass: { scanAbove: Infinity, name: 'a pass over the places\' seeds' },
} as const;
export type Way = keyof typeof WAYS;

/** Runs `run` with the changed places found one way, the default restored after. */
export async function byWay<T>(way: Way, run: () => T | Promise<T>): Promise<T> {
  const kept = MaintainedCoverage.scanAbove;
  MaintainedCoverage.scanAbove = WAYS[way].scanAbove;
  try {
    return await run();
  } finally {
    MaintainedCoverage.scanAbove = kept;
  }
}

/**
 * The process's first questions after moves, untimed in the rows and returned (CPU ms, in order):
 * `rounds` each way. They pay V8's JIT once per process: code that the questions without moves
 * left optimized meets branches it has no feedback for (changed places found, a part of the places
 * read again), is deoptimized and compiled again, on the compiler thread the process CPU time
 * counts. Measured at 4 × 4 tiles (`--trace-opt --trace-deopt`, docs/benchmarks.md): ~77 ms CPU for
 * the first such question against ~8 from the fourth on, with the same places read again — the
 * order effect of the earlier runs, where the first moves row paid it.
 */
export async function warmAfterMoves(world: LiveWorld, state: MaintainedCoverage, moves: number, rounds: number, ask: () => void): Promise<number[]> {
  const cpu: number[] = [];
  for (const way of Object.keys(WAYS) as Way[]) {
    await byWay(way, () => {
      for (let k = 0; k < rounds; k++) {
        moveUnits(world, state, moves);
        const c = cpuNow();
        ask();
        cpu.push(cpuNow() - c);
      }
    });
  }
  return cpu;
}
