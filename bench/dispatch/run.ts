/**
 * Recommendation end to end over HTTP (`GET /incidents/:id/recommendations`, 1,000 units) beside
 * the bare road-graph many-to-one query of the same units to the same incidents, in one run, on
 * Baltimore and on the ~1M-node metro graph of bench/roadgraph, with the units standing still and
 * while they move (AVL fixes posted to the server during the requests); writes the "## Dispatch
 * recommendation" section of docs/benchmarks.md. `npm run bench:dispatch` (DATABASE_URL = the
 * PostgreSQL server; DISPATCH_BENCH_QUICK=1 for a smoke run, BENCH_DOC=0 to print instead of writing the doc,
 * BENCH_PROFILE=<dir> for a CPU profile of the server, DISPATCH_BENCH_GRAPHS=metro for the metro graph only,
 * DISPATCH_BENCH_SIDE=<n> for a metro of n x n tiles instead of 14 x 14: its two hierarchies take
 * over 10 minutes to build the first time on a quiet 2-core machine; DISPATCH_BENCH_RUNS=<n> requests a round on the
 * metro instead of 500, for a shorter run under the shared bench lock).
 */
import { mkdirSync, mkdtempSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { GRAPH_FORMAT_VERSION, PROFILES, PreparedOrigins, RoadGraph, importOsm, manyToOne } from '../../packages/roadgraph/src/index.js';
import { DEFAULT_RUN_CARDS } from '@firebreak/contracts';
import { graphOptions } from '../../apps/server/src/modules/dispatch/road-network.js';
import { travelGraphOf } from '../../apps/server/src/modules/dispatch/travel-profile.js';
import { startAppServer, stopAppServer, loginCookie, serverCpuMs, type AppServer } from '../lib/app-server.js';
import { writeSection } from '../lib/benchmarks-doc.js';
import { BENCH_ADMIN_PASSWORD, fleetDatabase } from '../lib/fleet-db.js';
import { machine } from '../lib/machine.js';
import { serverVersion } from '../lib/scratch-db.js';
import { ms, summarise, time, type Timing } from '../roadgraph/measure.js';
import { stitchTiles } from '../roadgraph/stitch.js';
import { randomPlaces } from '../roadgraph/workloads.js';
import { serverGraph, type ServerGraph } from './server-graph.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const SERVER_URL = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const QUICK = process.env.DISPATCH_BENCH_QUICK === '1';
const GRAPHS = (process.env.DISPATCH_BENCH_GRAPHS ?? 'baltimore,metro').split(',');
const UNITS = 1000;
const INCIDENTS = 200;
/** Measured rounds per phase, on the same server: the spread between them is reported. */
const ROUNDS = 3;
/** recommend.ts: the prepared fleet answers with CUTOFF_SECONDS; a search from the incident starts with NEAR_SECONDS. */
const CUTOFF_SECONDS = 3600;
const NEAR_SECONDS = 900;
const LIMIT = 20;
/**
 * Units the server times with their turns (recommend.ts `turnAwareCounts`): the answer's length
 * plus the places of the card a unit of the graph fits, here the default card of a P1 fire (no
 * plan in force) and patrol cars: its one patrol car place (its engines', ladder's and ambulance's
 * places are filled from other graphs; before 2026-12-07 w15-s every place counted, 25).
 */
const TURN_AWARE = LIMIT + DEFAULT_RUN_CARDS.fire.P1.reduce((n, tier) => n + tier.slots.reduce((m, slot) => m + (slot.kind === 'patrol_car' ? slot.units : 0), 0), 0);
const TARGET_P99_MS = 25;
const TARGET_OVERHEAD_MS = 10;
/** While units move: AVL fixes per second over the fleet (each unit every UNITS / FIXES_PER_SECOND s), in batches every 100 ms. */
const FIXES_PER_SECOND = 100;
const say = (line: string): void => void process.stderr.write(`${line}\n`);
const LOAD_AT_START = os.loadavg();

/** One phase's rounds: requests, and the server's CPU per request in each. */
interface Rounds {
  timings: Timing[];
  cpuMs: number[];
}

interface Result {
  name: string;
  nodes: number;
  still: Rounds;
  moving: Rounds;
  /** Server CPU per second for taking the fixes alone (no requests), subtracted from the moving rounds' CPU. */
  ingestCpuMsPerS: number;
  fixesPerS: number;
  /** GET /incidents/:id: the same session check and incident lookup over HTTP, nothing else. */
  floor: Timing[];
  /** PreparedOrigins.manyToOne over the same positions: the query the server runs. */
  bare: Timing[];
  /** manyToOne from the incident, near cutoff: what the server ran for every request while units moved. */
  search: Timing;
  /** manyToOne from the incident with the full cutoff (an unbounded answer). */
  searchWide: Timing;
  wide: number;
  mismatches: number;
  firstMs: number;
}

const baltimoreData = await importOsm(`${ROOT}data/osm/baltimore.osm.pbf`);
const results: Result[] = [];
if (GRAPHS.includes('baltimore')) results.push(await bench('Baltimore', baltimoreData, { pbf: `${ROOT}data/osm/baltimore.osm.pbf`, runs: QUICK ? 50 : 1000 }));
if (GRAPHS.includes('metro')) {
  const side = Number(process.env.DISPATCH_BENCH_SIDE ?? (QUICK ? 3 : 14));
  results.push(await bench(`Metro (${side}x${side} Baltimore tiles)`, stitchTiles(baltimoreData, side), { runs: QUICK ? 30 : Number(process.env.DISPATCH_BENCH_RUNS ?? 500) }));
}
const body = await report(results);
// BENCH_DOC=0 prints the section instead of writing it (smoke runs).
if (process.env.BENCH_DOC === '0' || QUICK) process.stdout.write(`${body}\n`);
else {
  writeSection(`${ROOT}docs/benchmarks.md`, 'Dispatch recommendation', body);
  say(`wrote ${ROOT}docs/benchmarks.md`);
}

async function bench(name: string, data: Parameters<typeof serverGraph>[0], opts: { pbf?: string; runs: number }): Promise<Result> {
  say(`\n== ${name}`);
  // The server's graphs carry its turn costs (FIREBREAK_TURN_COSTS, default right): so do the bare queries'.
  const files = await serverGraph(data, say, graphOptions({}));
  const car = files.byProfile.car;
  // Every unit is a patrol car: timed on its kind's graph, as the server does (travel-profile.ts).
  const graph = travelGraphOf(files.byProfile, 'patrol_car');
  /** The same profile without turn costs: node-based times. */
  const plainGraph = new RoadGraph(graph.data, graph.profile, {}, graph);
  plainGraph.attachHierarchy(graph.hierarchy!);
  const fixes = randomPlaces(car, UNITS, 11);
  const homes = randomPlaces(car, UNITS, 12);
  const incidents = randomPlaces(car, INCIDENTS, 13);
  /** Where the units drive to while they move: other random road positions, in turn. */
  const elsewhere = [randomPlaces(car, UNITS, 14), fixes];
  const db = await fleetDatabase(SERVER_URL, 'bench_dispatch', bounds(car), fixes.map((f, i) => ({ fix: f.input, home: homes[i]!.input })));
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'firebreak-bench-dispatch-'));
  const server = await startAppServer(db.url, { FIREBREAK_DATA_DIR: dataDir, FIREBREAK_ROAD_PBF: opts.pbf ?? placeholderExtract(dataDir, name, files), AVL_STALE_SECONDS: '86400' }, process.env.BENCH_PROFILE);
  try {
    const cookie = await loginCookie(server.base, 'admin', BENCH_ADMIN_PASSWORD);
    const ids: string[] = [];
    for (const p of incidents) {
      const res = await fetch(`${server.base}/api/v1/incidents`, { method: 'POST', headers: { cookie, 'content-type': 'application/json' }, body: JSON.stringify({ type: 'fire', priority: 'P1', location: p.input }) });
      if (res.status !== 201) throw new Error(`incident: ${res.status} ${await res.text()}`);
      ids.push(((await res.json()) as { id: string }).id);
    }
    const recommend = async (i: number) => {
      const res = await fetch(`${server.base}/api/v1/incidents/${ids[i % INCIDENTS]}/recommendations?limit=${LIMIT}`, { headers: { cookie } });
      if (res.status !== 200) throw new Error(`recommendations: ${res.status} ${await res.text()}`);
      return (await res.json()) as { items: { etaSeconds: number | null }[] };
    };
    // The first request loads the road graph and the fleet view (and snaps every position).
    const first = performance.now();
    await recommend(0);
    const firstMs = performance.now() - first;
    // The answers agree with the bare query: the fastest unit's ETA is the smallest travel time,
    // with turns (`nearest: 1`: the nearest unit refined, the others' node-based times lower bounds above it).
    const bare = incidents.map((p) => manyToOne(graph, fixes, p, { cutoff: NEAR_SECONDS, nearest: 1 }));
    let mismatches = 0;
    for (let i = 0; i < INCIDENTS; i++) {
      const best = Math.min(...bare[i]!);
      const got = (await recommend(i)).items[0]?.etaSeconds ?? Infinity;
      if (Number.isFinite(best) ? Math.abs(got - best) > 1e-3 : got < NEAR_SECONDS) mismatches++;
    }
    // Units within NEAR_SECONDS by node-based time (a unit's time with turns is never lower).
    const wide = incidents.filter((p) => manyToOne(plainGraph, fixes, p, { cutoff: NEAR_SECONDS }).filter(Number.isFinite).length < LIMIT).length;
    // The server prepares the fleet's positions in the background within a second of loading them.
    await new Promise((resolve) => setTimeout(resolve, 2000));
    const requests = async (): Promise<{ timing: Timing; cpuMs: number }> => {
      await serverCpuMs(server);
      const samples: number[] = [];
      for (let i = 0; i < opts.runs; i++) {
        const t = performance.now();
        await recommend(i);
        samples.push(performance.now() - t);
      }
      return { timing: summarise(samples), cpuMs: (await serverCpuMs(server)) / opts.runs };
    };
    const fleet = new PreparedOrigins(graph, fixes);
    const still: Rounds = { timings: [], cpuMs: [] };
    const floor: Timing[] = [];
    const bareTimings: Timing[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      const r = await requests();
      still.timings.push(r.timing);
      still.cpuMs.push(r.cpuMs);
      const floorSamples: number[] = [];
      for (let i = 0; i < opts.runs; i++) {
        const t = performance.now();
        const res = await fetch(`${server.base}/api/v1/incidents/${ids[i % INCIDENTS]}`, { headers: { cookie } });
        if (res.status !== 200) throw new Error(`incident: ${res.status}`);
        await res.arrayBuffer();
        floorSamples.push(performance.now() - t);
      }
      floor.push(summarise(floorSamples));
      bareTimings.push(time(opts.runs, (i) => fleet.manyToOne(incidents[i % INCIDENTS]!, { cutoff: CUTOFF_SECONDS, nearest: TURN_AWARE })));
      say(`still, round ${round + 1}: p50 ${ms(r.timing.p50)} p99 ${ms(r.timing.p99)} ms, CPU/request ${ms(r.cpuMs)} ms; bare p50 ${ms(bareTimings[round]!.p50)} p99 ${ms(bareTimings[round]!.p99)}; GET incident p50 ${ms(floor[round]!.p50)} p99 ${ms(floor[round]!.p99)}`);
    }
    // Units move: a device posts fixes putting units at other road positions, in turn, all along.
    const device = await deviceToken(server, cookie, db.jurisdictionId);
    const mover = startMoving(server, device, db.unitIds, elsewhere.map((list) => list.map((p) => p.input)));
    let moving: Rounds;
    let ingestCpuMsPerS: number;
    let fixesPerS: number;
    try {
      await new Promise((resolve) => setTimeout(resolve, 1000));
      // The fixes alone first: their CPU per second is taken off the rounds' CPU.
      await serverCpuMs(server);
      const quiet = performance.now();
      const posted = mover.posted();
      await new Promise((resolve) => setTimeout(resolve, 3000));
      ingestCpuMsPerS = (await serverCpuMs(server)) / ((performance.now() - quiet) / 1000);
      const started = performance.now();
      const postedBefore = mover.posted();
      fixesPerS = (postedBefore - posted) / ((started - quiet) / 1000);
      moving = { timings: [], cpuMs: [] };
      for (let round = 0; round < ROUNDS; round++) {
        const t = performance.now();
        const r = await requests();
        const seconds = (performance.now() - t) / 1000;
        moving.timings.push(r.timing);
        moving.cpuMs.push(Math.max(0, r.cpuMs - (ingestCpuMsPerS * seconds) / opts.runs));
        say(`moving, round ${round + 1}: p50 ${ms(r.timing.p50)} p99 ${ms(r.timing.p99)} ms, CPU/request ${ms(moving.cpuMs[round]!)} ms (fixes take ${ingestCpuMsPerS.toFixed(0)} ms CPU/s)`);
      }
    } finally {
      await mover.stop();
    }
    const search = time(Math.min(opts.runs, 300), (i) => manyToOne(graph, fixes, incidents[i % INCIDENTS]!, { cutoff: NEAR_SECONDS, nearest: TURN_AWARE }));
    const searchWide = time(Math.min(opts.runs, 100), (i) => manyToOne(graph, fixes, incidents[i % INCIDENTS]!, { cutoff: CUTOFF_SECONDS, nearest: TURN_AWARE }));
    return { name, nodes: graph.nodeCount, still, moving, ingestCpuMsPerS, fixesPerS, floor, bare: bareTimings, search, searchWide, wide, mismatches, firstMs };
  } finally {
    await stopAppServer(server);
    await db.drop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** An AVL gateway account of the benchmark's jurisdiction and its API token. */
async function deviceToken(server: AppServer, cookie: string, jurisdictionId: string): Promise<string> {
  const post = async (url: string, body: object) => {
    const res = await fetch(`${server.base}/api/v1${url}`, { method: 'POST', headers: { cookie, 'content-type': 'application/json' }, body: JSON.stringify(body) });
    if (res.status !== 201) throw new Error(`${url}: ${res.status} ${await res.text()}`);
    return res.json() as Promise<{ id: string; token: string }>;
  };
  const staff = await post('/staff', { username: 'bench-avl', displayName: 'Bench AVL', kind: 'device', jurisdictionId, grants: [{ role: 'unit_member', jurisdictionId }] });
  return (await post(`/staff/${staff.id}/tokens`, { name: 'bench' })).token;
}

/**
 * Posts FIXES_PER_SECOND fixes a second (a batch every 100 ms) until stopped, unit after unit,
 * each to the next of its positions in `positions` (lists indexed like the units).
 */
function startMoving(server: AppServer, token: string, unitIds: string[], positions: (readonly [number, number])[][]): { posted: () => number; stop: () => Promise<void> } {
  let next = 0;
  let posted = 0;
  let stopped = false;
  const perBatch = FIXES_PER_SECOND / 10;
  const loop = (async () => {
    while (!stopped) {
      const tick = performance.now();
      const fixes = Array.from({ length: perBatch }, () => {
        const k = next++;
        const unit = k % unitIds.length;
        const at = positions[Math.floor(k / unitIds.length) % positions.length]![unit]!;
        return { unitId: unitIds[unit]!, location: at, at: new Date().toISOString() };
      });
      const res = await fetch(`${server.base}/api/v1/avl/positions`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify({ fixes }) });
      if (res.status !== 200) throw new Error(`avl: ${res.status} ${await res.text()}`);
      await res.arrayBuffer();
      posted += fixes.length;
      await new Promise((resolve) => setTimeout(resolve, Math.max(0, 100 - (performance.now() - tick))));
    }
  })();
  return { posted: () => posted, stop: async () => ((stopped = true), await loop) };
}

/**
 * The metro graph is stitched from Baltimore tiles and has no OSM extract: its graph and
 * hierarchy files are put into the server's road-graph cache under the names of a placeholder
 * extract, which the server then loads as it would a cached build of a real one (road-network.ts).
 */
function placeholderExtract(dataDir: string, name: string, files: ServerGraph): string {
  const pbf = path.join(dataDir, 'metro.osm.pbf');
  writeFileSync(pbf, `placeholder for ${name}, stitched by bench/roadgraph/stitch.ts\n`);
  const info = statSync(pbf);
  const base = path.join(dataDir, 'roadgraph', `metro-${info.size}-${Math.trunc(info.mtimeMs)}-v${GRAPH_FORMAT_VERSION}`);
  mkdirSync(path.dirname(base), { recursive: true });
  symlinkSync(files.graphFile, `${base}.rgraph`);
  for (const profile of PROFILES) symlinkSync(files.chFile[profile], `${base}.${profile}.rch`);
  return pbf;
}

function bounds(graph: RoadGraph): { minLon: number; minLat: number; maxLon: number; maxLat: number } {
  const { nodeLon, nodeLat } = graph.data;
  let [minLon, minLat, maxLon, maxLat] = [Infinity, Infinity, -Infinity, -Infinity];
  for (let i = 0; i < nodeLon.length; i++) {
    minLon = Math.min(minLon, nodeLon[i]!);
    maxLon = Math.max(maxLon, nodeLon[i]!);
    minLat = Math.min(minLat, nodeLat[i]!);
    maxLat = Math.max(maxLat, nodeLat[i]!);
  }
  return { minLon: minLon - 0.01, minLat: minLat - 0.01, maxLon: maxLon + 0.01, maxLat: maxLat + 0.01 };
}

/** The rounds' values, "a / b / c". */
function spread(values: number[]): string {
  return values.map(ms).join(' / ');
}

function worst(values: number[]): number {
  return Math.max(...values);
}

async function report(rs: Result[]): Promise<string> {
  const m = machine();
  const verdict = (ok: boolean) => (ok ? '**met**' : '**missed**');
  const lines = [
    `Measured by \`npm run bench:dispatch\` (bench/dispatch/run.ts) on ${new Date().toISOString().slice(0, 10)}.`,
    '',
    `- Machine: ${m.cpus} CPUs (${m.cpuModel}), Node ${m.node}, ${await serverVersion(SERVER_URL)} on 127.0.0.1; server, PostgreSQL and`,
    `  the client share the CPUs (load average at the start: ${LOAD_AT_START.map((x) => x.toFixed(2)).join(', ')}, at the end: ${os.loadavg().map((x) => x.toFixed(2)).join(', ')}; the machine is shared with other work:`,
    '  CPU per request and the ratios to the bare query of the same run are the robust figures).',
    `- End to end: \`GET /api/v1/incidents/:id/recommendations?limit=${LIMIT}\` as the administrator (all ${UNITS.toLocaleString('en')} units in scope), one`,
    '  request at a time over keep-alive HTTP, to the real app (`buildApp`, PostgreSQL, logger off) in its own process with',
    `  \`FIREBREAK_ROAD_PBF\` set to the graph; ${INCIDENTS} incidents at random road positions in turn. Every unit is a patrol car (timed on the`,
    '  emergency profile), on duty and available with a live position. Each request: session and incident lookup, the plan in',
    '  force, the fleet view filtered in memory, the travel times, the plan filled, the offered units checked against the database, JSON out.',
    `  ${ROUNDS} rounds of requests on the same server; each cell lists the rounds (p99 target judged on the worst round).`,
    `- **Units standing still**: the fleet's positions prepared in the background (\`PreparedOrigins\`, RPHAST) answer every request.`,
    `  **Units moving**: an AVL gateway posts ${FIXES_PER_SECOND} fixes a second (\`POST /avl/positions\`, a batch every 100 ms, each unit every`,
    `  ${UNITS / FIXES_PER_SECOND} s to another random road position) all through the rounds; its own server CPU (measured alone before the rounds) is`,
    '  taken off the CPU per request. Units moved since the fleet was last prepared are timed by the same prepared query from where they stand',
    '  (extra points), and the fleet is prepared again in the background in slices of at most 4 ms (fleet.ts).',
    `- Bare: the same query on the same ${UNITS.toLocaleString('en')} snapped positions and incidents in the benchmark process: the positions`,
    `  prepared once, \`manyToOne\` with a ${CUTOFF_SECONDS} s cutoff and the server's turn costs (right-hand traffic, the default of`,
    `  \`FIREBREAK_TURN_COSTS\`), the ${TURN_AWARE} nearest units refined with their turns as the server does (the answer's ${LIMIT} and the card's places a patrol car fits:`,
    '  `nearest`). Like for like since 2026-12-07: before, the bare query was node-based (no turns) while the server refined, so the',
    '  "fastest unit\'s ETA differing" count below was the turns (176 / 199 of 200), not a fault. "search from the incident": `manyToOne` unprepared over all units with',
    `  the ${NEAR_SECONDS} s and the ${CUTOFF_SECONDS} s cutoff, the same ${TURN_AWARE} refined (what a request searched for every candidate before issue 19 §5 when one had moved).`,
    '  "GET incident": `GET /api/v1/incidents/:id` in the same run, the same session check and incident lookup over HTTP and nothing',
    '  else: the floor under any recommendation on this machine.',
    '',
    '| graph | nodes | units | end to end p50 | end to end p99 | server CPU / request | bare (prepared) p50 / p99 | GET incident p50 / p99 |',
    '| --- | ---: | --- | ---: | ---: | ---: | ---: | ---: |',
    ...rs.flatMap((r) => [
      `| ${r.name} | ${r.nodes.toLocaleString('en')} | still | ${spread(r.still.timings.map((t) => t.p50))} ms | ${spread(r.still.timings.map((t) => t.p99))} ms | ${spread(r.still.cpuMs)} ms | ${spread(r.bare.map((t) => t.p50))} / ${spread(r.bare.map((t) => t.p99))} ms | ${spread(r.floor.map((t) => t.p50))} / ${spread(r.floor.map((t) => t.p99))} ms |`,
      `| ${r.name} | ${r.nodes.toLocaleString('en')} | moving | ${spread(r.moving.timings.map((t) => t.p50))} ms | ${spread(r.moving.timings.map((t) => t.p99))} ms | ${spread(r.moving.cpuMs)} ms | | |`,
    ]),
    '',
    ...rs.flatMap((r) => {
      const p99 = worst([...r.still.timings, ...r.moving.timings].map((t) => t.p99));
      const overhead = r.still.timings.map((t, i) => t.p50 - r.bare[i]!.p50);
      return [
        `- ${r.name}: ${r.still.timings[0]!.runs} requests a round; worst p99 ${ms(p99)} ms (still ${ms(worst(r.still.timings.map((t) => t.p99)))}, moving ${ms(worst(r.moving.timings.map((t) => t.p99)))}; target <= ${TARGET_P99_MS} ms: ${verdict(p99 <= TARGET_P99_MS)});`,
        `  overhead over the bare query at p50 ${spread(overhead)} ms (target <= ${TARGET_OVERHEAD_MS} ms: ${verdict(worst(overhead) <= TARGET_OVERHEAD_MS)}); ratio end to end / bare at p50 ${r.still.timings.map((t, i) => (t.p50 / r.bare[i]!.p50).toFixed(1)).join(' / ')}x.`,
        `  Moving: ${r.fixesPerS.toFixed(0)} fixes/s taking ${r.ingestCpuMsPerS.toFixed(0)} ms of server CPU a second. Search from the incident over all units: p50 / p99 ${ms(r.search.p50)} / ${ms(r.search.p99)} ms (${NEAR_SECONDS} s), ${ms(r.searchWide.p50)} / ${ms(r.searchWide.p99)} ms (${CUTOFF_SECONDS} s).`,
        `  First request (loads the road graph and the fleet view, snaps the positions, searches unprepared): ${r.firstMs.toFixed(0)} ms. Incidents with fewer than ${LIMIT} units within ${NEAR_SECONDS} s: ${r.wide} of ${INCIDENTS}. Fastest unit's ETA (with turns) differing from the bare query's: ${r.mismatches} of ${INCIDENTS}.`,
      ];
    }),
  ];
  return lines.join('\n');
}
