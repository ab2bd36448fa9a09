/**
 * The few MQTT packets a subscriber needs, read and written by hand (OASIS MQTT 3.1.1 §2-3, and
 * MQTT 5.0 §2-3 for the same packets with their properties): CONNECT, SUBSCRIBE, PUBACK, PINGREQ
 * and DISCONNECT out; CONNACK, SUBACK, PUBLISH (QoS 0 and 1), PINGRESP (and, in 5, a broker's
 * DISCONNECT) in. MQTT 5 is spoken for its CONNECT properties: Receive Maximum (how many QoS 1
 * messages the broker may leave unacknowledged with us, in place of the broker-wide
 * `max_inflight_messages`) and Session Expiry Interval. Pure (no sockets): `subscriber.ts` feeds it
 * what the socket reads. A PUBLISH is handed on as where its topic and its payload lie in the
 * bytes read (no copy, no packet object, no string): valid only during the call.
 */

/** The protocol level of CONNECT: 4 is MQTT 3.1.1, 5 is MQTT 5.0. */
export type ProtocolLevel = 4 | 5;

export class MqttProtocolError extends Error {
  override readonly name = 'MqttProtocolError';
}

/** What the reader hands on, one call per packet. */
export interface PacketSink {
  /**
   * Where the topic (UTF-8) and the payload lie in the bytes read: `bytes[topicStart, topicEnd)`,
   * `bytes[payloadStart, payloadEnd)`. Neither a string nor a view is made (a Buffer view costs
   * about as much as the string), so an ingest that knows its topics by their bytes makes only
   * what it needs per message. `id` is 0 for QoS 0; a QoS 1 publish is acknowledged by the caller (`pubacks`).
   */
  publish(bytes: Buffer, topicStart: number, topicEnd: number, payloadStart: number, payloadEnd: number, qos: 0 | 1, id: number): void;
  connack(returnCode: number, sessionPresent: boolean): void;
  suback(id: number, codes: readonly number[]): void;
  pingresp(): void;
  /** MQTT 5 only: the broker closes the connection, saying why (reason code, MQTT 5.0 §3.14.2.1). */
  disconnect(reasonCode: number): void;
}

/** Packets larger than this are refused as malformed (a fix is ~100 bytes; brokers allow 256 MB). */
export const DEFAULT_MAX_PACKET = 1024 * 1024;

/**
 * Splits the bytes of one connection into packets: a packet cut across reads waits for the rest,
 * many in one read are handed on in order. Throws `MqttProtocolError` on bytes that are not MQTT
 * 3.1.1 from a broker to a subscriber (the connection is then unusable: close it).
 */
export class PacketReader {
  private rest: Buffer | null = null;
  constructor(private readonly sink: PacketSink, private readonly maxPacket = DEFAULT_MAX_PACKET, private readonly level: ProtocolLevel = 4) {}

  /** Bytes waiting for the rest of their packet. */
  get buffered(): number {
    return this.rest?.length ?? 0;
  }

  reset(): void {
    this.rest = null;
  }

  read(chunk: Buffer): void {
    const b = this.rest === null ? chunk : Buffer.concat([this.rest, chunk]);
    this.rest = null;
    const end = b.length;
    let off = 0;
    while (off < end) {
      // The fixed header: the type and flags, then the remaining length in 1-4 bytes of 7 bits.
      let i = off + 1;
      let len = 0;
      let mul = 1;
      let byte = 128;
      while (byte & 128) {
        if (i >= end) {
          this.rest = b.subarray(off);
          return;
        }
        if (mul > 128 * 128 * 128) throw new MqttProtocolError('remaining length longer than 4 bytes');
        byte = b[i++]!;
        len += (byte & 127) * mul;
        mul *= 128;
      }
      if (len > this.maxPacket) throw new MqttProtocolError(`packet of ${len} bytes is larger than ${this.maxPacket}`);
      if (i + len > end) {
        this.rest = b.subarray(off);
        return;
      }
      this.packet(b[off]!, b, i, i + len);
      off = i + len;
    }
  }

  private packet(h: number, b: Buffer, s: number, e: number): void {
    const type = h >> 4;
    if (type === 3) {
      const qos = (h >> 1) & 3;
      if (qos > 1) throw new MqttProtocolError(`PUBLISH with QoS ${qos} (subscribed at QoS 1 at most)`);
      if (e - s < 2) throw new MqttProtocolError('PUBLISH without a topic');
      const topicEnd = s + 2 + ((b[s]! << 8) | b[s + 1]!);
      const idEnd = topicEnd + (qos === 1 ? 2 : 0);
      if (idEnd > e) throw new MqttProtocolError('PUBLISH topic longer than the packet');
      const id = qos === 1 ? (b[topicEnd]! << 8) | b[topicEnd + 1]! : 0;
      if (qos === 1 && id === 0) throw new MqttProtocolError('PUBLISH QoS 1 with packet id 0');
      // MQTT 5: the properties come before the payload (none are used: no topic alias is allowed, §3.1.2.11.8).
      const payloadAt = this.level === 5 ? skipProperties(b, idEnd, e, 'PUBLISH') : idEnd;
      if (topicEnd === s + 2 && this.level === 5) throw new MqttProtocolError('PUBLISH without a topic (a topic alias was never allowed)');
      this.sink.publish(b, s + 2, topicEnd, payloadAt, e, qos as 0 | 1, id);
      return;
    }
    if (type === 2) {
      if (h !== 0x20 || (this.level === 4 ? e - s !== 2 : e - s < 3)) throw new MqttProtocolError('malformed CONNACK');
      if (this.level === 5 && skipProperties(b, s + 2, e, 'CONNACK') !== e) throw new MqttProtocolError('malformed CONNACK');
      this.sink.connack(b[s + 1]!, (b[s]! & 1) === 1);
      return;
    }
    if (type === 9) {
      if (e - s < 3 || h !== 0x90) throw new MqttProtocolError('malformed SUBACK');
      const codesAt = this.level === 5 ? skipProperties(b, s + 2, e, 'SUBACK') : s + 2;
      if (codesAt >= e) throw new MqttProtocolError('malformed SUBACK');
      const codes: number[] = [];
      for (let i = codesAt; i < e; i++) codes.push(b[i]!);
      this.sink.suback((b[s]! << 8) | b[s + 1]!, codes);
      return;
    }
    if (type === 13) {
      if (e !== s || h !== 0xd0) throw new MqttProtocolError('malformed PINGRESP');
      this.sink.pingresp();
      return;
    }
    if (type === 14 && this.level === 5) {
      if (h !== 0xe0) throw new MqttProtocolError('malformed DISCONNECT');
      // No reason code (remaining length 0) is 0x00, a normal disconnection (§3.14.2.1).
      this.sink.disconnect(e > s ? b[s]! : 0);
      return;
    }
    throw new MqttProtocolError(`unexpected packet type ${type} from the broker`);
  }
}

/**
 * MQTT 5: where what follows a property block at `at` begins (its length is a variable byte
 * integer, §2.2.2.1). Throws on a length running past the packet.
 */
function skipProperties(b: Buffer, at: number, end: number, what: string): number {
  let len = 0;
  let mul = 1;
  let i = at;
  for (;;) {
    if (i >= end || mul > 128 * 128 * 128) throw new MqttProtocolError(`${what} with malformed properties`);
    const byte = b[i++]!;
    len += (byte & 127) * mul;
    mul *= 128;
    if (!(byte & 128)) break;
  }
  if (i + len > end) throw new MqttProtocolError(`${what} properties longer than the packet`);
  return i + len;
}

/** The remaining-length bytes of a packet of `n` bytes after its fixed header. */
function remaining(n: number): number[] {
  const out: number[] = [];
  do {
    let byte = n % 128;
    n = Math.floor(n / 128);
    if (n > 0) byte |= 128;
    out.push(byte);
  } while (n > 0);
  return out;
}

function utf8Field(s: string): Buffer {
  const bytes = Buffer.from(s, 'utf8');
  if (bytes.length > 65_535) throw new RangeError('MQTT string longer than 65,535 bytes');
  const out = Buffer.allocUnsafe(2 + bytes.length);
  out.writeUInt16BE(bytes.length, 0);
  bytes.copy(out, 2);
  return out;
}

function packet(header: number, body: Buffer): Buffer {
  return Buffer.concat([Buffer.from([header, ...remaining(body.length)]), body]);
}

export interface ConnectFields {
  clientId: string;
  clean: boolean;
  keepaliveSeconds: number;
  username?: string;
  password?: string;
  /** 4 (MQTT 3.1.1, the default) or 5 (MQTT 5.0, with the two properties below). */
  level?: ProtocolLevel;
  /** MQTT 5: how long the broker keeps the session after the connection ends (0: not at all). */
  sessionExpirySeconds?: number;
  /** MQTT 5: the most QoS 1 messages the broker may send us unacknowledged (1-65,535; the broker's default otherwise). */
  receiveMaximum?: number;
}

export function connectPacket(c: ConnectFields): Buffer {
  const level = c.level ?? 4;
  let flags = c.clean ? 0x02 : 0;
  if (c.username !== undefined) flags |= 0x80;
  if (c.password !== undefined) flags |= 0x40;
  const head = Buffer.from([0, 4, 0x4d, 0x51, 0x54, 0x54, level, flags, (c.keepaliveSeconds >> 8) & 0xff, c.keepaliveSeconds & 0xff]);
  const fields: Buffer[] = [head];
  if (level === 5) {
    const props: number[] = [];
    const expiry = c.sessionExpirySeconds ?? 0;
    if (expiry > 0) props.push(0x11, (expiry >>> 24) & 0xff, (expiry >>> 16) & 0xff, (expiry >>> 8) & 0xff, expiry & 0xff);
    if (c.receiveMaximum !== undefined) {
      if (!Number.isInteger(c.receiveMaximum) || c.receiveMaximum < 1 || c.receiveMaximum > 65_535) throw new RangeError('receiveMaximum is 1-65,535');
      props.push(0x21, (c.receiveMaximum >> 8) & 0xff, c.receiveMaximum & 0xff);
    }
    fields.push(Buffer.from([...remaining(props.length), ...props]));
  }
  fields.push(utf8Field(c.clientId));
  if (c.username !== undefined) fields.push(utf8Field(c.username));
  if (c.password !== undefined) fields.push(utf8Field(c.password));
  return packet(0x10, Buffer.concat(fields));
}

/** In MQTT 5 a SUBSCRIBE has an (empty) property block, and each filter's byte is its options (the QoS in bits 0-1). */
export function subscribePacket(id: number, filters: readonly string[], qos: 0 | 1, level: ProtocolLevel = 4): Buffer {
  const body: Buffer[] = [Buffer.from(level === 5 ? [(id >> 8) & 0xff, id & 0xff, 0] : [(id >> 8) & 0xff, id & 0xff])];
  for (const f of filters) body.push(utf8Field(f), Buffer.from([qos]));
  return packet(0x82, Buffer.concat(body));
}

/** One write for many acknowledgements (4 bytes each; in MQTT 5 a PUBACK of reason 0 without properties is the same 4 bytes, §3.4.2.1). */
export function pubackPackets(ids: readonly number[]): Buffer {
  const out = Buffer.allocUnsafe(4 * ids.length);
  for (let k = 0; k < ids.length; k++) {
    const id = ids[k]!;
    out[4 * k] = 0x40;
    out[4 * k + 1] = 2;
    out[4 * k + 2] = (id >> 8) & 0xff;
    out[4 * k + 3] = id & 0xff;
  }
  return out;
}

export const PINGREQ: Buffer = Buffer.from([0xc0, 0]);
/** The same two bytes in 3.1.1 and 5 (in 5: reason 0x00, a normal disconnection; the session is kept for its expiry). */
export const DISCONNECT: Buffer = Buffer.from([0xe0, 0]);
