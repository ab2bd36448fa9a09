/**
 * AVL ingest over MQTT: fixes per second taken in by one node (validated, newest position per unit
 * in memory, track downsampled and stored, one audit row per batch) through the real Mosquitto,
 * beside the broker's own pub/sub rate to a bare mqtt.js subscriber, in one run; writes the
 * "## AVL ingest over MQTT" section of docs/benchmarks.md. `npm run bench:avl` (DATABASE_URL = the
 * PostgreSQL server, MQTT_URL = the broker; AVL_BENCH_QUICK=1 for a smoke run, BENCH_DOC=0 to print
 * instead of writing the doc, BENCH_PROFILE=<dir> for a CPU profile of the server).
 */
import { fork } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import mqtt from 'mqtt';
import pg from 'pg';
import { loginCookie, serverCpuMs, startAppServer, stopAppServer, type AppServer } from '../lib/app-server.js';
import { writeSection } from '../lib/benchmarks-doc.js';
import { BENCH_ADMIN_PASSWORD, fleetDatabase } from '../lib/fleet-db.js';
import { machine, machineBusyShare, machineCpuMs } from '../lib/machine.js';
import { cpuOfUs, pidsNamed, processCpuUs } from '../lib/proc-cpu.js';
import { serverVersion } from '../lib/scratch-db.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const HERE = path.dirname(fileURLToPath(import.meta.url));
const SERVER_URL = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const MQTT_URL = process.env.MQTT_URL ?? 'mqtt://127.0.0.1:1883';
/** The node tells other nodes of every position over NATS, as in a deployment of several; BENCH_NATS=0 for the in-process bus. */
const NATS_URL = process.env.BENCH_NATS === '0' ? null : (process.env.NATS_URL ?? 'nats://127.0.0.1:4222');
const QUICK = process.env.AVL_BENCH_QUICK === '1';
/** A topic root of this bench's own (the node's `MQTT_TOPIC_PREFIX`): other deployments on the broker neither see these fixes nor add theirs. */
const PREFIX = process.env.BENCH_MQTT_PREFIX ?? `bench-avl-${process.pid}`;
const UNITS = QUICK ? 1000 : 10_000;
/** Fixes per unit per run, one per simulated second; (ROUNDS - 1) % 5 = 0, so each unit's last fix is kept in the track. */
const ROUNDS = QUICK ? 11 : 31;
const FIXES = UNITS * ROUNDS;
const RUNS = QUICK ? 1 : 3;
const TARGET_RATE = 50_000;
const TARGET_SHARE = 0.8;
/** Server CPU per fix stored (issue 19). */
const TARGET_CPU_US = 4;
/** Baltimore: the units drive east from points spread over the city. */
const BOX = { minLon: -76.72, minLat: 39.19, maxLon: -76.52, maxLat: 39.38 };
const say = (line: string): void => void process.stderr.write(`${line}\n`);
const nowMs = () => performance.timeOrigin + performance.now();

interface Rate {
  fixes: number;
  seconds: number;
  perSecond: number;
  /** The bare subscriber's CPU per message received (µs), the peer of the node's CPU per fix. */
  cpuPerMessageUs?: number;
  /** The other processes' CPU over the phase (µs), and the machine's busy share (every process on it). */
  others?: Others;
}

interface Others { publisherUs: number; brokerUs: number; pgUs: number; machineBusy: number }

/**
 * The CPU of the phase's other processes: the publisher (this process: it does nothing else while it
 * publishes), Mosquitto, PostgreSQL (the scratch database's backends and the WAL writer); and the
 * machine's busy share. The sum per fix bounds the rate on this machine: 2 cores cannot pass 2 × 10⁶
 * / (µs per fix, all processes together) fixes a second.
 */
async function othersFrom(): Promise<() => Promise<Others>> {
  const brokerPids = pidsNamed('mosquitto');
  const pgPids = async () => (await db.query<{ pid: number }>("select pid from pg_stat_activity where datname = current_database() or backend_type = 'walwriter'")).rows.map((r) => Number(r.pid));
  const pg0 = new Map((await pgPids()).map((p) => [p, processCpuUs(p)]));
  const broker0 = cpuOfUs(brokerPids);
  const machine0 = machineCpuMs();
  const self0 = process.cpuUsage();
  return async () => {
    const self = process.cpuUsage(self0);
    const machineBusy = machineBusyShare(machine0, machineCpuMs());
    const brokerUs = cpuOfUs(brokerPids) - broker0;
    // A backend opened during the phase counts from zero.
    const pgUs = (await pgPids()).reduce((n, p) => n + processCpuUs(p) - (pg0.get(p) ?? 0), 0);
    return { publisherUs: self.user + self.system, brokerUs, pgUs, machineBusy };
  };
}

const data = await fleetDatabase(SERVER_URL, 'bench_avl', BOX, Array.from({ length: UNITS }, (_, i) => ({ home: start(i) })));
const dataDir = mkdtempSync(path.join(os.tmpdir(), 'firebreak-bench-avl-'));
const server = await startAppServer(data.url, { FIREBREAK_DATA_DIR: dataDir, FIREBREAK_ROAD_PBF: `${ROOT}data/osm/baltimore.osm.pbf`, MQTT_URL, MQTT_TOPIC_PREFIX: PREFIX, ...(NATS_URL ? { NATS_URL } : {}) }, process.env.BENCH_PROFILE);
const publisher = await mqtt.connectAsync(MQTT_URL, { clientId: `bench-avl-pub-${process.pid}`, clean: true });
const db = new pg.Client({ connectionString: data.url });
await db.connect();
try {
  await warmUp(server);
  const broker: Rate[] = [];
  /** The same counted by the platform's lean reader alone (the least a subscriber costs here). */
  const lean: Rate[] = [];
  const ingest: (Rate & { dropped: number })[] = [];
  const cpuMs: number[] = [];
  /** The 1-minute load average at the end of each run: the machine is shared, so each figure carries it. */
  const load: number[] = [];
  // Simulated time ends about a minute before now: the last fixes are recent (not stale), none lies ahead.
  let t0 = Date.now() - RUNS * (ROUNDS + 60) * 1000;
  for (let run = 0; run < RUNS; run++) {
    broker.push(await brokerRate('mqtt.js'));
    lean.push(await brokerRate('lean'));
    await serverCpuMs(server);
    ingest.push(await ingestRate(t0));
    cpuMs.push(await serverCpuMs(server));
    load.push(os.loadavg()[0]!);
    t0 += (ROUNDS + 60) * 1000;
    say(`run ${run + 1}: broker ${broker.at(-1)!.perSecond.toFixed(0)}/s (lean ${lean.at(-1)!.perSecond.toFixed(0)}/s), ingest ${ingest.at(-1)!.perSecond.toFixed(0)}/s`);
  }
  const checks = await correctness();
  const body = await report(broker, lean, ingest, cpuMs, load, checks);
  if (process.env.BENCH_DOC === '0') process.stdout.write(`${body}\n`);
  else {
    writeSection(`${ROOT}docs/benchmarks.md`, 'AVL ingest over MQTT', body);
    say(`wrote ${ROOT}docs/benchmarks.md`);
  }
} finally {
  await publisher.endAsync();
  await db.end();
  await stopAppServer(server);
  await data.drop();
  rmSync(dataDir, { recursive: true, force: true });
}

/** Where unit i starts: spread over the box. */
function start(i: number): [number, number] {
  const side = Math.ceil(Math.sqrt(UNITS));
  return [BOX.minLon + 0.02 + ((i % side) / side) * 0.12, BOX.minLat + 0.02 + (Math.floor(i / side) / side) * 0.15];
}

/** The fix of unit i in round r: about 10.3 m further east each second (37 km/h), so every 5th fix is kept (50 m). */
function payload(i: number, round: number, t0: number): string {
  const [lon, lat] = start(i);
  return JSON.stringify({ location: [lon + round * 0.00012, lat], at: new Date(t0 + round * 1000).toISOString(), speedKmh: 37, heading: 90 });
}

/** Publishes round by round, yielding now and then so the socket drains; returns when all are handed to the socket. */
async function publishAll(topicOf: (i: number) => string, t0: number): Promise<number> {
  const started = nowMs();
  for (let round = 0; round < ROUNDS; round++) {
    for (let i = 0; i < UNITS; i++) {
      publisher.publish(topicOf(i), payload(i, round, t0), { qos: 0 });
      if (i % 500 === 499) await new Promise((r) => setImmediate(r));
    }
  }
  return started;
}

async function brokerRate(client: 'mqtt.js' | 'lean'): Promise<Rate> {
  const child = fork(path.join(HERE, 'bare-subscriber.ts'), [], { execArgv: ['--import', 'tsx'], env: { ...process.env, BENCH_MQTT_URL: MQTT_URL, BENCH_TOPIC: `${PREFIX}-raw/+/position`, BENCH_CLIENT: client } });
  const next = () => new Promise<Record<string, number>>((resolve) => child.once('message', (m) => resolve(m as Record<string, number>)));
  await next();
  const ready = next();
  child.send({ expect: FIXES });
  await ready;
  const done = next();
  const others = await othersFrom();
  const started = await publishAll((i) => `${PREFIX}-raw/${data.unitIds[i]}/position`, 0);
  const { last, count, cpuUs } = await done;
  const o = await others();
  child.send({ close: true });
  const seconds = (last! - started) / 1000;
  return { fixes: count!, seconds, perSecond: count! / seconds, cpuPerMessageUs: cpuUs! / count!, others: o };
}

/**
 * Until the server has stored everything it received: it is done when nothing new was stored for
 * a second. Mosquitto drops QoS 0 messages for a subscriber that falls behind (max_queued_messages),
 * so what the server received is counted from its audit rows (one per batch, with its fixes) and
 * the rate is that over the time from the first publish to the last batch's commit.
 */
async function ingestRate(t0: number): Promise<Rate & { dropped: number }> {
  const before = await storedSoFar();
  const others = await othersFrom();
  const started = await publishAll((i) => `${PREFIX}/units/${data.unitIds[i]}/position`, t0);
  let last = before;
  let quietSince = nowMs();
  while (nowMs() - quietSince < 1000) {
    await new Promise((r) => setTimeout(r, 50));
    const now = await storedSoFar();
    if (now.fixes !== last.fixes) {
      last = now;
      quietSince = nowMs();
    }
  }
  const o = await others();
  const fixes = last.fixes - before.fixes;
  const seconds = (last.at - started) / 1000;
  return { fixes, seconds, perSecond: fixes / seconds, dropped: FIXES - fixes, others: o };
}

/** Fixes the server has stored so far (from the audit rows of its batches) and when the last batch committed. */
async function storedSoFar(): Promise<{ fixes: number; at: number }> {
  const { rows } = await db.query<{ fixes: string | null; at: Date | null }>(
    "select sum((after->>'fixes')::int) as fixes, max(at) as at from audit_log where action = 'units.positions_reported'");
  return { fixes: Number(rows[0]!.fixes ?? 0), at: rows[0]!.at ? rows[0]!.at.getTime() : 0 };
}

interface Checks {
  trackPoints: number;
  expectedTrackPoints: number;
  auditRows: number;
  live: { stale: boolean; at: string } | null;
}

async function correctness(): Promise<Checks> {
  const [{ n: trackPoints }] = (await db.query<{ n: number }>('select count(*)::int as n from unit_track')).rows as [{ n: number }];
  const [{ n: auditRows }] = (await db.query<{ n: number }>("select count(*)::int as n from audit_log where action = 'units.positions_reported'")).rows as [{ n: number }];
  const cookie = await loginCookie(server.base, 'admin', BENCH_ADMIN_PASSWORD);
  const unit = (await (await fetch(`${server.base}/api/v1/units/${data.unitIds[0]}`, { headers: { cookie } })).json()) as { position: { stale: boolean; at: string } | null };
  // Per unit and run: the first fix, then one each time 50 m (5 fixes) have been driven.
  const perRun = (ROUNDS - 1) / 5 + 1;
  return { trackPoints, expectedTrackPoints: perRun * UNITS * RUNS, auditRows, live: unit.position };
}

async function warmUp(s: AppServer): Promise<void> {
  // The road graph and the fleet view, as on a node that has answered a recommendation.
  const cookie = await loginCookie(s.base, 'admin', BENCH_ADMIN_PASSWORD);
  const res = await fetch(`${s.base}/api/v1/incidents`, { method: 'POST', headers: { cookie, 'content-type': 'application/json' }, body: JSON.stringify({ type: 'fire', priority: 'P1', location: start(0) }) });
  const incident = (await res.json()) as { id: string };
  const rec = await fetch(`${s.base}/api/v1/incidents/${incident.id}/recommendations`, { headers: { cookie } });
  if (rec.status !== 200) throw new Error(`warm-up: ${rec.status} ${await rec.text()}`);
}

async function report(broker: Rate[], lean: Rate[], ingest: (Rate & { dropped: number })[], cpuMs: number[], load: number[], checks: Checks): Promise<string> {
  const m = machine();
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  const b = median(broker.map((r) => r.perSecond));
  const i = median(ingest.map((r) => r.perSecond));
  const cpuPerFixUs = median(cpuMs.map((c, k) => (c * 1000) / ingest[k]!.fixes));
  const bareCpuUs = median(broker.map((r) => r.cpuPerMessageUs!));
  // Each run's node against the peer of that same run (the load moves between runs).
  const cpuRatio = median(broker.map((r, k) => (cpuMs[k]! * 1000) / ingest[k]!.fixes / r.cpuPerMessageUs!));
  const leanCpuUs = median(lean.map((r) => r.cpuPerMessageUs!));
  const leanRatio = median(lean.map((r, k) => (cpuMs[k]! * 1000) / ingest[k]!.fixes / r.cpuPerMessageUs!));
  const verdict = (ok: boolean) => (ok ? '**met**' : '**missed**');
  // Where each phase's CPU went per fix, every process of the pipeline (the publisher's and the poll's share of this process included).
  const us = (x: number) => `${x.toFixed(1)} µs`;
  const split = broker.flatMap((r, k) => {
    const node = (cpuMs[k]! * 1000) / ingest[k]!.fixes;
    const line = (phase: string, own: number, o: Others, n: number) => {
      const together = own + (o.publisherUs + o.brokerUs + o.pgUs) / n;
      return `| ${k + 1} | ${phase} | ${us(own)} | ${us(o.publisherUs / n)} | ${us(o.brokerUs / n)} | ${phase !== 'ingest' ? '' : us(o.pgUs / n)} | ${us(together)} | ${Math.round(2e6 / together).toLocaleString('en')} /s | ${(100 * o.machineBusy).toFixed(0)} % |`;
    };
    return [line('peer', r.cpuPerMessageUs!, r.others!, r.fixes), line('lean peer', lean[k]!.cpuPerMessageUs!, lean[k]!.others!, lean[k]!.fixes), line('ingest', node, ingest[k]!.others!, ingest[k]!.fixes)];
  });
  const rows = broker.map((r, k) => `| ${k + 1} | ${r.perSecond.toFixed(0)} /s (${r.seconds.toFixed(2)} s) | ${ingest[k]!.perSecond.toFixed(0)} /s (${ingest[k]!.fixes.toLocaleString('en')} in ${ingest[k]!.seconds.toFixed(2)} s) | ${ingest[k]!.dropped.toLocaleString('en')} | ${((100 * ingest[k]!.perSecond) / r.perSecond).toFixed(0)} % | ${((cpuMs[k]! * 1000) / ingest[k]!.fixes).toFixed(1)} µs | ${r.cpuPerMessageUs!.toFixed(1)} µs | ${((cpuMs[k]! * 1000) / ingest[k]!.fixes / r.cpuPerMessageUs!).toFixed(2)}× | ${lean[k]!.perSecond.toFixed(0)} /s, ${lean[k]!.cpuPerMessageUs!.toFixed(1)} µs | ${((cpuMs[k]! * 1000) / ingest[k]!.fixes / lean[k]!.cpuPerMessageUs!).toFixed(2)}× | ${load[k]!.toFixed(2)} |`);
  return [
    `Measured by \`npm run bench:avl\` (bench/avl/run.ts) on ${new Date().toISOString().slice(0, 10)}.`,
    '',
    `- Machine: ${m.cpus} CPUs (${m.cpuModel}), Node ${m.node}, ${await serverVersion(SERVER_URL)}, Mosquitto at ${MQTT_URL}, all on`,
    `  this machine and sharing its CPUs with the publisher (load average at the end: ${os.loadavg().map((x) => x.toFixed(2)).join(', ')}; shared with other work).`,
    `- Load: ${UNITS.toLocaleString('en')} units (registered in the scratch database) each publishing ${ROUNDS} fixes, one per simulated second, driving`,
    `  east at 37 km/h: ${FIXES.toLocaleString('en')} fixes per run, QoS 0, from one mqtt.js publisher as fast as it goes, ${RUNS} run(s).`,
    `- Ingest: the real app (\`buildApp\`, PostgreSQL, \`MQTT_URL\` set and a topic prefix of the bench's own, the lean MQTT subscriber (\`platform/mqtt/subscriber.ts\`), ${NATS_URL ? `NATS at ${NATS_URL} (each unit's newest fix broadcast to the other nodes on a plain subject)` : 'the in-process bus (one node)'}, road graph and fleet view loaded) in its own process;`,
    '  timed from the first publish to the commit of the last batch; counted are the fixes in the batches it stored',
    '  (from their audit rows), each parsed and checked, the newest per unit the live position in memory (stale = no',
    '  fix for `AVL_STALE_SECONDS`, decided when read, no timer per unit), the track downsampled and stored, each batch',
    '  audited. Mosquitto drops QoS 0 messages for a subscriber that falls behind (`max_queued_messages`, 1,000): the',
    '  publisher outruns the node, so the rate is the most the node takes in, and the dropped ones are counted.',
    '- Broker: the same publisher and fixes to another topic, counted by a bare mqtt.js subscriber in its own process:',
    '  first publish to last message received. Then again, counted by the platform\'s lean MQTT reader alone (`platform/mqtt/subscriber.ts`,',
    '  the node\'s own client, its handler only counting): the "lean peer", what a subscriber costs at least on this machine.',
    '',
    '| run | broker (bare subscriber) | ingest (fixes stored) | dropped by the broker | ingest / broker | server CPU per fix | bare subscriber CPU per message | server / bare CPU | lean peer: rate, CPU per message | server / lean CPU | load average |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...rows,
    '',
    'Where each phase\'s CPU went, per fix (`/proc` of Mosquitto and of PostgreSQL\'s backends of the bench\'s database and its WAL writer; the publisher is the',
    'bench\'s own process, which also polls the audit rows during the ingest phase; the machine\'s busy share counts every process on it, other work included). On',
    '2 cores a phase whose processes together need *c* µs per fix cannot pass 2 × 10⁶ / *c* fixes/s.',
    '',
    '| run | phase | node or bare subscriber | publisher | Mosquitto | PostgreSQL | together | ceiling on 2 cores | machine busy |',
    '| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...split,
    '',
    `- Ingest: **${i.toFixed(0)} fixes/s** per node (median; target >= ${TARGET_RATE.toLocaleString('en')}: ${verdict(i >= TARGET_RATE)}), ${((100 * i) / b).toFixed(0)} % of the broker's`,
    `  ${b.toFixed(0)} /s (target >= ${TARGET_SHARE * 100} %: ${verdict(i / b >= TARGET_SHARE)}); server CPU ${cpuPerFixUs.toFixed(1)} µs per fix (target <= ${TARGET_CPU_US} µs: ${verdict(cpuPerFixUs <= TARGET_CPU_US)}),`,
    `  the bare subscriber's ${bareCpuUs.toFixed(1)} µs per message (median of each run's ratio: ${cpuRatio.toFixed(2)}×), the lean peer's ${leanCpuUs.toFixed(1)} µs (${leanRatio.toFixed(2)}×). Runs with 0 dropped at >= ${TARGET_SHARE * 100} % of the broker's rate: ${ingest.filter((r, k) => r.dropped === 0 && r.perSecond >= TARGET_SHARE * broker[k]!.perSecond).length} of ${ingest.length} (target: all, ${verdict(ingest.every((r, k) => r.dropped === 0 && r.perSecond >= TARGET_SHARE * broker[k]!.perSecond))}).`,
    `- Correctness after the runs: ${checks.trackPoints.toLocaleString('en')} track points stored (downsampling 50 m / 30 s keeps ${checks.expectedTrackPoints.toLocaleString('en')} when nothing is dropped),`,
    `  ${checks.auditRows.toLocaleString('en')} audit rows (one per stored batch), first unit's live position ${checks.live ? `at ${checks.live.at}, stale: ${checks.live.stale}` : 'missing'}.`,
  ].join('\n');
}
