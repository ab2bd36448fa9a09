// The goods ledger (modules/controlled-goods) vs raw INSERTs of the same rows, on the same PostgreSQL server, in one run.
// Usage: npm run bench:ledger   (DATABASE_URL = the server; BENCH_SECONDS, BENCH_CLIENTS, BENCH_DOC=0 to leave docs/benchmarks.md alone)
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import { pino } from 'pino';
import { v7 as uuidv7 } from 'uuid';
import { loadConfig } from '../../apps/server/src/config.js';
import type { Actor } from '../../apps/server/src/platform/auth/access.js';
import type { CommandDeps } from '../../apps/server/src/platform/command.js';
import type { Db } from '../../apps/server/src/platform/db/client.js';
import { startPlatform } from '../../apps/server/src/platform/kernel.js';
import { AppError } from '../../apps/server/src/errors.js';
import { licenseSite } from '../../apps/server/src/modules/controlled-goods/license-site.js';
import { recordTransfer, recordTransfers } from '../../apps/server/src/modules/controlled-goods/record-transfer.js';
import { writeSection } from '../lib/benchmarks-doc.js';
import { machine } from '../lib/machine.js';
import { createScratchDatabase, serverVersion } from '../lib/scratch-db.js';
import { percentile } from '../lib/stats.js';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const SERVER_URL = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const WARMUP_SECONDS = 2;
const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 50);
/**
 * One site per client (movements at one real site are minutes apart, not milliseconds), and one
 * movement in ten into the next site's stock, so clients still contend on each other's rows.
 * BENCH_SITES=10 puts 5 clients on each site: the hot-row case (each stock row serialises its movements).
 */
const SITES = Number(process.env.BENCH_SITES ?? CLIENTS);
const TARGET_PER_SECOND = 5000;
/** Rounds of the four measurements, for the spread (docs/benchmarks.md asks for at least 3). */
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
/** Movements per batch in the batched runs (an inventory system's upload). */
const BATCH = Number(process.env.BENCH_BATCH ?? 100);
const MAX = 1_000_000;
const say = (line: string): void => void process.stdout.write(`${line}\n`);

interface Rate { done: number; refused: number; seconds: number; perSecond: number; p50: number; p99: number; cpuMsPerMovement: number }

/** `clients` loops, each calling `work` as fast as it returns, for `seconds`. */
async function drive(clients: number, seconds: number, work: (client: number, n: number) => Promise<number>, perCall = 1): Promise<Rate> {
  const until = performance.now() + seconds * 1000;
  const latencies: number[] = [];
  let refused = 0;
  let done = 0;
  const start = performance.now();
  const cpu0 = process.cpuUsage();
  await Promise.all(Array.from({ length: clients }, async (_, client) => {
    for (let n = 0; performance.now() < until; n++) {
      const t0 = performance.now();
      const moved = await work(client, n);
      done += moved;
      refused += perCall - moved;
      latencies.push(performance.now() - t0);
    }
  }));
  const elapsed = (performance.now() - start) / 1000;
  const cpu = process.cpuUsage(cpu0);
  latencies.sort((a, b) => a - b);
  return { done, refused, seconds: elapsed, perSecond: done / elapsed, p50: percentile(latencies, 50), p99: percentile(latencies, 99), cpuMsPerMovement: (cpu.user + cpu.system) / 1000 / Math.max(1, done + refused) };
}

/** A migrated scratch database with a national root, `SITES` places and a licence for each (diesel, UN1202). */
async function seed(url: string): Promise<{ siteIds: string[]; actor: Actor; macKey: Buffer }> {
  const config = { ...loadConfig({ LOG_LEVEL: 'silent', FIREBREAK_DEMO: 'false' }), databaseUrl: url };
  const platform = await startPlatform(config, pino({ level: 'silent' }));
  try {
    const rootId = uuidv7();
    await platform.db.execute(sql`insert into jurisdictions (id, path, name, level) values (${rootId}, 'bench'::ltree, 'Bench', 'national')`);
    const actor: Actor = { id: uuidv7(), username: 'bench', displayName: 'Bench', kind: 'staff', via: { kind: 'system' }, grants: [{ id: rootId, role: 'administrator', jurisdictionId: rootId, path: 'bench', jurisdictionName: 'Bench' }] };
    const siteIds: string[] = [];
    for (let i = 0; i < SITES; i++) {
      const placeId = uuidv7();
      await platform.db.execute(sql`insert into places (id, jurisdiction_id, jurisdiction_path, category, name, geom, location)
        values (${placeId}, ${rootId}, 'bench'::ltree, 'fuel_station', ${`Bench station ${i}`}, ST_SetSRID(ST_MakePoint(${9.5 + i / 1000}, 47.1), 4326), ST_SetSRID(ST_MakePoint(${9.5 + i / 1000}, 47.1), 4326))`);
      const site = await licenseSite(platform.command, { actor, requestId: null }, { placeId, licence: {
        number: `B-${i}`, validFrom: '2020-01-01T00:00:00Z', validUntil: '2100-01-01T00:00:00Z', expiryAlertDays: 30, storageConditions: 'bench',
        responsiblePerson: { name: 'Bench', role: 'Bench' }, items: [{ kind: 'chemical', unNumber: 'UN1202', hazardClass: '3', name: 'Diesel', unit: 'ml', maxQuantity: MAX }],
      } });
      siteIds.push(site.id);
      // Opening stock at half the licence, so that random receipts and issues rarely hit a limit.
      await recordTransfer(platform.command, { actor, requestId: null }, { id: uuidv7(), kind: 'receipt', siteId: site.id, itemKey: 'UN1202', quantity: MAX / 2 });
    }
    return { siteIds, actor, macKey: platform.command.auditMacKey };
  } finally {
    await platform.close();
  }
}

/**
 * Each client on its site: mostly receipts and issues of small random amounts around half the
 * licence, one movement in ten to the next site. Some are refused by the ledger (stock would go
 * below zero or above the maximum): those are counted apart, not as throughput.
 */
function movement(siteIds: string[], client: number, n: number, acrossSites = true) {
  const site = client % siteIds.length;
  const r = (client * 7919 + n * 104_729) % 1000;
  const quantity = 1 + (r % 500) * 20;
  if (acrossSites && n % 10 === 9) return { id: uuidv7(), kind: 'transfer' as const, siteId: siteIds[site]!, toSiteId: siteIds[(site + 1) % siteIds.length]!, itemKey: 'UN1202', quantity };
  return { id: uuidv7(), kind: (n % 2 === 0 ? 'receipt' : 'issue') as 'receipt' | 'issue', siteId: siteIds[site]!, itemKey: 'UN1202', quantity };
}

async function invariants(c: pg.Pool): Promise<{ debits: string; credits: string; moved: string; outside: string; transfers: string; audits: string }> {
  const { rows } = await c.query(`select
    (select sum(debits_posted)::text from goods_accounts) as debits, (select sum(credits_posted)::text from goods_accounts) as credits,
    (select sum(amount)::text from goods_transfers) as moved, (select count(*)::text from goods_transfers) as transfers,
    (select count(*)::text from audit_log where action like 'goods.%' and entity_type = 'goods_transfer') as audits,
    (select count(*)::text from goods_accounts where kind = 'stock' and (debits_posted > credits_posted or credits_posted - debits_posted > max_balance)) as outside`);
  return rows[0];
}

async function main(): Promise<void> {
  const scratch = await createScratchDatabase(SERVER_URL, 'bench_ledger');
  try {
    const loadBefore = os.loadavg().map((l) => l.toFixed(2)).join(' ');
    say(`seeding ${SITES} licensed sites…`);
    const { siteIds, actor, macKey } = await seed(scratch.url);
    // The product's command path with a pool as large as the clients (the server's own pool is 10).
    const pool = new pg.Pool({ connectionString: scratch.url, max: CLIENTS });
    const deps: CommandDeps = { db: drizzle(pool) as unknown as Db, clock: () => new Date(), onCommitted: () => undefined, auditMacKey: macKey };
    const refusedByLedger = (e: unknown) => {
      if (e instanceof AppError && (e.code === 'GOODS_INSUFFICIENT_BALANCE' || e.code === 'GOODS_LICENCE_MAXIMUM_EXCEEDED')) return 0;
      throw e;
    };
    const ledgerWork = async (client: number, n: number) => recordTransfer(deps, { actor, requestId: null }, movement(siteIds, client, n)).then(() => 1, refusedByLedger);
    // Batches: one site's upload (its own receipts and issues). Across sites, each batch would hold its
    // site's rows while waiting for the next one's: a convoy through all 50 sites.
    const batchWork = async (client: number, n: number) => {
      const moves = Array.from({ length: BATCH }, (_, k) => movement(siteIds, client, n * BATCH + k, false));
      return recordTransfers(deps, { actor, requestId: null }, moves, (i) => `transfers.${i}`).then(() => BATCH, refusedByLedger);
    };
    // The peer's table: the same rows (as the ledger stores them) without triggers, checks or audit.
    await pool.query('create table bench_raw_transfers (like goods_transfers including defaults)');
    await pool.query('alter table bench_raw_transfers add primary key (id)');
    const { rows: accounts } = await pool.query<{ id: string }>("select id from goods_accounts where kind in ('stock', 'external') order by id");
    const rawWork = async (client: number, n: number) => {
      const a = accounts[(client + n) % accounts.length]!.id;
      const b = accounts[(client + n + 1) % accounts.length]!.id;
      await pool.query('insert into bench_raw_transfers (id, kind, item_key, debit_account_id, credit_account_id, amount, recorded_by, recorded_by_name, at) values ($1, $2, $3, $4, $5, $6, $7, $8, now())',
        [uuidv7(), 'receipt', 'UN1202', a, b, 1 + (n % 500), actor.id, actor.displayName]);
      return 1;
    };
    // The same rows, BATCH to a multi-row INSERT.
    const rawBatchWork = async (client: number, n: number) => {
      const params: unknown[] = [];
      const tuples = Array.from({ length: BATCH }, (_, k) => {
        const a = accounts[(client + n + k) % accounts.length]!.id;
        const b = accounts[(client + n + k + 1) % accounts.length]!.id;
        params.push(uuidv7(), 'receipt', 'UN1202', a, b, 1 + (k % 500), actor.id, actor.displayName);
        const o = k * 8;
        return `($${o + 1}, $${o + 2}, $${o + 3}, $${o + 4}, $${o + 5}, $${o + 6}, $${o + 7}, $${o + 8}, now())`;
      });
      await pool.query(`insert into bench_raw_transfers (id, kind, item_key, debit_account_id, credit_account_id, amount, recorded_by, recorded_by_name, at) values ${tuples.join(', ')}`, params);
      return BATCH;
    };
    // Each round measures the four side by side, so that a change in the machine's load hits ledger and peer alike.
    const rounds: { ledger: Rate; raw: Rate; batched: Rate; rawBatched: Rate }[] = [];
    for (let round = 1; round <= RUNS; round++) {
      const measure = async (name: string, work: (client: number, n: number) => Promise<number>, perCall = 1) => {
        say(`round ${round}/${RUNS}, ${name}: warm-up ${WARMUP_SECONDS} s, then ${SECONDS} s with ${CLIENTS} clients…`);
        await drive(CLIENTS, WARMUP_SECONDS, work, perCall);
        return drive(CLIENTS, SECONDS, work, perCall);
      };
      const ledger = await measure('ledger', ledgerWork);
      const raw = await measure('raw INSERT', rawWork);
      const batched = await measure(`ledger in batches of ${BATCH}`, batchWork, BATCH);
      const rawBatched = await measure(`raw INSERT in batches of ${BATCH}`, rawBatchWork, BATCH);
      rounds.push({ ledger, raw, batched, rawBatched });
    }
    const check = await invariants(pool);
    await pool.end();

    const med = (xs: number[]) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)]!;
    const pick = (k: keyof (typeof rounds)[number]) => rounds.map((r) => r[k]);
    const ratios = rounds.map((r) => r.ledger.perSecond / r.raw.perSecond);
    const batchRatios = rounds.map((r) => r.batched.perSecond / r.rawBatched.perSecond);
    const batchedRates = pick('batched').map((r) => r.perSecond);
    const best = Math.max(...rounds.flatMap((r) => [r.ledger.perSecond, r.batched.perSecond]));
    const worstBatched = Math.min(...batchedRates);
    const held = check.debits === check.credits && check.debits === check.moved && check.outside === '0' && check.audits === check.transfers;
    const pgVersion = await serverVersion(SERVER_URL);
    const mc = machine();
    const f = (x: number, d = 1) => x.toFixed(d);
    const row = (name: string, rs: Rate[], refusals = true, per = '') => `| ${name} | ${f(med(rs.map((r) => r.perSecond)))} (${f(Math.min(...rs.map((r) => r.perSecond)))}-${f(Math.max(...rs.map((r) => r.perSecond)))}) | ${f(med(rs.map((r) => r.p50)), 2)} ms${per} | ${f(med(rs.map((r) => r.p99)), 2)} ms${per} | ${refusals ? rs.reduce((n, r) => n + r.refused, 0) : ''} | ${f(med(rs.map((r) => r.cpuMsPerMovement)), 3)} ms |`;
    const body = `Measured by \`npm run bench:ledger\` (bench/ledger/run.ts) on ${new Date().toISOString().slice(0, 10)}.

- Machine: ${mc.cpus} CPUs (${mc.cpuModel}), Node ${mc.node}, ${pgVersion} on 127.0.0.1
  (the machine is shared: other work ran at the same time).
- Ledger: \`recordTransfer\` (the command behind \`POST /api/v1/goods/transfers\`, without HTTP): one transaction
  reading the site's licence and accounts, inserting the transfer (the statement-level posting trigger, migration 0037, updates each account touched once by its
  net total under CHECKs that refuse negative stock and stock above the licence), its audit row and outbox event. ${CLIENTS} concurrent
  clients on ${SITES} sites (${f(CLIENTS / SITES, 0)} per site), receipts and issues of 1-10,000 ml,
  one in ten a transfer to the next site; a pool of ${CLIENTS} connections. Batched: one site's own receipts and issues, ${BATCH} to a
  command (one transaction, one audit row per movement, all or none; a refused batch counts ${BATCH} refused; the chain is checked in order on the balances under lock). ${RUNS} rounds, each of the four
  side by side: ${WARMUP_SECONDS} s warm-up, ${SECONDS} s measured.
- Raw peer: the same row shape inserted by ${CLIENTS} clients, one autocommitted \`INSERT\` each, into a copy of
  \`goods_transfers\` with its primary key and nothing else (no trigger, no CHECK, no audit, no outbox).

| | movements/s, median of ${RUNS} (min-max) | p50 | p99 | refused by the ledger | Node CPU / movement |
| --- | ---: | ---: | ---: | ---: | ---: |
${row(`ledger, one movement per command (${CLIENTS} clients)`, pick('ledger'))}
${row(`raw INSERT, one row per statement (${CLIENTS} clients)`, pick('raw'), false)}
${row(`ledger, batches of ${BATCH} (\`POST /goods/transfers/batch\`, ${CLIENTS} clients)`, pick('batched'), true, ' / batch')}
${row(`raw INSERT, ${BATCH} rows per statement (${CLIENTS} clients)`, pick('rawBatched'), false, ' / batch')}

- Ratio ledger / raw, per round: one by one ${ratios.map((r) => `${f(r * 100)} %`).join(', ')}; in batches of ${BATCH} ${batchRatios.map((r) => `${f(r * 100)} %`).join(', ')}.
- Load average before the rounds: ${loadBefore}; at the end: ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}.
- Target >= ${TARGET_PER_SECOND} movements/s sustained: ${worstBatched >= TARGET_PER_SECOND ? `**met** in every round (batches of ${BATCH}: ${batchedRates.map((r) => f(r, 0)).join(', ')}/s)` : best >= TARGET_PER_SECOND ? `met in ${batchedRates.filter((r) => r >= TARGET_PER_SECOND).length} of ${RUNS} rounds (batches of ${BATCH}: ${batchedRates.map((r) => f(r, 0)).join(', ')}/s)` : `**missed** (best ${f(best)}/s)`}.
- Invariants after the run (checked in SQL): debits ${check.debits} = credits ${check.credits} = sum of amounts ${check.moved};
  stock accounts below zero or above their licence: ${check.outside}; transfers ${check.transfers}, audit rows ${check.audits}: **${held ? 'held' : 'BROKEN'}**.`;
    say(body);
    if (process.env.BENCH_DOC !== '0') writeSection(path.join(HERE, '../../docs/benchmarks.md'), 'Goods ledger: movements vs raw INSERT (PostgreSQL, 50 clients)', body);
    if (!held) process.exitCode = 1;
  } finally {
    await scratch.drop();
  }
}

await main();
