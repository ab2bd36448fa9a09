// What a national coverage question costs after units moved (issue 16 §1: p99 <= 100 ms, 200,000 places,
// 10,000 units; the rows "after 1,000 unit moves" of bench:coverage:live), both ways of finding the places
// to read again side by side in one run, in the order asked: the index of places by node (`scanAbove` 0)
// and one pass over the places' seeds (Infinity). Rounds of BENCH_MOVES AVL fixes (untimed), then one
// question on the same place objects, each between two marker lines (node --trace-gc's lines between them
// are its collections), with the places read again and the routing nodes reported changed.
// Usage: node --expose-gc --trace-gc [--cpu-prof] --import tsx bench/coverage/live-moves.ts
//   (BENCH_QUERY_RUNS=20 per way, BENCH_MOVES=1000, BENCH_SIDE=14, BENCH_ORDER=index,pass or pass,index,
//   BENCH_WARM=3 questions after moves each way first, untimed in the rows: the JIT's once per process, see
//   `warmAfterMoves`; 0 to see it in the first row); the profile's frames under `movedQuestion`.
import os from 'node:os';
import type { PlaceAt, UnitAt } from '../../apps/server/src/modules/coverage/live-coverage.js';
import { liveAnswer } from '../../apps/server/src/modules/coverage/live-answer.js';
import { MaintainedCoverage } from '../../apps/server/src/modules/coverage/maintained-coverage.js';
import { percentile } from '../lib/stats.js';
import { byWay, cpuNow, liveWorld, moveUnits, say, warmAfterMoves, type Way } from './live-world.js';

const RUNS = Number(process.env.BENCH_QUERY_RUNS ?? 20);
const SIDE = Number(process.env.BENCH_SIDE ?? 14);
const WARM = Number(process.env.BENCH_WARM ?? 3);
const ORDER = (process.env.BENCH_ORDER ?? 'index,pass').split(',') as Way[];
const byPath = new Map<string, Readonly<Record<string, string>>>();

/** The questions after moves (named for the profile). */
function movedQuestion(state: MaintainedCoverage, units: readonly UnitAt[], places: readonly PlaceAt[]): void {
  state.sync(units);
  liveAnswer(state, places, byPath, null);
}

async function main(): Promise<void> {
  const world = await liveWorld(SIDE);
  const moves = Math.round(Number(process.env.BENCH_MOVES ?? 1000) * world.scale);
  const state = new MaintainedCoverage(world.graphs);
  state.sync(world.units);
  liveAnswer(state, world.places, byPath, null);
  say(`${world.metro.nodeCount} routing nodes, ${world.places.length} places, ${world.units.length} units, ${moves} moves before each question; load ${os.loadavg().map((x) => x.toFixed(1)).join(' / ')}`);
  const warm = await warmAfterMoves(world, state, moves, WARM, () => movedQuestion(state, world.units, world.places));
  say(`first questions after moves of the process (${WARM} each way, not in the rows): CPU ${warm.map((x) => x.toFixed(0)).join(', ')} ms`);
  const summary: string[] = [];
  for (const way of ORDER) await byWay(way, () => {
    const cpu: number[] = [], read: number[] = [];
    for (let k = 0; k < RUNS; k++) {
      const m = cpuNow();
      moveUnits(world, state, moves);
      const moveCpu = cpuNow() - m;
      say(`${way} question ${k} start`);
      const w = performance.now(), c = cpuNow();
      movedQuestion(state, world.units, world.places);
      const spent = cpuNow() - c;
      cpu.push(spent);
      read.push(state.readAgain);
      say(`${way} question ${k} end: CPU ${spent.toFixed(1)} ms, wall ${(performance.now() - w).toFixed(1)} ms; ${state.readAgain} places read again, ${state.nodesChanged} nodes changed; moves ${moveCpu.toFixed(0)} ms CPU`);
    }
    cpu.sort((a, b) => a - b);
    read.sort((a, b) => a - b);
    summary.push(`${way}: CPU p50 ${percentile(cpu, 50).toFixed(1)} p99 ${percentile(cpu, 99).toFixed(1)} max ${cpu.at(-1)!.toFixed(1)} ms over ${RUNS}; places read again p50 ${percentile(read, 50)} max ${read.at(-1)}`);
  });
  say(`after ${moves} moves, in the order ${ORDER.join(' then ')}; load ${os.loadavg().map((x) => x.toFixed(1)).join(' / ')}`);
  for (const line of summary) say(line);
}

void main();
