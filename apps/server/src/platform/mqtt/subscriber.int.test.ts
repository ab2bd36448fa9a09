import { randomUUID } from 'node:crypto';
import net from 'node:net';
import mqtt from 'mqtt';
import { afterEach, describe, expect, it } from 'vitest';
import { openSubscriber, type MqttSubscriber } from './subscriber.js';

/** The real broker: CI starts Mosquitto; a test run without it fails here, loudly. */
const BROKER = process.env.MQTT_URL ?? 'mqtt://127.0.0.1:1883';
const quiet = { warn: () => undefined, info: () => undefined };

async function until(check: () => boolean, what: string, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('the lean MQTT subscriber against the real broker', () => {
  const open: (MqttSubscriber | mqtt.MqttClient)[] = [];
  afterEach(async () => {
    for (const c of open.splice(0)) await ('endAsync' in c ? c.endAsync() : c.close());
  });
  const root = () => `test-sub-${randomUUID()}`;
  async function device(): Promise<mqtt.MqttClient> {
    const d = await mqtt.connectAsync(BROKER, { clientId: `test-dev-${randomUUID()}` });
    open.push(d);
    return d;
  }

  it('connects, subscribes and takes in a burst of QoS 0 and QoS 1 messages, each once, in order per topic and QoS', async () => {
    const prefix = root();
    const got: string[] = [];
    const sub = openSubscriber({ url: BROKER, clientId: `test-${randomUUID()}`, filters: [`${prefix}/+/position`], qos: 1, log: quiet,
      onMessage: (topic, payload) => void got.push(`${topic} ${payload.toString('utf8')}`) });
    open.push(sub);
    await sub.ready;
    expect(sub.connected).toBe(true);
    const d = await device();
    // 5,000 at QoS 1, no more than 500 unacknowledged at a time (Mosquitto's queue per subscriber is 1,000).
    for (let i = 0; i < 5000; i += 500) {
      await Promise.all(Array.from({ length: 500 }, (_, k) => d.publishAsync(`${prefix}/${(i + k) % 7}/position`, `{"n":${i + k}}`, { qos: 1 })));
    }
    // And 1,000 at QoS 0 behind them.
    for (let i = 5000; i < 6000; i++) d.publish(`${prefix}/${i % 7}/position`, `{"n":${i}}`, { qos: 0 });
    await until(() => got.length >= 6000, '6,000 messages');
    const n = got.map((m) => Number(/"n":(\d+)/.exec(m)![1]));
    expect(new Set(n).size).toBe(6000);
    // In order per topic within each QoS: MQTT orders a topic's messages of one QoS only. The broker holds
    // QoS 1 messages beyond the subscriber's in-flight window while QoS 0 ones go out at once, so the
    // first QoS 0 messages may overtake the last QoS 1 ones (seen in CI).
    for (let t = 0; t < 7; t++) {
      const mine = got.filter((m) => m.startsWith(`${prefix}/${t}/`)).map((m) => Number(/"n":(\d+)/.exec(m)![1]));
      for (const ofQos of [mine.filter((n) => n < 5000), mine.filter((n) => n >= 5000)]) expect(ofQos).toEqual([...ofQos].sort((a, b) => a - b));
    }
    // A topic outside the filter is not received.
    d.publish(`${prefix}/x/other`, 'no');
    d.publish(`${prefix}/x/position`, 'last');
    await until(() => got.some((m) => m.endsWith(' last')), 'the last message');
    expect(got.some((m) => m.endsWith(' no'))).toBe(false);
  });

  it('with a session kept by the broker, takes in the QoS 1 messages published while its link was down', async () => {
    const prefix = root();
    const clientId = `test-${randomUUID()}`;
    const got: string[] = [];
    const sub = openSubscriber({ url: BROKER, clientId, clean: false, reconnectMs: 1500, filters: [`${prefix}/+/position`], qos: 1, log: quiet,
      onMessage: (_t, payload) => void got.push(payload.toString('utf8')) });
    await sub.ready;
    const d = await device();
    await d.publishAsync(`${prefix}/1/position`, 'before', { qos: 1 });
    await until(() => got.length === 1, 'the first message');
    // Another connection with the same client id: the broker drops ours and keeps the session.
    const intruder = await mqtt.connectAsync(BROKER, { clientId, clean: false, reconnectPeriod: 0 });
    await until(() => !sub.connected, 'the link to drop');
    await intruder.endAsync();
    for (let i = 0; i < 200; i++) await d.publishAsync(`${prefix}/1/position`, `while down ${i}`, { qos: 1 });
    await until(() => got.length === 201, '200 messages after the reconnect');
    expect(sub.connected).toBe(true);
    expect(got.slice(1)).toEqual(Array.from({ length: 200 }, (_, i) => `while down ${i}`));
    // Ends the broker's session (a clean connection with the same id), so none is left behind.
    await sub.close();
    await (await mqtt.connectAsync(BROKER, { clientId, clean: true, reconnectPeriod: 0 })).endAsync();
  });

  it('over MQTT 5 with acknowledgements by the caller: holds a burst beyond the stock in-flight window, and what it had not acknowledged comes again after the link drops', async () => {
    const prefix = root();
    const clientId = `test-${randomUUID()}`;
    const got: string[] = [];
    const sub = openSubscriber({ url: BROKER, clientId, clean: false, acknowledge: 'caller', mqtt5: { receiveMaximum: 5000, sessionExpirySeconds: 60 }, reconnectMs: 200,
      filters: [`${prefix}/+/position`], qos: 1, log: quiet, onMessage: (_t, payload) => void got.push(payload.toString('utf8')) });
    await sub.ready;
    const d = await device();
    // 3,000 unacknowledged at once: over MQTT 3.1.1 Mosquitto would stop at 20 in flight, queue 1,000 and drop the rest.
    await Promise.all(Array.from({ length: 3000 }, (_, i) => d.publishAsync(`${prefix}/1/position`, `m${i}`, { qos: 1 })));
    await until(() => got.length === 3000, 'all 3,000 unacknowledged');
    // The first 1,000 acknowledged; then the link drops (the broker hands the session to another connection of the same id, which leaves).
    const mark = { ...sub.mark(), count: 1000 };
    sub.acknowledge(mark);
    // Time for the broker to read the acknowledgements before another connection takes the session.
    await new Promise((r) => setTimeout(r, 300));
    const heir = openSubscriber({ url: BROKER, clientId, clean: false, acknowledge: 'caller', mqtt5: { receiveMaximum: 5000, sessionExpirySeconds: 60 }, filters: [`${prefix}/+/position`], qos: 1, log: quiet, onMessage: () => undefined });
    await heir.ready;
    await heir.close();
    // Back on the kept session: the 2,000 not acknowledged come again, in order; the acknowledged do not.
    await until(() => got.length >= 5000 && sub.connected, 'the 2,000 again');
    expect(got.slice(3000)).toEqual(Array.from({ length: 2000 }, (_, i) => `m${i + 1000}`));
    sub.acknowledge(sub.mark());
    await new Promise((r) => setTimeout(r, 300));
    expect(got).toHaveLength(5000);
    await sub.close();
    await (await mqtt.connectAsync(BROKER, { clientId, clean: true, reconnectPeriod: 0 })).endAsync();
  });

  it('drops a connection that speaks no MQTT, counts it, and keeps retrying; an unreachable broker does not block startup', async () => {
    // A "broker" that answers the CONNECT with garbage: a PUBLISH with QoS 3.
    const server = net.createServer((s) => s.once('data', () => s.write(Buffer.from([0x36, 5, 0, 1, 0x61, 0, 1]))));
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
    const port = (server.address() as net.AddressInfo).port;
    const got: string[] = [];
    const sub = openSubscriber({ url: `mqtt://127.0.0.1:${port}`, clientId: 'x', filters: ['a/#'], qos: 1, reconnectMs: 50, log: quiet, onMessage: (t) => void got.push(t) });
    open.push(sub);
    await until(() => sub.protocolErrors >= 2, 'two refused connections');
    expect(got).toEqual([]);
    expect(sub.connected).toBe(false);
    await sub.close();
    await new Promise<void>((r) => server.close(() => r()));
    // Nothing listens on that port now: ready resolves after the first failed attempt.
    const down = openSubscriber({ url: `mqtt://127.0.0.1:${port}`, clientId: 'y', filters: ['a/#'], qos: 0, log: quiet, onMessage: () => undefined });
    open.push(down);
    await down.ready;
    expect(down.connected).toBe(false);
  });
});
