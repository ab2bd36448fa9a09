import type { MajorIncident, MajorPoint } from '@firebreak/contracts';
import { sql } from 'drizzle-orm';
import { notFound } from '../../errors.js';
import type { Actor } from '../../platform/auth/access.js';
import { runCommand, type CommandContext, type CommandDeps } from '../../platform/command.js';
import { rows } from '../../platform/db/client.js';
import { lockMajor, touch } from './lock.js';
import { majorRow, presentMajor } from './major-incidents.queries.js';

/** Removes a point no longer in use (it stays in the table and the audit trail for the after-action report). */
export async function removePoint(deps: CommandDeps, ctx: CommandContext & { actor: Actor }, id: string, pointId: string): Promise<MajorIncident> {
  const now = deps.clock();
  const { result } = await runCommand(deps, ctx, async (tx, record) => {
    const { row } = await lockMajor(tx, ctx.actor, id, now, { command: true });
    const [point] = await rows<{ kind: MajorPoint['kind']; name: string }>(tx, sql`update major_incident_points set removed_at = ${now}
      where id = ${pointId} and major_incident_id = ${id} and removed_at is null returning kind, name`);
    if (!point) throw notFound('Point');
    await touch(tx, id, now);
    const data = { majorIncidentId: id, pointId, kind: point.kind, name: point.name, exercise: row.exercise };
    record.audit({ action: 'major_incidents.point_removed', entityType: 'major_incident', entityId: id, jurisdictionPath: row.jurisdictionPath, after: data });
    record.emit({ type: 'major_incidents.point_removed', jurisdictionPath: row.jurisdictionPath, data });
    return presentMajor(tx, (await majorRow(tx, id))!, now);
  });
  return result;
}
