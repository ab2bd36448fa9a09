import { UnitPatrolMessage, unitPatrolTopic, type PatrolPlan } from '@firebreak/contracts';
import type { PublishedEvent } from '../../platform/events/bus.js';
import type { RepeatingPass } from '../../platform/jobs/repeating-pass.js';
import type { Platform } from '../../platform/kernel.js';
import type { MqttLink } from '../../platform/mqtt/link.js';
import { mqttNotifier } from '../../platform/mqtt/notifier.js';

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
 * QoS 1, a `UnitPatrolMessage` each — beside the event at the unit's path, through the platform's
 * notifier (`mqttNotifier`: an outbox consumer, after commit, at least once, paused while the
 * broker is down: nothing is lost), as dispatch tells assignments.
 */
export function startPatrolNotifier(platform: Platform, link: MqttLink): RepeatingPass {
  return mqttNotifier(platform, link, {
    name: 'unit-patrols-mqtt',
    types: TYPES,
    messagesOf: (events) => events.flatMap(patrolMessagesOf),
    topicOf: (m, prefix) => unitPatrolTopic(m.unitId, prefix),
  });
}
