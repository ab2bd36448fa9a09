// Placement and live coverage, side by side in one run (issue 16):
// A. OR-Library p-median pmed1-40: greedy + interchange (ours) vs a plain greedy vs HiGHS on the
//    full model (exact, with a time limit; by default only where n <= BENCH_EXACT_MAX_N), against
//    the published optima.
// B. Live coverage on Baltimore: one multi-source search (nearestOrigins) vs one search per unit.
// C. MCLP 10,000 demand x 1,000 candidates (p = 30, T = 5 min) on Baltimore: the heuristic vs its
//    Lagrangean bound vs a plain greedy; HiGHS at 2,000 x 300 (p = 15).
// Usage: npm run bench:coverage   (BENCH_EXACT_LIMIT=20 seconds per exact solve; BENCH_EXACT_MAX_N=200;
//   BENCH_PARTS=pmed,live,mclp (a subset prints only); BENCH_DOC=0 leaves docs/benchmarks.md alone)
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { nearestOrigins, oneToMany, RoadGraph, type Snapped } from '@firebreak/roadgraph';
import { BALTIMORE_PBF, extract } from '../../packages/roadgraph/src/testing/extracts.js';
import { readPmed, readPmedOptima } from '../../apps/server/src/modules/coverage/orlib.js';
import { solveExact } from '../../apps/server/src/modules/coverage/placement-exact.js';
import { solveHeuristic } from '../../apps/server/src/modules/coverage/placement-heuristic.js';
import type { PlacementProblem } from '../../apps/server/src/modules/coverage/placement-model.js';
import { writeSection } from '../lib/benchmarks-doc.js';
import { machine } from '../lib/machine.js';
import { percentile } from '../lib/stats.js';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ORLIB = path.resolve(HERE, '../../data/coverage/pmedian_orlib');
const DOC = path.resolve(HERE, '../../docs/benchmarks.md');
const EXACT_LIMIT = Number(process.env.BENCH_EXACT_LIMIT ?? 20);
const EXACT_MAX_N = Number(process.env.BENCH_EXACT_MAX_N ?? 200);
const PARTS = new Set((process.env.BENCH_PARTS ?? 'pmed,live,mclp').split(','));
const say = (line: string): void => void process.stdout.write(`${line}\n`);
const ms = (x: number) => (x < 10 ? x.toFixed(2) : x.toFixed(0));
const pct = (x: number) => `${(x * 100).toFixed(2)} %`;

function randomPoints(graph: RoadGraph, count: number, seed: number): Snapped[] {
  let s = seed;
  const random = () => ((s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  const out: Snapped[] = [];
  while (out.length < count) {
    const v = Math.floor(random() * graph.nodeCount);
    if (graph.mainNetwork[v] !== 1) continue;
    out.push(graph.snapper.snap([graph.data.nodeLon[v]! + (random() - 0.5) * 1e-4, graph.data.nodeLat[v]! + (random() - 0.5) * 1e-4]));
  }
  return out;
}

async function pmedian(lines: string[]): Promise<void> {
  const optima = readPmedOptima(path.join(ORLIB, 'pmed_optimal.csv'));
  lines.push('| instance | n | p | optimum | greedy (ms) | greedy + interchange (ms) | bound gap (ms) | HiGHS exact (ms) |', '| --- | ---: | ---: | ---: | --- | --- | ---: | --- |');
  let within1 = 0, exactOptimal = 0, exactRun = 0;
  for (let k = 1; k <= 40; k++) {
    const inst = readPmed(path.join(ORLIB, `pmed${k}.txt`));
    const pr: PlacementProblem = { ...inst, kind: 'p-median' };
    const opt = optima.get(`pmed${k}`)!;
    const greedy = solveHeuristic(pr, { plainGreedy: true, bound: false });
    const h = solveHeuristic(pr);
    if (h.objective / opt - 1 <= 0.01) within1++;
    let exact = 'not run (n > BENCH_EXACT_MAX_N)';
    if (inst.n <= EXACT_MAX_N) {
      exactRun++;
      const e = await solveExact(pr, { timeLimitSeconds: EXACT_LIMIT });
      if (!e.timedOut && e.objective === opt) exactOptimal++;
      exact = e.timedOut ? `${e.objective} timed out at ${EXACT_LIMIT} s` : `${e.objective}${e.objective === opt ? ' ✓' : ' ✗'} (${ms(e.milliseconds)})`;
    }
    const row = `| pmed${k} | ${inst.n} | ${inst.p} | ${opt} | ${greedy.objective} +${pct(greedy.objective / opt - 1)} (${ms(greedy.solveMilliseconds)}) | ${h.objective} +${pct(h.objective / opt - 1)} (${ms(h.solveMilliseconds)}) | ${pct(h.gap)} (${ms(h.milliseconds - h.solveMilliseconds)}) | ${exact} |`;
    lines.push(row);
    say(row);
  }
  lines.push('', `Greedy + interchange within 1 % of the optimum on ${within1}/40; HiGHS proved the published optimum on ${exactOptimal}/${exactRun} it ran (time limit ${EXACT_LIMIT} s each). "bound gap" is the heuristic's distance to its own Lagrangean lower bound (whose limit is the LP bound), which the API reports when the optimum is not known.`);
}

function liveCoverage(graph: RoadGraph, lines: string[]): void {
  lines.push('', '| places | units | nearestOrigins, one search (p50 / p99 ms) | one search per unit (p50 ms) | ratio |', '| ---: | ---: | --- | --- | ---: |');
  for (const [places, units] of [[2_000, 50], [20_000, 500]] as const) {
    const targets = randomPoints(graph, places, 7), origins = randomPoints(graph, units, 8);
    const ours: number[] = [], naive: number[] = [];
    for (let r = 0; r < 20; r++) {
      const t0 = performance.now();
      nearestOrigins(graph, origins, targets, { cutoff: 300 });
      ours.push(performance.now() - t0);
    }
    for (let r = 0; r < 3; r++) {
      const t0 = performance.now();
      const best = new Float64Array(places).fill(Infinity);
      for (const o of origins) oneToMany(graph, o, targets, { cutoff: 300, engine: 'dijkstra' }).forEach((s, i) => { if (s < best[i]!) best[i] = s; });
      naive.push(performance.now() - t0);
    }
    ours.sort((a, b) => a - b); naive.sort((a, b) => a - b);
    const row = `| ${places} | ${units} | ${ms(percentile(ours, 50))} / ${ms(percentile(ours, 99))} | ${ms(percentile(naive, 50))} | ${(percentile(naive, 50) / percentile(ours, 50)).toFixed(1)}× |`;
    lines.push(row);
    say(row);
  }
}

async function mclp(graph: RoadGraph, lines: string[]): Promise<void> {
  const matrix = (n: number, m: number, T: number) => {
    const demand = randomPoints(graph, n, 11), cand = randomPoints(graph, m, 12);
    const time = new Float64Array(n * m);
    cand.forEach((c, j) => oneToMany(graph, c, demand, { cutoff: T }).forEach((s, i) => { time[i * m + j] = s; }));
    return time;
  };
  lines.push('', '| model | method | covered | bound | of the bound | solve ms | with the bound ms |', '| --- | --- | ---: | ---: | ---: | ---: | ---: |');
  const big: PlacementProblem = { kind: 'mclp', n: 10_000, m: 1_000, p: 30, withinSeconds: 300, time: matrix(10_000, 1_000, 300), weight: new Float64Array(10_000).fill(1) };
  const small: PlacementProblem = { kind: 'mclp', n: 2_000, m: 300, p: 15, withinSeconds: 300, time: matrix(2_000, 300, 300), weight: new Float64Array(2_000).fill(1) };
  const runs: [string, PlacementProblem, () => Promise<{ objective: number; bound: number; milliseconds: number; timedOut: boolean; solveMilliseconds?: number }>][] = [
    ['10,000 × 1,000, p = 30', big, async () => solveHeuristic(big)],
    ['10,000 × 1,000, p = 30', big, async () => solveHeuristic(big, { plainGreedy: true })],
    ['2,000 × 300, p = 15', small, async () => solveHeuristic(small)],
    ['2,000 × 300, p = 15', small, async () => solveHeuristic(small, { plainGreedy: true })],
    ['2,000 × 300, p = 15', small, async () => solveExact(small, { timeLimitSeconds: EXACT_LIMIT })],
  ];
  const names = ['greedy + interchange', 'plain greedy', 'greedy + interchange', 'plain greedy', `HiGHS (limit ${EXACT_LIMIT} s)`];
  for (const [k, [label, , run]] of runs.entries()) {
    const s = await run();
    const row = `| ${label} | ${names[k]}${s.timedOut ? ' (timed out)' : ''} | ${s.objective} | ${s.bound.toFixed(1)} | ${pct(s.objective / s.bound)} | ${ms(s.solveMilliseconds ?? s.milliseconds)} | ${ms(s.milliseconds)} |`;
    lines.push(row);
    say(row);
  }
  lines.push('', '"solve ms" is the heuristic alone; "with the bound" adds its Lagrangean bound (300 subgradient steps at most). The travel-time matrix (one search per candidate, cut at T) is built before and not counted.');
}

async function main(): Promise<void> {
  const m = machine();
  const lines: string[] = [`Measured ${new Date().toISOString().slice(0, 10)} on ${m.cpus} × ${m.cpuModel}, Node ${m.node}, with \`npm run bench:coverage\` (shared machine: other work was running).`];
  if (PARTS.has('pmed')) {
    lines.push('', '### p-median, OR-Library pmed1-40', '');
    await pmedian(lines);
  }
  const graph = new RoadGraph(await extract(BALTIMORE_PBF));
  if (PARTS.has('live')) {
    lines.push('', `### Live coverage: nearest available unit to each place within 5 minutes (Baltimore, ${graph.nodeCount} junctions)`);
    liveCoverage(graph, lines);
  }
  if (PARTS.has('mclp')) {
    lines.push('', '### MCLP, T = 5 min (Baltimore)');
    await mclp(graph, lines);
  }
  if (process.env.BENCH_DOC !== '0' && PARTS.size === 3) writeSection(DOC, 'Coverage and placement', lines.join('\n'));
}

void main();
