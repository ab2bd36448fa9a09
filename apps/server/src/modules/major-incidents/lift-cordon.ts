import type { CordonKind, MajorIncident } from '@firebreak/contracts';
import { sql } from 'drizzle-orm';
import { AppError } from '../../errors.js';
import type { Actor } from '../../platform/auth/access.js';
import { runCommand, type CommandContext, type CommandDeps } from '../../platform/command.js';
import { cordonsOf } from './cordons.queries.js';
import { lockMajor, touch } from './lock.js';
import { majorRow, presentMajor } from './major-incidents.queries.js';
import { endTrafficPoints } from './traffic-points.js';

/**
 * Lifts a cordon: its shape is removed (kept in the audit row's `before`), and the roads it closed
 * open again on every node. The outer cordon cannot go while an inner one stands inside it; its
 * computed traffic control points end with it (their patrols are free again).
 */
export async function liftCordon(deps: CommandDeps, ctx: CommandContext & { actor: Actor }, id: string, kind: CordonKind): Promise<MajorIncident> {
  const now = deps.clock();
  const { result } = await runCommand(deps, ctx, async (tx, record) => {
    const { row } = await lockMajor(tx, ctx.actor, id, now, { command: true });
    const cordons = await cordonsOf(tx, id);
    const before = cordons.find((c) => c.kind === kind);
    if (!before) throw new AppError('MAJOR_INCIDENT_NO_CORDON', `There is no ${kind} cordon to lift`);
    if (kind === 'outer' && cordons.some((c) => c.kind === 'inner')) {
      throw new AppError('MAJOR_INCIDENT_CHANGE_NOT_ALLOWED', 'Lift the inner cordon before the outer one', { fields: [{ path: 'path.kind', message: 'the inner cordon still stands' }] });
    }
    await tx.execute(sql`delete from major_incident_cordons where major_incident_id = ${id} and kind = ${kind}`);
    const trafficPointsEnded = kind === 'outer' ? await endTrafficPoints(tx, id, now) : 0;
    await touch(tx, id, now);
    const data = { majorIncidentId: id, kind, closedRoads: before.closesRoads, trafficPointsEnded, exercise: row.exercise };
    record.audit({ action: 'major_incidents.cordon_lifted', entityType: 'major_incident', entityId: id, jurisdictionPath: row.jurisdictionPath,
      before: { area: before.area, radiusM: before.radiusM, closesRoads: before.closesRoads }, after: data });
    record.emit({ type: 'major_incidents.cordon_lifted', jurisdictionPath: row.jurisdictionPath, data });
    return presentMajor(tx, (await majorRow(tx, id))!, now);
  });
  return result;
}
