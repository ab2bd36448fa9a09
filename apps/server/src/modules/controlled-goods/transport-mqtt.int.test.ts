import type { GoodsSite, TransportAlert, TransportPermit } from '@firebreak/contracts';
import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import mqtt from 'mqtt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PublishedEvent } from '../../platform/events/bus.js';
import { sql } from 'drizzle-orm';
import { rows } from '../../platform/db/client.js';
import { openSubscriber } from '../../platform/mqtt/subscriber.js';
import { loginAdmin, startTestApp, type TestApp } from '../../../test/harness.js';
import { ensureDemoGoods } from './index.js';
import { reportTransportBatch } from './report-transport-batch.js';

/** The real broker: CI starts Mosquitto; a test run without it fails here, loudly. */
const BROKER = process.env.MQTT_URL ?? 'mqtt://127.0.0.1:1883';
/** A topic root of this file's own: other runs on the shared broker neither see these fixes nor add theirs. */
const PREFIX = `test-goods-${randomUUID().slice(0, 8)}`;
type LonLat = [number, number];
const quiet = { warn: () => undefined, info: () => undefined };

describe('a transport permit watched over MQTT from the real broker', () => {
  let t: TestApp;
  let admin: string;
  let device: mqtt.MqttClient;
  let permit: TransportPermit;
  let issue: (vehicle: string, quantity?: number) => Promise<TransportPermit>;

  beforeAll(async () => {
    t = await startTestApp({ config: { mqttUrl: BROKER, mqttTopicPrefix: PREFIX } });
    admin = await loginAdmin(t.app);
    await ensureDemoGoods(t.app.platform.command);
    const sites: GoodsSite[] = (await t.app.inject({ method: 'GET', url: '/api/v1/goods/sites', headers: { cookie: admin } })).json();
    const station = (path: string) => sites.find((s) => s.place.category === 'fuel_station' && s.place.jurisdictionPath === path && s.holdings.some((h) => h.key === 'UN1202' && h.balance > 1_000_000))!;
    issue = async (vehicle, quantity = 300_000) => {
      const now = Date.now();
      const issued = await t.app.inject({ method: 'POST', url: '/api/v1/goods/permits', headers: { cookie: admin }, payload: {
        fromSiteId: station('li.oberland.vaduz').id, toSiteId: station('li.oberland.schaan').id, itemKey: 'UN1202', quantity, vehicle,
        window: { from: new Date(now - 10 * 60_000).toISOString(), until: new Date(now + 6 * 3_600_000).toISOString() },
      } });
      expect(issued.statusCode, issued.body).toBe(201);
      return issued.json();
    };
    permit = await issue('FL 9090');
    device = await mqtt.connectAsync(BROKER, { clientId: `test-tanker-${randomUUID()}` });
  }, 180_000);
  afterAll(async () => {
    await device?.endAsync();
    await t?.close();
  });

  /** Resolves with the first published event that matches, or fails after 20 s. */
  function nextEvent(match: (e: PublishedEvent) => boolean): Promise<PublishedEvent> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('no matching event within 20 s')), 20_000);
      const stop = t.app.platform.bus.subscribe((e) => {
        if (!match(e)) return;
        clearTimeout(timer);
        stop();
        resolve(e);
      });
    });
  }

  it("holds the vehicle's fixes on its permit's topic to the corridor and alerts the desk when it leaves; garbage and unknown permits are dropped", async () => {
    const topic = `${PREFIX}/goods/permits/${permit.id}/position`;
    const route = permit.route.coordinates as LonLat[];
    const onRoute = route[Math.floor(route.length / 4)]!;
    const mid = route[Math.floor(route.length / 2)]!;
    // 800 m north of the middle of the route: out of its 200 m corridor.
    const off: LonLat = [mid[0], mid[1] + 800 / 111_000];
    const at = (s: number) => new Date(Date.now() - s * 1000).toISOString();
    const alerted = nextEvent((e) => e.type === 'goods.transport_alert' && (e.data as { permit: { id: string } }).permit.id === permit.id);

    await device.publishAsync(`${PREFIX}/goods/permits/${randomUUID()}/position`, JSON.stringify({ location: onRoute, at: at(20) }), { qos: 1 });
    await device.publishAsync(topic, 'not json', { qos: 1 });
    await device.publishAsync(topic, JSON.stringify({ location: [200, 100], at: at(20) }), { qos: 1 });
    await device.publishAsync(topic, JSON.stringify({ location: onRoute, at: at(10), speedKmh: 50 }), { qos: 1 });
    await device.publishAsync(topic, JSON.stringify({ location: off, at: at(2), speedKmh: 40, heading: 0 }), { qos: 1 });

    const event = await alerted;
    const alert = (event.data as { alert: TransportAlert }).alert;
    expect(event.jurisdictionPath).toBe(permit.supervisingPath);
    expect([alert.kind, alert.location, alert.vehicle]).toEqual(['left_corridor', off, 'FL 9090']);
    expect(alert.detail.metersOff).toBeGreaterThan(400);

    const alerts: TransportAlert[] = (await t.app.inject({ method: 'GET', url: `/api/v1/goods/permits/${permit.id}/alerts`, headers: { cookie: admin } })).json();
    expect(alerts.map((a) => [a.seq, a.kind])).toEqual([[1, 'left_corridor']]);
    // The trail holds the two readable fixes of this permit, in time order; nothing else came through.
    await expect.poll(async () => ((await t.app.inject({ method: 'GET', url: `/api/v1/goods/permits/${permit.id}/trail`, headers: { cookie: admin } })).json() as { location: LonLat }[]).map((p) => p.location), { timeout: 20_000 })
      .toEqual([onRoute, off]);
    const after: TransportPermit = (await t.app.inject({ method: 'GET', url: `/api/v1/goods/permits/${permit.id}`, headers: { cookie: admin } })).json();
    expect(after.state).toBe('in_transit');
    expect(after.lastFix?.location).toEqual(off);
  }, 120_000);

  it("holds a batch of many permits' fixes in one transaction: each permit's alerts in order, one audit row for the batch, unknown and finished permits dropped", async () => {
    const [a, b, cancelled] = [await issue('FL 1001', 1_000), await issue('FL 1002', 1_000), await issue('FL 1003', 1_000)];
    const gone = await t.app.inject({ method: 'POST', url: `/api/v1/goods/permits/${cancelled.id}/cancel`, headers: { cookie: admin }, payload: {} });
    expect(gone.statusCode, gone.body).toBe(200);
    const route = a.route.coordinates as LonLat[];
    const onRoute = route[Math.floor(route.length / 4)]!;
    const mid = route[Math.floor(route.length / 2)]!;
    const off: LonLat = [mid[0], mid[1] + 800 / 111_000];
    const at = (s: number) => new Date(Date.now() - s * 1000).toISOString();
    const [{ n: auditBefore }] = await rows<{ n: number }>(t.app.platform.db, sql`select count(*)::int as n from audit_log where action = 'goods.transport_fixes' and entity_type = 'goods_transport_batch'`) as [{ n: number }];
    // Out of time order within a permit, as a broker may deliver: held in time order all the same.
    const batch = new Map([
      [b.id, [{ location: onRoute, at: at(20), speedKmh: 50 }, { location: off, at: at(10), speedKmh: 40 }, { location: onRoute, at: at(5), speedKmh: 40 }]],
      [a.id, [{ location: off, at: at(10), speedKmh: 40 }, { location: onRoute, at: at(20), speedKmh: 50 }]],
      [randomUUID(), [{ location: onRoute, at: at(10) }]],
      [cancelled.id, [{ location: onRoute, at: at(10) }]],
    ] as const);
    const first = await reportTransportBatch(t.app.platform.command, new Map([...batch].map(([k, v]) => [k, [...v]])));
    expect(first).toEqual({ stored: 5, dropped: 2, permits: 2, alerts: 3 });
    const alerts = async (id: string) => ((await t.app.inject({ url: `/api/v1/goods/permits/${id}/alerts`, headers: { cookie: admin } })).json() as TransportAlert[]).map((x) => [x.seq, x.kind]).reverse(); // newest first: read oldest first
    expect(await alerts(a.id)).toEqual([[1, 'left_corridor']]);
    expect(await alerts(b.id)).toEqual([[1, 'left_corridor'], [2, 'rejoined_corridor']]);
    const trail = async (id: string) => ((await t.app.inject({ url: `/api/v1/goods/permits/${id}/trail`, headers: { cookie: admin } })).json() as { location: LonLat }[]).map((p) => p.location);
    expect(await trail(a.id)).toEqual([onRoute, off]);
    expect(await trail(b.id)).toEqual([onRoute, off, onRoute]);
    expect(await trail(cancelled.id)).toEqual([]);
    const [{ n: auditAfter }] = await rows<{ n: number }>(t.app.platform.db, sql`select count(*)::int as n from audit_log where action = 'goods.transport_fixes' and entity_type = 'goods_transport_batch'`) as [{ n: number }];
    expect(auditAfter - auditBefore).toBe(1);

    // The same batch again (a retry): nothing newer, nothing stored, no alert raised twice.
    const again = await reportTransportBatch(t.app.platform.command, new Map([...batch].map(([k, v]) => [k, [...v]])));
    expect(again).toEqual({ stored: 0, dropped: 2, permits: 2, alerts: 0 });
    expect(await alerts(a.id)).toEqual([[1, 'left_corridor']]);
    expect(await trail(b.id)).toHaveLength(3);
  }, 120_000);

  const stored = async (id: string) => (await rows<{ n: number }>(t.app.platform.db, sql`select count(*)::int as n from goods_transport_trail where permit_id = ${id}`))[0]!.n;
  /** `n` fixes of a vehicle standing on its route, 100 ms apart, the newest a second ago. */
  const standing = (p: TransportPermit, n: number) => {
    const spot = (p.route.coordinates as LonLat[])[Math.floor(p.route.coordinates.length / 4)]!;
    const t0 = Date.now() - 1000 - n * 100;
    return Array.from({ length: n }, (_, i) => JSON.stringify({ location: spot, at: new Date(t0 + i * 100).toISOString(), speedKmh: 0 }));
  };

  it("stores every fix of a QoS 1 burst far beyond the stock broker's queue for a subscriber, sent while the node read nothing", async () => {
    const p = await issue('FL 2001', 1_000);
    const fixes = standing(p, 3000);
    // Published by mosquitto_pub in a process of its own, waited for synchronously: this process (the
    // node) reads nothing until the broker has acknowledged every fix to the publisher. Over MQTT 3.1.1
    // Mosquitto would send the node 20 (`max_inflight_messages`), queue 1,000 (`max_queued_messages`)
    // and drop the other 1,980; the node's Receive Maximum lets it hold them all as in flight.
    const broker = new URL(BROKER);
    const pub = spawnSync('mosquitto_pub', ['-h', broker.hostname, '-p', broker.port || '1883', '-i', `test-burst-${randomUUID()}`, '-q', '1', '-l',
      '-t', `${PREFIX}/goods/permits/${p.id}/position`], { input: `${fixes.join('\n')}\n`, encoding: 'utf8', timeout: 60_000 });
    expect(pub.error, 'mosquitto_pub (Mosquitto\'s clients) must be installed').toBeUndefined();
    expect(pub.status, pub.stderr).toBe(0);
    await expect.poll(() => stored(p.id), { timeout: 60_000, interval: 200 }).toBe(3000);
  }, 120_000);

  it('never fails a batch on a fix the database holds as one stored already: refused on the first try, ignored on the retry', async () => {
    const p = await issue('FL 2003', 1_000);
    const spot = (p.route.coordinates as LonLat[])[Math.floor(p.route.coordinates.length / 4)]!;
    const second = new Date(Math.floor((Date.now() - 10_000) / 1000) * 1000).toISOString();
    // 0 ms and 1 ms to JavaScript (the watch takes the second as newer), the same microsecond to
    // PostgreSQL (it rounds the seven fraction digits): the only way a taken fix meets a stored one.
    const [a, b, c] = [second.replace('.000Z', '.0009996Z'), second.replace('.000Z', '.001Z'), second.replace('.000Z', '.500Z')];
    const fix = (at: string) => ({ location: spot, at, speedKmh: 0 });
    expect(await reportTransportBatch(t.app.platform.command, new Map([[p.id, [fix(a)]]]))).toMatchObject({ stored: 1 });
    const refused = await reportTransportBatch(t.app.platform.command, new Map([[p.id, [fix(b)]]]), undefined, undefined, 'refuse').then(() => 'stored', (e: { code?: string; cause?: { code?: string } }) => e.cause?.code ?? e.code);
    expect(refused).toBe('23505');
    expect(await reportTransportBatch(t.app.platform.command, new Map([[p.id, [fix(b)]]]), undefined, undefined, 'ignore')).toMatchObject({ stored: 1 });
    expect(await stored(p.id)).toBe(1);
    // Over MQTT the same pair never stops the ingest: a later fix behind it is stored and acknowledged.
    const q = await issue('FL 2004', 1_000);
    const topic = `${PREFIX}/goods/permits/${q.id}/position`;
    await device.publishAsync(topic, JSON.stringify(fix(a)), { qos: 1 });
    await expect.poll(() => stored(q.id), { timeout: 30_000, interval: 100 }).toBe(1);
    await device.publishAsync(topic, JSON.stringify(fix(b)), { qos: 1 });
    await device.publishAsync(topic, JSON.stringify(fix(c)), { qos: 1 });
    await expect.poll(() => stored(q.id), { timeout: 30_000, interval: 100 }).toBe(2);
  }, 120_000);

  it('loses no fix when its link drops before the batch is stored: none was acknowledged, the broker sends them all again', async () => {
    const p = await issue('FL 2002', 1_000);
    // The permit's row held (on PGlite, the one connection): the node takes the fixes in but cannot store them.
    let release!: () => void;
    const released = new Promise<void>((r) => (release = r));
    let held!: () => void;
    const holding = new Promise<void>((r) => (held = r));
    const hold = t.app.platform.db.transaction(async (tx) => {
      await tx.execute(sql`select id from goods_permits where id = ${p.id} for update`);
      held();
      await released;
    });
    await holding;
    try {
      const fixes = standing(p, 1500);
      await Promise.all(fixes.map((f) => device.publishAsync(`${PREFIX}/goods/permits/${p.id}/position`, f, { qos: 1 })));
      // Time for the node to take them in (its batch waits for the row): what it would lose, were it to acknowledge on receipt.
      await new Promise((r) => setTimeout(r, 500));
      // Another connection under the node's client id, as when a node dies and another takes its
      // session up: the broker drops the node's link and hands the heir every fix the node had not
      // acknowledged — all of them, as none is stored yet (acknowledged on receipt, none would come).
      // It acknowledges nothing and leaves; the node reconnects (and, were it quicker, takes the session back: the heir's 50 ms retry wins).
      const { mqttTopicPrefix, nodeName } = t.app.platform.config;
      const again = new Set<string>();
      const heir = openSubscriber({ url: BROKER, clientId: `firebreak-goods/${mqttTopicPrefix}/${nodeName}`, clean: false, acknowledge: 'caller', reconnectMs: 50,
        mqtt5: { receiveMaximum: 65_535, sessionExpirySeconds: 3600 }, filters: [`${PREFIX}/goods/permits/+/position`], qos: 1, log: quiet,
        onMessage: (_topic, payload) => void again.add(payload.toString('utf8')) });
      await expect.poll(() => again.size, { timeout: 30_000, interval: 50 }).toBe(1500);
      await heir.close();
    } finally {
      release();
      await hold;
    }
    await expect.poll(() => stored(p.id), { timeout: 60_000, interval: 200 }).toBe(1500);
  }, 120_000);
});
