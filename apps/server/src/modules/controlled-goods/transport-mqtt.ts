import type { TransportFix } from '@firebreak/contracts';
import mqtt from 'mqtt';
import type { CommandDeps } from '../../platform/command.js';
import type { PublishedEvent } from '../../platform/events/bus.js';
import { reportTransportBatch } from './report-transport-batch.js';
import { parseTransportMessage } from './transport-payload.js';

/** One topic per permit; the broker's ACL lets each vehicle's terminal publish only to its own. */
export const PERMIT_POSITION_TOPIC = 'firebreak/goods/permits/+/position';
/** As the units' ingest: fixes gathered this long are held and stored, every permit's, in one command. */
const FLUSH_MS = 200;

interface Log { warn: (o: object, msg: string) => void; info: (o: object, msg: string) => void }

/**
 * Fixes of permitted vehicles over MQTT, the units' AVL path (`units/mqtt-ingest.ts`) for
 * transports: the same payload (a unit fix without `unitId`, checked by hand: `transport-payload.ts`),
 * gathered for 200 ms and held against each permit's watch in one command for the whole batch
 * (`reportTransportBatch`), without an actor (the broker authenticated the device); the newest
 * positions are `share`d after each commit (the bus's broadcast, as units' AVL). Fixes for unknown or finished permits and unreadable payloads are dropped and counted.
 */
export async function startTransportMqttIngest(url: string, deps: CommandDeps, log: Log, clientId: string, share: (events: PublishedEvent[]) => void = () => undefined): Promise<{ flush(): Promise<number>; close(): Promise<void> }> {
  const client = mqtt.connect(url, { clientId, clean: true, reconnectPeriod: 1000, connectTimeout: 5000 });
  const subscribe = () => client.subscribeAsync(PERMIT_POSITION_TOPIC, { qos: 1 }).catch((err: unknown) => log.warn({ err }, 'transport MQTT ingest: subscribing failed'));
  const unreachable = () => undefined;
  client.on('error', unreachable);
  await new Promise<void>((resolve) => {
    client.on('connect', () => void subscribe().then(() => resolve()));
    client.once('offline', () => resolve());
  });
  client.off('error', unreachable);
  let pending = new Map<string, TransportFix[]>();
  let dropped = 0;
  let chain: Promise<number> = Promise.resolve(0);

  client.on('message', (topic, payload) => {
    const m = parseTransportMessage(topic, payload);
    if (m === null) {
      dropped++;
      return;
    }
    const held = pending.get(m.permitId);
    if (held) held.push(m.fix);
    else pending.set(m.permitId, [m.fix]);
  });
  client.on('error', (err) => log.warn({ err }, 'transport MQTT ingest: broker error'));

  function flush(): Promise<number> {
    chain = chain.then(async () => {
      const batch = pending;
      pending = new Map();
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
    return chain;
  }

  const timer = setInterval(() => void flush(), FLUSH_MS);
  timer.unref();
  log.info({ url, topic: PERMIT_POSITION_TOPIC }, 'transport MQTT ingest started');
  return {
    flush,
    async close() {
      clearInterval(timer);
      await client.endAsync();
      await flush();
      if (dropped) log.info({ dropped }, 'transport MQTT ingest: fixes dropped');
    },
  };
}
