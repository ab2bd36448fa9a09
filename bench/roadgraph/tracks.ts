/**
 * What driving tracks costs a unit kind that can (issue 17): the rescue graph
 * (`forVehicle({ tracks: true })`: arcs of its own, Dijkstra) side by side with its peer, the
 * emergency profile's graph (hierarchy, engine auto), in one run, interleaved over 3 rounds, on
 * Liechtenstein (1,227 track edges) and Baltimore (21). Times are CPU milliseconds per query
 * (the machine is shared: wall time measures the queue for a core). Rewrites its own section of
 * docs/benchmarks.md: `npx tsx bench/roadgraph/tracks.ts`.
 */
import { loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { RoadGraph, importOsm, manyToOne, type GraphData, type Snapped } from '../../packages/roadgraph/src/index.js';
import { writeSection } from '../lib/benchmarks-doc.js';
import { cpuMsSince } from '../lib/machine.js';
import { machine, ms } from './measure.js';
import { randomPlaces } from './workloads.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const HEADING = 'Road graph: tracks for the kinds that drive them (issue 17)';
const UNITS = 300;
const QUERIES = 100;
const ROUNDS = 3;
const CUTOFF_S = 600;

interface Round { peer: number[]; ours: number[] }

const lines: string[] = [];
for (const [name, file] of [['Liechtenstein', 'liechtenstein'], ['Baltimore', 'baltimore']] as const) {
  lines.push(...measure(name, await importOsm(`${ROOT}data/osm/${file}.osm.pbf`)));
}
const load = loadavg().map((l) => l.toFixed(2)).join(', ');
const body = [
  `Measured by \`npx tsx bench/roadgraph/tracks.ts\` on ${new Date().toISOString().slice(0, 10)}. Machine: ${machine()}; load average at the end of the run: ${load} (shared with other work).`,
  `Many-to-one: ${UNITS} units at random road positions -> one of 50 random incidents, ${CUTOFF_S / 60}-minute cutoff, ${QUERIES} queries per round, ${ROUNDS} rounds with the peer and ours interleaved; CPU ms per query (mean of the round), the spread is over the rounds.`,
  '',
  '| graph | what | peer: emergency profile (CH, engine auto) | ours: rescue, tracks opened (Dijkstra) | ratio |',
  '| --- | --- | ---: | ---: | ---: |',
  ...lines,
  '',
  'There is no limit of the issue on this graph; the dispatch limits (Baltimore p50 <= 1 ms, p99 <= 3 ms per 1,000-unit many-to-one) are for the profiles\' hierarchies, which tracks leave unchanged (no arc of theirs is on a track). Memory: tracks add graph data only (nodes, edges, geometry, 12 bytes per track edge), and a rescue graph its own costs (8 bytes an edge) and adjacency while a rescue unit exists.',
  '',
].join('\n');
writeSection(`${ROOT}docs/benchmarks.md`, HEADING, body);
console.log(`## ${HEADING}\n\n${body}`);

function measure(name: string, data: GraphData): string[] {
  const emergency = new RoadGraph(data, 'emergency');
  emergency.buildHierarchy();
  let cpu = process.cpuUsage();
  const rescue = emergency.forVehicle({ tracks: true });
  const makeMs = cpuMsSince(cpu);
  const units = randomPlaces(emergency, UNITS, 1);
  const incidents = randomPlaces(emergency, 50, 2);
  const rounds: Round[] = [];
  let faster = 0, pairs = 0;
  for (let r = 0; r < ROUNDS; r++) {
    const round: Round = { peer: [], ours: [] };
    for (const [graph, out] of [[emergency, round.peer], [rescue, round.ours]] as const) {
      cpu = process.cpuUsage();
      for (let i = 0; i < QUERIES; i++) manyToOne(graph, units, incidents[i % incidents.length]!, { cutoff: CUTOFF_S });
      out.push(cpuMsSince(cpu) / QUERIES);
    }
    rounds.push(round);
  }
  for (const incident of incidents.slice(0, 10)) {
    const a = manyToOne(emergency, units, incident as Snapped), b = manyToOne(rescue, units, incident as Snapped);
    a.forEach((s, i) => { if (Number.isFinite(s)) { pairs++; if (b[i]! < s - 1) faster++; } });
  }
  const peer = rounds.map((r) => r.peer[0]!), ours = rounds.map((r) => r.ours[0]!);
  const spread = (xs: number[]) => `${ms(Math.min(...xs))}-${ms(Math.max(...xs))}`;
  const median = (xs: number[]) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)]!;
  const ownBytes = rescue.forward.byteLength + rescue.backward.byteLength + (rescue.costs.forwardMs.byteLength + rescue.costs.backwardMs.byteLength);
  return [
    `| ${name} (${data.nodeLon.length.toLocaleString('en')} nodes, ${(data.trackCosts.length / 3).toLocaleString('en')} track edges) | many-to-one CPU ms per query, median of rounds (spread) | ${ms(median(peer))} (${spread(peer)}) | ${ms(median(ours))} (${spread(ours)}) | ${(median(ours) / median(peer)).toFixed(2)} |`,
    `| ${name} | making the rescue graph (copy of costs + adjacency), CPU ms | | ${ms(makeMs)} | |`,
    `| ${name} | bytes of its own (costs + adjacency) | | ${(ownBytes / 2 ** 20).toFixed(2)} MB | |`,
    `| ${name} | unit-incident pairs within the cutoff that tracks make faster by > 1 s | | ${faster} of ${pairs} | |`,
  ];
}
