import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { connectPacket, MqttProtocolError, PacketReader, pubackPackets, subscribePacket, type PacketSink } from './packets.js';

/** A variable byte integer (MQTT §2.2.3 / 5.0 §1.5.5). */
function varint(n: number): number[] {
  const out: number[] = [];
  do {
    out.push((n % 128) | (n >= 128 ? 128 : 0));
    n = Math.floor(n / 128);
  } while (n > 0);
  return out;
}

/**
 * A PUBLISH as a broker sends it (MQTT 3.1.1 §3.3; with `props`, MQTT 5.0 §3.3, the property block
 * before the payload), written independently of the reader.
 */
function publish(topic: string, payload: Buffer, qos: 0 | 1, id = 0, props?: Buffer): Buffer {
  const t = Buffer.from(topic, 'utf8');
  const properties = props ? Buffer.from([...varint(props.length), ...props]) : Buffer.alloc(0);
  const body = Buffer.concat([Buffer.from([t.length >> 8, t.length & 0xff]), t, qos ? Buffer.from([id >> 8, id & 0xff]) : Buffer.alloc(0), properties, payload]);
  return Buffer.concat([Buffer.from([0x30 | (qos << 1), ...varint(body.length)]), body]);
}

interface Seen { publishes: [string, string, number, number][]; connacks: [number, boolean][]; subacks: [number, number[]][]; pings: number; disconnects: number[] }
function collector(): { sink: PacketSink; seen: Seen } {
  const seen: Seen = { publishes: [], connacks: [], subacks: [], pings: 0, disconnects: [] };
  return {
    seen,
    sink: {
      // The payload is a view valid during the call: copied out here, as the ingest parses it there.
      publish: (bytes, topicStart, topicEnd, payloadStart, payloadEnd, qos, id) => void seen.publishes.push([bytes.toString('utf8', topicStart, topicEnd), bytes.toString('utf8', payloadStart, payloadEnd), qos, id]),
      connack: (code, present) => void seen.connacks.push([code, present]),
      suback: (id, codes) => void seen.subacks.push([id, [...codes]]),
      pingresp: () => void seen.pings++,
      disconnect: (code) => void seen.disconnects.push(code),
    },
  };
}

/** Feeds `bytes` to the reader in reads of the `cuts`' lengths, in turn, as a socket may deliver them. */
function readInCuts(reader: PacketReader, bytes: Buffer, cuts: readonly number[]): void {
  let off = 0;
  for (let k = 0; off < bytes.length; k++) {
    const next = Math.min(bytes.length, off + cuts[k % cuts.length]!);
    reader.read(bytes.subarray(off, next));
    off = next;
  }
}

describe('MQTT 3.1.1 packets', () => {
  it('reads packets cut anywhere across reads, in order, the same as read whole', () => {
    const messages = fc.array(fc.record({ topic: fc.string({ minLength: 1, maxLength: 80 }), payload: fc.string({ maxLength: 300 }), qos: fc.constantFrom<0 | 1>(0, 1), id: fc.integer({ min: 1, max: 65_535 }) }), { minLength: 1, maxLength: 20 });
    fc.assert(fc.property(messages, fc.array(fc.integer({ min: 1, max: 64 }), { minLength: 1, maxLength: 30 }), (ms, cuts) => {
      const bytes = Buffer.concat([Buffer.from([0x20, 2, 0, 0]), ...ms.map((m) => publish(m.topic, Buffer.from(m.payload), m.qos, m.id)), Buffer.from([0xd0, 0, 0x90, 3, 0, 7, 1])]);
      const { sink, seen } = collector();
      const reader = new PacketReader(sink);
      readInCuts(reader, bytes, cuts);
      expect(reader.buffered).toBe(0);
      expect(seen.connacks).toEqual([[0, false]]);
      expect(seen.publishes).toEqual(ms.map((m) => [m.topic, m.payload, m.qos, m.qos ? m.id : 0]));
      expect(seen.pings).toBe(1);
      expect(seen.subacks).toEqual([[7, [1]]]);
    }), { numRuns: 300 });
  });

  it('reads a large burst in one read and a packet with a 3-byte remaining length', () => {
    const big = Buffer.alloc(20_000, 'x');
    const burst = Buffer.concat([...Array.from({ length: 10_000 }, (_, i) => publish(`firebreak/units/${i}/position`, Buffer.from(`{"n":${i}}`), 1, (i % 65_535) + 1)), publish('big', big, 0)]);
    const { sink, seen } = collector();
    new PacketReader(sink).read(burst);
    expect(seen.publishes.length).toBe(10_001);
    expect(seen.publishes[9_999]).toEqual(['firebreak/units/9999/position', '{"n":9999}', 1, 10_000]);
    expect(seen.publishes[10_000]![1].length).toBe(20_000);
  });

  it('refuses what is not MQTT from a broker', () => {
    const bad: [string, Buffer][] = [
      ['a remaining length of 5 bytes', Buffer.from([0x30, 0xff, 0xff, 0xff, 0xff, 0x01])],
      ['a topic longer than its packet', Buffer.from([0x30, 4, 0, 9, 0x61, 0x62])],
      ['QoS 2 (never subscribed)', publish('t', Buffer.from('x'), 1, 5).fill(0x34, 0, 1)],
      ['QoS 3', publish('t', Buffer.from('x'), 1, 5).fill(0x36, 0, 1)],
      ['QoS 1 with packet id 0', publish('t', Buffer.from('x'), 1, 0)],
      ['a CONNECT from the broker', connectPacket({ clientId: 'x', clean: true, keepaliveSeconds: 60 })],
      ['a malformed CONNACK', Buffer.from([0x20, 3, 0, 0, 0])],
      ['a SUBACK without codes', Buffer.from([0x90, 2, 0, 1])],
      ['a packet over the size limit', Buffer.from([0x30, 0x80, 0x80, 0x80, 0x01])],
      ['a DISCONNECT from a 3.1.1 broker', Buffer.from([0xe0, 0])],
    ];
    for (const [what, bytes] of bad) {
      const { sink, seen } = collector();
      expect(() => new PacketReader(sink).read(bytes), what).toThrow(MqttProtocolError);
      expect(seen.publishes, what).toEqual([]);
    }
  });

  it('writes CONNECT, SUBSCRIBE and coalesced PUBACKs as the standard lays them out', () => {
    expect([...connectPacket({ clientId: 'ab', clean: true, keepaliveSeconds: 60, username: 'u', password: 'p' })]).toEqual([
      0x10, 20, 0, 4, 0x4d, 0x51, 0x54, 0x54, 4, 0xc2, 0, 60, 0, 2, 0x61, 0x62, 0, 1, 0x75, 0, 1, 0x70,
    ]);
    expect([...subscribePacket(0x0102, ['a/+'], 1)]).toEqual([0x82, 8, 1, 2, 0, 3, 0x61, 0x2f, 0x2b, 1]);
    expect([...pubackPackets([1, 0x1234])]).toEqual([0x40, 2, 0, 1, 0x40, 2, 0x12, 0x34]);
  });
});

describe('MQTT 5.0 packets (the same few, with their properties)', () => {
  // Payload format indicator (0x01) and message expiry (0x02): properties a broker may forward on a PUBLISH.
  const publishProps = Buffer.from([0x01, 1, 0x02, 0, 0, 0x0e, 0x10]);

  it('reads PUBLISH, CONNACK and SUBACK with property blocks cut anywhere across reads, the payload after the properties', () => {
    const messages = fc.array(fc.record({ topic: fc.string({ minLength: 1, maxLength: 80 }), payload: fc.string({ maxLength: 300 }), qos: fc.constantFrom<0 | 1>(0, 1), id: fc.integer({ min: 1, max: 65_535 }), props: fc.boolean() }), { minLength: 1, maxLength: 20 });
    fc.assert(fc.property(messages, fc.array(fc.integer({ min: 1, max: 64 }), { minLength: 1, maxLength: 30 }), (ms, cuts) => {
      // CONNACK: session present, success, properties (receive maximum 0x21 = 100, topic alias maximum 0x22 = 10).
      const connack = Buffer.from([0x20, 9, 1, 0, 6, 0x21, 0, 100, 0x22, 0, 10]);
      // SUBACK: id 7, an empty property block, granted QoS 1.
      const suback = Buffer.from([0x90, 4, 0, 7, 0, 1]);
      const bytes = Buffer.concat([connack, ...ms.map((m) => publish(m.topic, Buffer.from(m.payload), m.qos, m.id, m.props ? publishProps : Buffer.alloc(0))), Buffer.from([0xd0, 0]), suback, Buffer.from([0xe0, 1, 0x8b])]);
      const { sink, seen } = collector();
      const reader = new PacketReader(sink, undefined, 5);
      readInCuts(reader, bytes, cuts);
      expect(reader.buffered).toBe(0);
      expect(seen.connacks).toEqual([[0, true]]);
      expect(seen.publishes).toEqual(ms.map((m) => [m.topic, m.payload, m.qos, m.qos ? m.id : 0]));
      expect(seen.pings).toBe(1);
      expect(seen.subacks).toEqual([[7, [1]]]);
      expect(seen.disconnects).toEqual([0x8b]);
    }), { numRuns: 300 });
  });

  it('reads a DISCONNECT without a reason code as a normal one, and refuses what is not MQTT 5', () => {
    const { sink, seen } = collector();
    new PacketReader(sink, undefined, 5).read(Buffer.from([0xe0, 0]));
    expect(seen.disconnects).toEqual([0]);
    const bad: [string, Buffer][] = [
      ['PUBLISH properties longer than the packet', publish('t', Buffer.alloc(0), 1, 5, Buffer.alloc(0)).fill(9, 7, 8)],
      ['a PUBLISH with a topic alias and no topic', publish('', Buffer.from('x'), 0, 0, Buffer.from([0x23, 0, 1]))],
      ['a 3.1.1 CONNACK (no property block)', Buffer.from([0x20, 2, 0, 0])],
      ['a SUBACK without codes', Buffer.from([0x90, 3, 0, 1, 0])],
    ];
    for (const [what, bytes] of bad) {
      const { sink: s2, seen: seen2 } = collector();
      expect(() => new PacketReader(s2, undefined, 5).read(bytes), what).toThrow(MqttProtocolError);
      expect(seen2.publishes, what).toEqual([]);
    }
  });

  it('writes CONNECT with Session Expiry Interval and Receive Maximum, and SUBSCRIBE with its property block', () => {
    expect([...connectPacket({ clientId: 'ab', clean: false, keepaliveSeconds: 60, level: 5, sessionExpirySeconds: 3600, receiveMaximum: 65_535 })]).toEqual([
      0x10, 23, 0, 4, 0x4d, 0x51, 0x54, 0x54, 5, 0, 0, 60, 8, 0x11, 0, 0, 0x0e, 0x10, 0x21, 0xff, 0xff, 0, 2, 0x61, 0x62,
    ]);
    // Clean start without properties: an empty property block.
    expect([...connectPacket({ clientId: 'a', clean: true, keepaliveSeconds: 10, level: 5 })]).toEqual([0x10, 14, 0, 4, 0x4d, 0x51, 0x54, 0x54, 5, 2, 0, 10, 0, 0, 1, 0x61]);
    expect(() => connectPacket({ clientId: 'a', clean: true, keepaliveSeconds: 10, level: 5, receiveMaximum: 0 })).toThrow(RangeError);
    expect([...subscribePacket(0x0102, ['a/+'], 1, 5)]).toEqual([0x82, 9, 1, 2, 0, 0, 3, 0x61, 0x2f, 0x2b, 1]);
  });
});
