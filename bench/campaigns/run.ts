// Coverage roll-up and overdue board at national size, each beside a straightforward query
// over the raw rows, in one run on the PostgreSQL server.
// Usage: npm run bench:campaigns   (DATABASE_URL = the server; BENCH_DOC=0 leaves docs/benchmarks.md alone)
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import { pino } from 'pino';
import { loadConfig } from '../../apps/server/src/config.js';
import { rows, type Db } from '../../apps/server/src/platform/db/client.js';
import { startPlatform } from '../../apps/server/src/platform/kernel.js';
import { coverageUnder } from '../../apps/server/src/modules/campaigns/campaigns.queries.js';
import { boardOf } from '../../apps/server/src/modules/hazards/hazards.queries.js';
import { writeSection } from '../lib/benchmarks-doc.js';
import { machine } from '../lib/machine.js';
import { createScratchDatabase, serverVersion } from '../lib/scratch-db.js';
import { percentile } from '../lib/stats.js';
import { generate, SIZE } from './generate.js';

const SERVER_URL = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const DOC = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../docs/benchmarks.md');
const say = (line: string): void => void process.stdout.write(`${line}\n`);
/** Sampled jurisdictions per level: the national root, regions, municipalities, stations. */
const SAMPLES = [5, 15, 40, 40];
/** Levels of jurisdictions shown under the one asked for (the API's default). */
const DEPTH = 2;

interface Timing { p50: number; p99: number; max: number; n: number }
const summary = (ms: number[]): Timing => {
  const s = [...ms].sort((a, b) => a - b);
  return { p50: percentile(s, 50), p99: percentile(s, 99), max: s.at(-1)!, n: s.length };
};

async function sampleJurisdictions(db: Db): Promise<string[]> {
  const out: string[] = [];
  for (const [level, n] of SAMPLES.entries()) {
    const list = (await rows<{ path: string }>(db, sql`select path::text as path from jurisdictions where nlevel(path) = ${level + 1} order by path`)).map((r) => r.path);
    for (let i = 0; i < n; i++) out.push(list[Math.floor((i * list.length) / n)]!);
  }
  return out;
}

/** Coverage straight from places and inspections: every place counted at each shown ancestor, no counters. */
async function straightCoverage(db: Db, campaignId: string, under: string) {
  const cut = under.split('.').length + DEPTH;
  return rows<{ path: string; total: number; inspected: number }>(db, sql`
    select j.path::text as path, count(*)::int as total,
      count(*) filter (where exists (select 1 from inspections i where i.place_id = p.id and i.recorded_at >= c.starts_at and i.recorded_at < c.missed_at))::int as inspected
    from campaigns c
    join jurisdictions j on j.path <@ ${under}::ltree and nlevel(j.path) <= ${cut}
    join places p on p.jurisdiction_path <@ j.path and p.category = any(c.categories) and p.jurisdiction_path <@ c.scope_paths::ltree[]
    where c.id = ${campaignId}
    group by j.path`);
}

/** The same board as boardOf, over a copy of the hazards with no indexes. */
async function straightBoard(db: Db, under: string, now: Date) {
  const overdue = sql`h.state in ('open', 'rectifying') and h.due_at < ${now} and h.jurisdiction_path <@ ${under}::ltree`;
  const supervised = sql`h.supervised_by_path <@ ${under}::ltree and h.state <> 'closed'`;
  const [counts] = await rows<{ overdue: number; supervised: number }>(db, sql`select
    (select count(*) from hazards_plain h where ${overdue})::int as overdue, (select count(*) from hazards_plain h where ${supervised})::int as supervised`);
  const items = await rows(db, sql`select h.*, p.name from hazards_plain h join places p on p.id = h.place_id
    where (${overdue}) or (${supervised}) order by h.due_at, h.id limit 100`);
  return { overdue: counts!.overdue, supervised: counts!.supervised, items: items.length };
}

async function time<T>(job: () => Promise<T>): Promise<[number, T]> {
  const start = performance.now();
  const out = await job();
  return [performance.now() - start, out];
}

async function main(): Promise<void> {
  const scratch = await createScratchDatabase(SERVER_URL, 'firebreak_bench_campaigns');
  say(`scratch database ${scratch.name}`);
  const config = { ...loadConfig({ LOG_LEVEL: 'silent', FIREBREAK_DEMO: 'false' }), databaseUrl: scratch.url };
  const platform = await startPlatform(config, pino({ level: 'silent' }));
  try {
    say('generating…');
    const world = await generate(platform, say);
    const db = platform.db;
    await db.execute(sql`create table hazards_plain as select * from hazards`);
    // What autovacuum would have done by now: statistics and the visibility map.
    await db.execute(sql`vacuum analyze`);
    const samples = await sampleJurisdictions(db);

    say('measuring coverage roll-up…');
    for (const p of samples.slice(0, 10)) await coverageUnder(db, world.campaignId, p, DEPTH);
    const ours: number[] = [];
    const straight: number[] = [];
    let mismatches = 0;
    for (const p of samples) {
      const [ms, tree] = await time(() => coverageUnder(db, world.campaignId, p, DEPTH));
      ours.push(ms);
      const [sms, flat] = await time(() => straightCoverage(db, world.campaignId, p));
      straight.push(sms);
      const root = flat.find((r) => r.path === p) ?? { total: 0, inspected: 0 };
      const childSums = tree.children.every((c) => { const f = flat.find((r) => r.path === c.path); return f && f.total === c.total && f.inspected === c.inspected; });
      if (root.total !== tree.total || root.inspected !== tree.inspected || !childSums) mismatches++;
    }

    say('measuring the overdue board…');
    const oursBoard: number[] = [];
    const straightBoardMs: number[] = [];
    let boardMismatches = 0;
    for (const p of samples.slice(0, 10)) await boardOf(db, p, world.now, 100);
    for (const p of samples) {
      const [ms, b] = await time(() => boardOf(db, p, world.now, 100));
      oursBoard.push(ms);
      const [sms, s] = await time(() => straightBoard(db, p, world.now));
      straightBoardMs.push(sms);
      if (b.overdue !== s.overdue || b.supervised !== s.supervised || b.items.length !== s.items) boardMismatches++;
    }
    const [[counts]] = await Promise.all([rows<Record<string, number>>(db, sql`select
      (select count(*) from jurisdictions)::int as jurisdictions, (select count(*) from places)::int as places,
      (select count(*) from campaign_assignments)::int as assignments, (select count(*) from inspections)::int as inspections,
      (select count(*) from hazards)::int as hazards,
      (select count(*) from hazards where state in ('open', 'rectifying') and due_at < ${world.now})::int as overdue,
      (select count(*) from campaign_assignments where status = 'done')::int as done`)]);
    const report = { coverage: { ours: summary(ours), straight: summary(straight), mismatches }, board: { ours: summary(oursBoard), straight: summary(straightBoardMs), mismatches: boardMismatches }, counts: counts!, seconds: world.seconds };
    say(JSON.stringify(report, null, 2));
    if (process.env.BENCH_DOC !== '0') writeSection(DOC, 'Campaigns', await markdown(report));
  } finally {
    await platform.close();
    if (process.env.BENCH_KEEP === '1') say(`kept ${scratch.url}`);
    else await scratch.drop();
  }
}

const f = (ms: number) => `${ms.toFixed(1)} ms`;

async function markdown(r: {
  coverage: { ours: Timing; straight: Timing; mismatches: number };
  board: { ours: Timing; straight: Timing; mismatches: number };
  counts: Record<string, number>;
  seconds: Record<string, number>;
}): Promise<string> {
  const m = machine();
  const c = r.counts;
  const verdict = (t: Timing, target: number) => `${f(t.p99)} (target <= ${target} ms: **${t.p99 <= target ? 'met' : 'missed'}**)`;
  return `Measured by \`npm run bench:campaigns\` (bench/campaigns/run.ts) on ${new Date().toISOString().slice(0, 10)}.

- Machine: ${m.cpus} CPUs (${m.cpuModel}), Node ${m.node}, ${await serverVersion(SERVER_URL)} on 127.0.0.1, shared with other work.
- Data, generated in a scratch database (bench/campaigns/generate.ts): ${c.jurisdictions} jurisdictions in 4 levels
  (1 national, ${SIZE.regions} regions, ${SIZE.regions * SIZE.municipalitiesPerRegion} municipalities, ${SIZE.stations} stations), ${c.places} places in 9 categories,
  one national campaign over all of them issued through the real \`issueCampaign\` command (${c.assignments} assignments,
  ${(r.seconds['issue campaign (200,000 assignments)'] ?? 0).toFixed(1)} s), ${c.inspections} inspections over a year (${c.done} assignments done),
  ${c.hazards} hazards (${c.overdue} overdue).
- Samples: the same ${r.coverage.ours.n} jurisdictions for every query (${SAMPLES.join(' / ')} at national / region / municipality /
  station level), after a warm-up pass; p99 is the nearest-rank 99th percentile of those ${r.coverage.ours.n}.
- Coverage roll-up, ours: \`coverageUnder\` with the API's default depth (${DEPTH} levels of jurisdictions under the one
  asked for; deeper ones summed into their ancestor) — the campaign's coverage counters (one row per jurisdiction
  and category, kept in the inspection's transaction), summed per shown jurisdiction in SQL, rolled up the tree in
  memory. Straightforward: one SQL query over places and inspections for the same jurisdictions, every place
  counted at each ancestor, "inspected" = an inspection in the campaign period (it uses the index on
  inspections(place_id, recorded_at)).
  Both return the same numbers (checked for every sample and its children: ${r.coverage.mismatches} mismatches).
- Overdue board, ours: \`boardOf\` — counts of overdue and supervised hazards of the subtree and the 100 most
  overdue, over a partial index on the hazards still owed, (due_at, id) INCLUDE (jurisdiction_path), walked in
  deadline order with the path filtered inside the index, and a partial GiST index on the supervising level.
  Straightforward: the same counts and items in one query with OR over a copy of the hazards table without
  indexes. Same counts and items: ${r.board.mismatches} mismatches. \`vacuum analyze\` ran after loading, as autovacuum would.

| query | ours p50 | ours p99 | straightforward p50 | straightforward p99 | p99 ratio |
| --- | ---: | ---: | ---: | ---: | ---: |
| coverage roll-up | ${f(r.coverage.ours.p50)} | ${f(r.coverage.ours.p99)} | ${f(r.coverage.straight.p50)} | ${f(r.coverage.straight.p99)} | ${(r.coverage.straight.p99 / r.coverage.ours.p99).toFixed(1)}x |
| overdue board | ${f(r.board.ours.p50)} | ${f(r.board.ours.p99)} | ${f(r.board.straight.p50)} | ${f(r.board.straight.p99)} | ${(r.board.straight.p99 / r.board.ours.p99).toFixed(1)}x |

- Coverage roll-up p99: ${verdict(r.coverage.ours, 100)}.
- Overdue board p99: ${verdict(r.board.ours, 50)}.
- Generation: ${Object.entries(r.seconds).map(([k, v]) => `${k} ${v.toFixed(1)} s`).join(', ')}.
- Notes: the national view is the slowest case for both of ours (about 27,000 counter rows summed to 3,000 for
  the default depth; the board counts 45,000 overdue hazards inside the index). The machine was shared with
  other engineers' test runs, so single national samples varied between runs (coverage 20-110 ms, board 30-50 ms);
  an earlier run of the board without the INCLUDE index and with one OR query had p99 219 ms. A next step, if
  the national coverage ever needs to be faster, is to keep the counters at every ancestor level (four rows
  per inspection instead of one), so that no query sums more than the rows it shows.`;
}

await main();
