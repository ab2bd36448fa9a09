import type { Assignment } from '@firebreak/contracts';
import { v7 as uuidv7 } from 'uuid';
import { AppError } from '../../errors.js';
import { canOnUnit, lentBy, type Actor } from '../../platform/auth/access.js';
import type { CommandRecord } from '../../platform/command.js';
import type { Tx } from '../../platform/db/client.js';
import type { IncidentRow } from '../incidents/index.js';
import { dutyPostsOf } from '../posts/index.js';
import type { UnitRow } from '../units/index.js';
import { findAssignment } from './dispatch.queries.js';
import { assignments } from './dispatch.tables.js';

/**
 * Refuses a unit the actor may not send: its own scope, lent under a mutual aid agreement, or
 * lent for this very incident by a granted reinforcement request (`lentHere`).
 */
export function assertMaySend(actor: Actor, unit: UnitRow, lentHere: ReadonlySet<string> | ReadonlyMap<string, unknown> = new Set()): void {
  if (!canOnUnit(actor, 'dispatch:assign', unit) && !lentHere.has(unit.id)) throw new AppError('FORBIDDEN', `You may not dispatch units of ${unit.jurisdictionPath}`);
}

/** Refuses an incident that takes no units: closed, or linked as a duplicate (its units go to the original). */
export function assertTakesUnits(incident: IncidentRow): void {
  if (incident.state !== 'open') throw new AppError('INCIDENT_CLOSED');
  if (incident.duplicateOf) throw new AppError('INCIDENT_IS_DUPLICATE', `The incident is a duplicate of ${incident.duplicateOf}: send units there`);
}

/**
 * Writes the assignment of a unit (already moved to `dispatched` by the units model) to an
 * incident, audited on the incident and announced to both the incident's and the unit's command.
 * A unit lent by a mutual aid agreement also tells its own command (`mutual_aid.unit_sent`, at
 * the unit's path, naming the duty posts there), so the neighbour knows where its unit went.
 */
export async function recordAssignment(
  tx: Tx, record: CommandRecord, actor: Actor, incident: IncidentRow, unit: UnitRow, now: Date, fields: {
    etaSeconds: number | null;
    /** Audit action on the incident (a reassignment names itself and where the unit came from). */
    action?: string;
    from?: { incidentId: string; assignmentId: string };
    /** Set when this assignment is part of a unit's move: notifiers announce the move instead. */
    via?: 'reassignment';
  },
): Promise<Assignment> {
  const id = uuidv7();
  await tx.insert(assignments).values({ id, incidentId: incident.id, unitId: unit.id, state: 'assigned', etaSeconds: fields.etaSeconds, assignedBy: actor.id, assignedAt: now });
  const assignment = (await findAssignment(tx, id))!;
  record.audit({ action: fields.action ?? 'dispatch.unit_assigned', entityType: 'incident', entityId: incident.id, jurisdictionPath: incident.jurisdictionPath, after: fields.from ? { ...assignment, from: fields.from } : assignment });
  // Both the incident's and the unit's command see it (they differ for a unit from a neighbour).
  const data = fields.via ? { ...assignment, via: fields.via } : assignment;
  for (const path of new Set([incident.jurisdictionPath, unit.jurisdictionPath])) {
    record.emit({ type: 'dispatch.unit_assigned', jurisdictionPath: path, data });
  }
  const aid = lentBy(actor, 'dispatch:assign', unit);
  if (aid) {
    const dutyPosts = (await dutyPostsOf(tx, [unit.jurisdictionId])).map(({ jurisdictionId: _j, ...p }) => p);
    record.emit({ type: 'mutual_aid.unit_sent', jurisdictionPath: unit.jurisdictionPath, data: {
      agreementId: aid.agreementId, providingJurisdictionPath: aid.providingPath, requestingJurisdictionPath: aid.requestingPath,
      unitId: unit.id, callSign: unit.callSign, kind: unit.kind, assignmentId: assignment.id,
      incident: { id: incident.id, type: incident.type, priority: incident.priority, jurisdictionPath: incident.jurisdictionPath, location: [Number(incident.lon), Number(incident.lat)], address: incident.address },
      sentBy: { id: actor.id, name: actor.displayName }, sentAt: now.toISOString(), dutyPosts,
    } });
    record.audit({ action: 'mutual_aid.unit_sent', entityType: 'unit', entityId: unit.id, jurisdictionPath: unit.jurisdictionPath, after: { agreementId: aid.agreementId, incidentId: incident.id, assignmentId: assignment.id } });
  }
  return assignment;
}
