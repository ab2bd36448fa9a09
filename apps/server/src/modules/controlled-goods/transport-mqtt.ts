import type { TransportFix } from '@firebreak/contracts';
import type { CommandDeps } from '../../platform/command.js';
import type { PublishedEvent } from '../../platform/events/bus.js';
import { openSubscriber, type AckMark } from '../../platform/mqtt/subscriber.js';
import { TopicIds } from '../../platform/mqtt/topic-ids.js';
import { positionOfBytes, timeOfCheckedAt } from '../units/index.js';
import { reportTransportBatch } from './report-transport-batch.js';
import { permitIdOfTopic, permitPositionFilter, permitTopicHead } from './transport-payload.js';

/** As the units' ingest: fixes gathered this long are held and stored, every permit's, in one command. */
const FLUSH_MS = 200;
/** ... or this many, whichever comes first (a backlog then flows in transactions of this size and more, not one huge one). */
const FLUSH_AT = 5000;
/**
 * The QoS 1 fixes the broker may leave unacknowledged with the node (MQTT 5 Receive Maximum, the
 * protocol's most): they are acknowledged only once stored, so this must exceed what waits for a
 * commit (the running batch and the one gathering behind it). With Mosquitto's
 * `max_queued_messages` (1,000) beyond it, a backlog of 66,535 fixes is held at the broker before any
 * is dropped — against 1,020 over MQTT 3.1.1 (`max_inflight_messages`, 20, plus the queue).
 */
const RECEIVE_MAXIMUM = 65_535;
/** How long the broker keeps the node's session (and queues its fixes) while the node is away: a restart, a failover. */
const SESSION_EXPIRY_SECONDS = 3600;
/**
 * Transactions a batch is stored in at once, each for its own share of the permits (by id, so one
 * permit's fixes are always in one of them, in order, and its watch state is the one its previous
 * batch left). While one waits for PostgreSQL (its statements, its commit's flush) the node holds
 * another's fixes against their watch, and the backends work side by side.
 */
export const DEFAULT_LANES = 2;

/** Which of `lanes` transactions a permit's fixes go to: the same one for the same permit, every batch. */
export function laneOf(permitId: string, lanes: number): number {
  // UUIDv7: the last characters are random (a hex digit's code; 36 characters checked by the topic).
  return (permitId.charCodeAt(permitId.length - 1) + 31 * permitId.charCodeAt(permitId.length - 2)) % lanes;
}

/** A batch split in `lanes` by permit (`laneOf`); empty shares left out. */
export function splitByLane<T>(batch: ReadonlyMap<string, T>, lanes: number): ReadonlyMap<string, T>[] {
  if (lanes <= 1) return batch.size > 0 ? [batch] : [];
  const parts = Array.from({ length: lanes }, () => new Map<string, T>());
  for (const [id, v] of batch) parts[laneOf(id, lanes)]!.set(id, v);
  return parts.filter((p) => p.size > 0);
}

interface Log { warn: (o: object, msg: string) => void; info: (o: object, msg: string) => void }

export interface TransportMqttIngest {
  /** Stores what is pending (after the running batch); resolves with the fixes it stored. */
  flush(): Promise<number>;
  /**
   * Since the start: fixes stored in the trail (committed) and dropped (unreadable, unknown or
   * finished permits, stamped in the future). Read in memory: a bench or a health check counts
   * without a query on the growing trail.
   */
  stats(): { stored: number; dropped: number };
  close(): Promise<void>;
}

/**
 * Fixes of permitted vehicles over MQTT (`<prefix>/goods/permits/<id>/position`: one topic per
 * permit, the broker's ACL lets each vehicle's terminal publish only to its own; `prefix` is
 * `MQTT_TOPIC_PREFIX`), the units' AVL path (`units/mqtt-ingest.ts`) for transports, through the
 * same lean subscriber (`platform/mqtt/subscriber.ts`, QoS 1, the acknowledgements of a socket read
 * in one write): the same payload (a unit fix without `unitId`, checked by hand: `transport-payload.ts`),
 * gathered for 200 ms and held against each permit's watch in one command for the whole batch
 * (`reportTransportBatch`), without an actor (the broker authenticated the device); the newest
 * positions are `share`d after each commit (the bus's broadcast, as units' AVL). Fixes for unknown or finished permits and unreadable payloads are dropped and counted.
 *
 * No fix is lost between the broker and the trail: the node keeps a session at the broker (MQTT 5,
 * `clientId` stable per node and deployment, not a clean one) and acknowledges a batch's messages
 * only after the batch committed. A node that dies before then has acknowledged none of them; the
 * broker sends them again to the node that takes the session up, and fixes already stored are
 * ignored as not newer than their permit's last. A batch the database refuses twice is not
 * acknowledged either: the link is made afresh and the broker sends its fixes again.
 */
export async function startTransportMqttIngest(url: string, deps: CommandDeps, log: Log, clientId: string, share: (events: PublishedEvent[]) => void = () => undefined, prefix = 'firebreak', opts: { lanes?: number } = {}): Promise<TransportMqttIngest> {
  const lanes = Math.max(1, opts.lanes ?? DEFAULT_LANES);
  const head = permitTopicHead(prefix);
  let pending = new Map<string, TransportFix[]>();
  /** Each pending fix's time (ms), parsed once as it arrives: the batch's future check and the watch read the number. */
  let pendingTimes = new Map<string, number[]>();
  let pendingFixes = 0;
  /** Messages, readable or not, taken in since the last batch was cut: acknowledged with its commit. */
  let pendingMessages = 0;
  let dropped = 0;
  let stored = 0;
  let chain: Promise<number> = Promise.resolve(0);
  /**
   * The permits seen, known by their topics' bytes (as the units' ingest knows its units): a
   * vehicle's messages after its first need no topic string, slice or UUID pattern, and its one id
   * string finds its key in the batch's maps by identity. Forgotten all at once past 20,000
   * (permits end; a forgotten one is read as text once more).
   */
  const topics = new TopicIds(head, permitIdOfTopic, undefined, 20_000);
  /** The flush waiting behind the running one: there is never more than one (see flush). */
  let queued: Promise<number> | undefined;

  const subscriber = openSubscriber({ url, clientId, filters: [permitPositionFilter(prefix)], qos: 1, log, clean: false, acknowledge: 'caller',
    mqtt5: { receiveMaximum: RECEIVE_MAXIMUM, sessionExpirySeconds: SESSION_EXPIRY_SECONDS },
    onLinkLost: letGo,
    onMessageBytes(bytes, topicStart, topicEnd, payloadStart, payloadEnd) {
      pendingMessages++;
      const permitId = topics.find(bytes, topicStart, topicEnd) ?? learn(bytes.toString('utf8', topicStart, topicEnd));
      // The transports' rules are the units' payload's (transport-payload.ts); the form devices send is read without JSON.parse.
      const fix: TransportFix | null = permitId === null ? null : positionOfBytes(bytes, payloadStart, payloadEnd);
      if (permitId === null || fix === null) {
        dropped++;
        return;
      }
      const held = pending.get(permitId);
      const at = timeOfCheckedAt(fix.at);
      if (held) {
        held.push(fix);
        pendingTimes.get(permitId)!.push(at);
      } else {
        pending.set(permitId, [fix]);
        pendingTimes.set(permitId, [at]);
      }
      if (++pendingFixes >= FLUSH_AT) void flush();
    },
  });
  await subscriber.ready;

  /** A topic not known by its bytes, read as text (which decides); a permit's id is then known by its bytes. */
  function learn(topic: string): string | null {
    const id = permitIdOfTopic(topic, head);
    if (id !== null) topics.add(id);
    return id;
  }

  /**
   * What a lost link brought and is not stored yet comes again on the kept session, before anything
   * newer; were it stored after newer fixes of its permit, it would be ignored as old. So it is let go.
   */
  function letGo(): void {
    pending = new Map();
    pendingTimes = new Map();
    pendingFixes = 0;
    pendingMessages = 0;
  }

  /**
   * Stores what is pending after the running store. Calls while one is already waiting join it:
   * under load the batches grow instead of a queue of small transactions piling up.
   */
  function flush(): Promise<number> {
    if (queued) return queued;
    const next = chain.then(async () => {
      queued = undefined;
      const batch = pending;
      const times = pendingTimes;
      const mark: AckMark = subscriber.mark();
      const messages = pendingMessages;
      pending = new Map();
      pendingTimes = new Map();
      pendingFixes = 0;
      pendingMessages = 0;
      if (batch.size === 0) {
        // Only unreadable messages (or none): dropped, and acknowledged so the broker lets them go.
        if (messages) subscriber.acknowledge(mark);
        return 0;
      }
      // Each lane's permits in a transaction of its own, all at once; every one has ended (committed
      // or not) before the batch is acknowledged or let go, so the next batch never overtakes one.
      const parts = splitByLane(batch, lanes);
      // Once more on a failure of the database (a lost connection, a failover): a part is idempotent.
      // The first try refuses a fix stored already (no speculative insertion per fix: `Repeats`);
      // the second ignores it, so such a fix can never fail a batch the broker would send forever.
      const settled = await Promise.allSettled(parts.map((part) => reportTransportBatch(deps, part, share, times, 'refuse')
        .catch(() => reportTransportBatch(deps, part, share, times, 'ignore'))));
      let storedNow = 0;
      for (const r of settled) {
        if (r.status !== 'fulfilled') continue;
        dropped += r.value.dropped;
        storedNow += r.value.stored;
      }
      stored += storedNow;
      const failed = settled.find((r): r is PromiseRejectedResult => r.status === 'rejected');
      if (!failed) {
        subscriber.acknowledge(mark);
        return storedNow;
      }
      // The failed part rolled back whole (nothing partly stored), and nothing of the batch is
      // acknowledged: the link is made afresh and the broker sends all of it again (and what came
      // after it, let go with the link); what the other parts stored is then ignored as not newer.
      log.warn({ err: failed.reason as unknown, permits: batch.size }, 'transport MQTT ingest: storing fixes failed; taking them again from the broker');
      letGo();
      subscriber.restart();
      return storedNow;
    });
    queued = next;
    chain = next;
    return next;
  }

  const timer = setInterval(() => void flush(), FLUSH_MS);
  timer.unref();
  log.info({ url, topic: permitPositionFilter(prefix), connected: subscriber.connected }, 'transport MQTT ingest started');
  return {
    flush,
    stats: () => ({ stored, dropped }),
    async close() {
      clearInterval(timer);
      // Stored and acknowledged while the link is up; what comes after is let go with the link and
      // kept by the broker for the node's next start.
      await flush();
      await subscriber.close();
      if (dropped) log.info({ dropped }, 'transport MQTT ingest: fixes dropped');
    },
  };
}
