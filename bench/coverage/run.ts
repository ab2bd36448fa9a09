// Placement and live coverage, side by side in one run (issue 16):
// A. OR-Library p-median pmed1-40 against the published optima: a plain greedy vs the heuristic
//    (greedy + interchange + Lagrangean) vs the exact Lagrangean branch and bound (a budget of CPU
//    time per instance, BENCH_EXACT_LIMIT, 120 s: issue 16 sets no time per instance, only "40/40 exactly,
//    say the time each took"; pmed36 needs ~45 CPU s, the rest under 30) vs HiGHS on the full model
//    (where n <= BENCH_EXACT_MAX_N).
// B. Live coverage: one multi-source search (nearestOrigins) vs one search per unit, on Baltimore and at
//    issue 16's national size (200k places, 10k units) on the metro graph; CPU time per query.
// C. MCLP 10,000 demand x 1,000 candidates (p = 30, T = 5 min) on the metro graph (14 x 14 Baltimore
//    tiles): the heuristic and a plain greedy vs HiGHS's LP bound and the Lagrangean bound; HiGHS on
//    the full model at 2,000 x 300 (p = 15, one Baltimore tile).
// Usage: npm run bench:coverage   (BENCH_EXACT_LIMIT=120 CPU seconds per exact p-median solve; MCLP's HiGHS
//   exact solve keeps a 30 s wall limit; BENCH_HIGHS_LIMIT=10 wall seconds per HiGHS pmed solve; BENCH_EXACT_MAX_N=100 (HiGHS's pmed);
//   BENCH_PARTS=pmed,live,mclp and BENCH_PMED=36,39 (a subset prints only; BENCH_PARTS=pmed with all 40 rewrites
//   only the p-median subsection of the document); BENCH_DOC=0 leaves docs/benchmarks.md alone;
//   BENCH_PEER_SAMPLE=200 units timed for the per-unit peer at national size, BENCH_LIVE_RUNS=10 national queries)
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import os from 'node:os';
import { nearestOrigins, oneToMany, RoadGraph, type Snapped } from '@firebreak/roadgraph';
import { BALTIMORE_PBF, extract } from '../../packages/roadgraph/src/testing/extracts.js';
import { readPmed, readPmedOptima } from '../../apps/server/src/modules/coverage/orlib.js';
import { lpBound, solveExact, solveHighs } from '../../apps/server/src/modules/coverage/placement-exact.js';
import { solveHeuristic } from '../../apps/server/src/modules/coverage/placement-heuristic.js';
import type { PlacementProblem } from '../../apps/server/src/modules/coverage/placement-model.js';
import { writeSection, writeSubsection } from '../lib/benchmarks-doc.js';
import { machine } from '../lib/machine.js';
import { percentile } from '../lib/stats.js';
import { stitchTiles } from '../roadgraph/stitch.js';
import { seededRandom } from '../../packages/roadgraph/src/testing/factories.js';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ORLIB = path.resolve(HERE, '../../data/coverage/pmedian_orlib');
const DOC = path.resolve(HERE, '../../docs/benchmarks.md');
/** CPU seconds per exact p-median solve: no time is set per instance by the issue, so a budget that lets the hardest (pmed36) prove. */
const EXACT_LIMIT = Number(process.env.BENCH_EXACT_LIMIT ?? 120);
/** Wall seconds of HiGHS's exact MCLP solve at 2,000 x 300 (the target is 10 s; wider for a loaded machine). */
const MCLP_EXACT_LIMIT = 30;
const HIGHS_LIMIT = Number(process.env.BENCH_HIGHS_LIMIT ?? 10);
const EXACT_MAX_N = Number(process.env.BENCH_EXACT_MAX_N ?? 100);
const METRO_SIDE = 14;
/** The process's CPU time in milliseconds: on a shared machine the per-operation cost that load does not inflate. */
const cpuNow = (): number => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; };
async function timed<T>(run: () => T | Promise<T>): Promise<{ value: T; wall: number; cpu: number }> {
  const w = performance.now(), c = cpuNow();
  const value = await run();
  return { value, wall: performance.now() - w, cpu: cpuNow() - c };
}
const load = (): string => os.loadavg().map((x) => x.toFixed(1)).join(' / ');
/** The pmed instances to run (BENCH_PMED=36,39): all 40 by default; a subset leaves the document alone. */
const PMED = process.env.BENCH_PMED ? process.env.BENCH_PMED.split(',').map(Number) : Array.from({ length: 40 }, (_, k) => k + 1);
const PARTS = new Set((process.env.BENCH_PARTS ?? 'pmed,live,mclp').split(','));
const say = (line: string): void => void process.stdout.write(`${line}\n`);
const ms = (x: number) => (x < 10 ? x.toFixed(2) : x.toFixed(0));
const pct = (x: number) => `${(x * 100).toFixed(2)} %`;

function randomPoints(graph: RoadGraph, count: number, seed: number): Snapped[] {
  // mulberry32: the float LCG used before cycled after ~2,700 draws, stacking the points (see live-world.ts).
  const random = seededRandom(seed);
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
  lines.push('| instance | n | p | optimum | plain greedy (CPU ms) | heuristic (CPU ms) | its bound gap | exact, branch and bound: CPU ms (wall ms) | HiGHS full model (wall ms) |', '| --- | ---: | ---: | ---: | --- | --- | ---: | --- | --- |');
  let within1 = 0, exactOptimal = 0, highsOptimal = 0, highsRun = 0, worstHeuristic = 0;
  const exactCpu: number[] = [];
  for (const k of PMED) {
    const inst = readPmed(path.join(ORLIB, `pmed${k}.txt`));
    const pr: PlacementProblem = { ...inst, kind: 'p-median' };
    const opt = optima.get(`pmed${k}`)!;
    const greedy = await timed(() => solveHeuristic(pr, { plainGreedy: true, bound: false }));
    const h = await timed(() => solveHeuristic(pr));
    const excess = h.value.objective / opt - 1;
    if (excess <= 0.01) within1++;
    worstHeuristic = Math.max(worstHeuristic, excess);
    const e = await timed(() => solveExact(pr, { timeLimitSeconds: EXACT_LIMIT, now: cpuNow }));
    const proven = !e.value.timedOut && e.value.objective === opt;
    if (proven) { exactOptimal++; exactCpu.push(e.cpu); }
    const exact = e.value.timedOut ? `${e.value.objective}, gap ${pct(e.value.gap)}: stopped at ${EXACT_LIMIT} CPU s` : `${e.value.objective}${e.value.objective === opt ? ' ✓' : ' ✗'} ${ms(e.cpu)} (${ms(e.wall)})`;
    let highs = 'not run (n > BENCH_EXACT_MAX_N)';
    if (inst.n <= EXACT_MAX_N) {
      highsRun++;
      const x = await timed(() => solveHighs(pr, { timeLimitSeconds: HIGHS_LIMIT }));
      if (!x.value.timedOut && x.value.objective === opt) highsOptimal++;
      highs = x.value.timedOut ? `${x.value.objective} timed out at ${HIGHS_LIMIT} s` : `${x.value.objective}${x.value.objective === opt ? ' ✓' : ' ✗'} (${ms(x.wall)})`;
    }
    const row = `| pmed${k} | ${inst.n} | ${inst.p} | ${opt} | ${greedy.value.objective} +${pct(greedy.value.objective / opt - 1)} (${ms(greedy.cpu)}) | ${h.value.objective} +${pct(excess)} (${ms(h.cpu)}) | ${pct(h.value.gap)} | ${exact} | ${highs} |`;
    lines.push(row);
    say(row);
  }
  exactCpu.sort((a, b) => a - b);
  lines.push('', `Exact (Lagrangean branch and bound, a budget of ${EXACT_LIMIT} s of CPU time each — issue 16 asks 40/40 exactly and the time each took, with no limit per instance; 30 s left pmed36 unproven, whose root Lagrangean bound sits at the LP's own gap): the published optimum proven on **${exactOptimal}/${PMED.length}**` +
    (exactCpu.length ? ` (CPU per proven instance: median ${ms(percentile(exactCpu, 50))} ms, max ${ms(exactCpu[exactCpu.length - 1]!)} ms)` : '') +
    `. Heuristic within 1 % of the optimum on **${within1}/${PMED.length}** (worst +${pct(worstHeuristic)}). HiGHS on the full model proved it on ${highsOptimal}/${highsRun} it ran (limit ${HIGHS_LIMIT} s of wall time each). ` +
    '"its bound gap" is the heuristic\'s distance to its own Lagrangean lower bound (towards the LP bound), which the API reports when the optimum is not known. CPU times are the process\'s (user + system).');
}

/** Units sampled for the one-search-per-unit peer at national size: 10,000 full searches would take hours of CPU on this machine. */
const PEER_SAMPLE = Number(process.env.BENCH_PEER_SAMPLE ?? 200);

/**
 * One row: nearestOrigins (one multi-source search) against one search per unit, both on CPU time.
 * Where the units outnumber `peerSample`, the peer runs on the first `peerSample` of them and its time
 * is scaled to all (its cost is one search per unit, so linear in their number).
 */
function liveRow(graph: RoadGraph, label: string, places: number, units: number, runs: number, peerSample: number): string {
  const targets = randomPoints(graph, places, 7), origins = randomPoints(graph, units, 8);
  const ours: number[] = [], naive: number[] = [];
  let covered = 0;
  for (let r = 0; r < runs; r++) {
    const t = cpuNow();
    const near = nearestOrigins(graph, origins, targets, { cutoff: 300 });
    ours.push(cpuNow() - t);
    covered = near.seconds.filter((s) => s !== Infinity).length;
  }
  const sample = origins.slice(0, Math.min(units, peerSample));
  for (let r = 0; r < (sample.length < units ? 1 : 3); r++) {
    const t = cpuNow();
    const best = new Float64Array(places).fill(Infinity);
    for (const o of sample) oneToMany(graph, o, targets, { cutoff: 300, engine: 'dijkstra' }).forEach((s, i) => { if (s < best[i]!) best[i] = s; });
    naive.push((cpuNow() - t) * (units / sample.length));
  }
  ours.sort((a, b) => a - b); naive.sort((a, b) => a - b);
  const peer = `${ms(percentile(naive, 50))}${sample.length < units ? ` (${sample.length} units timed, × ${units / sample.length})` : ''}`;
  return `| ${label} | ${places} | ${units} | ${(covered / places * 100).toFixed(1)} % | ${ms(percentile(ours, 50))} / ${ms(percentile(ours, 99))} (${runs} runs) | ${peer} | ${(percentile(naive, 50) / percentile(ours, 50)).toFixed(1)}× |`;
}

function liveCoverage(graph: RoadGraph, metroGraph: RoadGraph, lines: string[]): void {
  lines.push('', '| graph | places | units | within 5 min | nearestOrigins, one search: CPU p50 / p99 ms | one search per unit: CPU p50 ms | ratio |', '| --- | ---: | ---: | ---: | --- | --- | ---: |');
  for (const [places, units] of [[2_000, 50], [20_000, 500]] as const) {
    const row = liveRow(graph, `Baltimore (${graph.nodeCount} junctions)`, places, units, 20, units);
    lines.push(row);
    say(row);
  }
  // Issue 16's national size: 200k places and 10k units, on the largest graph of the bench.
  const row = liveRow(metroGraph, `metro ${METRO_SIDE} × ${METRO_SIDE} tiles (${metroGraph.nodeCount} junctions)`, 200_000, 10_000, Number(process.env.BENCH_LIVE_RUNS ?? 10), PEER_SAMPLE);
  lines.push(row);
  say(row);
}

function matrix(graph: RoadGraph, n: number, m: number, T: number): Float64Array {
  const demand = randomPoints(graph, n, 11), cand = randomPoints(graph, m, 12);
  const time = new Float64Array(n * m);
  cand.forEach((c, j) => oneToMany(graph, c, demand, { cutoff: T }).forEach((s, i) => { time[i * m + j] = s; }));
  return time;
}

type Solved = { objective: number; bound: number; timedOut: boolean; solveMilliseconds?: number };

async function mclp(graph: RoadGraph, metroGraph: RoadGraph, lines: string[]): Promise<void> {
  lines.push('', `Big model on the metro graph (${METRO_SIDE} × ${METRO_SIDE} Baltimore tiles, ${metroGraph.nodeCount} junctions), random demand and candidates; small model on one tile (as before).`, '',
    '| model | method | covered | bound (which) | of the bound | CPU ms, 3 runs: median (min-max) |', '| --- | --- | ---: | --- | ---: | --- |');
  const big: PlacementProblem = { kind: 'mclp', n: 10_000, m: 1_000, p: 30, withinSeconds: 300, time: matrix(metroGraph, 10_000, 1_000, 300), weight: new Float64Array(10_000).fill(1) };
  const small: PlacementProblem = { kind: 'mclp', n: 2_000, m: 300, p: 15, withinSeconds: 300, time: matrix(graph, 2_000, 300, 300), weight: new Float64Array(2_000).fill(1) };
  const lp = await timed(() => lpBound(big));
  const row = (label: string, method: string, s: Solved, bound: number, which: string, cpu: number[]) => {
    cpu.sort((a, b) => a - b);
    const r = `| ${label} | ${method}${s.timedOut ? ' (timed out)' : ''} | ${s.objective} | ${bound.toFixed(1)} (${which}) | ${pct(s.objective / bound)} | ${ms(cpu[Math.floor(cpu.length / 2)]!)} (${ms(cpu[0]!)}-${ms(cpu[cpu.length - 1]!)}) |`;
    lines.push(r);
    say(r);
  };
  // Each run on a fresh copy of the matrix: the within-T neighbour lists are built inside the timed solve.
  const three = async (pr: PlacementProblem, opts: Parameters<typeof solveHeuristic>[1]) => {
    const cpu: number[] = [];
    let last: ReturnType<typeof solveHeuristic> | undefined;
    for (let r = 0; r < 3; r++) {
      const copy = { ...pr, time: pr.time.slice() };
      const t = await timed(() => solveHeuristic(copy, opts));
      cpu.push(t.cpu); last = t.value;
    }
    return { s: last!, cpu };
  };
  const bigLabel = '10,000 × 1,000, p = 30 (metro)';
  const heur = await three(big, { bound: false });
  row(bigLabel, 'greedy + interchange', heur.s, lp.value, 'HiGHS LP relaxation', heur.cpu);
  const greedy = await three(big, { bound: false, plainGreedy: true });
  row(bigLabel, 'plain greedy', greedy.s, lp.value, 'HiGHS LP relaxation', greedy.cpu);
  const withBound = await timed(() => solveHeuristic(big));
  row(bigLabel, 'greedy + interchange + Lagrangean bound', withBound.value, withBound.value.bound, 'Lagrangean', [withBound.cpu]);
  const smallLabel = '2,000 × 300, p = 15 (one tile)';
  const sh = await three(small, {});
  row(smallLabel, 'greedy + interchange', sh.s, sh.s.bound, 'Lagrangean', sh.cpu);
  const sg = await three(small, { plainGreedy: true });
  row(smallLabel, 'plain greedy', sg.s, sg.s.bound, 'Lagrangean', sg.cpu);
  // The target is 10 s; on a loaded machine the wall limit is wider and the CPU time is what is compared.
  const ex = await timed(() => solveExact(small, { timeLimitSeconds: MCLP_EXACT_LIMIT }));
  row(smallLabel, `HiGHS full model (wall limit ${MCLP_EXACT_LIMIT} s; ${ms(ex.wall)} wall ms)`, ex.value, ex.value.bound, ex.value.timedOut ? 'Lagrangean' : 'proven optimum', [ex.cpu]);
  lines.push('', `HiGHS's LP relaxation of the big model took ${ms(lp.cpu)} CPU ms (${ms(lp.wall)} wall). CPU ms is the solve alone (user + system), the within-T neighbour lists built inside it from the matrix; the travel-time matrix (one search per candidate, cut at T) is built before and not counted. The Lagrangean bound (at most 300 subgradient steps) is never below the LP bound, so a share of it is a floor on the share of the LP bound.`);
}

async function main(): Promise<void> {
  const m = machine();
  const startLoad = load();
  const lines: string[] = [];
  if (PARTS.has('pmed')) {
    lines.push('', '### p-median, OR-Library pmed1-40', '');
    const started = new Date().toISOString().slice(0, 16).replace('T', ' ');
    await pmedian(lines);
    if (process.env.BENCH_DOC !== '0' && PARTS.size === 1 && PMED.length === 40) {
      // The p-median alone (the other parts take most of an hour on the shared machine): its subsection only.
      const body = lines.slice(lines.indexOf('### p-median, OR-Library pmed1-40') + 1);
      body.unshift('', `Measured ${started}-${new Date().toISOString().slice(11, 16)} UTC on ${m.cpus} × ${m.cpuModel}, Node ${m.node}, with \`BENCH_PARTS=pmed npm run bench:coverage\`; load average ${startLoad} at the start and ${load()} at the end (1 / 5 / 15 min; other work was running: the CPU times are the figures to read).`);
      writeSubsection(DOC, 'Coverage and placement', 'p-median, OR-Library pmed1-40', body.join('\n'));
    }
  }
  if (!PARTS.has('live') && !PARTS.has('mclp')) return;
  const graph = new RoadGraph(await extract(BALTIMORE_PBF));
  const metroGraph = PARTS.has('live') || PARTS.has('mclp') ? new RoadGraph(stitchTiles(graph.data, METRO_SIDE)) : graph;
  if (PARTS.has('live')) {
    lines.push('', '### Live coverage: nearest available unit to each place within 5 minutes (Baltimore; national size on the metro graph)');
    liveCoverage(graph, metroGraph, lines);
  }
  if (PARTS.has('mclp')) {
    lines.push('', '### MCLP, T = 5 min (metro graph and one Baltimore tile)');
    await mclp(graph, metroGraph, lines);
  }
  lines.unshift(`Measured ${new Date().toISOString().slice(0, 10)} on ${m.cpus} × ${m.cpuModel}, Node ${m.node}, with \`npm run bench:coverage\`; load average ${startLoad} at the start and ${load()} at the end (1 / 5 / 15 min; a shared machine: other work was running, so the CPU times per operation are the figures to read, wall times are stretched by the load).`);
  if (process.env.BENCH_DOC !== '0' && PARTS.size === 3 && PMED.length === 40) writeSection(DOC, 'Coverage and placement', lines.join('\n'));
}

void main();
