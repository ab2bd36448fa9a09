import { UnitPatrolMessage, unitPatrolTopic, type PatrolPlan } from '@firebreak/contracts';
import type { PublishedEvent } from '../../platform/events/bus.js';
import { outboxConsumer } from '../../platform/events/outbox-consumer.js';
import type { RepeatingPass } from '../../platform/jobs/repeating-pass.js';
import type { Platform } from '../../platform/kernel.js';
import type { MqttLink } from '../../platform/mqtt/link.js';

const TYPES = ['coverage.patrol_plan_cancelled'] as const;

/**
 * What each unit is told of a cancelled plan, pure: one message per unit that held a post of it,
 * naming its own posts. A cancel is emitted at the plan's path and at each unit's path (for the
 * stream); only the plan's copy is told, so a unit hears of one cancel once (at least once: a
 * terminal drops a repeat by `messageId`).
 */
export function patrolMessagesOf(e: PublishedEvent): UnitPatrolMessage[] {
  if (e.type !== 'coverage.patrol_plan_cancelled') return [];
  const plan = e.data as PatrolPlan;
  if (e.jurisdictionPath !== plan.jurisdictionPath) return [];
  const byUnit = new Map<string, PatrolPlan['posts']>();
  for (const post of plan.posts) if (post.unitId) byUnit.set(post.unitId, [...(byUnit.get(post.unitId) ?? []), post]);
  return [...byUnit].map(([unitId, posts]) => UnitPatrolMessage.parse({
    messageId: e.id, kind: 'cancelled', sentAt: e.occurredAt, unitId,
    plan: { id: plan.id, title: plan.title, shiftStart: plan.shiftStart, shiftEnd: plan.shiftEnd, reason: plan.cancelReason },
    posts: posts.map((p) => ({ id: p.id, name: p.name, location: p.location })),
  }));
}

/**
 * Tells crews over MQTT that their patrol plan was called off: `<MQTT_TOPIC_PREFIX>/units/<unitId>/patrols`,
 * QoS 1, a `UnitPatrolMessage` each — beside the event at the unit's path, as dispatch's unit
 * notifier tells assignments (an outbox consumer, after commit, at least once, paused while the
 * broker is down: nothing is lost).
 */
export function startPatrolNotifier(platform: Platform, link: MqttLink): RepeatingPass {
  const consumer = outboxConsumer({
    name: 'unit-patrols-mqtt',
    types: TYPES,
    db: platform.db,
    node: `${platform.config.nodeName}-${process.pid}`,
    pollMs: platform.config.outboxPollMs,
    log: platform.log,
    ready: () => link.connected,
    handle: async (events) => {
      for (const e of events) {
        for (const m of patrolMessagesOf(e)) await link.publish(unitPatrolTopic(m.unitId, platform.config.mqttTopicPrefix), JSON.stringify(m));
      }
    },
  });
  consumer.start();
  return consumer;
}
