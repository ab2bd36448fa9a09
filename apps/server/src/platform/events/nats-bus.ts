import {
  DeliverPolicy,
  Events,
  RetentionPolicy,
  StorageType,
  connect,
  headers,
  type ConsumerMessages,
  type JetStreamClient,
  type NatsConnection,
  type Subscription,
} from 'nats';
import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import type { BroadcastCodec, EventBus, EventHandler, PublishedEvent } from './bus.js';

export const STREAM_NAME = 'FIREBREAK_EVENTS';
const SUBJECT_PREFIX = 'firebreak.events';
/** Broadcasts (`EventBus.broadcast`): plain NATS subjects outside the stream's, never persisted. */
const LIVE_PREFIX = 'firebreak.live';
/**
 * Names the node that broadcast a message: a second guard beside the connection's `noEcho` (a
 * node never gets its own broadcasts back), so a server that ignored it still costs no handler run.
 */
const ORIGIN_HEADER = 'Firebreak-Origin';
/** A readiness probe must answer within its own timeout (often 1 s): a round trip slower than this counts as down. */
const PING_TIMEOUT_MS = 500;
/** How often a node that started without NATS tries to reach it. */
const RETRY_MS = 1000;

/**
 * NATS JetStream bus: the relay publishes each event once per attempt with its id as the
 * JetStream message id (the server drops duplicates within its window); every node reads the
 * stream with an ordered consumer and fans events out to its own sockets. Subjects carry the
 * deployment's key (`firebreak.events.<deployment>.<type>`) and nodes read only their own, so
 * deployments sharing a NATS server (staging beside production, federated cells) never see, nor
 * forward to their users, each other's events.
 */
export class NatsBus implements EventBus {
  readonly kind = 'nats' as const;
  private readonly handlers = new Set<EventHandler>();
  private readonly reconnectHandlers = new Set<() => void>();
  private link: { nc: NatsConnection; js: JetStreamClient; messages: ConsumerMessages; live: Subscription } | null = null;
  /** Marks this node's broadcasts: it hands them to its own handlers at once and skips their echo. */
  private readonly origin = randomUUID();
  private readonly liveSubject: string;
  /** False until attached, and between a lost connection and the client's reconnect: /readyz answers at once instead of waiting on a flush. */
  private connected = false;
  private closed = false;
  private retry: NodeJS.Timeout | undefined;
  private readonly startedAt = new Date();
  /** Wire forms of broadcasts by event type (`setBroadcastCodec`); JSON for the others. */
  private readonly codecs = new Map<string, BroadcastCodec>();

  private constructor(
    private readonly url: string,
    private readonly name: string,
    private readonly subjectPrefix: string,
    private readonly log: Logger,
    deployment: string,
  ) {
    this.liveSubject = `${LIVE_PREFIX}.${deployment}`;
  }

  /**
   * `deployment`: the key nodes of one deployment share (`deploymentKey`), a NATS subject token.
   * A node whose NATS server cannot be reached at start starts anyway, as with MQTT: calls are
   * still taken, events wait in the outbox, /readyz says `degraded`, and it keeps trying every
   * RETRY_MS; once attached it reads the events published since it started.
   */
  static async connect(url: string, name: string, deployment: string, log: Logger): Promise<NatsBus> {
    if (!/^[A-Za-z0-9_-]+$/.test(deployment)) throw new Error(`deployment key ${JSON.stringify(deployment)} is not a NATS subject token`);
    const bus = new NatsBus(url, name, `${SUBJECT_PREFIX}.${deployment}`, log, deployment);
    await bus.attach(DeliverPolicy.New).catch((err: unknown) => {
      log.warn({ err }, `NATS unreachable at ${url}; running degraded (events wait in the outbox), retrying every ${RETRY_MS / 1000} s`);
      bus.retryLater();
    });
    return bus;
  }

  private async attach(policy: DeliverPolicy): Promise<void> {
    // noEcho: the server does not send this connection's own publishes back to its subscriptions.
    // Its broadcasts are handed to its handlers at once (`broadcast`), so the echo was only bytes to
    // read and drop: under bench:avl every position batch (~93 bytes a fix) came back once.
    // JetStream is unaffected: the stream's messages and API replies are the server's publishes.
    const nc = await connect({ servers: this.url, name: this.name, maxReconnectAttempts: -1, noEcho: true });
    try {
      const jsm = await nc.jetstreamManager();
      await jsm.streams.info(STREAM_NAME).catch(async () => {
        await jsm.streams.add({
          name: STREAM_NAME,
          subjects: [`${SUBJECT_PREFIX}.>`],
          retention: RetentionPolicy.Limits,
          storage: StorageType.File,
          max_age: 7 * 24 * 3600 * 1e9,
          duplicate_window: 10 * 60 * 1e9,
        });
      });
      const js = nc.jetstream();
      const consumer = await js.consumers.get(STREAM_NAME, {
        filterSubjects: `${this.subjectPrefix}.>`,
        deliver_policy: policy,
        ...(policy === DeliverPolicy.StartTime ? { opt_start_time: this.startedAt.toISOString() } : {}),
      });
      const messages = await consumer.consume();
      const live = nc.subscribe(`${this.liveSubject}.>`, { callback: (err, m) => (err || m.headers?.get(ORIGIN_HEADER) === this.origin ? undefined : this.deliverBroadcast(m.subject, m.data)) });
      // The server has the subscription once this round trip is done: broadcasts from then on reach this node.
      await nc.flush();
      if (this.closed) {
        await messages.close();
        await nc.close();
        return;
      }
      this.link = { nc, js, messages, live };
      this.connected = true;
      this.watchConnection(nc);
      this.pump(messages);
    } catch (err) {
      await nc.close().catch(() => undefined);
      throw err;
    }
  }

  /** Started without NATS: attach in the background, then read what other nodes published since this one started. */
  private retryLater(): void {
    if (this.closed) return;
    this.retry = setTimeout(() => {
      this.attach(DeliverPolicy.StartTime).then(
        () => {
          this.log.info('NATS reached; events flow again');
          this.reconnected();
        },
        () => this.retryLater(),
      );
    }, RETRY_MS);
    this.retry.unref();
  }

  private watchConnection(nc: NatsConnection): void {
    void (async () => {
      for await (const s of nc.status()) {
        if (s.type === Events.Disconnect) {
          this.connected = false;
          this.log.warn({ server: s.data }, 'NATS connection lost; events wait in the outbox until it is back');
        } else if (s.type === Events.Reconnect) {
          this.connected = true;
          this.log.info({ server: s.data }, 'NATS connection back');
          this.reconnected();
        }
      }
    })();
  }

  onReconnect(handler: () => void): () => void {
    this.reconnectHandlers.add(handler);
    return () => this.reconnectHandlers.delete(handler);
  }

  private reconnected(): void {
    for (const h of this.reconnectHandlers) {
      try {
        h();
      } catch (err) {
        this.log.error({ err }, 'a reconnect handler failed');
      }
    }
  }

  private pump(messages: ConsumerMessages): void {
    void (async () => {
      for await (const m of messages) {
        try {
          const event = m.json<PublishedEvent>();
          for (const h of this.handlers) h(event);
        } catch (err) {
          this.log.error({ err }, 'dropping an unreadable event from NATS');
        }
      }
    })();
  }

  async publish(events: PublishedEvent[]): Promise<void> {
    // Fail at once while disconnected: a publish would otherwise wait out its timeout inside the
    // relay's transaction. The events stay in the outbox and go out on the next pass after reconnecting.
    const link = this.link;
    if (!link || !this.connected) throw new Error('NATS is not connected; events stay in the outbox');
    await Promise.all(
      events.map((e) => {
        const h = headers();
        h.set('Nats-Msg-Id', e.id);
        return link.js.publish(`${this.subjectPrefix}.${e.type}`, JSON.stringify(e), { headers: h, msgID: e.id });
      }),
    );
  }

  broadcast(events: PublishedEvent[]): void {
    for (const e of events) for (const h of this.handlers) h(e);
    const link = this.link;
    // Passing states: while NATS is away the other nodes miss them and take the next ones.
    if (!link || !this.connected || events.length === 0) return;
    try {
      const h = headers();
      h.set(ORIGIN_HEADER, this.origin);
      const type = events[0]!.type;
      const codec = this.codecs.get(type);
      link.nc.publish(`${this.liveSubject}.${type}`, codec ? codec.encode(events) : JSON.stringify(events), { headers: h });
    } catch (err) {
      this.log.warn({ err }, 'a broadcast could not be sent over NATS; the other nodes take the next one');
    }
  }

  setBroadcastCodec(type: string, codec: BroadcastCodec): void {
    this.codecs.set(type, codec);
  }

  private deliverBroadcast(subject: string, data: Uint8Array): void {
    try {
      const codec = this.codecs.get(subject.slice(this.liveSubject.length + 1));
      const events = codec ? codec.decode(data) : (JSON.parse(Buffer.from(data.buffer, data.byteOffset, data.byteLength).toString('utf8')) as PublishedEvent[]);
      for (const e of events) for (const h of this.handlers) h(e);
    } catch (err) {
      this.log.error({ err }, 'dropping an unreadable broadcast from NATS');
    }
  }

  subscribe(handler: EventHandler): () => void {
    this.handlers.add(handler);
    return () => this.handlers.delete(handler);
  }

  async ping(): Promise<boolean> {
    const nc = this.link?.nc;
    if (!nc || nc.isClosed() || !this.connected) return false;
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), PING_TIMEOUT_MS)));
    try {
      return await Promise.race([nc.flush().then(() => true), timeout]);
    } catch {
      return false;
    } finally {
      clearTimeout(timer);
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    clearTimeout(this.retry);
    this.handlers.clear();
    this.link?.live.unsubscribe();
    await this.link?.messages.close();
    await this.link?.nc.drain().catch(() => undefined);
  }
}
