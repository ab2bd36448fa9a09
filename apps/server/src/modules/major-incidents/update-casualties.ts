import type { CasualtyCounts, MajorIncident } from '@firebreak/contracts';
import { and, eq } from 'drizzle-orm';
import type { Actor } from '../../platform/auth/access.js';
import { runCommand, type CommandContext, type CommandDeps } from '../../platform/command.js';
import { lockMajor, touch } from './lock.js';
import { majorRow, presentMajor } from './major-incidents.queries.js';
import { majorIncidentCasualties } from './major-incidents.tables.js';
import { sectorFor } from './sector.js';
import { tally } from './model.js';

/**
 * A sector reports its casualty counts by triage category (the counts now, not increments, so a
 * retried or repeated report cannot double them); the major incident's tally is their sum.
 */
export async function updateCasualties(deps: CommandDeps, ctx: CommandContext & { actor: Actor }, id: string, positionId: string, counts: CasualtyCounts): Promise<MajorIncident> {
  const now = deps.clock();
  const { result } = await runCommand(deps, ctx, async (tx, record) => {
    const locked = await lockMajor(tx, ctx.actor, id, now, { command: false });
    const sector = await sectorFor(tx, ctx.actor, locked, positionId, now);
    const [before] = await tx.select().from(majorIncidentCasualties).where(and(eq(majorIncidentCasualties.majorIncidentId, id), eq(majorIncidentCasualties.positionId, positionId)));
    await tx.insert(majorIncidentCasualties).values({ majorIncidentId: id, positionId, ...counts, updatedAt: now })
      .onConflictDoUpdate({ target: [majorIncidentCasualties.majorIncidentId, majorIncidentCasualties.positionId], set: { ...counts, updatedAt: now } });
    await touch(tx, id, now);
    const major = await presentMajor(tx, (await majorRow(tx, id))!, now);
    const data = { majorIncidentId: id, positionId, sector: sector.name, counts: tally([counts]), tally: major.casualties, exercise: locked.row.exercise };
    record.audit({ action: 'major_incidents.casualties_updated', entityType: 'major_incident', entityId: id, jurisdictionPath: locked.row.jurisdictionPath,
      before: before ? tally([before]) : null, after: data });
    record.emit({ type: 'major_incidents.casualties_updated', jurisdictionPath: locked.row.jurisdictionPath, data });
    return major;
  });
  return result;
}
