import net from 'node:net';
import tls from 'node:tls';
import mqtt from 'mqtt';
import { connectPacket, DISCONNECT, MqttProtocolError, PacketReader, PINGREQ, pubackPackets, subscribePacket, type PacketSink, type ProtocolLevel } from './packets.js';

/**
 * The node's MQTT subscriber for ingest (units' AVL, transports' fixes): a lean MQTT 3.1.1 client
 * over TCP or TLS that only subscribes — CONNECT, SUBSCRIBE, PUBLISH at QoS 0 and 1, PINGREQ,
 * reconnect — written for the ingest's rate. Against mqtt.js it allocates no packet object per
 * message and writes the QoS 1 acknowledgements of one socket read in one write (mqtt.js writes
 * each PUBACK with a syscall of its own); docs/benchmarks.md ("AVL ingest over MQTT: what
 * dominates") has the measurements. `ws://`/`wss://` brokers go through mqtt.js with the same interface.
 *
 * By default a message is acknowledged after `onMessage` returned (the ingest has it in memory, as
 * with mqtt.js). With `acknowledge: 'caller'` a QoS 1 message is acknowledged only when the caller
 * says so (`acknowledge(mark)`, after it stored the message): a node that dies before then loses
 * nothing, the broker sends the message again. That holds the broker's outgoing window open for as
 * long as a batch takes to commit, so it needs `mqtt5` with a Receive Maximum above a batch: over
 * MQTT 3.1.1 Mosquitto leaves a subscriber at most `max_inflight_messages` (20) unacknowledged,
 * queues `max_queued_messages` (1,000) more and drops the rest. With `clean: false` the broker keeps
 * the session across reconnects (in MQTT 5 for `sessionExpirySeconds`) and redelivers what was
 * published while the link was down and what was never acknowledged (QoS 1).
 */
export type SubscriberOptions = SubscriberSettings & MessageHandler;

/** Each message, in one of two forms. */
export type MessageHandler =
  | {
    /** The topic and a view of the payload: valid only during the call (parse it there). */
    onMessage: (topic: string, payload: Buffer) => void;
    onMessageBytes?: never;
  }
  | {
    onMessage?: never;
    /**
     * Where the topic (UTF-8) and the payload lie in the bytes read (`bytes[topicStart, topicEnd)`,
     * `bytes[payloadStart, payloadEnd)`), valid only during the call: for an ingest that knows its
     * topics by their bytes, so it makes no topic string nor payload view per message (the AVL
     * ingest, `units/unit-topics.ts`).
     */
    onMessageBytes: (bytes: Buffer, topicStart: number, topicEnd: number, payloadStart: number, payloadEnd: number) => void;
  };

export interface SubscriberSettings {
  url: string;
  clientId: string;
  filters: readonly string[];
  qos: 0 | 1;
  clean?: boolean;
  /**
   * Speak MQTT 5 with these CONNECT properties: `receiveMaximum`, the QoS 1 messages the broker may
   * leave unacknowledged with us (Mosquitto takes it in place of its `max_inflight_messages`), and
   * `sessionExpirySeconds`, how long it keeps a `clean: false` session after the link ends.
   */
  mqtt5?: { receiveMaximum: number; sessionExpirySeconds: number };
  /** 'receipt' (the default): each QoS 1 message once `onMessage` returned; 'caller': by `acknowledge`. */
  acknowledge?: 'receipt' | 'caller';
  /** Called when a connection ends: what it took in and was not acknowledged will come again on a kept session. */
  onLinkLost?: () => void;
  keepaliveSeconds?: number;
  reconnectMs?: number;
  connectTimeoutMs?: number;
  log: { warn: (o: object, msg: string) => void; info: (o: object, msg: string) => void };
}

export interface MqttSubscriber {
  readonly connected: boolean;
  /** Resolves once subscribed, or when the first attempt to reach the broker failed (it keeps retrying). */
  readonly ready: Promise<void>;
  /** Connections dropped for bytes that were not MQTT (each followed by a reconnect). */
  readonly protocolErrors: number;
  /** Where the messages taken in so far end: pass it to `acknowledge` once they are stored. */
  mark(): AckMark;
  /**
   * Acknowledges (in one write) every QoS 1 message taken in up to `mark`, in the order received,
   * if the connection they came on is still up; otherwise nothing (the broker sends them again).
   */
  acknowledge(mark: AckMark): void;
  /** Drops the connection and makes it afresh: what was not acknowledged comes again on a kept session. */
  restart(): void;
  close(): Promise<void>;
}

/** A position in one connection's stream of QoS 1 messages. */
export interface AckMark { readonly link: number; readonly count: number }

export function openSubscriber(o: SubscriberOptions): MqttSubscriber {
  const url = new URL(o.url);
  if (url.protocol === 'ws:' || url.protocol === 'wss:') return viaMqttJs(o);
  return new LeanSubscriber(o, url);
}

class LeanSubscriber implements MqttSubscriber, PacketSink {
  connected = false;
  protocolErrors = 0;
  readonly ready: Promise<void>;
  private resolveReady!: () => void;
  private socket: net.Socket | null = null;
  private readonly reader: PacketReader;
  /** QoS 1 packet ids received and not acknowledged yet, in order. */
  private acks: number[] = [];
  /** This connection's QoS 1 messages acknowledged so far (the count before `acks[0]`). */
  private acked = 0;
  /** The connection's number: a mark of an earlier one acknowledges nothing. */
  private link = 0;
  private readonly level: ProtocolLevel;
  private readonly byCaller: boolean;
  private closing = false;
  private pingOutstanding = false;
  private timers: NodeJS.Timeout[] = [];
  private reconnectTimer: NodeJS.Timeout | undefined;
  private reported = false;
  private nextId = 1;

  constructor(private readonly o: SubscriberOptions, private readonly url: URL) {
    this.level = o.mqtt5 ? 5 : 4;
    this.byCaller = o.acknowledge === 'caller';
    this.reader = new PacketReader(this, undefined, this.level);
    this.ready = new Promise((resolve) => (this.resolveReady = resolve));
    this.open();
  }

  private open(): void {
    const host = this.url.hostname;
    const secure = this.url.protocol === 'mqtts:' || this.url.protocol === 'ssl:';
    const port = Number(this.url.port || (secure ? 8883 : 1883));
    const socket = secure ? tls.connect({ host, port, servername: host }) : net.connect({ host, port });
    this.socket = socket;
    this.reader.reset();
    this.acks = [];
    this.acked = 0;
    this.link++;
    socket.setNoDelay(true);
    socket.once(secure ? 'secureConnect' : 'connect', () => {
      socket.write(connectPacket({
        clientId: this.o.clientId, clean: this.o.clean ?? true, keepaliveSeconds: this.o.keepaliveSeconds ?? 60,
        ...(this.o.mqtt5 ? { level: 5 as const, receiveMaximum: this.o.mqtt5.receiveMaximum, sessionExpirySeconds: this.o.mqtt5.sessionExpirySeconds } : {}),
        ...(this.url.username ? { username: decodeURIComponent(this.url.username) } : {}),
        ...(this.url.password ? { password: decodeURIComponent(this.url.password) } : {}),
      }));
    });
    const connectTimer = setTimeout(() => socket.destroy(new Error('no CONNACK in time')), this.o.connectTimeoutMs ?? 5000);
    connectTimer.unref();
    this.timers = [connectTimer];
    socket.on('data', (chunk: Buffer) => {
      try {
        this.reader.read(chunk);
      } catch (err) {
        // Bytes that are not MQTT (or a handler that threw): the connection's state is unknown, so
        // it is dropped and made afresh; unacknowledged QoS 1 messages come again on a kept session.
        if (err instanceof MqttProtocolError) this.protocolErrors++;
        this.o.log.warn({ err, url: this.o.url }, err instanceof MqttProtocolError ? 'MQTT subscriber: not MQTT from the broker; reconnecting' : 'MQTT subscriber: a message handler failed; reconnecting');
        socket.destroy();
        return;
      }
      // Every QoS 1 message of this read acknowledged in one write (unless the caller acknowledges).
      if (this.acks.length && !this.byCaller) {
        socket.write(pubackPackets(this.acks));
        this.acks = [];
      }
    });
    socket.on('error', (err) => {
      if (!this.reported) this.o.log.warn({ err, url: this.o.url }, 'MQTT subscriber: broker unreachable; retrying');
      this.reported = true;
    });
    socket.on('close', () => {
      for (const t of this.timers) clearTimeout(t);
      this.timers = [];
      if (this.connected) this.o.log.warn({ url: this.o.url }, 'MQTT subscriber: connection lost; retrying');
      this.connected = false;
      this.socket = null;
      this.acks = [];
      this.o.onLinkLost?.();
      // The first attempt failed: startup goes on without the broker.
      this.resolveReady();
      if (!this.closing) {
        this.reconnectTimer = setTimeout(() => this.open(), this.o.reconnectMs ?? 1000);
        this.reconnectTimer.unref();
      }
    });
  }

  publish(bytes: Buffer, topicStart: number, topicEnd: number, payloadStart: number, payloadEnd: number, qos: 0 | 1, id: number): void {
    const o = this.o;
    if (o.onMessageBytes !== undefined) o.onMessageBytes(bytes, topicStart, topicEnd, payloadStart, payloadEnd);
    else o.onMessage(bytes.toString('utf8', topicStart, topicEnd), bytes.subarray(payloadStart, payloadEnd));
    if (qos === 1) this.acks.push(id);
  }

  mark(): AckMark {
    return { link: this.link, count: this.acked + this.acks.length };
  }

  acknowledge(mark: AckMark): void {
    const n = mark.count - this.acked;
    if (mark.link !== this.link || !this.socket || n <= 0) return;
    this.socket.write(pubackPackets(this.acks.splice(0, n)));
    this.acked += n;
  }

  restart(): void {
    this.socket?.destroy();
  }

  disconnect(reasonCode: number): void {
    this.o.log.warn({ url: this.o.url, reasonCode }, 'MQTT subscriber: the broker closed the connection; reconnecting');
    this.socket?.destroy();
  }

  connack(code: number): void {
    if (code !== 0) {
      this.o.log.warn({ url: this.o.url, code }, 'MQTT subscriber: connection refused by the broker');
      this.socket?.destroy();
      return;
    }
    const id = this.nextId;
    this.nextId = (this.nextId % 65_535) + 1;
    this.socket?.write(subscribePacket(id, this.o.filters, this.o.qos, this.level));
  }

  suback(_id: number, codes: readonly number[]): void {
    for (const t of this.timers) clearTimeout(t);
    if (codes.some((c) => c === 0x80)) this.o.log.warn({ filters: this.o.filters }, 'MQTT subscriber: the broker refused a subscription');
    this.connected = true;
    this.reported = false;
    this.pingOutstanding = false;
    const socket = this.socket;
    const keepalive = (this.o.keepaliveSeconds ?? 60) * 1000;
    // A broker that answers no PINGREQ within half the keep-alive is gone: drop the link and reconnect.
    const ping = setInterval(() => {
      if (this.pingOutstanding) {
        socket?.destroy(new Error('no PINGRESP'));
        return;
      }
      this.pingOutstanding = true;
      socket?.write(PINGREQ);
    }, keepalive / 2);
    ping.unref();
    this.timers = [ping];
    this.o.log.info({ url: this.o.url, filters: this.o.filters }, 'MQTT subscriber: subscribed');
    this.resolveReady();
  }

  pingresp(): void {
    this.pingOutstanding = false;
  }

  async close(): Promise<void> {
    this.closing = true;
    clearTimeout(this.reconnectTimer);
    const socket = this.socket;
    if (!socket) return;
    await new Promise<void>((resolve) => {
      socket.once('close', () => resolve());
      const force = setTimeout(() => socket.destroy(), 1000);
      force.unref();
      if (this.connected) socket.end(DISCONNECT);
      else socket.destroy();
    });
  }
}

/**
 * WebSocket brokers: mqtt.js behind the same interface (not the ingest's fast path). mqtt.js
 * acknowledges each message on receipt: `acknowledge: 'caller'` is not honoured there.
 */
function viaMqttJs(o: SubscriberOptions): MqttSubscriber {
  const client = mqtt.connect(o.url, { clientId: o.clientId, clean: o.clean ?? true, reconnectPeriod: o.reconnectMs ?? 1000, connectTimeout: o.connectTimeoutMs ?? 5000, keepalive: o.keepaliveSeconds ?? 60, log: () => undefined,
    ...(o.mqtt5 ? { protocolVersion: 5 as const, properties: { receiveMaximum: o.mqtt5.receiveMaximum, sessionExpiryInterval: o.mqtt5.sessionExpirySeconds } } : {}) });
  if (o.onLinkLost) client.on('close', o.onLinkLost);
  client.on('message', (topic, payload) => {
    if (o.onMessageBytes === undefined) return o.onMessage(topic, payload);
    const bytes = Buffer.concat([Buffer.from(topic, 'utf8'), payload]);
    o.onMessageBytes(bytes, 0, bytes.length - payload.length, bytes.length - payload.length, bytes.length);
  });
  client.on('error', (err) => o.log.warn({ err, url: o.url }, 'MQTT subscriber: broker error'));
  const ready = new Promise<void>((resolve) => {
    client.on('connect', () => void client.subscribeAsync([...o.filters], { qos: o.qos })
      .catch((err: unknown) => o.log.warn({ err }, 'MQTT subscriber: subscribing failed')).then(() => resolve()));
    client.once('offline', () => resolve());
  });
  return {
    get connected() {
      return client.connected;
    },
    ready,
    protocolErrors: 0,
    mark: () => ({ link: 0, count: 0 }),
    acknowledge: () => undefined,
    restart: () => void client.stream?.destroy(),
    async close() {
      await client.endAsync();
    },
  };
}
