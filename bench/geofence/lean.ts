// A load generator's MQTT 3.1.1 publisher written by hand (bench only): CONNECT, then PUBLISH packets
// built straight into one buffer per event-loop turn and written at once, PUBACKs counted off the
// socket. It does what mqtt.js's publish does on the wire (the same packets, QoS 0 or 1, packet ids
// 1-65,535 in turn, the callback once the broker acknowledged), without a packet object, a
// store of in-flight messages or a write per packet: the bench's publisher is not the system under
// test, and on 2 shared cores its CPU is taken from the broker, the node and PostgreSQL.
import net from 'node:net';
import { connectPacket } from '../../apps/server/src/platform/mqtt/packets.js';

export interface LeanPublisher {
  publish(topic: string, payload: string, opts: { qos: 0 | 1 }, done?: () => void): void;
  endAsync(): Promise<void>;
}

/** The remaining-length bytes of MQTT's fixed header (§2.2.3), written at `at`; returns the end. */
function writeRemaining(out: Buffer, at: number, n: number): number {
  do {
    let b = n % 128;
    n = Math.floor(n / 128);
    if (n > 0) b |= 0x80;
    out[at++] = b;
  } while (n > 0);
  return at;
}

export async function leanPublisher(url: string, clientId: string): Promise<LeanPublisher> {
  const u = new URL(url);
  const socket = net.connect({ host: u.hostname, port: Number(u.port || 1883) });
  socket.setNoDelay(true);
  await new Promise<void>((resolve, reject) => socket.once('connect', resolve).once('error', reject));
  /** Callbacks of QoS 1 publishes by packet id, called as their PUBACKs come. */
  const waiting = new Map<number, () => void>();
  let connected: (() => void) | null = null;
  let rest: Buffer = Buffer.alloc(0);
  socket.on('data', (chunk: Buffer) => {
    let b = rest.length ? Buffer.concat([rest, chunk]) : chunk;
    let at = 0;
    // The broker sends this client only short packets: CONNACK, PUBACK, PINGRESP (one length byte).
    while (b.length - at >= 2 && b.length - at >= 2 + b[at + 1]!) {
      const type = b[at]! >> 4;
      if (type === 4) {
        const id = (b[at + 2]! << 8) | b[at + 3]!;
        const done = waiting.get(id);
        waiting.delete(id);
        done?.();
      } else if (type === 2) {
        if (b[at + 3] !== 0) throw new Error(`CONNACK refused: ${b[at + 3]}`);
        connected?.();
      }
      at += 2 + b[at + 1]!;
    }
    rest = at < b.length ? Buffer.from(b.subarray(at)) : Buffer.alloc(0);
    b = rest;
  });
  socket.write(connectPacket({ clientId, clean: true, keepaliveSeconds: 600 }));
  await new Promise<void>((r) => (connected = r));

  let nextId = 0;
  /** Packets of this turn of the event loop, written together once it ends. */
  let buffer = Buffer.allocUnsafe(1 << 20);
  let used = 0;
  let flushScheduled = false;
  const flush = () => {
    flushScheduled = false;
    if (used === 0) return;
    socket.write(Buffer.from(buffer.subarray(0, used)));
    used = 0;
  };
  return {
    publish(topic, payload, opts, done) {
      const topicLength = Buffer.byteLength(topic);
      const payloadLength = Buffer.byteLength(payload);
      const body = 2 + topicLength + (opts.qos === 1 ? 2 : 0) + payloadLength;
      if (used + body + 5 > buffer.length) {
        flush();
        if (body + 5 > buffer.length) buffer = Buffer.allocUnsafe(body + 5);
      }
      let at = used;
      buffer[at++] = opts.qos === 1 ? 0x32 : 0x30;
      at = writeRemaining(buffer, at, body);
      buffer[at++] = topicLength >> 8;
      buffer[at++] = topicLength & 0xff;
      at += buffer.write(topic, at, 'utf8');
      if (opts.qos === 1) {
        nextId = (nextId % 65_535) + 1;
        buffer[at++] = nextId >> 8;
        buffer[at++] = nextId & 0xff;
        if (waiting.has(nextId)) throw new Error('more than 65,535 publishes in flight');
        waiting.set(nextId, done ?? (() => undefined));
      }
      at += buffer.write(payload, at, 'utf8');
      used = at;
      if (!flushScheduled) {
        flushScheduled = true;
        setImmediate(flush);
      }
      if (opts.qos === 0) done?.();
    },
    async endAsync() {
      flush();
      socket.end(Buffer.from([0xe0, 0]));
      await new Promise((r) => socket.once('close', r));
    },
  };
}
