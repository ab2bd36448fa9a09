import type { Incident } from '@firebreak/contracts';
import { sql } from 'drizzle-orm';
import { AppError, notFound } from '../../errors.js';
import { can, type Actor } from '../../platform/auth/access.js';
import { forgetStoredResponses, runCommand, type CommandContext, type CommandDeps } from '../../platform/command.js';
import { findIncidentRow, presentIncident } from './incidents.queries.js';

/** Removes the caller's call-back number for good (it is in no audit row or event; retry copies go too). */
export async function purgeCaller(deps: CommandDeps, ctx: CommandContext & { actor: Actor }, id: string): Promise<Incident> {
  const { result } = await runCommand(deps, ctx, async (tx, record) => {
    const row = await findIncidentRow(tx, id, { forUpdate: true });
    if (!row || !can(ctx.actor, 'incidents:read', row.jurisdictionPath)) throw notFound('Incident');
    if (!can(ctx.actor, 'incidents:create', row.jurisdictionPath)) throw new AppError('FORBIDDEN', `You may not change incidents of ${row.jurisdictionPath}`);
    const now = deps.clock();
    await tx.execute(sql`update incidents set caller_number = null, caller_purged_at = coalesce(caller_purged_at, ${now}),
        version = version + 1, updated_at = ${now} where id = ${id}`);
    await forgetStoredResponses(tx, id);
    const incident = presentIncident((await findIncidentRow(tx, id))!);
    record.audit({ action: 'incidents.caller_purged', entityType: 'incident', entityId: id, jurisdictionPath: row.jurisdictionPath, after: { callerPurgedAt: incident.callerPurgedAt } });
    record.emit({ type: 'incidents.caller_purged', jurisdictionPath: row.jurisdictionPath, data: { id, callerPurgedAt: incident.callerPurgedAt } });
    return incident;
  });
  return result;
}
