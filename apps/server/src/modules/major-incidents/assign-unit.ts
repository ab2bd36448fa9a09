import type { MajorIncident } from '@firebreak/contracts';
import { and, eq, isNull } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';
import { AppError, invalidField } from '../../errors.js';
import { canOnUnit, type Actor } from '../../platform/auth/access.js';
import { runCommand, type CommandContext, type CommandDeps } from '../../platform/command.js';
import { findUnitRow } from '../units/index.js';
import { lockMajor, touch } from './lock.js';
import { majorRow, presentMajor } from './major-incidents.queries.js';
import { majorIncidentPositions, majorIncidentSectorUnits } from './major-incidents.tables.js';
import { sectorFor } from './sector.js';

/**
 * Puts a unit to work in a sector, or moves it there from another sector of the same major
 * incident (the old assignment ends at the instant the new one begins). A unit works for one
 * major incident at a time: one still assigned elsewhere must be released there first.
 */
export async function assignUnit(deps: CommandDeps, ctx: CommandContext & { actor: Actor }, id: string, positionId: string, unitId: string): Promise<MajorIncident> {
  const now = deps.clock();
  const { result } = await runCommand(deps, ctx, async (tx, record) => {
    const locked = await lockMajor(tx, ctx.actor, id, now, { command: false });
    const sector = await sectorFor(tx, ctx.actor, locked, positionId, now);
    const unit = await findUnitRow(tx, unitId);
    if (!unit || !canOnUnit(ctx.actor, 'units:read', unit)) throw invalidField('path.unitId', 'no such unit in your scope');
    const [open] = await tx.select({ id: majorIncidentSectorUnits.id, majorIncidentId: majorIncidentSectorUnits.majorIncidentId, positionId: majorIncidentSectorUnits.positionId, sector: majorIncidentPositions.name })
      .from(majorIncidentSectorUnits).innerJoin(majorIncidentPositions, eq(majorIncidentPositions.id, majorIncidentSectorUnits.positionId))
      .where(and(eq(majorIncidentSectorUnits.unitId, unitId), isNull(majorIncidentSectorUnits.toAt))).for('update');
    if (open && open.majorIncidentId !== id) throw new AppError('MAJOR_INCIDENT_UNIT_ELSEWHERE', `${unit.callSign} is assigned to another major incident`);
    if (open?.positionId === positionId) throw new AppError('MAJOR_INCIDENT_CHANGE_NOT_ALLOWED', `${unit.callSign} already works in sector ${sector.name}`);
    if (open) await tx.update(majorIncidentSectorUnits).set({ toAt: now }).where(eq(majorIncidentSectorUnits.id, open.id));
    await tx.insert(majorIncidentSectorUnits).values({ id: uuidv7(), majorIncidentId: id, positionId, unitId, fromAt: now });
    await touch(tx, id, now);
    const data = { majorIncidentId: id, unitId, callSign: unit.callSign, positionId, sector: sector.name, fromSector: open?.sector ?? null, exercise: locked.row.exercise };
    record.audit({ action: 'major_incidents.unit_assigned', entityType: 'major_incident', entityId: id, jurisdictionPath: locked.row.jurisdictionPath, after: data });
    record.emit({ type: 'major_incidents.unit_assigned', jurisdictionPath: locked.row.jurisdictionPath, data });
    return presentMajor(tx, (await majorRow(tx, id))!, now);
  });
  return result;
}
