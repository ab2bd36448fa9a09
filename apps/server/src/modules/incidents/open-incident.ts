import type { CreateIncidentBody, Incident, IncidentOrigin, ResponseTier } from '@firebreak/contracts';
import { sql } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';
import { AppError, invalidField } from '../../errors.js';
import { can, type Actor } from '../../platform/auth/access.js';
import { runCommand, type CommandContext, type CommandDeps } from '../../platform/command.js';
import { deepestContaining } from '../places/index.js';
import { findIncidentRow, presentIncident } from './incidents.queries.js';
import { nextDeadline, startClock } from './response-clock.js';

/** A call's receipt may be stamped by the phone system a little ahead of our clock, not more. */
const MAX_FUTURE_MS = 60_000;

/**
 * Takes an emergency report: the deepest jurisdiction whose boundary contains the location owns
 * it, and the response clock starts from the call's receipt.
 */
export async function openIncident(
  deps: CommandDeps, ctx: CommandContext & { actor: Actor }, input: CreateIncidentBody, tiers: readonly ResponseTier[],
  /** `simulated` for the simulator's incidents (kept out of live reports); the API always takes live calls. */
  origin: Exclude<IncidentOrigin, 'historical'> = 'live',
): Promise<Incident> {
  const now = deps.clock();
  const receivedAt = input.receivedAt ? new Date(input.receivedAt) : now;
  if (receivedAt.getTime() > now.getTime() + MAX_FUTURE_MS) throw invalidField('body.receivedAt', 'lies in the future');
  const [lon, lat] = input.location;
  const { result } = await runCommand(deps, ctx, async (tx, record) => {
    const owner = await deepestContaining(tx, sql`ST_SetSRID(ST_MakePoint(${lon}, ${lat}), 4326)`);
    if (!owner) throw new AppError('NO_JURISDICTION_AT_POINT', 'body.location: lies in no jurisdiction', { fields: [{ path: 'body.location', message: 'lies in no jurisdiction' }] });
    if (!can(ctx.actor, 'incidents:create', owner.path)) throw new AppError('FORBIDDEN', `The location lies in ${owner.path}, outside your scope`);
    const id = uuidv7();
    const clock = startClock(tiers, receivedAt);
    await tx.execute(sql`insert into incidents (id, type, priority, state, jurisdiction_id, jurisdiction_path, location, address, caller_number,
        narrative, received_at, tiers, next_deadline_at, created_by, origin, created_at, updated_at)
      values (${id}, ${input.type}, ${input.priority}, 'open', ${owner.id}, ${owner.path}::ltree, ST_SetSRID(ST_MakePoint(${lon}, ${lat}), 4326),
        ${input.address ?? null}, ${input.callerNumber ?? null}, ${input.narrative ?? null}, ${receivedAt}, ${JSON.stringify(clock)}::jsonb,
        ${nextDeadline(clock)}, ${ctx.actor.id}, ${origin}, ${now}, ${now})`);
    const incident = presentIncident((await findIncidentRow(tx, id))!);
    // The caller's number stays out of the audit trail and the event stream: it must be purgeable.
    const shown = { ...incident, callerNumber: incident.callerNumber ? 'given' : null };
    record.audit({ action: 'incidents.opened', entityType: 'incident', entityId: id, jurisdictionPath: owner.path, after: shown });
    record.emit({ type: 'incidents.opened', jurisdictionPath: owner.path, data: shown });
    return incident;
  });
  return result;
}
