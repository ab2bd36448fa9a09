// Transport fixes end to end through MQTT (modules/controlled-goods, transport-mqtt.ts): published to
// the broker, taken in by the node's ingest, held against each permit's watch and stored, side by side
// with a bare subscriber counting the same messages at the broker, in one run. The vehicles' publisher
// runs in a process of its own (publisher.ts), so this process's CPU is the node's (or the peer's).
// Usage: npm run bench:geofence:mqtt   (DATABASE_URL = the server; MQTT_URL; BENCH_PERMITS, BENCH_FIXES, BENCH_RUNS,
// BENCH_QOS (1), BENCH_WINDOW (unacknowledged QoS 1 publishes at once), BENCH_PUBLISHER (mqttjs | lean), BENCH_PEER (mqttjs | lean), BENCH_LANES, BENCH_PROFILE=<dir> (CPU profiles there: the
// publisher's, and the node's over each run's ingest phase alone, ingest-<run>.cpuprofile), BENCH_DOC=0)
import { fork } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import mqtt from 'mqtt';
import { pino } from 'pino';
import { v7 as uuidv7 } from 'uuid';
import { loadConfig } from '../../apps/server/src/config.js';
import type { Actor } from '../../apps/server/src/platform/auth/access.js';
import { rows } from '../../apps/server/src/platform/db/client.js';
import { openSubscriber } from '../../apps/server/src/platform/mqtt/subscriber.js';
import { startPlatform } from '../../apps/server/src/platform/kernel.js';
import { licenseSite } from '../../apps/server/src/modules/controlled-goods/license-site.js';
import { recordTransfer } from '../../apps/server/src/modules/controlled-goods/record-transfer.js';
import { freshWatch } from '../../apps/server/src/modules/controlled-goods/transport-model.js';
import { DEFAULT_LANES, startTransportMqttIngest } from '../../apps/server/src/modules/controlled-goods/transport-mqtt.js';
import { writeSection } from '../lib/benchmarks-doc.js';
import { machine, machineBusyShare, machineCpuMs } from '../lib/machine.js';
import { cpuOfUs, pidsNamed, processCpuUs } from '../lib/proc-cpu.js';
import { createScratchDatabase, serverVersion } from '../lib/scratch-db.js';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const SERVER_URL = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const MQTT_URL = process.env.MQTT_URL ?? 'mqtt://127.0.0.1:1883';
/** Vehicles under way at once, each on its own permit (a busy country's hazmat traffic many times over). */
const PERMITS = Number(process.env.BENCH_PERMITS ?? 500);
/** Fixes per vehicle per run. */
const FIXES = Number(process.env.BENCH_FIXES ?? 200);
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const QOS = process.env.BENCH_QOS === '0' ? 0 : 1;
/** QoS 1 publishes unacknowledged by the broker at once. */
const WINDOW = Number(process.env.BENCH_WINDOW ?? 500);
/** A topic root of this bench's own (`MQTT_TOPIC_PREFIX`): other deployments on the broker neither see these fixes nor add theirs. */
const PREFIX = process.env.BENCH_MQTT_PREFIX ?? `bench-geofence-${process.pid}`;
const PROFILE = process.env.BENCH_PROFILE;
/** Transactions the ingest stores a batch in at once (its default, `DEFAULT_LANES`, unless set). */
const LANES = Number(process.env.BENCH_LANES ?? DEFAULT_LANES);
/** The load generator: mqtt.js, or the same packets written by hand (publisher.ts). */
const PUBLISHER = process.env.BENCH_PUBLISHER === 'lean' ? 'lean' : 'mqttjs';
/** The bare subscriber of the peer phase: mqtt.js, or the platform's lean subscriber (see barePeer). */
const PEER = process.env.BENCH_PEER === 'lean' ? 'lean' : 'mqttjs';
const DOC = path.join(HERE, '../../docs/benchmarks.md');
/** The node's AVL rate for units on this machine: the median `npm run bench:avl` last wrote into docs/benchmarks.md. */
function avlRate(): { rate: number; when: string } | null {
  const doc = readFileSync(DOC, 'utf8');
  const section = doc.slice(doc.indexOf('## AVL ingest over MQTT\n'));
  const rate = /Ingest: \*\*([\d,]+) fixes\/s\*\*/.exec(section)?.[1];
  const when = /on (\d{4}-\d{2}-\d{2})/.exec(section)?.[1];
  const load = /load average at the end: ([\d., ]+);/.exec(section)?.[1];
  return rate && when ? { rate: Number(rate.replace(/,/g, '')), when: `${when}, load average ${load ?? 'not stated'}` } : null;
}
const FROM: [number, number] = [9.50, 47.10];
const TO: [number, number] = [9.54, 47.10];
const say = (line: string): void => void process.stdout.write(`${line}\n`);
const nowMs = () => performance.timeOrigin + performance.now();
const silent = { warn: () => undefined, info: () => undefined };

async function main(): Promise<void> {
  const scratch = await createScratchDatabase(SERVER_URL, 'bench_transport_mqtt');
  const config = { ...loadConfig({ LOG_LEVEL: 'silent', FIREBREAK_DEMO: 'false' }), databaseUrl: scratch.url };
  const platform = await startPlatform(config, pino({ level: 'silent' }));
  try {
    const rootId = uuidv7();
    await platform.db.execute(sql`insert into jurisdictions (id, path, name, level) values (${rootId}, 'bench'::ltree, 'Bench', 'national')`);
    const actor: Actor = { id: uuidv7(), username: 'bench', displayName: 'Bench', kind: 'staff', via: { kind: 'system' }, grants: [{ id: rootId, role: 'administrator', jurisdictionId: rootId, path: 'bench', jurisdictionName: 'Bench' }] };
    const siteIds: string[] = [];
    for (const [i, at] of [FROM, TO].entries()) {
      const placeId = uuidv7();
      await platform.db.execute(sql`insert into places (id, jurisdiction_id, jurisdiction_path, category, name, geom, location)
        values (${placeId}, ${rootId}, 'bench'::ltree, 'fuel_station', ${`Bench depot ${i}`}, ST_SetSRID(ST_MakePoint(${at[0]}, ${at[1]}), 4326), ST_SetSRID(ST_MakePoint(${at[0]}, ${at[1]}), 4326))`);
      const site = await licenseSite(platform.command, { actor, requestId: null }, { placeId, licence: {
        number: `B-${i}`, validFrom: '2020-01-01T00:00:00Z', validUntil: '2100-01-01T00:00:00Z', expiryAlertDays: 30, storageConditions: 'bench',
        responsiblePerson: { name: 'Bench', role: 'Bench' }, items: [{ kind: 'chemical', unNumber: 'UN1202', hazardClass: '3', name: 'Diesel', unit: 'ml', maxQuantity: 1e12 }],
      } });
      siteIds.push(site.id);
    }
    await recordTransfer(platform.command, { actor, requestId: null }, { id: uuidv7(), kind: 'receipt', siteId: siteIds[0]!, itemKey: 'UN1202', quantity: 1e9 });
    const line = sql`ST_SetSRID(ST_MakeLine(ST_MakePoint(${FROM[0]}, ${FROM[1]}), ST_MakePoint(${TO[0]}, ${TO[1]})), 4326)`;

    /** PERMITS permits in transit on the same straight route (as issue-permit.ts stores them, without the routing). */
    async function issuePermits(): Promise<string[]> {
      await platform.db.execute(sql`insert into goods_accounts (id, site_id, item_key, kind, debits_must_not_exceed_credits, max_balance)
        values (${uuidv7()}, ${siteIds[0]}, 'UN1202', 'in_transit', true, null) on conflict (site_id, item_key, kind) do nothing`);
      const ids: string[] = [];
      for (let i = 0; i < PERMITS; i++) {
        const id = uuidv7();
        const transferId = uuidv7();
        await platform.db.transaction(async (tx) => {
          await tx.execute(sql`insert into goods_transfers (id, kind, item_key, debit_account_id, credit_account_id, amount, recorded_by_name, at)
            select ${transferId}::uuid, 'dispatch', 'UN1202', s.id, t.id, 1, 'bench', now() from goods_accounts s, goods_accounts t
            where s.site_id = ${siteIds[0]} and s.kind = 'stock' and t.site_id = ${siteIds[0]} and t.kind = 'in_transit'`);
          await tx.execute(sql`insert into goods_permits (id, state, item_key, quantity, vehicle, from_site_id, to_site_id, supervising_path, window_from, window_until,
              corridor_meters, max_stop_minutes, dark_after_minutes, route, corridor, distance_meters, duration_seconds, zones, watch, dispatch_transfer_id, issued_by_name, issued_at)
            values (${id}, 'issued', 'UN1202', 1, ${`BENCH ${i}`}, ${siteIds[0]}, ${siteIds[1]}, 'bench'::ltree, now() - interval '1 hour', now() + interval '70 hours',
              200, 10, 120, ${line}, ST_Buffer(${line}::geography, 200)::geometry, 3000, 300, '[]'::jsonb, ${JSON.stringify(freshWatch())}::jsonb, ${transferId}, 'bench', now())`);
        });
        ids.push(id);
      }
      return ids;
    }

    const topic = (id: string) => `${PREFIX}/goods/permits/${id}/position`;
    const t0Wall = Date.now() - FIXES * 1000 - 60_000;
    const publisher = fork(path.join(HERE, 'publisher.ts'), [], {
      execArgv: ['--import', 'tsx', ...(PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${PROFILE}`] : [])], env: { ...process.env, BENCH_MQTT_URL: MQTT_URL, BENCH_PUBLISHER: PUBLISHER },
    });
    await new Promise((r) => publisher.once('message', r));
    /** Every vehicle sends FIXES fixes along the route (1 s apart in its own time), as fast as the publisher goes; resolves with when it started. */
    function publishAll(permits: string[]): Promise<{ started: number; sent: number; cpuUs: number }> {
      const done = new Promise<{ started: number; sent: number; cpuUs: number }>((r) => publisher.once('message', (m) => r(m as { started: number; sent: number; cpuUs: number })));
      publisher.send({ topics: permits.map(topic), fixes: FIXES, t0: t0Wall, from: FROM, to: TO, qos: QOS, window: WINDOW });
      return done;
    }
    /**
     * Polls `count` (in memory: the peer's counter, the ingest's committed count) every 10 ms until it
     * reaches `total` or stays still for 10 s; the time (ms since the epoch) is that of the last
     * increase. No query while the clock runs: a `count(*)` of the growing trail every 50 ms took a
     * share of the database the peer's phase did not pay (12 ms at 72,000 rows, more as runs add theirs).
     */
    async function until(total: number, count: () => number): Promise<{ reached: number; at: number }> {
      let reached = 0;
      let at = nowMs();
      while (nowMs() - at < 10_000) {
        await new Promise((r) => setTimeout(r, 10));
        const now = count();
        if (now > reached) at = nowMs();
        reached = now;
        if (reached >= total) break;
      }
      return { reached, at };
    }
    const cpuNow = () => { const c = process.cpuUsage(); return c.user + c.system; };
    /**
     * The peer: a bare subscriber counting the messages, acknowledging each on receipt. mqtt.js (the
     * default), or with BENCH_PEER=lean the platform's own subscriber (`openSubscriber`, the node's
     * client, doing nothing else): mqtt.js cannot keep up with the lean publisher (Mosquitto dropped
     * 15-32 % for it), so a run with that publisher needs this peer.
     */
    async function barePeer(clientId: string, onMessage: () => void): Promise<{ close(): Promise<void> }> {
      const filter = `${PREFIX}/goods/permits/+/position`;
      if (PEER === 'lean') {
        const sub = openSubscriber({ url: MQTT_URL, clientId, filters: [filter], qos: QOS, clean: true, log: silent, mqtt5: { receiveMaximum: 65_535, sessionExpirySeconds: 0 },
          onMessageBytes: onMessage });
        await sub.ready;
        return sub;
      }
      const client = await mqtt.connectAsync(MQTT_URL, { clientId, clean: true, log: () => undefined, protocolVersion: 5, properties: { receiveMaximum: 65_535 } });
      client.on('message', onMessage);
      await client.subscribeAsync(filter, { qos: QOS });
      return { close: () => client.endAsync() };
    }
    /**
     * Where the machine's CPU goes in a phase, beyond this process's: the broker (Mosquitto, one
     * process), PostgreSQL (the backends of the bench's database and the WAL writer), and the whole
     * machine's busy share (every process, other engineers' work included). The publisher measures itself.
     */
    const brokerPids = pidsNamed('mosquitto');
    const pgPids = async () => (await rows<{ pid: number }>(platform.db, sql`select pid from pg_stat_activity where datname = current_database() or backend_type = 'walwriter'`)).map((r) => Number(r.pid));
    async function others() {
      const pids = await pgPids();
      const pg0 = new Map(pids.map((p) => [p, processCpuUs(p)]));
      const broker0 = cpuOfUs(brokerPids);
      const machine0 = machineCpuMs();
      return async () => {
        const machineBusy = machineBusyShare(machine0, machineCpuMs());
        const brokerUs = cpuOfUs(brokerPids) - broker0;
        // A backend opened during the phase counts from zero.
        const pgUs = (await pgPids()).reduce((n, p) => n + processCpuUs(p) - (pg0.get(p) ?? 0), 0);
        return { machineBusy, brokerUs, pgUs };
      };
    }

    /**
     * One run, in two phases on the same topics so that neither takes CPU from the other: first the
     * peer (a bare mqtt.js subscriber counting the messages), then the node's ingest (the permits'
     * watch and storage), this process's CPU in each: the publisher is another process.
     */
    async function run(n: number) {
      const permits = await issuePermits();
      const total = PERMITS * FIXES;

      // The same flow control as the node's ingest (MQTT 5, Receive Maximum 65,535): the peer is the
      // broker's rate to a subscriber that leaves it a window as wide, not the 20 of MQTT 3.1.1.
      let seen = 0;
      const bare = await barePeer(`bench-bare-${n}-${process.pid}`, () => { seen++; });
      const peerOthers = await others();
      const peerCpu0 = cpuNow();
      const peerPublished = publishAll(permits);
      const peer = await until(total, () => seen);
      const peerCpu = cpuNow() - peerCpu0;
      const peerSide = await peerOthers();
      const peerPub = await peerPublished;
      await bare.close();

      // The same fixes again, now to the node (a fresh set of permits, so none is ignored as a repeat).
      await platform.db.execute(sql`update goods_permits set state = 'cancelled' where id in (${sql.join(permits.map((p) => sql`${p}::uuid`), sql`, `)})`);
      const fresh = await issuePermits();
      const [before] = await rows<{ n: number }>(platform.db, sql`select count(*)::int as n from goods_transport_trail`);
      const storedBefore = Number(before!.n);
      const ingestId = `bench-transport-${n}-${process.pid}`;
      const ingest = await startTransportMqttIngest(MQTT_URL, platform.command, silent, ingestId, (events) => platform.bus.broadcast(events), PREFIX, { lanes: LANES });
      // The node's CPU profile over the ingest phase alone (BENCH_PROFILE): what dominates the node's cost per fix.
      const inspector = PROFILE ? new Session() : null;
      if (inspector) {
        inspector.connect();
        await inspector.post('Profiler.enable');
        await inspector.post('Profiler.start');
      }
      const ingestOthers = await others();
      const cpu0 = cpuNow();
      const published = publishAll(fresh);
      const done = await until(total, () => ingest.stats().stored);
      const cpu = cpuNow() - cpu0;
      const ingestSide = await ingestOthers();
      if (inspector) {
        const { profile } = await inspector.post('Profiler.stop');
        writeFileSync(path.join(PROFILE!, `ingest-${n}.cpuprofile`), JSON.stringify(profile));
        inspector.disconnect();
      }
      const pub = await published;
      await ingest.close();
      // What the ingest counted as committed, held to the trail itself once the clock has stopped.
      const [after] = await rows<{ n: number }>(platform.db, sql`select count(*)::int as n from goods_transport_trail`);
      const inTrail = Number(after!.n) - storedBefore;
      if (inTrail !== ingest.stats().stored) throw new Error(`the ingest counted ${ingest.stats().stored} fixes stored, the trail gained ${inTrail}`);
      // The ingest keeps its session at the broker (a node's restart loses nothing): ended here, so none is left behind.
      await (await mqtt.connectAsync(MQTT_URL, { clientId: ingestId, clean: true, log: () => undefined })).endAsync();
      const [batches] = await rows<{ n: number }>(platform.db, sql`select count(*)::int as n from audit_log where action = 'goods.transport_fixes' and entity_type = 'goods_transport_batch'`);
      await platform.db.execute(sql`update goods_permits set state = 'cancelled' where id in (${sql.join(fresh.map((p) => sql`${p}::uuid`), sql`, `)})`);
      const seconds = (done.at - pub.started) / 1000;
      const peerSeconds = (peer.at - peerPub.started) / 1000;
      return {
        stored: inTrail, seconds, rate: done.reached / seconds, broker: peer.reached / peerSeconds, seen: peer.reached,
        cpuUsPerFix: cpu / Math.max(1, done.reached), peerCpuUsPerMessage: peerCpu / Math.max(1, peer.reached), batches: Number(batches!.n),
        publisherUsPerMessage: pub.cpuUs / Math.max(1, pub.sent), load: os.loadavg()[0]!,
        peerPublisherUsPerMessage: peerPub.cpuUs / Math.max(1, peerPub.sent),
        brokerUsPerFix: ingestSide.brokerUs / Math.max(1, done.reached), peerBrokerUsPerMessage: peerSide.brokerUs / Math.max(1, peer.reached),
        pgUsPerFix: ingestSide.pgUs / Math.max(1, done.reached), machineBusy: ingestSide.machineBusy, peerMachineBusy: peerSide.machineBusy,
      };
    }

    const runs: Awaited<ReturnType<typeof run>>[] = [];
    for (let n = 1; n <= RUNS; n++) {
      say(`run ${n}/${RUNS}: ${PERMITS} permits, ${FIXES} fixes each through ${MQTT_URL}…`);
      runs.push(await run(n));
      say(JSON.stringify(runs[runs.length - 1]));
    }
    publisher.send({ close: true });
    await new Promise((r) => publisher.once('exit', r));
    const [alerts] = await rows<{ n: number }>(platform.db, sql`select count(*)::int as n from goods_transport_alerts`);
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
    const rates = runs.map((r) => r.rate).sort((a, b) => a - b);
    const rate = median(rates);
    const broker = median(runs.map((r) => r.broker));
    const cpuPerFix = median(runs.map((r) => r.cpuUsPerFix));
    const peerCpu = median(runs.map((r) => r.peerCpuUsPerMessage));
    const total = PERMITS * FIXES;
    const lossless = runs.every((r) => r.stored === total);
    const avl = avlRate();
    const mc = machine();
    const f = (x: number, d = 0) => x.toLocaleString('en', { maximumFractionDigits: d, minimumFractionDigits: d });
    const load = os.loadavg().map((l) => l.toFixed(2)).join(' ');
    const verdict = (ok: boolean) => (ok ? '**met**' : '**missed**');
    const body = `Measured by \`npm run bench:geofence:mqtt\` (bench/geofence/mqtt.ts) on ${new Date().toISOString().slice(0, 10)}.

- Machine: ${mc.cpus} CPUs (${mc.cpuModel}), Node ${mc.node}, ${await serverVersion(SERVER_URL)} and Mosquitto on 127.0.0.1; load average at the end: ${load}
  (the machine is shared: other work ran at the same time).
- ${f(PERMITS)} permits in transit, ${FIXES} fixes each (${f(total)} per run), published QoS ${QOS} to \`<prefix>/goods/permits/<id>/position\` (a topic prefix of
  this bench's own) as fast as one ${PUBLISHER === 'lean' ? 'hand-written publisher (bench/geofence/lean.ts: the same MQTT 3.1.1 packets as mqtt.js, those of one event-loop turn in one write)' : 'mqtt.js publisher'} **in a process of its own** goes (bench/geofence/publisher.ts${QOS === 1 ? `, ${f(WINDOW)} unacknowledged at most` : ''}).
  The node's ingest (\`transport-mqtt.ts\` on the lean subscriber \`platform/mqtt/subscriber.ts\`, QoS 1 over MQTT 5 with a Receive Maximum of 65,535 and a
  kept session, **each batch's messages acknowledged in one write after its commit**): 200 ms or 5,000-fix batches, each **${LANES === 1 ? 'one transaction for every permit in it' : `${LANES} transactions at once, each for its share of the permits (by id: a permit always in the same one)`}** (\`report-transport-batch.ts\`: the permits locked in id order, the corridor,
  zones, stop and arrival watch in memory per fix, every fix stored in the trail and the watch states updated in one statement, one audit row per batch;
  the newest positions broadcast on the bus after the commit), timed from the first publish until every fix is stored (the ingest's own count of committed fixes, read in memory every 10 ms; held to a \`count(*)\` of the trail after each run).
- Peer, in the same run and process, in a phase of its own before the ingest's: a bare ${PEER === 'lean' ? "subscriber on the node's own MQTT client (`openSubscriber`, doing nothing else)" : 'mqtt.js subscriber'} (QoS ${QOS}, MQTT 5 with the same Receive Maximum,
  acknowledging on receipt, no debug calls) on the same topics counting the same messages (first publish to last message). CPU is this process's: the node's ingest, or the bare subscriber's (the publisher's is apart).

| run | broker (bare subscriber) | ingest end to end (fixes stored) | ingest / broker | node CPU per fix | bare subscriber CPU per message | publisher CPU per message | transactions (audit rows) | load (1 min) after the run |
| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |
${runs.map((r, i) => `| ${i + 1} | ${f(r.broker)} /s | ${f(r.rate)} /s (${f(r.stored)} of ${f(total)} in ${f(r.seconds, 2)} s) | ${f((100 * r.rate) / r.broker)} % | ${f(r.cpuUsPerFix, 1)} µs | ${f(r.peerCpuUsPerMessage, 1)} µs | ${f(r.publisherUsPerMessage, 1)} µs | ${f(r.batches - (i ? runs[i - 1]!.batches : 0))} | ${f(r.load, 2)} |`).join('\n')}

Where each phase's CPU went, per message (\`/proc\` of Mosquitto and of PostgreSQL's backends of the bench's database and its WAL writer; the machine's busy share counts
every process on it, other engineers' work included). On ${mc.cpus} cores a phase whose processes together need *c* µs per message cannot pass ${mc.cpus} × 10⁶ / *c* messages/s.

| run | phase | node or bare subscriber | publisher | Mosquitto | PostgreSQL | together | ceiling on ${mc.cpus} cores | machine busy |
| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |
${runs.map((r, i) => {
  const peerAll = r.peerCpuUsPerMessage + r.peerPublisherUsPerMessage + r.peerBrokerUsPerMessage;
  const all = r.cpuUsPerFix + r.publisherUsPerMessage + r.brokerUsPerFix + r.pgUsPerFix;
  return `| ${i + 1} | peer | ${f(r.peerCpuUsPerMessage, 1)} µs | ${f(r.peerPublisherUsPerMessage, 1)} µs | ${f(r.peerBrokerUsPerMessage, 1)} µs | | ${f(peerAll, 1)} µs | ${f((mc.cpus * 1e6) / peerAll)} /s | ${f(100 * r.peerMachineBusy)} % |
| ${i + 1} | ingest | ${f(r.cpuUsPerFix, 1)} µs | ${f(r.publisherUsPerMessage, 1)} µs | ${f(r.brokerUsPerFix, 1)} µs | ${f(r.pgUsPerFix, 1)} µs | ${f(all, 1)} µs | ${f((mc.cpus * 1e6) / all)} /s | ${f(100 * r.machineBusy)} % |`;
}).join('\n')}

- End to end: **${f(rate)} transport fixes/s** (median of ${RUNS}; spread ${f(rates[0]!)}-${f(rates[rates.length - 1]!)}), ${f((100 * rate) / broker)} % of the
  broker peer's ${f(broker)} /s measured in the same run (target >= 80 %: ${verdict(rate >= 0.8 * broker)}); node CPU ${f(cpuPerFix, 1)} µs per fix against the bare
  subscriber's ${f(peerCpu, 1)} µs per message. Every fix stored in every run: ${lossless ? '**yes**' : '**no**'} (${runs.map((r) => f(r.stored)).join(', ')} of ${f(total)}; the bare
  subscriber saw ${runs.map((r) => f(r.seen)).join(', ')}).
- Against the units' AVL rate: ${avl ? `${f(rate)} /s is ${f((100 * rate) / avl.rate)} % of the ${f(avl.rate)} fixes/s that \`npm run bench:avl\` last wrote (${avl.when}): ${verdict(rate >= avl.rate)}` : 'no `bench:avl` figure in docs/benchmarks.md to compare with'}.
- Alerts raised: ${alerts!.n} (every fix on the route: none expected). Every fix kept as evidence (none downsampled).`;
    say(body);
    if (process.env.BENCH_DOC !== '0') writeSection(DOC, 'Transport fixes through MQTT, end to end', body);
  } finally {
    await platform.close();
    await scratch.drop();
  }
}

await main();
