import type { CloseIncidentBody, Incident } from '@firebreak/contracts';
import { eq, sql } from 'drizzle-orm';
import { AppError, notFound } from '../../errors.js';
import { can, type Actor } from '../../platform/auth/access.js';
import { runCommand, type CommandContext, type CommandDeps } from '../../platform/command.js';
import { units } from '../units/index.js';
import { advanceClock } from './advance-clock.js';
import { findIncidentRow, presentIncident } from './incidents.queries.js';

/**
 * Ends an incident with its disposition. Every unit must have cleared or been cancelled first
 * (a committed unit holds the incident's id, as the units model keeps it), so no unit is left
 * tied to a closed call. The clock settles what is due at the moment of closing — a deadline
 * already passed is missed (and escalates) as the sweep would have done — and then stops: a tier
 * not reached and not yet due stays unsettled (a false alarm closed after 40 s misses nothing).
 */
export async function closeIncident(deps: CommandDeps, ctx: CommandContext & { actor: Actor }, id: string, input: CloseIncidentBody): Promise<Incident> {
  const { result } = await runCommand(deps, ctx, async (tx, record) => {
    const row = await findIncidentRow(tx, id, { forUpdate: true });
    if (!row || !can(ctx.actor, 'incidents:read', row.jurisdictionPath)) throw notFound('Incident');
    if (!can(ctx.actor, 'dispatch:assign', row.jurisdictionPath)) throw new AppError('FORBIDDEN', `You may not close incidents of ${row.jurisdictionPath}`);
    if (row.state === 'closed') throw new AppError('INCIDENT_CLOSED', `The incident was closed at ${row.closedAt?.toISOString() ?? 'an unknown time'}`);
    const committed = await tx.select({ callSign: units.callSign }).from(units).where(eq(units.incidentId, id)).orderBy(units.callSign);
    if (committed.length > 0) {
      throw new AppError('INCIDENT_UNITS_COMMITTED', `Still on the incident: ${committed.map((u) => u.callSign).join(', ')}; clear or cancel them first`);
    }
    const now = deps.clock();
    await advanceClock(tx, record, id, [], now);
    await tx.execute(sql`update incidents set state = 'closed', closed_at = ${now}, disposition = ${input.disposition}, next_deadline_at = null,
        version = version + 1, updated_at = ${now} where id = ${id}`);
    const incident = presentIncident((await findIncidentRow(tx, id))!);
    const data = { id, type: row.type, priority: row.priority, disposition: input.disposition, note: input.note ?? null, closedAt: incident.closedAt };
    record.audit({ action: 'incidents.closed', entityType: 'incident', entityId: id, jurisdictionPath: row.jurisdictionPath, before: { state: 'open' }, after: data });
    record.emit({ type: 'incidents.closed', jurisdictionPath: row.jurisdictionPath, data });
    return incident;
  });
  return result;
}
