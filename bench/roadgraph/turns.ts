/**
 * What turn costs cost (issue 17 §5, ADR 0013): many-to-one with the turn-aware refinement side
 * by side with its peer, the same graph without turn costs, in one run, interleaved over 3
 * rounds, on Baltimore and the metro (14 x 14 Baltimore tiles). Times are CPU milliseconds per
 * query (the machine is shared: wall time measures the queue for a core). Also: how many
 * Baltimore ETAs turn costs change and by how much, building the graph with and without them,
 * and the bytes they hold. Rewrites its own section of docs/benchmarks.md:
 * `node --max-old-space-size=6144 --import tsx bench/roadgraph/turns.ts` (`QUICK=1` for Baltimore only;
 * `BENCH_ONLY=nearest` for the nearest-10 queries only, no every-unit refinement, no ETA changes, no
 * file written: a short run for the p99; the slowest queries of each kind go to stderr).
 */
import { cpus, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { PreparedOrigins, RoadGraph, importOsm, manyToOne, type GraphData, type Snapped } from '../../packages/roadgraph/src/index.js';
import { writeSection } from '../lib/benchmarks-doc.js';
import { cpuMsSince } from '../lib/machine.js';
import { machine, ms } from './measure.js';
import { stitchTiles } from './stitch.js';
import { randomPlaces } from './workloads.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const HEADING = 'Road graph: turn costs and U-turns (issue 17 §5)';
const UNITS = 1000;
const ROUNDS = 3;
const CUTOFF_S = 600;
const NEAREST = 10;
/**
 * Queries of each kind run before measuring, for the peer and ours alike. With 3 (until
 * 2026-12-07), the slowest queries of every run were the first ones measured (round 0, in
 * order, the peer's too: the "slowest" lines on stderr): V8 was still compiling the search
 * code on its background threads, whose CPU time the process's counts. A server answers
 * thousands; 30 is past that phase on this machine (BENCH_WARM_UP sets it).
 */
const WARM_UP = Number(process.env.BENCH_WARM_UP ?? 30);
const QUICK = process.env.QUICK === '1';
const ONLY_NEAREST = process.env.BENCH_ONLY === 'nearest';
const P99_RATIO_GOAL = 1.2;

type Query = (destination: Snapped) => unknown;

const loadAtStart = loadavg();
/** The 1-minute load average after each measured query kind: the machine is shared, so it is stated, not assumed. */
const loads: number[] = [];
const tile = await importOsm(`${ROOT}data/osm/baltimore.osm.pbf`);
const lines: string[] = [];
const notes: string[] = [];
const verdicts: string[] = [];
lines.push(...measure('Baltimore', tile, 100, true));
if (!QUICK) lines.push(...measure('Metro (14x14 tiles)', stitchTiles(tile, 14), 20, false));
const loadText = (l: number[]) => l.map((x) => x.toFixed(2)).join(', ');
const load = `${loadText(loadAtStart)} at the start, ${loadText(loadavg())} at the end (1, 5 and 15 minutes); the 1-minute figure after each query kind ${Math.min(...loads).toFixed(2)}-${Math.max(...loads).toFixed(2)}`;
const body = [
  `Measured by \`bench/roadgraph/turns.ts\` on ${new Date().toISOString().slice(0, 10)}. Machine: ${machine()}; load average ${load} (on ${cpus().length} cores: above that, queries wait for a core and CPU times grow too; read the ratios, measured in the same run, before the absolute figures).`,
  `Many-to-one: ${UNITS.toLocaleString('en')} units at random road positions -> random incidents, ${CUTOFF_S / 60}-minute cutoff, engine auto (Baltimore: PHAST; metro: Dijkstra bounded by the cutoff), ${WARM_UP} warm-up queries each (not measured), then ${ROUNDS} rounds with the peer and ours interleaved; CPU ms per query, p50 and p99 over all rounds, the spread is of the rounds' medians. Peer: the same graph without turn costs (the node-based costs, what pgRouting computes). "nearest ${NEAREST}": only until the ${NEAREST} nearest units by turn-aware time are certain (what a recommendation ranks first; the rest keep the node-based time).`,
  '',
  '| graph | query | runs | p50 | p99 | median of rounds (spread) | ratio to the peer (p50 / p99) |',
  '| --- | --- | ---: | ---: | ---: | --- | ---: |',
  ...lines,
  '',
  ...notes,
  ...verdicts,
  '- Memory and load time of the graph are what the sections above say: turn costs add no array to it (the main section\'s memory line is from its own, older run; this script does not re-measure it).',
  '',
].join('\n');
if (!ONLY_NEAREST) writeSection(`${ROOT}docs/benchmarks.md`, HEADING, body);
console.log(`## ${HEADING}\n\n${body}`);

function measure(name: string, data: GraphData, queries: number, baltimore: boolean): string[] {
  let cpu = process.cpuUsage();
  const plain = new RoadGraph(data);
  const plainBuild = cpuMsSince(cpu);
  cpu = process.cpuUsage();
  const turns = new RoadGraph(data, 'car', { turnCosts: true });
  const turnsBuild = cpuMsSince(cpu);
  if (baltimore) {
    plain.buildHierarchy();
    turns.attachHierarchy(plain.hierarchy!);
  }
  const units = randomPlaces(plain, UNITS, 1);
  const incidents = randomPlaces(plain, 200, 2);
  const peerFleet = baltimore ? new PreparedOrigins(plain, units) : undefined;
  const ourFleet = baltimore ? new PreparedOrigins(turns, units) : undefined;
  const variants: [string, Query, Query][] = [
    ...(ONLY_NEAREST ? [] : [['many-to-one, every unit refined', (d: Snapped) => manyToOne(plain, units, d, { cutoff: CUTOFF_S }), (d: Snapped) => manyToOne(turns, units, d, { cutoff: CUTOFF_S })] as [string, Query, Query]]),
    [`many-to-one, nearest ${NEAREST}`, (d) => manyToOne(plain, units, d, { cutoff: CUTOFF_S }), (d) => manyToOne(turns, units, d, { cutoff: CUTOFF_S, nearest: NEAREST })],
  ];
  if (peerFleet && ourFleet) {
    peerFleet.manyToOne(incidents[0]!);
    ourFleet.manyToOne(incidents[0]!);
    variants.push([`prepared fleet (RPHAST), nearest ${NEAREST}`, (d) => peerFleet.manyToOne(d, { cutoff: CUTOFF_S }), (d) => ourFleet.manyToOne(d, { cutoff: CUTOFF_S, nearest: NEAREST })]);
  }
  const out: string[] = [];
  for (const [what, peer, ours] of variants) {
    // The every-unit refinement is slow (a thousand A*s a query; on Baltimore it was most of the
    // run's CPU): fewer runs, on both graphs.
    const runs = what.includes('every') ? Math.max(3, Math.floor(queries / 5)) : queries;
    const samples = { peer: [] as number[][], ours: [] as number[][] };
    /** The slowest queries with the incident each was for: is the tail the same incidents (work) or any (GC, compiles)? */
    const slowest: { who: string; ms: number; incident: number; round: number; at: number }[] = [];
    // Warm-up, not measured: the first queries compile the search code (and allocate the reused
    // search objects); with 60 metro samples p99 is the slowest one, which was that first query.
    for (let w = 0; w < WARM_UP; w++) for (const run of [peer, ours]) run(incidents[incidents.length - 1 - (w % 50)]!);
    console.error(`measuring ${name}, ${what}`);
    for (let r = 0; r < ROUNDS; r++) {
      for (const [run, into] of [[peer, samples.peer], [ours, samples.ours]] as const) {
        const round: number[] = [];
        for (let i = 0; i < runs; i++) {
          const d = incidents[(r * runs + i) % incidents.length]!;
          const t = process.cpuUsage();
          const at = performance.now();
          run(d);
          round.push(cpuMsSince(t));
          slowest.push({ who: into === samples.peer ? 'peer' : 'ours', ms: round[round.length - 1]!, incident: (r * runs + i) % incidents.length, round: r, at });
        }
        into.push(round);
      }
    }
    const all = (xs: number[][]) => xs.flat().sort((a, b) => a - b);
    const pct = (xs: number[], p: number) => xs[Math.min(xs.length - 1, Math.floor(p * xs.length))]!;
    const medians = (xs: number[][]) => xs.map((round) => pct([...round].sort((a, b) => a - b), 0.5));
    const spread = (xs: number[]) => `${ms(pct([...xs].sort((a, b) => a - b), 0.5))} (${ms(Math.min(...xs))}-${ms(Math.max(...xs))})`;
    loads.push(loadavg()[0]!);
    slowest.sort((a, b) => b.ms - a.ms);
    console.error(`${name}, ${what}: slowest ${slowest.slice(0, 8).map((x) => `${x.who} ${ms(x.ms)} (incident ${x.incident}, round ${x.round}, at ${x.at.toFixed(0)} ms)`).join('; ')}`);
    const [p, o] = [all(samples.peer), all(samples.ours)];
    if (what.startsWith('many-to-one, nearest')) verdicts.push(verdict(name, baltimore, pct(o, 0.5), pct(o, 0.99), pct(p, 0.5), pct(p, 0.99)));
    out.push(`| ${name} | ${what}: peer, no turn costs | ${p.length} | ${ms(pct(p, 0.5))} | ${ms(pct(p, 0.99))} | ${spread(medians(samples.peer))} | |`);
    out.push(`| ${name} | ${what}: ours, turn costs | ${o.length} | ${ms(pct(o, 0.5))} | ${ms(pct(o, 0.99))} | ${spread(medians(samples.ours))} | ${(pct(o, 0.5) / pct(p, 0.5)).toFixed(2)}x / ${(pct(o, 0.99) / pct(p, 0.99)).toFixed(2)}x |`);
  }
  out.push(`| ${name} | building the graph (adjacency), CPU ms: peer / ours | | ${ms(plainBuild)} | ${ms(turnsBuild)} | | |`);
  // Bytes: the turn rules hold nothing per node or edge; a turn-aware search holds 4 bytes per edge code.
  const search = turns.acquireTurnSearch(turns.turnModel!);
  turns.releaseTurnSearch(search);
  notes.push(`- ${name}: ${data.nodeLon.length.toLocaleString('en')} nodes, ${data.edgeSource.length.toLocaleString('en')} edges. Turn costs add no array to the graph (the turn rules read the adjacency and the edge geometry when asked); each turn-aware search object (one per concurrent query, reused) holds ${(data.edgeSource.length * 2 * 4 / 2 ** 20).toFixed(1)} MB (a state index per edge code, never cleared) plus its states; the turn model caches headings in 1.5 MB whatever the graph's size (2^16 slots).`);
  if (baltimore && !ONLY_NEAREST) notes.push(etaChanges(plain, turns, units, incidents));
  return out;
}

/** The issue's limits for a 1,000-unit many-to-one, against what this run measured (nearest ${NEAREST}). */
function verdict(name: string, baltimore: boolean, p50: number, p99: number, peer50: number, peer99: number): string {
  const said = (ok: boolean) => (ok ? 'met' : 'missed');
  // This machine is slower than the one the limits were set on, and shared: the same-run ratio
  // to the peer is judged too (issue 17: p99 within 1.2x the peer's).
  const ratio = `p99 ${(p99 / peer99).toFixed(2)}x the peer's (goal <= ${P99_RATIO_GOAL}x) ${said(p99 <= P99_RATIO_GOAL * peer99)}`;
  return baltimore
    ? `- Limits, ${name} (p50 <= 1 ms, p99 <= 3 ms), nearest ${NEAREST} with turn costs: p50 ${ms(p50)} ms ${said(p50 <= 1)}, p99 ${ms(p99)} ms ${said(p99 <= 3)} (the peer in the same run: ${ms(peer50)} / ${ms(peer99)} ms, so the peer itself ${peer50 <= 1 && peer99 <= 3 ? 'within' : 'outside'} them); ${ratio}.`
    : `- Limit, ${name} (p99 <= 10 ms), nearest ${NEAREST} with turn costs: p99 ${ms(p99)} ms ${said(p99 <= 10)} (the peer in the same run: p99 ${ms(peer99)} ms, p50 ${ms(peer50)} ms, so the peer itself ${peer99 <= 10 ? 'within' : 'outside'} it); ${ratio}.`;
}

/** How many unit -> incident ETAs turn costs change, and by how much (Baltimore, every unit refined). */
function etaChanges(plain: RoadGraph, turns: RoadGraph, units: Snapped[], incidents: Snapped[]): string {
  const added: number[] = [];
  const ratio: number[] = [];
  let pairs = 0, changed = 0, lost = 0;
  for (const d of incidents.slice(0, 50)) {
    const a = manyToOne(plain, units, d, { cutoff: CUTOFF_S }), b = manyToOne(turns, units, d, { cutoff: CUTOFF_S });
    a.forEach((s, i) => {
      if (!Number.isFinite(s)) return;
      pairs++;
      if (!Number.isFinite(b[i]!)) { lost++; return; }
      added.push(b[i]! - s);
      if (s > 0) ratio.push(b[i]! / s - 1);
      if (b[i]! - s > 1) changed++;
    });
  }
  added.sort((x, y) => x - y);
  ratio.sort((x, y) => x - y);
  const pct = (xs: number[], p: number) => xs[Math.min(xs.length - 1, Math.floor(p * xs.length))]!;
  return `- Baltimore ETAs, ${pairs.toLocaleString('en')} unit -> incident pairs within ${CUTOFF_S / 60} min (50 incidents x ${UNITS.toLocaleString('en')} units): ${changed.toLocaleString('en')} (${((100 * changed) / pairs).toFixed(1)} %) longer by more than 1 s with turn costs; added time median ${pct(added, 0.5).toFixed(1)} s, p90 ${pct(added, 0.9).toFixed(1)} s, max ${added[added.length - 1]!.toFixed(1)} s (median +${(100 * pct(ratio, 0.5)).toFixed(1)} %, p90 +${(100 * pct(ratio, 0.9)).toFixed(1)} %); ${lost} pushed past the cutoff; none shorter (the tests hold that for every pair).`;
}
