// Transport fixes end to end through MQTT (modules/controlled-goods, transport-mqtt.ts): published to
// the broker, taken in by the node's ingest, held against each permit's watch and stored, side by side
// with a bare subscriber counting the same messages at the broker, in one run.
// Usage: npm run bench:geofence:mqtt   (DATABASE_URL = the server; MQTT_URL; BENCH_PERMITS, BENCH_FIXES, BENCH_RUNS, BENCH_DOC=0)
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
import { startPlatform } from '../../apps/server/src/platform/kernel.js';
import { licenseSite } from '../../apps/server/src/modules/controlled-goods/license-site.js';
import { recordTransfer } from '../../apps/server/src/modules/controlled-goods/record-transfer.js';
import { freshWatch } from '../../apps/server/src/modules/controlled-goods/transport-model.js';
import { startTransportMqttIngest } from '../../apps/server/src/modules/controlled-goods/transport-mqtt.js';
import { writeSection } from '../lib/benchmarks-doc.js';
import { machine } from '../lib/machine.js';
import { createScratchDatabase, serverVersion } from '../lib/scratch-db.js';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const SERVER_URL = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const MQTT_URL = process.env.MQTT_URL ?? 'mqtt://127.0.0.1:1883';
/** Vehicles under way at once, each on its own permit (a busy country's hazmat traffic, and more). */
const PERMITS = Number(process.env.BENCH_PERMITS ?? 200);
/** Fixes per vehicle per run. */
const FIXES = Number(process.env.BENCH_FIXES ?? 100);
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
/** The node's AVL rate for units (docs/benchmarks.md "AVL ingest over MQTT", median), the yardstick. */
const AVL_RATE = 38_859;
const FROM: [number, number] = [9.50, 47.10];
const TO: [number, number] = [9.54, 47.10];
const say = (line: string): void => void process.stdout.write(`${line}\n`);
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

    /** One run: every vehicle sends FIXES fixes along the route (1 s apart in its own time), as fast as the publisher goes. */
    async function run(n: number) {
      const permits = await issuePermits();
      const [before] = await rows<{ n: number }>(platform.db, sql`select count(*)::int as n from goods_transport_trail`);
      const storedBefore = Number(before!.n);
      const topic = (id: string) => `firebreak/goods/permits/${id}/position`;
      const ingest = await startTransportMqttIngest(MQTT_URL, platform.command, silent, `bench-transport-${n}-${process.pid}`);
      // The peer: a bare subscriber at the broker, counting the same messages.
      const bare = await mqtt.connectAsync(MQTT_URL, { clientId: `bench-bare-${n}-${process.pid}`, clean: true });
      let seen = 0;
      let lastSeen = 0;
      bare.on('message', () => { seen++; lastSeen = performance.now(); });
      await bare.subscribeAsync('firebreak/goods/permits/+/position', { qos: 1 });
      const pub = await mqtt.connectAsync(MQTT_URL, { clientId: `bench-pub-${n}-${process.pid}`, clean: true });
      const t0Wall = Date.now() - FIXES * 1000 - 60_000;
      const cpu0 = process.cpuUsage();
      const start = performance.now();
      for (let k = 0; k < FIXES; k++) {
        // Along the first 80 % of the route: no fix comes near the receiver (an arrival would finish the permit).
        const lon = FROM[0] + ((TO[0] - FROM[0]) * 0.8 * (k + 1)) / FIXES;
        await Promise.all(permits.map((id) => pub.publishAsync(topic(id), JSON.stringify({ location: [lon, FROM[1]], at: new Date(t0Wall + k * 1000).toISOString(), speedKmh: 50 }), { qos: 1 })));
      }
      const total = PERMITS * FIXES;
      let stored = 0;
      // Until every fix is stored, or none more came for 10 s (fixes lost on the way are then reported as such).
      let storedAt = performance.now();
      while (performance.now() - storedAt < 10_000) {
        await new Promise((r) => setTimeout(r, 100));
        const [row] = await rows<{ n: number }>(platform.db, sql`select count(*)::int as n from goods_transport_trail`);
        const now = Number(row!.n) - storedBefore;
        if (now > stored) storedAt = performance.now();
        stored = now;
        if (stored >= total) break;
      }
      const cpu = process.cpuUsage(cpu0);
      await ingest.close();
      await pub.endAsync();
      await bare.endAsync();
      await platform.db.execute(sql`update goods_permits set state = 'cancelled' where id in (${sql.join(permits.map((p) => sql`${p}::uuid`), sql`, `)})`);
      const seconds = (storedAt - start) / 1000;
      return { stored, seconds, rate: stored / seconds, broker: seen / ((lastSeen - start) / 1000), seen, cpuUsPerFix: ((cpu.user + cpu.system) / Math.max(1, stored)) };
    }

    const runs = [];
    for (let n = 1; n <= RUNS; n++) {
      say(`run ${n}/${RUNS}: ${PERMITS} permits, ${FIXES} fixes each through ${MQTT_URL}…`);
      runs.push(await run(n));
      say(JSON.stringify(runs[runs.length - 1]));
    }
    const [alerts] = await rows<{ n: number }>(platform.db, sql`select count(*)::int as n from goods_transport_alerts`);
    const rates = runs.map((r) => r.rate).sort((a, b) => a - b);
    const median = rates[Math.floor(rates.length / 2)]!;
    const mc = machine();
    const f = (x: number, d = 0) => x.toLocaleString('en', { maximumFractionDigits: d, minimumFractionDigits: d });
    const body = `Measured by \`npm run bench:geofence:mqtt\` (bench/geofence/mqtt.ts) on ${new Date().toISOString().slice(0, 10)}.

- Machine: ${mc.cpus} CPUs (${mc.cpuModel}), Node ${mc.node}, ${await serverVersion(SERVER_URL)} and Mosquitto on 127.0.0.1; load average at the end: ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}
  (the machine is shared: other work ran at the same time).
- ${PERMITS} permits in transit, ${FIXES} fixes each (${f(PERMITS * FIXES)} per run), published QoS 1 to \`firebreak/goods/permits/<id>/position\` as fast as
  one publisher goes; the node's ingest (\`transport-mqtt.ts\`: 200 ms batches, one command per permit under its row lock: the
  corridor, zones, stop and arrival watch, every fix stored in the trail, the watch state, an audit row) until every fix is stored.
- Peer: a bare mqtt.js subscriber on the same topics counting the same messages at the broker (first publish to last message).

| run | broker (bare subscriber) | ingest end to end (fixes stored) | node CPU per fix (ingest and publisher) |
| --- | ---: | ---: | ---: |
${runs.map((r, i) => `| ${i + 1} | ${f(r.broker)} /s | ${f(r.rate)} /s (${f(r.stored)} of ${f(PERMITS * FIXES)} in ${f(r.seconds, 2)} s) | ${f(r.cpuUsPerFix, 1)} µs |`).join('\n')}

- End to end: **${f(median)} transport fixes/s** (median of ${RUNS}; spread ${f(rates[0]!)}-${f(rates[rates.length - 1]!)}), ${f((100 * median) / AVL_RATE)} % of the node's AVL rate for units
  (${f(AVL_RATE)} fixes/s, "AVL ingest over MQTT"): ${median >= AVL_RATE ? 'met' : '**missed**'}. Alerts raised: ${alerts!.n} (every fix on the route: none expected).
- In process, the geofence check alone runs at the rate in "Transport geofence" above: the end-to-end figure is bounded by the
  database (one transaction per permit per 200 ms batch, every fix kept as evidence), not by the geometry.`;
    say(body);
    if (process.env.BENCH_DOC !== '0') writeSection(path.join(HERE, '../../docs/benchmarks.md'), 'Transport fixes through MQTT, end to end', body);
  } finally {
    await platform.close();
    await scratch.drop();
  }
}

await main();
