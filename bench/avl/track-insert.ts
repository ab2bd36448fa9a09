// The units' AVL track insert on PostgreSQL, statement by statement: the per-row foreign key to
// units (before migration 0049) against the statement-level check (after), alternating on the same
// database and the same rows. EXPLAIN (ANALYZE, WAL) of the insert an MQTT batch runs (`insertTrack`
// in report-positions.ts: one text parameter per column, unnested), rolled back each time.
// Usage: node --import tsx bench/avl/track-insert.ts   (DATABASE_URL = the server; BENCH_UNITS, BENCH_ROUNDS)
// Prints a table; writes nothing to docs/benchmarks.md (the figures are quoted by hand there).
import os from 'node:os';
import pg from 'pg';
import { fleetDatabase } from '../lib/fleet-db.js';

const SERVER_URL = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
/** Track points per statement: one per unit, as a batch of 5,000 fixes of moving units keeps. */
const UNITS = Number(process.env.BENCH_UNITS ?? 5000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const BOX = { minLon: -76.72, minLat: 39.19, maxLon: -76.52, maxLat: 39.38 };

const data = await fleetDatabase(SERVER_URL, 'bench_track', BOX, Array.from({ length: UNITS }, (_, i) => ({ home: [BOX.minLon + (i % 100) / 500, BOX.minLat + Math.floor(i / 100) / 500] as const })));
const db = new pg.Client({ connectionString: data.url });
await db.connect();
const col = (xs: (string | number)[]) => xs.join(',');
const insert = `explain (analyze, wal, format json) insert into unit_track (unit_id, at, location, speed_kmh, heading)
  select u, t, ST_SetSRID(ST_MakePoint(x, y), 4326), s, h
  from unnest(string_to_array($1, ',')::uuid[], string_to_array($2, ',')::timestamptz[], string_to_array($3, ',')::float8[],
    string_to_array($4, ',')::float8[], string_to_array($5, ',', '')::float8[], string_to_array($6, ',', '')::float8[]) as p(u, t, x, y, s, h)
  on conflict (unit_id, at) do nothing`;
const FK = `alter table unit_track add constraint unit_track_unit_id_units_id_fk foreign key (unit_id) references units(id)`;
const SET_WISE = ['unit_track_unit_insert', 'unit_track_unit_update'];

/** One insert of a point per unit, in a transaction rolled back: total and trigger time (ms), WAL records and bytes. */
async function once(round: number): Promise<{ ms: number; triggerMs: number; walRecords: number; walBytes: number }> {
  const at = new Date(Date.UTC(2026, 0, 1) + round * 60_000).toISOString();
  const params = [col(data.unitIds), col(data.unitIds.map(() => at)), col(data.unitIds.map((_, i) => -76.7 + i / 1e5)), col(data.unitIds.map(() => 39.3)), col(data.unitIds.map(() => 37)), col(data.unitIds.map(() => 90))];
  await db.query('begin');
  try {
    const [{ 'QUERY PLAN': [plan] }] = (await db.query(insert, params)).rows as [{ 'QUERY PLAN': [{ 'Execution Time': number; Triggers: { Time: number }[]; Plan: { 'WAL Records': number; 'WAL Bytes': number } }] }];
    return { ms: plan['Execution Time'], triggerMs: plan.Triggers.reduce((n, t) => n + t.Time, 0), walRecords: plan.Plan['WAL Records'], walBytes: plan.Plan['WAL Bytes'] };
  } finally {
    await db.query('rollback');
  }
}

/** The foreign key back, the set-wise triggers off: the state before migration 0049. */
async function before(): Promise<void> {
  await db.query(FK);
  for (const t of SET_WISE) await db.query(`alter table unit_track disable trigger ${t}`);
}

async function after(): Promise<void> {
  await db.query('alter table unit_track drop constraint unit_track_unit_id_units_id_fk');
  for (const t of SET_WISE) await db.query(`alter table unit_track enable trigger ${t}`);
}

const results: { kind: string; ms: number; triggerMs: number; walRecords: number; walBytes: number }[] = [];
try {
  // A committed point per unit first, so the index is not empty (as on a running node).
  await db.query(`insert into unit_track (unit_id, at, location) select id, '2025-01-01', home_location from units`);
  await db.query('vacuum analyze unit_track');
  for (let r = 0; r < ROUNDS; r++) {
    for (const fk of r % 2 === 0 ? [true, false] : [false, true]) {
      if (fk) await before();
      await once(1000 + r); // warm the plan and the caches for this state
      results.push({ kind: fk ? 'foreign key (per row)' : 'set-wise check (0049)', ...(await once(r)) });
      if (fk) await after();
    }
  }
} finally {
  await db.end();
  await data.drop();
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
process.stdout.write(`${UNITS} track points per statement, ${ROUNDS} rounds alternating; load average after: ${os.loadavg().map((x) => x.toFixed(2)).join(' ')}\n`);
process.stdout.write('| | insert (ms), median (min-max) | of which triggers (ms) | WAL records | WAL bytes |\n| --- | ---: | ---: | ---: | ---: |\n');
for (const kind of ['foreign key (per row)', 'set-wise check (0049)']) {
  const rs = results.filter((r) => r.kind === kind);
  const ms = rs.map((r) => r.ms);
  process.stdout.write(`| ${kind} | ${median(ms).toFixed(1)} (${Math.min(...ms).toFixed(1)}-${Math.max(...ms).toFixed(1)}) | ${median(rs.map((r) => r.triggerMs)).toFixed(1)} | ${median(rs.map((r) => r.walRecords))} | ${median(rs.map((r) => r.walBytes))} |\n`);
}
