// Child process of bench/avl/run.ts: the broker's own rate, a bare subscriber that only counts
// messages (in its own process, as the server is). Told how many to expect; answers with how many
// it received, the time of the first and the last one, and the CPU time it spent meanwhile (from
// being told to expect them to the report, in µs: the peer's CPU per message). BENCH_CLIENT:
// 'mqtt.js' (the default, the well-kept library most Node code would use) or 'lean', the
// platform's own reader (platform/mqtt/subscriber.ts, as the node's ingest): what a subscriber
// costs at least on this machine, the socket's reads and the packets' framing and nothing else.
import mqtt from 'mqtt';
import { openSubscriber } from '../../apps/server/src/platform/mqtt/subscriber.js';

const url = process.env.BENCH_MQTT_URL;
const topic = process.env.BENCH_TOPIC;
if (!url || !topic || !process.send) throw new Error('bare-subscriber runs as a forked child with BENCH_MQTT_URL and BENCH_TOPIC');

const lean = process.env.BENCH_CLIENT === 'lean';
let expected = Infinity;
let count = 0;
let first = 0;
let last = 0;
let cpuFrom = process.cpuUsage();
const report = () => {
  const cpu = process.cpuUsage(cpuFrom);
  process.send!({ count, first, last, cpuUs: cpu.user + cpu.system });
  count = 0;
};
const onMessage = () => {
  last = performance.timeOrigin + performance.now();
  if (count === 0) first = last;
  if (++count === expected) report();
};
const quiet = { warn: () => undefined, info: () => undefined };
const end: () => Promise<unknown> = lean
  ? await (async () => {
    const sub = openSubscriber({ url, clientId: `bench-lean-${process.pid}`, filters: [topic], qos: 0, log: quiet, onMessageBytes: onMessage });
    await sub.ready;
    return () => sub.close();
  })()
  : await (async () => {
    // Without mqtt.js's per-packet debug calls, as the node's ingest: the peer is as cheap as the library allows.
    const client = await mqtt.connectAsync(url, { clientId: `bench-bare-${process.pid}`, clean: true, log: () => undefined });
    await client.subscribeAsync(topic, { qos: 0 });
    client.on('message', onMessage);
    return () => client.endAsync();
  })();
// The broker drops QoS 0 messages for a subscriber that falls behind: quiet for a second = done.
setInterval(() => {
  if (count > 0 && performance.timeOrigin + performance.now() - last > 1000) report();
}, 100).unref();
process.on('message', (m: { expect?: number; close?: boolean }) => {
  if (m.expect !== undefined) {
    expected = m.expect;
    count = 0;
    cpuFrom = process.cpuUsage();
    process.send!({ ready: true });
  }
  if (m.close) void end().then(() => process.exit(0));
});
process.send({ ready: true });
