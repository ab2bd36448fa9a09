// Child process of bench/geofence/mqtt.ts: the vehicles' terminals, one publisher in a process of
// its own (as bench/avl's publisher is apart from the node), so the node's CPU is the node's. Told
// the topics and how many fixes per vehicle; publishes them round by round at the QoS asked, at most
// WINDOW unacknowledged by the broker at once (QoS 1), and answers with when it started (ms since the
// epoch, performance clock), how many it sent and its CPU time (µs).
//
// BENCH_PUBLISHER=mqttjs (the default) publishes with mqtt.js; =lean writes the same MQTT 3.1.1
// packets by hand (`lean.ts`): on a 2-core machine the load generator's own CPU per message (mqtt.js
// at QoS 1: 11-13 µs) is taken from the broker, the node and PostgreSQL it is meant to load.
import mqtt from 'mqtt';
import { leanPublisher } from './lean.js';

interface Job { topics: string[]; fixes: number; t0: number; from: [number, number]; to: [number, number]; qos: 0 | 1; window: number }

const url = process.env.BENCH_MQTT_URL;
if (!url || !process.send) throw new Error('publisher runs as a forked child with BENCH_MQTT_URL');
const clientId = `bench-geofence-pub-${process.pid}`;
/** What publishAll needs of a client: mqtt.js's `publish`, or the lean one's (same signature, same order of callbacks). */
interface Publisher { publish(topic: string, payload: string, opts: { qos: 0 | 1 }, done?: () => void): void; endAsync(): Promise<void> }
const client: Publisher = process.env.BENCH_PUBLISHER === 'lean'
  ? await leanPublisher(url, clientId)
  : await mqtt.connectAsync(url, { clientId, clean: true, log: () => undefined });
const nowMs = () => performance.timeOrigin + performance.now();

async function publishAll(job: Job): Promise<number> {
  let sent = 0;
  let acked = 0;
  let wake: (() => void) | null = null;
  const done = () => {
    acked++;
    if (wake) {
      const w = wake;
      wake = null;
      w();
    }
  };
  for (let k = 0; k < job.fixes; k++) {
    // Along the first 80 % of the route: no fix comes near the receiver (an arrival would finish the permit).
    const lon = job.from[0] + ((job.to[0] - job.from[0]) * 0.8 * (k + 1)) / job.fixes;
    const at = new Date(job.t0 + k * 1000).toISOString();
    const payload = JSON.stringify({ location: [lon, job.from[1]], at, speedKmh: 50 });
    for (const topic of job.topics) {
      if (job.qos === 1) {
        while (sent - acked >= job.window) await new Promise<void>((r) => (wake = r));
        client.publish(topic, payload, { qos: 1 }, done);
      } else {
        client.publish(topic, payload, { qos: 0 });
        if (sent % 500 === 499) await new Promise((r) => setImmediate(r));
      }
      sent++;
    }
  }
  while (job.qos === 1 && acked < sent) await new Promise<void>((r) => (wake = r));
  return sent;
}

process.on('message', (m: Job | { close: true }) => {
  if ('close' in m) {
    void client.endAsync().then(() => process.exit(0));
    return;
  }
  const cpu0 = process.cpuUsage();
  const started = nowMs();
  void publishAll(m).then((sent) => {
    const cpu = process.cpuUsage(cpu0);
    process.send!({ started, sent, cpuUs: cpu.user + cpu.system });
  });
});
process.send({ ready: true });
