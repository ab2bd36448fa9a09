import type { AssignTrafficPointBody, MajorIncident } from '@firebreak/contracts';
import { sql } from 'drizzle-orm';
import { AppError, invalidField, notFound } from '../../errors.js';
import { canOnUnit, type Actor } from '../../platform/auth/access.js';
import { runCommand, type CommandContext, type CommandDeps } from '../../platform/command.js';
import { rows } from '../../platform/db/client.js';
import { findUnitRow } from '../units/index.js';
import { lockMajor, touch } from './lock.js';
import { majorRow, presentMajor } from './major-incidents.queries.js';
import { PATROL_KINDS } from './model.js';

/**
 * Gives a traffic control point (computed at the outer cordon or placed by the command) to a
 * patrol unit in one action: the point is the patrol's task until the point ends or another
 * patrol takes it. A patrol holds one point at a time: one holding another point of this major
 * incident moves (that point is offered again); one holding a point of another major incident is
 * refused. `unitId: null` takes the patrol off.
 */
export async function assignTrafficPoint(deps: CommandDeps, ctx: CommandContext & { actor: Actor }, id: string, pointId: string, input: AssignTrafficPointBody): Promise<MajorIncident> {
  const now = deps.clock();
  const { result } = await runCommand(deps, ctx, async (tx, record) => {
    const { row } = await lockMajor(tx, ctx.actor, id, now, { command: true });
    const [point] = await rows<{ kind: string; name: string; unitId: string | null }>(tx, sql`select kind, name, unit_id as "unitId" from major_incident_points
      where id = ${pointId} and major_incident_id = ${id} and removed_at is null for update`);
    if (!point) throw notFound('Point');
    if (point.kind !== 'traffic_control') throw new AppError('MAJOR_INCIDENT_NOT_A_TRAFFIC_POINT', `${point.name} is not a traffic control point`, { fields: [{ path: 'path.pointId', message: 'not a traffic control point' }] });
    let unit: { id: string; callSign: string } | null = null;
    let fromPoint: { id: string; name: string } | null = null;
    if (input.unitId !== null) {
      const u = await findUnitRow(tx, input.unitId);
      if (!u || !canOnUnit(ctx.actor, 'units:read', u)) throw invalidField('body.unitId', 'no such unit in your scope');
      if (!PATROL_KINDS.includes(u.kind)) throw new AppError('MAJOR_INCIDENT_NOT_A_PATROL', `${u.callSign} is a ${u.kind.replace('_', ' ')}, not a patrol`, { fields: [{ path: 'body.unitId', message: 'not a patrol unit' }] });
      if (point.unitId === u.id) throw new AppError('MAJOR_INCIDENT_CHANGE_NOT_ALLOWED', `${u.callSign} already holds ${point.name}`);
      const [held] = await rows<{ id: string; name: string; majorId: string }>(tx, sql`select id, name, major_incident_id as "majorId" from major_incident_points
        where unit_id = ${u.id} and removed_at is null for update`);
      if (held && held.majorId !== id) throw new AppError('MAJOR_INCIDENT_UNIT_ELSEWHERE', `${u.callSign} holds a traffic control point of another major incident`);
      if (held) {
        await tx.execute(sql`update major_incident_points set unit_id = null, assigned_at = null, assigned_by = null where id = ${held.id}`);
        fromPoint = { id: held.id, name: held.name };
      }
      unit = { id: u.id, callSign: u.callSign };
    } else if (point.unitId === null) {
      throw new AppError('MAJOR_INCIDENT_CHANGE_NOT_ALLOWED', `No patrol holds ${point.name}`);
    }
    await tx.execute(sql`update major_incident_points set unit_id = ${unit?.id ?? null}, assigned_at = ${unit ? now : null}, assigned_by = ${unit ? ctx.actor.id : null}
      where id = ${pointId}`);
    await touch(tx, id, now);
    const data = {
      majorIncidentId: id, pointId, name: point.name, unitId: unit?.id ?? null, callSign: unit?.callSign ?? null, previousUnitId: point.unitId,
      fromPointId: fromPoint?.id ?? null, exercise: row.exercise,
    };
    record.audit({ action: 'major_incidents.traffic_point_assigned', entityType: 'major_incident', entityId: id, jurisdictionPath: row.jurisdictionPath, after: data });
    record.emit({ type: 'major_incidents.traffic_point_assigned', jurisdictionPath: row.jurisdictionPath, data });
    return presentMajor(tx, (await majorRow(tx, id))!, now);
  });
  return result;
}
