import type { MajorPoint, TakeTrafficPointBody } from '@firebreak/contracts';
import { sql } from 'drizzle-orm';
import { AppError, invalidField, notFound } from '../../errors.js';
import type { Actor } from '../../platform/auth/access.js';
import { runCommand, type CommandContext, type CommandDeps } from '../../platform/command.js';
import { rows } from '../../platform/db/client.js';
import { findUnitRow } from '../units/index.js';
import { touch } from './lock.js';
import { canSeeMajor, mayTakeFor } from './major-incidents.access.js';
import { majorRow, presentMajor } from './major-incidents.queries.js';
import { PATROL_KINDS, patrolNear } from './model.js';

/**
 * A patrol takes an open traffic control point offered to it (`trafficPointOffers`): by its crew,
 * or a dispatcher for it. The point must be open (`MAJOR_INCIDENT_POINT_HELD` once another patrol
 * holds it: first come, first served, under the point's row lock), the patrol near the incident
 * (`patrolNear`) and free: holding no point and working no other major incident's sector
 * (`MAJOR_INCIDENT_UNIT_ELSEWHERE`; moving a patrol between points is the command's call). A retry
 * carries an Idempotency-Key (one answer); without one, taking it again for the same patrol is 409. Audited and pushed as
 * `major_incidents.traffic_point_taken`; the command's board shows the point held.
 */
export async function takeTrafficPoint(deps: CommandDeps, ctx: CommandContext & { actor: Actor }, id: string, pointId: string, input: TakeTrafficPointBody): Promise<MajorPoint> {
  const now = deps.clock();
  const { result } = await runCommand(deps, ctx, async (tx, record) => {
    const row = await majorRow(tx, id, { forUpdate: true });
    if (!row) throw notFound('Major incident');
    const u = await findUnitRow(tx, input.unitId);
    if (!u || !mayTakeFor(ctx.actor, u)) {
      if (!canSeeMajor(ctx.actor, row)) throw notFound('Major incident');
      throw invalidField('body.unitId', 'no such unit you may act for');
    }
    const [sector] = await rows<{ majorId: string }>(tx, sql`select major_incident_id as "majorId" from major_incident_sector_units where unit_id = ${u.id} and to_at is null`);
    const near = patrolNear({ kind: u.kind, jurisdictionPath: u.jurisdictionPath, sectorMajorId: sector?.majorId ?? null }, row);
    // One who may not read the incident learns nothing of it through a patrol it was never offered to.
    if (!canSeeMajor(ctx.actor, row) && !near) throw notFound('Major incident');
    if (row.state !== 'active') throw new AppError('MAJOR_INCIDENT_STOOD_DOWN');
    const [point] = await rows<{ kind: string; name: string; unitId: string | null }>(tx, sql`select kind, name, unit_id as "unitId" from major_incident_points
      where id = ${pointId} and major_incident_id = ${id} and removed_at is null for update`);
    if (!point) throw notFound('Point');
    if (point.kind !== 'traffic_control') throw new AppError('MAJOR_INCIDENT_NOT_A_TRAFFIC_POINT', `${point.name} is not a traffic control point`, { fields: [{ path: 'path.pointId', message: 'not a traffic control point' }] });
    if (!PATROL_KINDS.includes(u.kind)) throw new AppError('MAJOR_INCIDENT_NOT_A_PATROL', `${u.callSign} is a ${u.kind.replace('_', ' ')}, not a patrol`, { fields: [{ path: 'body.unitId', message: 'not a patrol unit' }] });
    if (point.unitId === u.id) throw new AppError('MAJOR_INCIDENT_CHANGE_NOT_ALLOWED', `${u.callSign} already holds ${point.name}`);
    if (point.unitId !== null) throw new AppError('MAJOR_INCIDENT_POINT_HELD', `Another patrol already holds ${point.name}`, { fields: [{ path: 'path.pointId', message: 'already held by a patrol' }] });
    if (!near) throw new AppError('MAJOR_INCIDENT_PATROL_NOT_NEAR', `${u.callSign} is neither of ${row.commandName} nor in one of the incident's sectors`, { fields: [{ path: 'body.unitId', message: 'not near the incident' }] });
    if (sector && sector.majorId !== id) throw new AppError('MAJOR_INCIDENT_UNIT_ELSEWHERE', `${u.callSign} works in a sector of another major incident`, { fields: [{ path: 'body.unitId', message: 'working another major incident' }] });
    const [held] = await rows<{ name: string }>(tx, sql`select name from major_incident_points where unit_id = ${u.id} and removed_at is null for update`);
    if (held) throw new AppError('MAJOR_INCIDENT_UNIT_ELSEWHERE', `${u.callSign} already holds ${held.name}; the command moves a patrol between points`, { fields: [{ path: 'body.unitId', message: 'already holds a traffic control point' }] });
    await tx.execute(sql`update major_incident_points set unit_id = ${u.id}, assigned_at = ${now}, assigned_by = ${ctx.actor.id} where id = ${pointId}`);
    await touch(tx, id, now);
    const data = { majorIncidentId: id, pointId, name: point.name, unitId: u.id, callSign: u.callSign, exercise: row.exercise };
    record.audit({ action: 'major_incidents.traffic_point_taken', entityType: 'major_incident', entityId: id, jurisdictionPath: row.jurisdictionPath, after: data });
    // At the place's path: the command and every level above see it held at once; offer lists refresh on it (and on a timer).
    record.emit({ type: 'major_incidents.traffic_point_taken', jurisdictionPath: row.jurisdictionPath, data });
    return pointOf(tx, row, pointId, now);
  });
  return result;
}

async function pointOf(tx: Parameters<typeof presentMajor>[0], row: NonNullable<Awaited<ReturnType<typeof majorRow>>>, pointId: string, now: Date): Promise<MajorPoint> {
  const m = await presentMajor(tx, (await majorRow(tx, row.id))!, now);
  return m.points.find((p) => p.id === pointId)!;
}
