import type { AvlFix } from '@firebreak/contracts';
import { LIVE_ONLY, type BroadcastCodec, type PublishedEvent } from '../../platform/events/bus.js';

/** Bytes of a unit id (a UUID's text) on the wire. */
const ID_BYTES = 36;
/** Longest `at` text the wire takes (a one-byte length); an ISO 8601 timestamp is far shorter. */
const MAX_AT = 255;

interface Envelope {
  id: string;
  type: string;
  occurredAt: string;
  jurisdictionPath: string | null;
}

/**
 * The NATS wire form of `units.positions_reported` broadcasts (`EventBus.setBroadcastCodec`):
 * columns of numbers and ASCII instead of JSON with an object per fix, which was the largest part
 * of telling the other nodes under bench:avl (docs/benchmarks.md, "AVL ingest over MQTT: what
 * dominates"). Each node's handlers and sockets still see the contract's event: the receiving node
 * decodes it back to exactly the fixes sent (the same `at` text, the same doubles).
 *
 * Little-endian: u32 events; per event u32 envelope length, the envelope's JSON (id, type,
 * occurredAt, jurisdictionPath; the position is always LIVE_ONLY), u32 fixes; per fix the unit id
 * (36 ASCII bytes), f64 lon, f64 lat, f64 speedKmh and f64 heading (NaN when absent: no valid
 * value is NaN), u8 length and the `at` text (ASCII: the contract's timestamp pattern).
 */
export const positionsWire: BroadcastCodec = {
  encode(events: readonly PublishedEvent[]): Uint8Array {
    const envelopes: Buffer[] = [];
    let size = 4;
    for (const e of events) {
      const envelope = Buffer.from(JSON.stringify({ id: e.id, type: e.type, occurredAt: e.occurredAt, jurisdictionPath: e.jurisdictionPath } satisfies Envelope));
      envelopes.push(envelope);
      size += 8 + envelope.length;
      for (const f of fixesOf(e)) {
        // Checked here, not trusted: a wrong length would shift every field after it.
        if (f.unitId.length !== ID_BYTES || f.at.length > MAX_AT) throw new Error(`a fix of ${f.unitId} at ${f.at} does not fit the positions wire form`);
        size += ID_BYTES + 33 + f.at.length;
      }
    }
    const buf = Buffer.allocUnsafe(size);
    let o = buf.writeUInt32LE(events.length, 0);
    events.forEach((e, k) => {
      o = buf.writeUInt32LE(envelopes[k]!.length, o);
      o += envelopes[k]!.copy(buf, o);
      const fixes = fixesOf(e);
      o = buf.writeUInt32LE(fixes.length, o);
      for (const f of fixes) {
        o += buf.write(f.unitId, o, 'latin1');
        o = buf.writeDoubleLE(f.location[0], o);
        o = buf.writeDoubleLE(f.location[1], o);
        o = buf.writeDoubleLE(f.speedKmh ?? Number.NaN, o);
        o = buf.writeDoubleLE(f.heading ?? Number.NaN, o);
        o = buf.writeUInt8(f.at.length, o);
        o += buf.write(f.at, o, 'latin1');
      }
    });
    return buf;
  },

  decode(bytes: Uint8Array): PublishedEvent[] {
    const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const events: PublishedEvent[] = [];
    const count = buf.readUInt32LE(0);
    let o = 4;
    for (let k = 0; k < count; k++) {
      const length = buf.readUInt32LE(o);
      const envelope = JSON.parse(buf.toString('utf8', o + 4, o + 4 + length)) as Envelope;
      o += 4 + length;
      const n = buf.readUInt32LE(o);
      o += 4;
      const fixes: AvlFix[] = new Array<AvlFix>(n);
      for (let i = 0; i < n; i++) {
        const unitId = buf.toString('latin1', o, o + ID_BYTES);
        o += ID_BYTES;
        const lon = buf.readDoubleLE(o);
        const lat = buf.readDoubleLE(o + 8);
        const speedKmh = buf.readDoubleLE(o + 16);
        const heading = buf.readDoubleLE(o + 24);
        const atLength = buf.readUInt8(o + 32);
        const at = buf.toString('latin1', o + 33, o + 33 + atLength);
        o += 33 + atLength;
        const fix: AvlFix = { unitId, location: [lon, lat], at };
        if (!Number.isNaN(speedKmh)) fix.speedKmh = speedKmh;
        if (!Number.isNaN(heading)) fix.heading = heading;
        fixes[i] = fix;
      }
      events.push({ id: envelope.id, position: LIVE_ONLY, type: envelope.type, occurredAt: envelope.occurredAt, jurisdictionPath: envelope.jurisdictionPath, data: { fixes } });
    }
    if (o !== buf.length) throw new Error(`positions wire form: ${buf.length - o} bytes left over`);
    return events;
  },
};

function fixesOf(e: PublishedEvent): readonly AvlFix[] {
  return (e.data as { fixes: readonly AvlFix[] }).fixes;
}
