import type { MajorIncident } from '@firebreak/contracts';
import { and, eq, isNull } from 'drizzle-orm';
import { AppError } from '../../errors.js';
import type { Actor } from '../../platform/auth/access.js';
import { runCommand, type CommandContext, type CommandDeps } from '../../platform/command.js';
import { lockMajor, touch } from './lock.js';
import { majorRow, presentMajor } from './major-incidents.queries.js';
import { majorIncidentPositions, majorIncidentSectorUnits } from './major-incidents.tables.js';
import { sectorFor } from './sector.js';

/** Releases a unit from its sector (it stays in the after-action record with its start and end). */
export async function releaseUnit(deps: CommandDeps, ctx: CommandContext & { actor: Actor }, id: string, unitId: string): Promise<MajorIncident> {
  const now = deps.clock();
  const { result } = await runCommand(deps, ctx, async (tx, record) => {
    const locked = await lockMajor(tx, ctx.actor, id, now, { command: false });
    const [open] = await tx.select({ id: majorIncidentSectorUnits.id, positionId: majorIncidentSectorUnits.positionId, sector: majorIncidentPositions.name })
      .from(majorIncidentSectorUnits).innerJoin(majorIncidentPositions, eq(majorIncidentPositions.id, majorIncidentSectorUnits.positionId))
      .where(and(eq(majorIncidentSectorUnits.majorIncidentId, id), eq(majorIncidentSectorUnits.unitId, unitId), isNull(majorIncidentSectorUnits.toAt)));
    if (!open) throw new AppError('MAJOR_INCIDENT_CHANGE_NOT_ALLOWED', 'That unit is not assigned to this major incident');
    await sectorFor(tx, ctx.actor, locked, open.positionId, now);
    await tx.update(majorIncidentSectorUnits).set({ toAt: now }).where(eq(majorIncidentSectorUnits.id, open.id));
    await touch(tx, id, now);
    const data = { majorIncidentId: id, unitId, sector: open.sector, exercise: locked.row.exercise };
    record.audit({ action: 'major_incidents.unit_released', entityType: 'major_incident', entityId: id, jurisdictionPath: locked.row.jurisdictionPath, after: data });
    record.emit({ type: 'major_incidents.unit_released', jurisdictionPath: locked.row.jurisdictionPath, data });
    return presentMajor(tx, (await majorRow(tx, id))!, now);
  });
  return result;
}
