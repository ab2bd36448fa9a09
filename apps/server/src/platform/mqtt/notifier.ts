import type { PublishedEvent } from '../events/bus.js';
import { outboxConsumer } from '../events/outbox-consumer.js';
import type { RepeatingPass } from '../jobs/repeating-pass.js';
import type { Platform } from '../kernel.js';
import type { MqttLink } from './link.js';

export interface MqttNotifierSpec<M> {
  /** The outbox consumer's name: its cursor in `outbox_cursors`, shared by every node. */
  name: string;
  /** The event types it reads (the cursor passes the others by). */
  types: readonly string[];
  /**
   * What a run of events tells, in order: a whole run at a time, so that one fact emitted at
   * several jurisdictions' paths can be told once.
   */
  messagesOf: (events: readonly PublishedEvent[]) => Promise<readonly M[]> | readonly M[];
  /** Where a message goes, under the deployment's `MQTT_TOPIC_PREFIX`. */
  topicOf: (message: M, prefix: string) => string;
}

/**
 * Tells terminals over MQTT what events say: each message as JSON at QoS 1 on its topic. Fed by an
 * outbox consumer — after commit, at least once, never from inside a command's transaction — and
 * paused while the broker is down (the cursor waits: nothing is lost). Messages carry their own id
 * (`messageId`): terminals drop repeats by it. One way for every module that tells units something
 * (dispatch's assignments, coverage's patrol plans).
 */
export function mqttNotifier<M>(platform: Platform, link: MqttLink, spec: MqttNotifierSpec<M>): RepeatingPass {
  const consumer = outboxConsumer({
    name: spec.name,
    types: spec.types,
    db: platform.db,
    node: `${platform.config.nodeName}-${process.pid}`,
    pollMs: platform.config.outboxPollMs,
    log: platform.log,
    ready: () => link.connected,
    handle: async (events) => {
      // One after the other: a terminal hears of its own events in their order.
      for (const m of await spec.messagesOf(events)) await link.publish(spec.topicOf(m, platform.config.mqttTopicPrefix), JSON.stringify(m));
    },
  });
  consumer.start();
  // Published events arrive before the relay commits their positions; the poll picks them up.
  return consumer;
}
