import type { MajorIncident } from '@firebreak/contracts';
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Actor } from '../../platform/auth/access.js';
import { runCommand, type CommandContext, type CommandDeps } from '../../platform/command.js';
import { lockMajor } from './lock.js';
import { majorRow, presentMajor } from './major-incidents.queries.js';

export const StandDownBody = z.strictObject({ note: z.string().trim().min(1).max(2000) });

/**
 * Stands the major incident down: its clocks stop (nothing more falls due or escalates), units
 * still in sectors are released at this instant, and it takes no more commands. The record stays.
 */
export async function standDown(deps: CommandDeps, ctx: CommandContext & { actor: Actor }, id: string, input: z.infer<typeof StandDownBody>): Promise<MajorIncident> {
  const now = deps.clock();
  const { result } = await runCommand(deps, ctx, async (tx, record) => {
    const { row } = await lockMajor(tx, ctx.actor, id, now, { command: true });
    await tx.execute(sql`update major_incident_sector_units set to_at = ${now} where major_incident_id = ${id} and to_at is null`);
    await tx.execute(sql`update major_incidents set state = 'stood_down', stood_down_at = ${now}, sitrep_due_at = null, next_deadline_at = null,
        version = version + 1, updated_at = ${now} where id = ${id}`);
    const data = { majorIncidentId: id, note: input.note, stoodDownAt: now.toISOString(), exercise: row.exercise };
    record.audit({ action: 'major_incidents.stood_down', entityType: 'major_incident', entityId: id, jurisdictionPath: row.jurisdictionPath, after: data });
    record.emit({ type: 'major_incidents.stood_down', jurisdictionPath: row.jurisdictionPath, data });
    return presentMajor(tx, (await majorRow(tx, id))!, now);
  });
  return result;
}
