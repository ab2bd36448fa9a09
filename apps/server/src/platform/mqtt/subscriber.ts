import net from 'node:net';
import tls from 'node:tls';
import mqtt from 'mqtt';
import { connectPacket, DISCONNECT, MqttProtocolError, PacketReader, PINGREQ, pubackPackets, subscribePacket, type PacketSink } from './packets.js';

/**
 * The node's MQTT subscriber for ingest (units' AVL, transports' fixes): a lean MQTT 3.1.1 client
 * over TCP or TLS that only subscribes — CONNECT, SUBSCRIBE, PUBLISH at QoS 0 and 1, PINGREQ,
 * reconnect — written for the ingest's rate. Against mqtt.js it allocates no packet object per
 * message and writes the QoS 1 acknowledgements of one socket read in one write (mqtt.js writes
 * each PUBACK with a syscall of its own); docs/benchmarks.md ("AVL ingest over MQTT: what
 * dominates") has the measurements. `ws://`/`wss://` brokers go through mqtt.js with the same interface.
 *
 * A message is acknowledged after `onMessage` returned (the ingest has it in memory, as with
 * mqtt.js). With `clean: false` the broker keeps the session across reconnects and redelivers what
 * was published while the link was down (QoS 1).
 */
export interface SubscriberOptions {
  url: string;
  clientId: string;
  filters: readonly string[];
  qos: 0 | 1;
  /** The topic and a view of the payload: valid only during the call (parse it there). */
  onMessage: (topic: string, payload: Buffer) => void;
  clean?: boolean;
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
  close(): Promise<void>;
}

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
  private readonly reader = new PacketReader(this);
  private acks: number[] = [];
  private closing = false;
  private pingOutstanding = false;
  private timers: NodeJS.Timeout[] = [];
  private reconnectTimer: NodeJS.Timeout | undefined;
  private reported = false;
  private nextId = 1;

  constructor(private readonly o: SubscriberOptions, private readonly url: URL) {
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
    socket.setNoDelay(true);
    socket.once(secure ? 'secureConnect' : 'connect', () => {
      socket.write(connectPacket({
        clientId: this.o.clientId, clean: this.o.clean ?? true, keepaliveSeconds: this.o.keepaliveSeconds ?? 60,
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
      // Every QoS 1 message of this read acknowledged in one write.
      if (this.acks.length) {
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
      // The first attempt failed: startup goes on without the broker.
      this.resolveReady();
      if (!this.closing) {
        this.reconnectTimer = setTimeout(() => this.open(), this.o.reconnectMs ?? 1000);
        this.reconnectTimer.unref();
      }
    });
  }

  publish(topic: string, payload: Buffer, qos: 0 | 1, id: number): void {
    this.o.onMessage(topic, payload);
    if (qos === 1) this.acks.push(id);
  }

  connack(code: number): void {
    if (code !== 0) {
      this.o.log.warn({ url: this.o.url, code }, 'MQTT subscriber: connection refused by the broker');
      this.socket?.destroy();
      return;
    }
    const id = this.nextId;
    this.nextId = (this.nextId % 65_535) + 1;
    this.socket?.write(subscribePacket(id, this.o.filters, this.o.qos));
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

/** WebSocket brokers: mqtt.js behind the same interface (not the ingest's fast path). */
function viaMqttJs(o: SubscriberOptions): MqttSubscriber {
  const client = mqtt.connect(o.url, { clientId: o.clientId, clean: o.clean ?? true, reconnectPeriod: o.reconnectMs ?? 1000, connectTimeout: o.connectTimeoutMs ?? 5000, keepalive: o.keepaliveSeconds ?? 60, log: () => undefined });
  client.on('message', (topic, payload) => o.onMessage(topic, payload));
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
    async close() {
      await client.endAsync();
    },
  };
}
