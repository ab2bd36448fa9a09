// Live coverage at national size (issue 16 §1: one query p99 <= 100 ms with 200k places and 10k units),
// side by side in one run on the metro graph (14 x 14 Baltimore tiles, 1.12 M junctions):
// A. the full recompute (`liveCoverage`, what every request did before): snap every unit and place,
//    one multi-source search cut at 5 min, a second cut at 30 min for the places not reached, the list;
// B. the maintained state through the route's own code after its reads (`liveAnswer`): a question =
//    sync the available units (none changed since: moves arrive by the bus) + the places that count
//    (window) + read the state for every place + shares + the worst 5,000; the places as
//    `keyPlacePoints` hands them to the route (a new object and new strings per row, every request),
//    with no window and with 07:30-08:30 on school days, and, for the earlier rows' setting, the same
//    objects every time. Each question's main-thread GC pauses are counted (PerformanceObserver 'gc');
//    node --trace-gc ties them to collections;
//    Then questions after BENCH_MOVES AVL fixes each, the places to read again found both ways in turn
//    (BENCH_ORDER=index,pass or pass,index), after BENCH_WARM=3 such questions each way (the JIT's, once per process);
// C. its update costs: an AVL step (a unit moves to a point near it), a relocation (anywhere on the graph),
//    a status change (a unit committed: removed; released: back), CPU microseconds per operation.
// The answers of A and B are compared in the run (shares, times and order of the list).
// Usage: npm run bench:coverage:live   (BENCH_FULL_RUNS=3 full recomputes, BENCH_QUERY_RUNS=50 maintained
//   questions, BENCH_UPDATES=1000 of each update, BENCH_MOVES=1000 unit moves before each of up to 20 questions; BENCH_DOC=0 leaves docs/benchmarks.md alone).
//   Profile of the questions: node --expose-gc --cpu-prof --import tsx bench/coverage/live.ts, the
//   frames under `maintainedQuestion`.
import os from 'node:os';
import { PerformanceObserver } from 'node:perf_hooks';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { coverageWindowOf, type CoverageWindow } from '@firebreak/contracts';
import { MaintainedOrigins, nearestOrigins } from '@firebreak/roadgraph';
import { liveCoverage, type PlaceAt, type UnitAt } from '../../apps/server/src/modules/coverage/live-coverage.js';
import { liveAnswer } from '../../apps/server/src/modules/coverage/live-answer.js';
import { MaintainedCoverage } from '../../apps/server/src/modules/coverage/maintained-coverage.js';
import { KeyPlaceList, type KeyPlacePoint } from '../../apps/server/src/modules/places/index.js';
import { InProcessBus } from '../../apps/server/src/platform/events/bus.js';
import type { NewEvent } from '../../apps/server/src/platform/events/outbox.js';
import { writeSubsection } from '../lib/benchmarks-doc.js';
import { machine } from '../lib/machine.js';
import { percentile } from '../lib/stats.js';
import { byWay, cpuNow, liveWorld, moveUnits, points, say, stepUnit, warmAfterMoves, WAYS, type Way } from './live-world.js';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const DOC = path.resolve(HERE, '../../docs/benchmarks.md');
/** 14: issue 16's national size; smaller (BENCH_SIDE) for a quick look, never written to the doc. */
const METRO_SIDE = Number(process.env.BENCH_SIDE ?? 14);
const FULL_RUNS = Number(process.env.BENCH_FULL_RUNS ?? 3);
const QUERY_RUNS = Number(process.env.BENCH_QUERY_RUNS ?? 50);
const UPDATES = Number(process.env.BENCH_UPDATES ?? 1000);
const MOVES = Number(process.env.BENCH_MOVES ?? 1000);
const TARGET_MS = 100;
const ORDER = (process.env.BENCH_ORDER ?? 'index,pass').split(',') as Way[];
/** Questions after moves each way before the rows, untimed there (`warmAfterMoves`: the JIT's once per process). */
const WARM = Number(process.env.BENCH_WARM ?? 3);
const load = (): string => os.loadavg().map((x) => x.toFixed(1)).join(' / ');
const f = (x: number) => (x < 10 ? x.toFixed(2) : x.toFixed(0));

/** No jurisdiction sets category hours: the built-in defaults apply (schools Mo-Fr 07:00-17:00). */
const NO_CATEGORY_HOURS = new Map<string, Readonly<Record<string, string>>>();

/** A question as `GET /coverage` asks it after its reads: the units synced, then the route's answer (named for the profile). */
function maintainedQuestion(state: MaintainedCoverage, units: readonly UnitAt[], places: readonly KeyPlacePoint[], window: CoverageWindow | null = null): ReturnType<typeof liveAnswer> {
  state.sync(units);
  return liveAnswer(state, places, NO_CATEGORY_HOURS, window);
}

/** The places as `keyPlacePoints` hands them to the route: a new object and new strings per row, every request. */
function asRead(places: readonly PlaceAt[]): KeyPlacePoint[] {
  const fresh = (x: string) => `#${x}`.slice(1);
  return places.map((p) => ({ id: fresh(p.id), name: fresh(p.name), category: fresh(p.category), jurisdictionPath: fresh(p.jurisdictionPath), lon: p.lon, lat: p.lat, openingHours: null, version: 1 }));
}

/** Main-thread GC pauses (ms) as V8 reports them, by start time: each question's share is summed after its run. */
const pauses: { start: number; ms: number }[] = [];
new PerformanceObserver((list) => { for (const e of list.getEntries()) pauses.push({ start: e.startTime, ms: e.duration }); }).observe({ entryTypes: ['gc'] });
const settle = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 50));

interface Timed { cpu: number[]; wall: number[]; gc: number[] }

/** Questions each on a list prepared before its clock starts: CPU, wall, and the main-thread GC pauses that began inside it (sorted each). */
async function questions(count: number, prepare: (k: number) => void, ask: () => void | Promise<void>): Promise<Timed> {
  const spans: [number, number][] = [], cpu: number[] = [];
  for (let k = 0; k < count; k++) {
    prepare(k);
    const w = performance.now(), c = cpuNow();
    await ask();
    cpu.push(cpuNow() - c);
    spans.push([w, performance.now()]);
  }
  await settle();
  const gc = spans.map(([from, to]) => pauses.filter((p) => p.start >= from && p.start <= to).reduce((sum, p) => sum + p.ms, 0));
  const up = (xs: number[]) => xs.sort((x, y) => x - y);
  return { cpu: up(cpu), wall: up(spans.map(([from, to]) => to - from)), gc: up(gc) };
}

function timedEach(count: number, run: (k: number) => void): number[] {
  const out: number[] = [];
  for (let k = 0; k < count; k++) {
    const t = cpuNow();
    run(k);
    out.push(cpuNow() - t);
  }
  return out.sort((a, b) => a - b);
}

async function main(): Promise<void> {
  const m = machine();
  const startLoad = load();
  const world = await liveWorld(METRO_SIDE);
  const { metro, graphs, random, places, units } = world;
  const PLACES = places.length, UNITS = units.length;
  say(`metro graph: ${metro.nodeCount} routing nodes; ${PLACES} places, ${UNITS} units; load ${startLoad}`);

  // A. The full recompute, as every request did it.
  let full: ReturnType<typeof liveCoverage> | undefined;
  const fullCpu = timedEach(FULL_RUNS, () => { full = liveCoverage(graphs, units, places); });
  say(`full recompute: CPU ${fullCpu.map(f).join(', ')} ms`);
  // The figure of the earlier row: the first search alone (units and places already snapped, no list).
  const snappedUnits = units.map((u) => metro.snapper.snap([u.lon, u.lat])), snappedPlaces = places.map((p) => metro.snapper.snap([p.lon, p.lat]));
  const searchCpu = timedEach(FULL_RUNS, () => nearestOrigins(metro, snappedUnits, snappedPlaces, { cutoff: 300 }));
  say(`nearestOrigins alone (5 min): CPU ${searchCpu.map(f).join(', ')} ms`);
  const gc = (globalThis as { gc?: () => void }).gc;
  // The place cache is typed arrays: their buffers are outside the JS heap, so both count.
  const heap = (): number => { gc?.(); const m = process.memoryUsage(); return m.heapUsed + m.arrayBuffers; };

  // B. The maintained state: built once (every unit placed, every place snapped), then questions.
  const state = new MaintainedCoverage(graphs);
  const w0 = performance.now(), c0 = cpuNow();
  state.sync(units);
  const buildCpu = cpuNow() - c0;
  const h0 = heap();
  const c1 = cpuNow();
  let ours = state.coverage(places);
  const firstCpu = cpuNow() - c1;
  const placeCacheMiB = (heap() - h0) / 2 ** 20;
  say(`maintained: units placed ${f(buildCpu)} CPU ms, first question (snaps the places) ${f(firstCpu)} CPU ms, ${f(performance.now() - w0)} wall ms`);
  const answerOf = (a: typeof ours) => JSON.stringify([a.tiers, a.uncovered, a.items.map((i) => [i.id, i.seconds, i.tier])]);
  const reference = answerOf(full!);
  let same = answerOf(ours) === reference;
  say(`same answer as the full recompute (shares, list order, times, tiers): ${same}`);
  // Questions through the route's code on the places as read (new rows each time: made before the clock
  // starts, as the database read precedes the computation), with and without a window; then on the same objects.
  const school: CoverageWindow = coverageWindowOf('07:30-08:30', ['Mo', 'Tu', 'We', 'Th', 'Fr']);
  let asked: KeyPlacePoint[] = [];
  let windowed: ReturnType<typeof liveAnswer> | undefined;
  const fresh = await questions(QUERY_RUNS, () => { asked = asRead(places); }, () => { ours = maintainedQuestion(state, units, asked); });
  same &&= answerOf(ours) === reference;
  const inWindow = await questions(QUERY_RUNS, () => { asked = asRead(places); }, () => { windowed = maintainedQuestion(state, units, asked, school); });
  // Schools' default hours (Mo-Fr 07:00-17:00) hold every place open in that window: the same answer again.
  same &&= answerOf(windowed!) === reference && windowed!.outsideWindow === 0;
  // What GET /coverage does now: the node's key-place list, read once (rows as the database hands them
  // over), the question's scope taken from it (timed: the national scope, remembered after the first).
  const list = new KeyPlaceList(async () => asRead(places));
  // Place edits reach the list as this node's commits do (the bus's take the same path).
  let localCommit: (events: readonly NewEvent[]) => void = () => undefined;
  list.attach({ bus: new InProcessBus(), onLocalCommit: (h) => { localCommit = h; return () => undefined; } });
  const l0 = cpuNow();
  await list.inScope({ roots: [''] });
  const listReadCpu = cpuNow() - l0;
  const viaList = await questions(QUERY_RUNS, () => undefined, async () => { ours = maintainedQuestion(state, units, await list.inScope({ roots: [''] })); });
  same &&= answerOf(ours) === reference;
  // The window through the list: the places open in it judged once per list read and window (the first question), then kept.
  windowed = undefined;
  const windowViaList = await questions(QUERY_RUNS, () => undefined, async () => { windowed = maintainedQuestion(state, units, await list.inScope({ roots: [''] }), school); });
  same &&= answerOf(windowed!) === reference && windowed!.outsideWindow === 0;
  say(`key-place list: read and scoped once ${f(listReadCpu)} CPU ms (after a place event, once per node)`);
  // A place edit applied to the list from its event (the list and the national scope: new arrays), against
  // the list read again and scoped (in memory here: the database read of 200,000 rows comes on top).
  const edits = timedEach(Math.min(UPDATES, 200), (k) => {
    const p = places[(k * 997) % PLACES]!;
    const data = { id: p.id, name: `${p.name}'`, category: p.category, jurisdictionPath: p.jurisdictionPath, location: [p.lon, p.lat], version: 2 + k };
    localCommit([{ type: 'places.updated', jurisdictionPath: p.jurisdictionPath, data }]);
  });
  await list.inScope({ roots: [''] });
  const rereads = list.loads;
  const reread = timedEach(3, () => undefined);
  for (let k = 0; k < 3; k++) {
    list.drop();
    const t = cpuNow();
    await list.inScope({ roots: [''] });
    reread[k] = cpuNow() - t;
  }
  reread.sort((a, b) => a - b);
  say(`key-place list: ${edits.length} edits applied (re-reads meanwhile: ${rereads - 1}), CPU p50 ${f(percentile(edits, 50))} ms; read again and scoped ${reread.map(f).join(', ')} ms`);
  const rows = asRead(places);
  const sameObjects = await questions(QUERY_RUNS, () => undefined, () => { ours = maintainedQuestion(state, units, rows); });
  same &&= answerOf(ours) === reference;
  const show = (name: string, t: Timed) => say(`${name}: CPU p50 ${f(percentile(t.cpu, 50))} p99 ${f(percentile(t.cpu, 99))} ms; wall p50 ${f(percentile(t.wall, 50))} p99 ${f(percentile(t.wall, 99))} ms; GC pauses in it p50 ${f(percentile(t.gc, 50))} p99 ${f(percentile(t.gc, 99))} ms`);
  show('route path through the node key-place list (GET /coverage now)', viaList);
  show('route path, places as read', fresh);
  show('route path through the list, window 07:30-08:30 Mo-Fr', windowViaList);
  show('route path, places as read, window 07:30-08:30 Mo-Fr', inWindow);
  show('route path, the same place objects', sameObjects);
  // Questions after units moved since the last one (AVL fixes off the bus, untimed): the answers of the places
  // on the nodes whose labels changed are read again, those places found both ways, in the order asked.
  const churnRuns = Math.min(QUERY_RUNS, 20);
  const warm = await warmAfterMoves(world, state, MOVES, WARM, () => { ours = maintainedQuestion(state, units, rows); });
  say(`the process's first questions after moves (${WARM} each way, not in the rows): CPU ${warm.map(f).join(', ')} ms`);
  const moved = new Map<Way, Timed>();
  for (const way of ORDER) moved.set(way, await byWay(way, () => questions(churnRuns, () => moveUnits(world, state, MOVES), () => { ours = maintainedQuestion(state, units, rows); })));
  for (const way of ORDER) show(`route path after ${MOVES} unit moves, changed places by ${WAYS[way].name}`, moved.get(way)!);
  const afterChurn = liveCoverage(graphs, units, places);
  same &&= answerOf(ours) === answerOf(afterChurn);

  // C. Updates: an AVL step (about 100-300 m), a relocation, a commitment and a release.
  const step = timedEach(UPDATES, (k) => state.upsert(stepUnit(world, k % UNITS)));
  const far = points(metro, UPDATES, random);
  const reloc = timedEach(UPDATES, (k) => { const u = { ...units[(k * 7) % UNITS]!, ...far[k]! }; units[(k * 7) % UNITS] = u; state.upsert(u); });
  const gone = units.slice(0, UPDATES);
  const commit = timedEach(UPDATES, (k) => state.remove(gone[k]!.id));
  const release = timedEach(UPDATES, (k) => state.upsert(gone[k]!));
  const afterUpdates = state.coverage(places);
  const check = liveCoverage(graphs, units, places);
  const sameAfter = JSON.stringify([afterUpdates.tiers, afterUpdates.items.map((i) => [i.id, i.seconds])]) === JSON.stringify([check.tiers, check.items.map((i) => [i.id, i.seconds])]);
  say(`after ${4 * UPDATES} updates, same answer as a full recompute: ${sameAfter}`);
  const us = (xs: number[]) => `${f(percentile(xs, 50) * 1000)} / ${f(percentile(xs, 99) * 1000)}`;

  const verdict = (t: Timed) => (percentile(t.cpu, 99) <= TARGET_MS ? 'met' : 'missed');
  const row = (name: string, t: Timed, runs: number, bold = false) => `| ${name} | ${f(percentile(t.cpu, 50))} / ${f(percentile(t.cpu, 99))} | ${f(percentile(t.wall, 50))} / ${f(percentile(t.wall, 99))} | ${f(percentile(t.gc, 50))} / ${f(percentile(t.gc, 99))} | ${runs} | ${(percentile(fullCpu, 50) / percentile(t.cpu, 50)).toFixed(0)}× faster | ${bold ? `**${verdict(t)}**` : verdict(t)} (CPU) |`;
  const lines = [
    `Measured ${new Date().toISOString().slice(0, 10)} on ${m.cpus} × ${m.cpuModel}, Node ${m.node}, with \`npm run bench:coverage:live\`; load average ${startLoad} at the start and ${load()} at the end (1 / 5 / 15 min; a shared machine: other work was running, so CPU time per operation is the figure to read, wall times are stretched by the load).`,
    '',
    `Metro graph (${METRO_SIDE} × ${METRO_SIDE} Baltimore tiles, ${metro.nodeCount} routing nodes), ${PLACES.toLocaleString('en')} places and ${UNITS.toLocaleString('en')} patrol cars (one travel graph): places at random junctions of the main network, the cars at others (drawn by mulberry32: the earlier runs' generator cycled, its 200,000 places on a few thousand positions). A question is the route's computation of \`GET /coverage\` after its database reads (\`liveAnswer\` after the units' \`sync\`): the units and places in, the places counted in the window, the 1-3-5 shares, the times and the 5,000 worst covered out. GC: the main-thread pauses V8 reported (PerformanceObserver \`gc\`) that began inside a question; CPU time also counts V8's helper threads.`,
    '',
    '| way | CPU ms per question: p50 / p99 | wall ms p50 / p99 | GC pause ms in it p50 / p99 | runs | ratio (p50) | target p99 ≤ 100 ms |',
    '| --- | --- | --- | --- | ---: | ---: | --- |',
    `| full recompute (\`liveCoverage\`: snap all, search at 5 and 30 min) | ${f(percentile(fullCpu, 50))} / ${f(percentile(fullCpu, 99))} | — | — | ${FULL_RUNS} | 1 | ${percentile(fullCpu, 99) <= TARGET_MS ? 'met' : 'missed'} |`,
    `| the first search of it alone (\`nearestOrigins\` at 5 min, snapped before: the earlier row's figure) | ${f(percentile(searchCpu, 50))} / ${f(percentile(searchCpu, 99))} | — | — | ${FULL_RUNS} | — | ${percentile(searchCpu, 99) <= TARGET_MS ? 'met' : 'missed'} |`,
    row('maintained state through the route\'s code, the places from the node\'s key-place list (what `GET /coverage` does now: no place rows read per question; the list is read again after a place event)', viaList, QUERY_RUNS, true),
    row('the same, the places as the database read hands them over (new rows and strings every question: the route before the key-place list)', fresh, QUERY_RUNS),
    row('the same through the list, window 07:30-08:30 on school days (the places open judged once per list read and window: in the first question)', windowViaList, QUERY_RUNS, true),
    row('the same on places as read, window 07:30-08:30 on school days (hours judged per place, every question)', inWindow, QUERY_RUNS),
    row('the same, the same place objects every question (the earlier rows\' setting)', sameObjects, QUERY_RUNS),
    `| the process's first ${2 * WARM} questions after moves (${WARM} each way, index then pass; V8 compiles the question's code again once per process, on a thread this CPU time counts): CPU ms in order | ${warm.map(f).join(', ')} | — | — | ${warm.length} | — | once per process |`,
    ...ORDER.map((way, k) => row(`the same, after ${MOVES.toLocaleString('en')} unit moves since the last question (AVL steps, untimed; ${k === 0 ? 'run first' : 'run after the row above'}): the places on changed nodes read again, found by ${WAYS[way].name} (\`scanAbove\` = ${WAYS[way].scanAbove})`, moved.get(way)!, churnRuns, way === 'index')),
    '',
    `Same answer as the full recompute in this run (shares, times, tiers, order of the list; first and last question of each row): **${same ? 'yes' : 'NO'}**; again after the ${(4 * UPDATES).toLocaleString('en')} updates below: **${sameAfter ? 'yes' : 'NO'}**.`,
    '',
    '| update of the maintained state | CPU µs p50 / p99 | count |',
    '| --- | --- | ---: |',
    `| building it: every unit placed (once per node and unit set) | ${f(buildCpu * 1000)} total | ${UNITS} |`,
    `| first question: every place snapped and ranked (once; then only new or moved places) | ${f(firstCpu * 1000)} total | ${PLACES} |`,
    `| key-place list scoped once (the national scope from the rows read; after each place event the rows are read again, not timed here) | ${f(listReadCpu * 1000)} total | ${PLACES} |`,
    `| a place edited: its event applied to the key-place list (the list and the national scope made anew, no read; ${edits.length} edits, ${rereads - 1} reads meanwhile) | ${us(edits)} | ${edits.length} |`,
    `| the same list read again and scoped instead (what every place event cost each node before; in memory here, the database read of the rows on top) | ${us(reread)} | ${reread.length} |`,
    `| unit moves (AVL step, ≤ ~300 m) | ${us(step)} | ${UPDATES} |`,
    `| unit relocated (anywhere on the graph) | ${us(reloc)} | ${UPDATES} |`,
    `| status change: committed (unit removed, its cell refilled) | ${us(commit)} | ${UPDATES} |`,
    `| status change: released (unit placed again) | ${us(release)} | ${UPDATES} |`,
    '',
    `Memory: the state holds ${MaintainedOrigins.BYTES_PER_NODE} bytes per routing node and ${MaintainedOrigins.BYTES_PER_EDGE} per edge, per travel graph, and 16 bytes per cached place for the answers kept (${f(state.stateBytes / 2 ** 20)} MiB here), the places cache flat arrays by place (position, snap, rank, destination seeds per travel graph, the id index): ${gc ? `${f(placeCacheMiB)} MiB (heap and array buffers) for these ${PLACES.toLocaleString('en')}` : 'not measured (run without --expose-gc)'}.`,
  ];
  say(lines.join('\n'));
  // A subsection: the hand-written profile reading beside it stays.
  if (process.env.BENCH_DOC !== '0' && METRO_SIDE === 14) writeSubsection(DOC, 'Live coverage at national size: maintained state (issue 16 §1)', 'Figures (rewritten by `npm run bench:coverage:live`)', lines.join('\n'));
}

void main();
