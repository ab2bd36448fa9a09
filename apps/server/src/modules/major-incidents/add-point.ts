import type { AddMajorPointBody, MajorIncident } from '@firebreak/contracts';
import { sql } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';
import type { Actor } from '../../platform/auth/access.js';
import { runCommand, type CommandContext, type CommandDeps } from '../../platform/command.js';
import { lockMajor, touch } from './lock.js';
import { majorRow, presentMajor } from './major-incidents.queries.js';

/**
 * Adds a point of the incident's ground: a staging area where arriving resources gather, a
 * traffic control point where patrols hold traffic at the outer cordon, an access point, or an
 * evacuation point. A staging area may lie outside the commanding jurisdiction (a neighbour's car
 * park), so only the coordinates are checked (by the contract).
 */
export async function addPoint(deps: CommandDeps, ctx: CommandContext & { actor: Actor }, id: string, input: AddMajorPointBody): Promise<MajorIncident> {
  const now = deps.clock();
  const { result } = await runCommand(deps, ctx, async (tx, record) => {
    const { row } = await lockMajor(tx, ctx.actor, id, now, { command: true });
    const pointId = uuidv7();
    await tx.execute(sql`insert into major_incident_points (id, major_incident_id, kind, name, location, note, created_at, created_by)
      values (${pointId}, ${id}, ${input.kind}, ${input.name}, ST_SetSRID(ST_MakePoint(${input.location[0]}, ${input.location[1]}), 4326), ${input.note ?? null}, ${now}, ${ctx.actor.id})`);
    await touch(tx, id, now);
    const data = { majorIncidentId: id, pointId, kind: input.kind, name: input.name, location: input.location, exercise: row.exercise };
    record.audit({ action: 'major_incidents.point_added', entityType: 'major_incident', entityId: id, jurisdictionPath: row.jurisdictionPath, after: data });
    record.emit({ type: 'major_incidents.point_added', jurisdictionPath: row.jurisdictionPath, data });
    return presentMajor(tx, (await majorRow(tx, id))!, now);
  });
  return result;
}
