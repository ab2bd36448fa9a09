import type { HandPositionBody, MajorIncident } from '@firebreak/contracts';
import { and, eq, isNull } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';
import { AppError, notFound } from '../../errors.js';
import type { Actor } from '../../platform/auth/access.js';
import { runCommand, type CommandContext, type CommandDeps } from '../../platform/command.js';
import { lockMajor, touch } from './lock.js';
import { majorRow, presentMajor } from './major-incidents.queries.js';
import { majorIncidentPositionHolds, majorIncidentPositions } from './major-incidents.tables.js';
import { visiblePost } from './positions.shared.js';

/**
 * Hands a position to another post: the open hold ends now and the new one begins at the same
 * instant, so "which post (and so which person) held the sector at T" stays answerable.
 */
export async function handPosition(deps: CommandDeps, ctx: CommandContext & { actor: Actor }, id: string, positionId: string, input: HandPositionBody): Promise<MajorIncident> {
  const now = deps.clock();
  const { result } = await runCommand(deps, ctx, async (tx, record) => {
    const { row } = await lockMajor(tx, ctx.actor, id, now, { command: true });
    const [position] = await tx.select().from(majorIncidentPositions).where(and(eq(majorIncidentPositions.id, positionId), eq(majorIncidentPositions.majorIncidentId, id)));
    if (!position) throw notFound('Position');
    const post = await visiblePost(tx, ctx.actor, input.postId, 'body.postId');
    const [open] = await tx.select().from(majorIncidentPositionHolds).where(and(eq(majorIncidentPositionHolds.positionId, positionId), isNull(majorIncidentPositionHolds.toAt)));
    if (open?.postId === post.id) throw new AppError('MAJOR_INCIDENT_CHANGE_NOT_ALLOWED', 'That post already holds the position');
    if (open) await tx.update(majorIncidentPositionHolds).set({ toAt: now }).where(eq(majorIncidentPositionHolds.id, open.id));
    await tx.insert(majorIncidentPositionHolds).values({ id: uuidv7(), positionId, postId: post.id, fromAt: now });
    await touch(tx, id, now);
    const data = { majorIncidentId: id, positionId, role: position.role, section: position.section, name: position.name, fromPostId: open?.postId ?? null, postId: post.id, postTitle: post.title, exercise: row.exercise };
    record.audit({ action: 'major_incidents.position_handed', entityType: 'major_incident', entityId: id, jurisdictionPath: row.jurisdictionPath, before: { postId: open?.postId ?? null }, after: data });
    record.emit({ type: 'major_incidents.position_handed', jurisdictionPath: row.jurisdictionPath, data });
    return presentMajor(tx, (await majorRow(tx, id))!, now);
  });
  return result;
}
