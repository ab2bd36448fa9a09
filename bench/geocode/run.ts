// The offline geocoder: recall@1/@5 on a test set generated from each extract (every address,
// perturbed five ways), latency per keystroke, build time and memory — beside plain PostgreSQL
// pg_trgm over the same labels. Usage: npm run bench:geocode   (DATABASE_URL = the server;
// BENCH_DOC=0 leaves docs/benchmarks.md alone)
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { pino } from 'pino';
import { loadConfig } from '../../apps/server/src/config.js';
import { startPlatform } from '../../apps/server/src/platform/kernel.js';
import { buildGazetteer, type JurisdictionArea } from '../../apps/server/src/modules/geocode/gazetteer.js';
import { jurisdictionAreas } from '../../apps/server/src/modules/geocode/geocoder.js';
import { readOsmGazetteer } from '../../apps/server/src/modules/geocode/osm-gazetteer.js';
import { PERTURBATIONS } from '../../apps/server/src/modules/geocode/perturb.js';
import { Geocoder } from '../../apps/server/src/modules/geocode/search.js';
import { addressTestSet, recall, type TestQuery } from '../../apps/server/src/modules/geocode/testset.js';
import { bootstrapAccounts } from '../../apps/server/src/modules/identity/bootstrap.js';
import { DEMO_COUNTRY_CODE, DEMO_PBF, importOsmFile } from '../../apps/server/src/modules/jurisdictions/index.js';
import { writeSection } from '../lib/benchmarks-doc.js';
import { BENCH_ADMIN_PASSWORD } from '../lib/fleet-db.js';
import { machine } from '../lib/machine.js';
import { createScratchDatabase, serverVersion } from '../lib/scratch-db.js';
import { percentile } from '../lib/stats.js';
import { keystrokesOverHttp } from './http.js';
import { TrgmPeer } from './trgm-peer.js';

const SERVER_URL = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const DOC = path.join(ROOT, 'docs/benchmarks.md');
const say = (line: string): void => void process.stdout.write(`${line}\n`);
/** Queries typed key by key for the latency figures (every n-th of the test set). */
const KEYSTROKE_QUERIES = 300;
/** Of those, how many the peer types key by key (a round trip each). */
const PEER_KEYSTROKE_QUERIES = 100;

const gc = (): void => (globalThis as { gc?: () => void }).gc?.();
const heapMb = (): number => { gc(); gc(); return process.memoryUsage().heapUsed / 2 ** 20; };
const fmt = (ms: number) => (ms < 10 ? ms.toFixed(2) : ms.toFixed(1));
const pct = (x: number) => `${(x * 100).toFixed(1)} %`;
const q = (xs: number[], p: number) => percentile([...xs].sort((a, b) => a - b), p);

/** Every prefix of a query, as it is typed. */
const prefixes = (s: string): string[] => Array.from({ length: s.length }, (_, i) => s.slice(0, i + 1)).filter((p) => p.trim() !== '');
/** The middle of the box around some points. */
function middle(points: readonly (readonly [number, number])[]): [number, number] {
  const xs = points.map((p) => p[0]), ys = points.map((p) => p[1]);
  const mid = (v: number[]) => Math.round(((Math.min(...v) + Math.max(...v)) / 2) * 1e5) / 1e5;
  return [mid(xs), mid(ys)];
}

interface ExtractRun {
  name: string; file: string; jurisdictions: number;
  readMs: number; indexMs: number; heapMb: number; entries: Record<string, number>;
  set: TestQuery[]; perPerturbation: Record<string, { n: number; at1: number; at5: number }>; at1: number; at5: number;
  keystrokes: number[]; httpKeystrokes: number[]; peerKeystrokes: number[]; peerAt1: number; peerAt5: number;
}

async function runExtract(name: string, file: string, areas: JurisdictionArea[], peer: TrgmPeer, databaseUrl: string): Promise<ExtractRun> {
  say(`${name}: building…`);
  const before = heapMb();
  let t = performance.now();
  const osm = await readOsmGazetteer(file);
  const readMs = performance.now() - t;
  t = performance.now();
  const gazetteer = buildGazetteer(osm, areas);
  const geocoder = new Geocoder(gazetteer);
  const indexMs = performance.now() - t;
  const heap = heapMb() - before;
  const entries: Record<string, number> = {};
  for (const e of gazetteer.entries) entries[e.kind] = (entries[e.kind] ?? 0) + 1;
  say(`  read ${Math.round(readMs)} ms, indexed ${Math.round(indexMs)} ms, heap +${heap.toFixed(1)} MB: ${JSON.stringify(entries)}`);

  const set = addressTestSet(gazetteer);
  const all = recall(geocoder, set);
  const perPerturbation: ExtractRun['perPerturbation'] = {};
  for (const p of PERTURBATIONS) {
    const sub = set.filter((x) => x.perturbation === p);
    if (sub.length === 0) continue;
    const r = recall(geocoder, sub);
    perPerturbation[p] = { n: sub.length, at1: r.at1, at5: r.at5 };
  }
  say(`  ${set.length} queries: recall@1 ${pct(all.at1)}, recall@5 ${pct(all.at5)}`);
  for (const m of all.misses.slice(0, 5)) say(`    missed: "${m.query}" (${m.expected.label})`);

  const step = Math.max(1, Math.floor(set.length / KEYSTROKE_QUERIES));
  const typed = set.filter((_, i) => i % step === 0).slice(0, KEYSTROKE_QUERIES);
  const typedPrefixes = typed.flatMap((x) => prefixes(x.query));
  // The dispatcher's area, as the web app sends it: here the middle of the extract's addresses.
  const near = middle(gazetteer.entries.filter((e) => e.kind === 'address').map((e) => e.point));
  for (const x of typed.slice(0, 20)) geocoder.search(x.query, { near }); // warm-up
  const keystrokes: number[] = [];
  for (const p of typedPrefixes) {
    const t0 = performance.now();
    geocoder.search(p, { near, limit: 8 });
    keystrokes.push(performance.now() - t0);
  }
  say(`  per keystroke (${keystrokes.length}): p50 ${fmt(q(keystrokes, 50))} ms, p99 ${fmt(q(keystrokes, 99))} ms`);
  const httpKeystrokes = await keystrokesOverHttp(databaseUrl, file, typedPrefixes, near);
  say(`  per keystroke over HTTP (${httpKeystrokes.length}): p50 ${fmt(q(httpKeystrokes, 50))} ms, p99 ${fmt(q(httpKeystrokes, 99))} ms`);

  say('  pg_trgm peer…');
  await peer.load(name, gazetteer.entries);
  const idOf = new Map(gazetteer.entries.map((e, i) => [e, i]));
  let peerAt1 = 0, peerAt5 = 0;
  for (const x of set) {
    const ids = await peer.search(name, x.query);
    const want = idOf.get(x.expected)!;
    if (ids[0] === want) peerAt1++;
    if (ids.includes(want)) peerAt5++;
  }
  const peerKeystrokes: number[] = [];
  for (const x of typed.slice(0, PEER_KEYSTROKE_QUERIES)) {
    for (const p of prefixes(x.query)) {
      const t0 = performance.now();
      await peer.search(name, p);
      peerKeystrokes.push(performance.now() - t0);
    }
  }
  say(`  pg_trgm: recall@1 ${pct(peerAt1 / set.length)}, recall@5 ${pct(peerAt5 / set.length)}, per keystroke p50 ${fmt(q(peerKeystrokes, 50))} ms, p99 ${fmt(q(peerKeystrokes, 99))} ms`);
  return {
    name, file, jurisdictions: areas.length, readMs, indexMs, heapMb: heap, entries, set, perPerturbation, at1: all.at1, at5: all.at5,
    keystrokes, httpKeystrokes, peerKeystrokes, peerAt1: peerAt1 / set.length, peerAt5: peerAt5 / set.length,
  };
}

async function main(): Promise<void> {
  const scratch = await createScratchDatabase(SERVER_URL, 'firebreak_bench_geocode');
  say(`scratch database ${scratch.name}`);
  const config = { ...loadConfig({ LOG_LEVEL: 'silent', MFA_REQUIRED_ROLES: '', FIREBREAK_DEMO: 'false' }), databaseUrl: scratch.url };
  const platform = await startPlatform(config, pino({ level: 'silent' }));
  const peer = await TrgmPeer.open(scratch.url);
  try {
    say('importing the demo country\'s jurisdictions…');
    await importOsmFile(platform.command, { actor: null, actorName: 'bench', requestId: null }, DEMO_PBF, { countryCode: DEMO_COUNTRY_CODE });
    // The administrator, for the server the keystrokes go to over HTTP (the same database).
    await bootstrapAccounts(platform.command, { adminPassword: BENCH_ADMIN_PASSWORD, demoStaff: false });
    const areas = await jurisdictionAreas(platform.db);
    const runs = [
      await runExtract('liechtenstein', DEMO_PBF, areas, peer, scratch.url),
      // Baltimore has no jurisdictions in the demo world: its addresses carry addr:city.
      await runExtract('baltimore', path.join(ROOT, 'data/osm/baltimore.osm.pbf'), [], peer, scratch.url),
    ];
    if (process.env.BENCH_DOC === '0') return;
    const m = machine();
    const row = (r: ExtractRun) => `| ${r.name} | ${r.set.length} | **${pct(r.at1)}** | **${pct(r.at5)}** | ${pct(r.peerAt1)} | ${pct(r.peerAt5)} | ${r.keystrokes.length} | ${fmt(q(r.keystrokes, 50))} | **${fmt(q(r.keystrokes, 99))}** | ${fmt(q(r.httpKeystrokes, 50))} | **${fmt(q(r.httpKeystrokes, 99))}** | ${fmt(q(r.peerKeystrokes, 50))} | ${fmt(q(r.peerKeystrokes, 99))} |`;
    const perRows = runs.flatMap((r) => Object.entries(r.perPerturbation).map(([p, v]) => `| ${r.name} | ${p} | ${v.n} | ${pct(v.at1)} | ${pct(v.at5)} |`));
    writeSection(DOC, 'Geocoder', `
Measured by \`npm run bench:geocode\` (bench/geocode/run.ts) on ${new Date().toISOString().slice(0, 10)}.

- Machine: ${m.cpus} CPUs (${m.cpuModel}), Node ${m.node}, ${await serverVersion(SERVER_URL)} on 127.0.0.1; shared with other jobs (load average at the end: ${os.loadavg().map((l) => l.toFixed(2)).join(', ')}).
- Test set: generated from each extract (\`addressTestSet\`, seeded): every address of the index, written once per perturbation that
  applies — one typo in the longest street word (replace, drop, insert or swap letters), diacritics dropped (Ä → A), the street
  word abbreviated (Strasse → Str., Street → St., Avenue → Ave.), town, number and street reordered, town left out. A hit is the
  very object (label and point). Liechtenstein is laid over its ${runs[0]!.jurisdictions} jurisdictions imported from the same extract (town = municipality
  where OSM has no \`addr:city\`); Baltimore over none (its addresses carry \`addr:city\`).
- Per keystroke: every prefix of ${KEYSTROKE_QUERIES} queries of the set (an even sample), limit 8, \`near\` = the middle of the extract's
  addresses (as the web app sends the middle of the dispatcher's area) — in process (\`Geocoder.search\`), then over HTTP: the
  same prefixes as \`GET /api/v1/geocode?q=&near=&limit=8\` to the real server (bench/geocode/http.ts: \`buildApp\` listening on
  127.0.0.1 in a child process, the extract as its \`FIREBREAK_ROAD_PBF\`, signed in as the administrator), one kept-alive
  connection, one request at a time (latency, not throughput), the response read in full, after 200 warm-up requests (the
  first builds the index). The server's Baltimore index also holds the demo country's jurisdictions of the bench database
  (14 entries far away). The peer types ${PEER_KEYSTROKE_QUERIES} of the queries over a local PostgreSQL connection.
- Peer: plain PostgreSQL \`pg_trgm\` over the same labels, GIN trigram index on \`lower(label)\`, \`%\` then \`similarity\` (default threshold 0.3), top 5.

| extract | queries | recall@1 | recall@5 | pg_trgm @1 | pg_trgm @5 | keystrokes | p50 ms | p99 ms | HTTP p50 ms | HTTP p99 ms | pg_trgm p50 ms | pg_trgm p99 ms |
| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |
${runs.map(row).join('\n')}

Targets: recall@1 ≥ 95 %, recall@5 ≥ 99 %, p99 per keystroke ≤ 20 ms in process and ≤ 30 ms over HTTP (on Baltimore).

| extract | perturbation | queries | recall@1 | recall@5 |
| --- | --- | ---: | ---: | ---: |
${perRows.join('\n')}

| extract | entries | read the PBF | build the index | heap after build |
| --- | --- | ---: | ---: | ---: |
${runs.map((r) => `| ${r.name} | ${Object.entries(r.entries).map(([k, v]) => `${v} ${k}`).join(', ')} | ${Math.round(r.readMs)} ms | ${Math.round(r.indexMs)} ms | +${r.heapMb.toFixed(1)} MB |`).join('\n')}

- The server builds this once per process, lazily on the first search (the PBF read is shared by nothing else yet): \`npm start\`
  does not wait for it.
- The peer's recall is measured on whole queries only: its per-keystroke latency is a round trip plus a trigram scan,
  and it applies no folding (ä = ae = a), abbreviation or number matching of its own — what it finds, it finds by
  trigrams shared with the full label. It is not measured over HTTP: the server has no pg_trgm endpoint, and one made for
  the bench would add the same request path (Fastify, session, validation, JSON) as ours — about the difference between
  our HTTP and in-process columns — to its figures.
`);
    say(`written to ${path.relative(process.cwd(), DOC)}`);
  } finally {
    await peer.close();
    await platform.close();
    await scratch.drop();
  }
}

await main();
