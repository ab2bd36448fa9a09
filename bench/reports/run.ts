// The response-time report broken down (rows to the server, pure aggregation in model.ts) beside
// the summary report computed wholly in PostgreSQL (percentile_cont), over the same incidents, in
// one run on the PostgreSQL server: the SF week, and with BENCH_WEEKS > 1 the week repeated.
// Usage: npm run bench:reports   (DATABASE_URL = the server; BENCH_WEEKS=1 (13: a quarter); BENCH_DOC=0 leaves docs/benchmarks.md alone)
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import { buildApp } from '../../apps/server/src/app.js';
import { loadConfig } from '../../apps/server/src/config.js';
import { importCalls, SF_FIRE_MAPPING } from '../../apps/server/src/modules/history/index.js';
import { rows } from '../../apps/server/src/platform/db/client.js';
import type { Platform } from '../../apps/server/src/platform/kernel.js';
import { ensureWorld } from '../../apps/server/src/world.js';
import { writeSection } from '../lib/benchmarks-doc.js';
import { machine } from '../lib/machine.js';
import { createScratchDatabase, serverVersion } from '../lib/scratch-db.js';
import { percentile } from '../lib/stats.js';

const SERVER_URL = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const DOC = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../docs/benchmarks.md');
const CSV = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../data/calls/sf_fire_calls_2016-12-31_week.csv');
const WEEKS = Number(process.env.BENCH_WEEKS ?? 1);
const PASSWORD = 'bench-reports-password-1';
const say = (line: string): void => void process.stdout.write(`${line}\n`);
const fmt = (ms: number) => (ms < 10 ? ms.toFixed(2) : ms.toFixed(1));

interface Row { scope: string; by: string; ours: number[]; peer: number[]; incidents: number }

async function main(): Promise<void> {
  const scratch = await createScratchDatabase(SERVER_URL, 'firebreak_bench_reports');
  say(`scratch database ${scratch.name}`);
  const config = { ...loadConfig({ LOG_LEVEL: 'silent', MFA_REQUIRED_ROLES: '', FIREBREAK_DEMO: 'true', FIREBREAK_ADMIN_PASSWORD: PASSWORD }), databaseUrl: scratch.url };
  const app = await buildApp(config, { logger: false });
  const platform = (app as unknown as { platform: Platform }).platform;
  try {
    say('demo world…');
    await ensureWorld(platform, config, () => undefined);
    const [li] = await rows<{ id: string; path: string }>(platform.db, sql`select id::text, path::text from jurisdictions where path = 'li'`);
    let started = performance.now();
    const summary = await importCalls(platform.command, { actor: null, actorName: 'bench', requestId: null }, { text: readFileSync(CSV, 'utf8'), file: 'sf-week.csv', mapping: SF_FIRE_MAPPING, jurisdiction: li!, tiers: config.responseTiers });
    say(`imported the SF week: ${summary.created} calls, ${summary.responses} responses in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    // Spread the calls over the municipalities, so that the breakdown by jurisdiction has groups.
    await platform.db.execute(sql`with m as (select id, path, row_number() over (order by path) - 1 as n, count(*) over () as total from jurisdictions where nlevel(path) = 3)
      update incidents i set jurisdiction_id = m.id, jurisdiction_path = m.path from m
      where i.origin = 'historical' and m.n = abs(hashtext(i.external_ref)) % m.total`);
    started = performance.now();
    await repeatWeeks(platform, WEEKS);
    const [{ n: total } = { n: 0 }] = await rows<{ n: number }>(platform.db, sql`select count(*)::int as n from incidents where origin = 'historical'`);
    say(`repeated to ${WEEKS} weeks: ${total} incidents in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    await platform.db.execute(sql`vacuum analyze`);

    const login = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'admin', password: PASSWORD } });
    const cookie = String(login.headers['set-cookie']).split(';')[0]!;
    const get = async (url: string) => {
      const t0 = performance.now();
      const res = await app.inject({ method: 'GET', url: `/api/v1${url}`, headers: { cookie } });
      const ms = performance.now() - t0;
      if (res.statusCode !== 200) throw new Error(`${url}: ${res.statusCode} ${res.body.slice(0, 300)}`);
      return [ms, res.json()] as const;
    };
    // The SF week's 9 calendar days (as the tests ask for it), and the whole repeated period.
    const week = { from: '2016-12-31T00:00:00Z', to: '2017-01-09T00:00:00Z' };
    const year = { from: '2016-12-31T00:00:00Z', to: new Date(Date.parse('2017-01-09T00:00:00Z') + (WEEKS - 1) * 7 * 86_400_000).toISOString() };
    const results: Row[] = [];
    let mismatches = 0;
    const scopes = [['9 days', week, 10], ...(WEEKS > 1 ? [[`${WEEKS} weeks`, year, 3] as const] : [])] as const;
    for (const [scope, period, samples] of scopes) {
      // The peer does not group: measured once per period, beside each breakdown of ours.
      const q = `jurisdictionId=${li!.id}&from=${period.from}&to=${period.to}&origin=historical`;
      const peerTimes: number[] = [];
      // eslint-disable-next-line @typescript-eslint/no-explicit-any
      let plain: any = null;
      for (let i = 0; i <= samples; i++) {
        const [peer, answer] = await get(`/reports/response-times?${q}`);
        if (i > 0) peerTimes.push(peer);
        else plain = answer;
      }
      for (const by of ['priority', 'type', 'jurisdiction', 'unit_kind']) {
        const row: Row = { scope, by, ours: [], peer: peerTimes, incidents: 0 };
        for (let i = 0; i <= samples; i++) {
          const [ours, report] = await get(`/reports/response-times/breakdown?${q}&by=${by}&within=60,240,300`);
          if (i === 0) {
            // The warm-up run checks that both give the same figures where they measure the same.
            const same = report.overall.callProcessing.p50Seconds === plain.callToDispatch.p50Seconds && report.overall.callProcessing.p90Seconds === plain.callToDispatch.p90Seconds
              && report.overall.total.p50Seconds === plain.callToArrival.p50Seconds && report.overall.total.p90Seconds === plain.callToArrival.p90Seconds
              && report.overall.incidents === plain.counts.incidents;
            if (!same) mismatches++;
            row.incidents = report.overall.incidents;
            continue;
          }
          row.ours.push(ours);
        }
        results.push(row);
        const s = (xs: number[]) => [...xs].sort((a, b) => a - b);
        say(`${scope} by ${by} (${row.incidents} incidents): ours p50 ${fmt(percentile(s(row.ours), 50))} ms, SQL summary p50 ${fmt(percentile(s(row.peer), 50))} ms, ratio ${(percentile(s(row.ours), 50) / percentile(s(row.peer), 50)).toFixed(2)}x`);
      }
    }
    say(`figures that differ between the two: ${mismatches}`);
    if (process.env.BENCH_DOC !== '0') writeSection(DOC, 'Response-time report', await markdown(results, mismatches, total));
  } finally {
    await app.close();
    await scratch.drop();
  }
}

/** The imported week again for weeks 2..n, shifted by whole weeks (new ids, call numbers suffixed). */
async function repeatWeeks(platform: Platform, weeks: number): Promise<void> {
  if (weeks <= 1) return;
  const columns = async (table: string) => rows<{ name: string; type: string }>(platform.db, sql`select column_name as name, data_type as type
    from information_schema.columns where table_schema = current_schema() and table_name = ${table} order by ordinal_position`);
  const shifted = (cols: { name: string; type: string }[], replace: Record<string, string>) => cols.map((c) =>
    replace[c.name] ?? (c.type === 'timestamp with time zone' ? `s."${c.name}" + m.k * interval '7 days'` : `s."${c.name}"`)).join(', ');
  const names = (cols: { name: string }[]) => cols.map((c) => `"${c.name}"`).join(', ');
  await platform.db.execute(sql`create table bench_idmap as select i.id as old_id, gen_random_uuid() as new_id, k from incidents i, generate_series(1, ${weeks - 1}) k where i.origin = 'historical'`);
  const inc = await columns('incidents');
  await platform.db.execute(sql.raw(`insert into incidents (${names(inc)}) select ${shifted(inc, { id: 'm.new_id', external_ref: `s.external_ref || '-' || m.k` })}
    from incidents s join bench_idmap m on m.old_id = s.id`));
  const calls = await columns('imported_calls');
  await platform.db.execute(sql.raw(`insert into imported_calls (${names(calls)}) select ${shifted(calls, { incident_id: 'm.new_id' })}
    from imported_calls s join bench_idmap m on m.old_id = s.incident_id`));
  const responses = await columns('imported_responses');
  await platform.db.execute(sql.raw(`insert into imported_responses (${names(responses)}) select ${shifted(responses, { id: 'gen_random_uuid()', incident_id: 'm.new_id' })}
    from imported_responses s join bench_idmap m on m.old_id = s.incident_id`));
  await platform.db.execute(sql`drop table bench_idmap`);
}

async function markdown(results: Row[], mismatches: number, total: number): Promise<string> {
  const m = machine();
  const s = (xs: number[]) => [...xs].sort((a, b) => a - b);
  const lines = [
    `Measured by \`npm run bench:reports\` (bench/reports/run.ts) on ${new Date().toISOString().slice(0, 10)}.`,
    '',
    `- Machine: ${m.cpus} CPUs (${m.cpuModel}), Node ${m.node}, ${await serverVersion(SERVER_URL)} on 127.0.0.1, shared with other work.`,
    `- Data: the bundled SF week (3,560 calls, 7,704 unit responses) imported with \`sf-fire\` into the demo country,`,
    `  spread over its 11 municipalities, then repeated week after week to ${WEEKS} weeks (${total.toLocaleString('en')} historical incidents).`,
    '- Ours: `GET /reports/response-times/breakdown` (app.inject, JSON included): two reads (the incidents of the subtree and',
    '  period, their units\' times), then the four components, percentiles, "within" shares and tiers per group in the',
    '  server (modules/reports/model.ts). Peer, in the same run over the same incidents: the summary',
    '  `GET /reports/response-times`, computed wholly in PostgreSQL (`percentile_cont` per interval, tiers by',
    '  `jsonb_array_elements`), which gives no breakdown and no turnout or travel.',
    `- Check: where both measure the same thing (call to dispatch, call to first arrival, incidents), the figures agree: ${mismatches} mismatches.`,
    '- Samples: p50 of 10 runs (9 days) or 3 runs (the whole period) after a warm-up run; the peer runs once per period.',
    '',
    '| period | by | incidents | ours p50 | SQL summary p50 | ratio |',
    '| --- | --- | ---: | ---: | ---: | ---: |',
    ...results.map((r) => {
      const [o, p] = [percentile(s(r.ours), 50), percentile(s(r.peer), 50)];
      return `| ${r.scope} | ${r.by} | ${r.incidents.toLocaleString('en')} | ${fmt(o)} ms | ${fmt(p)} ms | ${(o / p).toFixed(2)}x |`;
    }),
  ];
  return lines.join('\n');
}

await main();
