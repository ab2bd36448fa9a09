/**
 * Recommendation end to end over HTTP (`GET /incidents/:id/recommendations`, 1,000 units) beside
 * the bare road-graph many-to-one query of the same units to the same incidents, in one run, on
 * Baltimore and on the ~1M-node metro graph of bench/roadgraph; writes the "## Dispatch
 * recommendation" section of docs/benchmarks.md. `npm run bench:dispatch` (DATABASE_URL = the
 * PostgreSQL server; DISPATCH_BENCH_QUICK=1 for a smoke run, BENCH_DOC=0 to print instead of writing the doc,
 * BENCH_PROFILE=<dir> for a CPU profile of the server).
 */
import { mkdirSync, mkdtempSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PreparedOrigins, manyToOne, type RoadGraph } from '../../packages/roadgraph/src/index.js';
import { startAppServer, stopAppServer, loginCookie, serverCpuMs } from '../lib/app-server.js';
import { writeSection } from '../lib/benchmarks-doc.js';
import { BENCH_ADMIN_PASSWORD, fleetDatabase } from '../lib/fleet-db.js';
import { machine } from '../lib/machine.js';
import { serverVersion } from '../lib/scratch-db.js';
import { ms, summarise, time, type Timing } from '../roadgraph/measure.js';
import { baltimore, metro, randomPlaces, withHierarchy, type Workload } from '../roadgraph/workloads.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const SERVER_URL = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const QUICK = process.env.DISPATCH_BENCH_QUICK === '1';
const UNITS = 1000;
const INCIDENTS = 200;
/** recommend.ts: the prepared fleet answers with CUTOFF_SECONDS; a search from the incident starts with NEAR_SECONDS. */
const CUTOFF_SECONDS = 3600;
const NEAR_SECONDS = 900;
const LIMIT = 20;
const TARGET_P99_MS = 25;
const TARGET_OVERHEAD_MS = 10;
const say = (line: string): void => void process.stderr.write(`${line}\n`);

interface Result {
  name: string;
  nodes: number;
  http: Timing;
  /** GET /incidents/:id: the same session check and incident lookup over HTTP, nothing else. */
  floor: Timing;
  /** PreparedOrigins.manyToOne over the same positions: the query the server runs. */
  bare: Timing;
  /** manyToOne from the incident, near cutoff: what the server runs when the prepared fleet does not cover the candidates. */
  search: Timing;
  bareWithSnap: Timing;
  wide: number;
  mismatches: number;
  cpuPerRequestMs: number;
  firstMs: number;
}

const balt = await baltimore(`${ROOT}data/osm/baltimore.osm.pbf`);
const results = [
  await bench(balt, { pbf: `${ROOT}data/osm/baltimore.osm.pbf`, runs: QUICK ? 50 : 1000 }),
  await bench(await metro(balt.data, QUICK ? 3 : 14), { runs: QUICK ? 30 : 500 }),
];
const body = await report(results);
// BENCH_DOC=0 prints the section instead of writing it (smoke runs).
if (process.env.BENCH_DOC === '0') process.stdout.write(`${body}\n`);
else {
  writeSection(`${ROOT}docs/benchmarks.md`, 'Dispatch recommendation', body);
  say(`wrote ${ROOT}docs/benchmarks.md`);
}

async function bench(w: Workload, opts: { pbf?: string; runs: number }): Promise<Result> {
  say(`\n== ${w.name}`);
  const graph = await withHierarchy(w);
  const fixes = randomPlaces(graph, UNITS, 11);
  const homes = randomPlaces(graph, UNITS, 12);
  const incidents = randomPlaces(graph, INCIDENTS, 13);
  const data = await fleetDatabase(SERVER_URL, 'bench_dispatch', bounds(graph), fixes.map((f, i) => ({ fix: f.input, home: homes[i]!.input })));
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'firebreak-bench-dispatch-'));
  const server = await startAppServer(data.url, { FIREBREAK_DATA_DIR: dataDir, FIREBREAK_ROAD_PBF: opts.pbf ?? placeholderExtract(dataDir, w), AVL_STALE_SECONDS: '86400' }, process.env.BENCH_PROFILE);
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
    // The answers agree with the bare query: the fastest unit's ETA is the smallest travel time.
    const bare = incidents.map((p) => manyToOne(graph, fixes, p, { cutoff: NEAR_SECONDS }));
    let mismatches = 0;
    for (let i = 0; i < INCIDENTS; i++) {
      const best = Math.min(...bare[i]!);
      const got = (await recommend(i)).items[0]?.etaSeconds ?? Infinity;
      if (Number.isFinite(best) ? Math.abs(got - best) > 1e-3 : got < NEAR_SECONDS) mismatches++;
    }
    const wide = bare.filter((secs) => secs.filter(Number.isFinite).length < LIMIT).length;
    // The server prepares the fleet's positions in the background within a second of loading them.
    await new Promise((resolve) => setTimeout(resolve, 2000));
    await serverCpuMs(server);
    const samples: number[] = [];
    for (let i = 0; i < opts.runs; i++) {
      const t = performance.now();
      await recommend(i);
      samples.push(performance.now() - t);
    }
    const cpuPerRequestMs = (await serverCpuMs(server)) / opts.runs;
    const http = summarise(samples);
    const floorSamples: number[] = [];
    for (let i = 0; i < opts.runs; i++) {
      const t = performance.now();
      const res = await fetch(`${server.base}/api/v1/incidents/${ids[i % INCIDENTS]}`, { headers: { cookie } });
      if (res.status !== 200) throw new Error(`incident: ${res.status}`);
      await res.arrayBuffer();
      floorSamples.push(performance.now() - t);
    }
    const floor = summarise(floorSamples);
    const fleet = new PreparedOrigins(graph, fixes);
    const bareTiming = time(opts.runs, (i) => fleet.manyToOne(incidents[i % INCIDENTS]!, { cutoff: CUTOFF_SECONDS }));
    const search = time(Math.min(opts.runs, 300), (i) => manyToOne(graph, fixes, incidents[i % INCIDENTS]!, { cutoff: NEAR_SECONDS }));
    const points = fixes.map((f) => f.input);
    const bareWithSnap = time(Math.min(opts.runs, 200), (i) => manyToOne(graph, points.map((p) => graph.snapper.snap(p)), incidents[i % INCIDENTS]!, { cutoff: NEAR_SECONDS }));
    say(`http p50 ${ms(http.p50)} p99 ${ms(http.p99)}; bare p50 ${ms(bareTiming.p50)} p99 ${ms(bareTiming.p99)}; search p50 ${ms(search.p50)} p99 ${ms(search.p99)}; server CPU/request ${ms(cpuPerRequestMs)} ms; GET incident p50 ${ms(floor.p50)} p99 ${ms(floor.p99)}; first ${firstMs.toFixed(0)} ms`);
    return { name: w.name, nodes: graph.nodeCount, http, floor, bare: bareTiming, search, bareWithSnap, wide, mismatches, cpuPerRequestMs, firstMs };
  } finally {
    await stopAppServer(server);
    await data.drop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/**
 * The metro graph is stitched from Baltimore tiles and has no OSM extract: it is put into the
 * server's road-graph cache under the name of a placeholder extract, which the server then loads
 * as it would a cached build of a real one (road-network.ts).
 */
function placeholderExtract(dataDir: string, w: Workload): string {
  const pbf = path.join(dataDir, 'metro.osm.pbf');
  writeFileSync(pbf, `placeholder for ${w.name}, stitched by bench/roadgraph/stitch.ts\n`);
  const info = statSync(pbf);
  const base = path.join(dataDir, 'roadgraph', `metro-${info.size}-${Math.trunc(info.mtimeMs)}`);
  mkdirSync(path.dirname(base), { recursive: true });
  symlinkSync(w.graphFile, `${base}.rgraph`);
  symlinkSync(w.chFile, `${base}.rch`);
  return pbf;
}

/**
 * Random road positions: a point near a random edge's first vertex, snapped; points the snapper
 * refuses (near a piece of road cut off from the main network) are drawn again.
 */

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

async function report(rs: Result[]): Promise<string> {
  const m = machine();
  const verdict = (ok: boolean) => (ok ? '**met**' : '**missed**');
  const lines = [
    `Measured by \`npm run bench:dispatch\` (bench/dispatch/run.ts) on ${new Date().toISOString().slice(0, 10)}.`,
    '',
    `- Machine: ${m.cpus} CPUs (${m.cpuModel}), Node ${m.node}, ${await serverVersion(SERVER_URL)} on 127.0.0.1; server, PostgreSQL and`,
    `  the client share the CPUs (load average at the end: ${os.loadavg().map((x) => x.toFixed(2)).join(', ')}; the machine is shared with other work).`,
    `- End to end: \`GET /api/v1/incidents/:id/recommendations?limit=${LIMIT}\` as the administrator (all ${UNITS.toLocaleString('en')} units in scope), one`,
    '  request at a time over keep-alive HTTP, to the real app (`buildApp`, PostgreSQL, logger off) in its own process with',
    `  \`FIREBREAK_ROAD_PBF\` set to the graph; ${INCIDENTS} incidents at random road positions in turn. Every unit is on duty and available`,
    '  with a live position (its latest track point, loaded by the server at start). Each request: session and incident',
    '  lookup, the plan in force, the fleet view filtered in memory, one many-to-one query, the plan filled, the offered',
    '  units checked against the database, JSON out.',
    `- Bare: the same query on the same ${UNITS.toLocaleString('en')} snapped positions and incidents in the benchmark process: the positions`,
    `  prepared once (\`PreparedOrigins\`, RPHAST), \`manyToOne\` with a ${CUTOFF_SECONDS} s cutoff, as the server's fleet view does while the`,
    '  units stand where it last prepared them. "search from the incident": `manyToOne` unprepared with the',
    `  server's first cutoff (${NEAR_SECONDS} s), what it runs when a candidate has moved since (widened to ${CUTOFF_SECONDS} s when the near units do not`,
    '  fill the answer); "with snapping" snaps the positions first, as every request did before the fleet view.',
    '  "GET incident": `GET /api/v1/incidents/:id` in the same run, the same session',
    '  check and incident lookup over HTTP and nothing else: the floor under any recommendation on this machine.',
    '',
    '| graph | nodes | end to end p50 / p99 | bare (prepared) p50 / p99 | overhead p50 / p99 | server CPU / request | GET incident p50 / p99 | search from the incident p50 / p99 | search with snapping p50 |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...rs.map((r) => `| ${r.name} | ${r.nodes.toLocaleString('en')} | ${ms(r.http.p50)} / ${ms(r.http.p99)} ms | ${ms(r.bare.p50)} / ${ms(r.bare.p99)} ms | ${ms(r.http.p50 - r.bare.p50)} / ${ms(r.http.p99 - r.bare.p99)} ms | ${ms(r.cpuPerRequestMs)} ms | ${ms(r.floor.p50)} / ${ms(r.floor.p99)} ms | ${ms(r.search.p50)} / ${ms(r.search.p99)} ms | ${ms(r.bareWithSnap.p50)} ms |`),
    '',
    ...rs.flatMap((r) => [
      `- ${r.name}: ${r.http.runs} requests; p99 ${ms(r.http.p99)} ms (target <= ${TARGET_P99_MS} ms: ${verdict(r.http.p99 <= TARGET_P99_MS)}), overhead over the bare query at p99 ${ms(r.http.p99 - r.bare.p99)} ms, at p50 ${ms(r.http.p50 - r.bare.p50)} ms (target <= ${TARGET_OVERHEAD_MS} ms: ${verdict(r.http.p99 - r.bare.p99 <= TARGET_OVERHEAD_MS)}); ratio end to end / bare at p50 ${(r.http.p50 / r.bare.p50).toFixed(1)}x.`,
      `  First request (loads the road graph and the fleet view, snaps the positions, searches unprepared): ${r.firstMs.toFixed(0)} ms. Incidents with fewer than ${LIMIT} units within ${NEAR_SECONDS} s (an unprepared search widens to 1 h for those): ${r.wide} of ${INCIDENTS}. Fastest unit's ETA differing from the bare query: ${r.mismatches} of ${INCIDENTS}.`,
    ]),
  ];
  return lines.join('\n');
}
