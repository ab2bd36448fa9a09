import type { TransportFix } from '@firebreak/contracts';
import type { CommandDeps } from '../../platform/command.js';
import type { PublishedEvent } from '../../platform/events/bus.js';
import { openSubscriber } from '../../platform/mqtt/subscriber.js';
import { reportTransportBatch } from './report-transport-batch.js';
import { parseTransportMessage, permitPositionFilter, permitTopicHead } from './transport-payload.js';

/** As the units' ingest: fixes gathered this long are held and stored, every permit's, in one command. */
const FLUSH_MS = 200;
/** ... or this many, whichever comes first (a backlog then flows in transactions of this size and more, not one huge one). */
const FLUSH_AT = 5000;

interface Log { warn: (o: object, msg: string) => void; info: (o: object, msg: string) => void }

/**
 * Fixes of permitted vehicles over MQTT (`<prefix>/goods/permits/<id>/position`: one topic per
 * permit, the broker's ACL lets each vehicle's terminal publish only to its own; `prefix` is
 * `MQTT_TOPIC_PREFIX`), the units' AVL path (`units/mqtt-ingest.ts`) for transports, through the
 * same lean subscriber (`platform/mqtt/subscriber.ts`, QoS 1, the acknowledgements of a socket read
 * in one write): the same payload (a unit fix without `unitId`, checked by hand: `transport-payload.ts`),
 * gathered for 200 ms and held against each permit's watch in one command for the whole batch
 * (`reportTransportBatch`), without an actor (the broker authenticated the device); the newest
 * positions are `share`d after each commit (the bus's broadcast, as units' AVL). Fixes for unknown or finished permits and unreadable payloads are dropped and counted.
 */
export async function startTransportMqttIngest(url: string, deps: CommandDeps, log: Log, clientId: string, share: (events: PublishedEvent[]) => void = () => undefined, prefix = 'firebreak'): Promise<{ flush(): Promise<number>; close(): Promise<void> }> {
  const head = permitTopicHead(prefix);
  let pending = new Map<string, TransportFix[]>();
  let pendingFixes = 0;
  let dropped = 0;
  let chain: Promise<number> = Promise.resolve(0);
  /** The flush waiting behind the running one: there is never more than one (see flush). */
  let queued: Promise<number> | undefined;

  const subscriber = openSubscriber({ url, clientId, filters: [permitPositionFilter(prefix)], qos: 1, log, onMessage(topic, payload) {
    const m = parseTransportMessage(topic, payload, head);
    if (m === null) {
      dropped++;
      return;
    }
    const held = pending.get(m.permitId);
    if (held) held.push(m.fix);
    else pending.set(m.permitId, [m.fix]);
    if (++pendingFixes >= FLUSH_AT) void flush();
  } });
  await subscriber.ready;

  /**
   * Stores what is pending after the running store. Calls while one is already waiting join it:
   * under load the batches grow instead of a queue of small transactions piling up.
   */
  function flush(): Promise<number> {
    if (queued) return queued;
    const next = chain.then(async () => {
      queued = undefined;
      const batch = pending;
      pending = new Map();
      pendingFixes = 0;
      if (batch.size === 0) return 0;
      try {
        // Once more on a failure of the database (a lost connection, a failover): the batch is idempotent.
        const done = await reportTransportBatch(deps, batch, share).catch(() => reportTransportBatch(deps, batch, share));
        dropped += done.dropped;
        return done.stored;
      } catch (err) {
        // The batch is rolled back whole (nothing partly stored); its fixes are counted as dropped.
        for (const fixes of batch.values()) dropped += fixes.length;
        log.warn({ err, permits: batch.size }, 'transport MQTT ingest: storing fixes failed');
        return 0;
      }
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
    async close() {
      clearInterval(timer);
      await subscriber.close();
      await flush();
      if (dropped) log.info({ dropped }, 'transport MQTT ingest: fixes dropped');
    },
  };
}
