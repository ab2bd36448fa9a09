import { unitAssignmentTopic, UnitAssignmentMessage, type Assignment } from '@firebreak/contracts';
import type { PublishedEvent } from '../../platform/events/bus.js';
import type { RepeatingPass } from '../../platform/jobs/repeating-pass.js';
import type { Platform } from '../../platform/kernel.js';
import type { MqttLink } from '../../platform/mqtt/link.js';
import { mqttNotifier } from '../../platform/mqtt/notifier.js';
import { findIncidentRow } from '../incidents/index.js';

const TYPES = ['dispatch.unit_assigned', 'dispatch.unit_reassigned', 'dispatch.assignment_changed'] as const;

type Draft = Omit<UnitAssignmentMessage, 'incident' | 'sentAt'> & { incidentId: string };

/**
 * What a unit is told of an event, if anything. An event is emitted once per jurisdiction that
 * must see it (the incident's, and the unit's when it is a neighbour's), so the same fact can
 * come twice: the caller keeps one per kind and assignment. The steps of a move (the old
 * assignment cancelled, the new one assigned, marked `via: reassignment`) are told as one
 * `reassigned`.
 */
export function draftOf(e: PublishedEvent): Draft | null {
  if (e.type === 'dispatch.unit_assigned') {
    const a = e.data as Assignment & { via?: string };
    if (a.via) return null;
    return { messageId: e.id, kind: 'assigned', unitId: a.unitId, assignmentId: a.id, incidentId: a.incidentId, previous: null };
  }
  if (e.type === 'dispatch.unit_reassigned') {
    const d = e.data as { kind: 'move' | 'swap'; ended: Assignment; started: Assignment };
    if (d.kind !== 'move') return null; // a swap is told as a cancel to one unit and an assignment to the other
    return { messageId: e.id, kind: 'reassigned', unitId: d.started.unitId, assignmentId: d.started.id, incidentId: d.started.incidentId, previous: { incidentId: d.ended.incidentId, assignmentId: d.ended.id } };
  }
  if (e.type === 'dispatch.assignment_changed') {
    const a = e.data as Assignment & { step: string; via?: string };
    if (a.step !== 'cancel' || a.via) return null;
    return { messageId: e.id, kind: 'cancelled', unitId: a.unitId, assignmentId: a.id, incidentId: a.incidentId, previous: null };
  }
  return null;
}

/**
 * The messages a run of events tells: one per kind and assignment (the same fact comes once per
 * jurisdiction that must see it), each with its incident as it is now.
 */
async function assignmentMessagesOf(platform: Platform, events: readonly PublishedEvent[]): Promise<UnitAssignmentMessage[]> {
  const seen = new Set<string>();
  const out: UnitAssignmentMessage[] = [];
  for (const e of events) {
    const draft = draftOf(e);
    if (!draft || seen.has(`${draft.kind}:${draft.assignmentId}`)) continue;
    seen.add(`${draft.kind}:${draft.assignmentId}`);
    const incident = await findIncidentRow(platform.db, draft.incidentId);
    if (!incident) continue;
    const { incidentId: _i, ...rest } = draft;
    out.push(UnitAssignmentMessage.parse({
      ...rest,
      sentAt: e.occurredAt,
      incident: { id: incident.id, type: incident.type, priority: incident.priority, location: [Number(incident.lon), Number(incident.lat)], address: incident.address },
    }));
  }
  return out;
}

/**
 * Tells units of their assignments over MQTT: `<MQTT_TOPIC_PREFIX>/units/<unitId>/assignments`, QoS 1,
 * one `UnitAssignmentMessage` (JSON) each, through the platform's notifier (`mqttNotifier`: an
 * outbox consumer, after commit, at least once, paused while the broker is down). Terminals drop
 * repeats by `messageId` (or kind + assignment).
 */
export function startUnitNotifier(platform: Platform, link: MqttLink): RepeatingPass {
  return mqttNotifier(platform, link, {
    name: 'unit-assignments-mqtt',
    types: TYPES,
    messagesOf: (events) => assignmentMessagesOf(platform, events),
    topicOf: (m, prefix) => unitAssignmentTopic(m.unitId, prefix),
  });
}
