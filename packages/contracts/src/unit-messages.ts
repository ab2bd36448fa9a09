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
