import type { CreatePositionBody, MajorIncident } from '@firebreak/contracts';
import { and, eq, sql } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';
import { AppError } from '../../errors.js';
import type { Actor } from '../../platform/auth/access.js';
import { runCommand, type CommandContext, type CommandDeps } from '../../platform/command.js';
import { lockMajor, touch } from './lock.js';
import { majorRow, presentMajor } from './major-incidents.queries.js';
import { majorIncidentPositionHolds, majorIncidentPositions } from './major-incidents.tables.js';
import { visiblePost } from './positions.shared.js';

/**
 * Adds a position to the command structure, held by a post from now: the incident commander
 * (one), a section (one of each) or a named geographic sector (names unique, ignoring case).
 */
export async function createPosition(deps: CommandDeps, ctx: CommandContext & { actor: Actor }, id: string, input: CreatePositionBody): Promise<MajorIncident> {
  const now = deps.clock();
  const { result } = await runCommand(deps, ctx, async (tx, record) => {
    const { row } = await lockMajor(tx, ctx.actor, id, now, { command: true });
    const post = await visiblePost(tx, ctx.actor, input.postId, 'body.postId');
    const same = input.role === 'commander' ? sql`true` : input.role === 'section' ? eq(majorIncidentPositions.section, input.section!) : sql`lower(${majorIncidentPositions.name}) = lower(${input.name!})`;
    const [taken] = await tx.select({ id: majorIncidentPositions.id }).from(majorIncidentPositions)
      .where(and(eq(majorIncidentPositions.majorIncidentId, id), eq(majorIncidentPositions.role, input.role), same));
    if (taken) {
      throw new AppError('MAJOR_INCIDENT_POSITION_TAKEN', `The structure already has this ${input.role}; hand it to another post instead`, {
        fields: [{ path: input.role === 'sector' ? 'body.name' : input.role === 'section' ? 'body.section' : 'body.role', message: 'already in the structure' }],
      });
    }
    const positionId = uuidv7();
    await tx.insert(majorIncidentPositions).values({ id: positionId, majorIncidentId: id, role: input.role, section: input.section ?? null, name: input.name ?? null, createdAt: now });
    await tx.insert(majorIncidentPositionHolds).values({ id: uuidv7(), positionId, postId: post.id, fromAt: now });
    await touch(tx, id, now);
    const data = { majorIncidentId: id, positionId, role: input.role, section: input.section ?? null, name: input.name ?? null, postId: post.id, postTitle: post.title, exercise: row.exercise };
    record.audit({ action: 'major_incidents.position_created', entityType: 'major_incident', entityId: id, jurisdictionPath: row.jurisdictionPath, after: data });
    record.emit({ type: 'major_incidents.position_created', jurisdictionPath: row.jurisdictionPath, data });
    return presentMajor(tx, (await majorRow(tx, id))!, now);
  });
  return result;
}
