import { z } from 'zod';
import { Id, Latitude, Longitude, Timestamp } from './common.js';
import { IncidentType, Priority } from './incidents.js';

/** The MQTT topic a unit's terminal subscribes to for its assignments (QoS 1), under the deployment's `MQTT_TOPIC_PREFIX`. */
export const unitAssignmentTopic = (unitId: string, prefix = 'firebreak'): string => `${prefix}/units/${unitId}/assignments`;

/**
 * What a unit's terminal receives on its assignment topic, at least once: `messageId` is the id
 * of the event it comes from, so a terminal drops a repeat by it. `assigned`: go to the incident;
 * `reassigned`: leave `previous` and go to the incident; `cancelled`: stand down from it.
 */
export const UnitAssignmentMessage = z.object({
  messageId: Id,
  kind: z.enum(['assigned', 'reassigned', 'cancelled']),
  sentAt: Timestamp,
  unitId: Id,
  assignmentId: Id,
  incident: z.object({
    id: Id,
    type: IncidentType,
    priority: Priority,
    location: z.tuple([Longitude, Latitude]),
    address: z.string().nullable(),
  }),
  previous: z.object({ incidentId: Id, assignmentId: Id }).nullable(),
});
export type UnitAssignmentMessage = z.infer<typeof UnitAssignmentMessage>;

/** The MQTT topic a unit's terminal subscribes to for its patrol posts (QoS 1). */
export const unitPatrolTopic = (unitId: string, prefix = 'firebreak'): string => `${prefix}/units/${unitId}/patrols`;

/**
 * What a unit's terminal receives on its patrol topic, at least once (`messageId`: the event it
 * comes from, the same for every unit told of one change). `cancelled`: the plan was called off —
 * leave the posts listed (the unit's own in that plan), with the commander's reason.
 */
export const UnitPatrolMessage = z.object({
  messageId: Id,
  kind: z.enum(['cancelled']),
  sentAt: Timestamp,
  unitId: Id,
  plan: z.object({ id: Id, title: z.string(), shiftStart: Timestamp, shiftEnd: Timestamp, reason: z.string().nullable() }),
  posts: z.array(z.object({ id: Id, name: z.string(), location: z.tuple([Longitude, Latitude]) })),
});
export type UnitPatrolMessage = z.infer<typeof UnitPatrolMessage>;
