import type { ReinforcementRequest, Sitrep, SitrepBody, SitrepReinforcement } from '@firebreak/contracts';
import { eq, sql } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';
import { AppError } from '../../errors.js';
import type { Actor } from '../../platform/auth/access.js';
import { runCommand, type CommandContext, type CommandDeps, type CommandRecord } from '../../platform/command.js';
import { rows, type Tx } from '../../platform/db/client.js';
import { posts } from '../posts/index.js';
import { raiseReinforcementRequest } from '../reinforcements/index.js';
import { lockMajor } from './lock.js';
import { presentMajor, presentSitrep, type MajorRow } from './major-incidents.queries.js';
import { majorIncidentSitreps } from './major-incidents.tables.js';
import { nextLook, nextSitrepDue } from './model.js';

/**
 * A situation report, for the incident commander's post: by its holder, or by someone allowed to
 * command on its behalf (marked so). The casualty tally is taken from the sectors' counts at this
 * instant. Late when after the due time. The next one falls due one interval later. The event,
 * at the place's path, carries the whole report: every level above receives it live. With
 * `reinforcement`, the resources requested are asked of the level above the command as a
 * reinforcement request (modules/reinforcements) in the same transaction; the SITREP names it.
 */
export async function submitSitrep(deps: CommandDeps, ctx: CommandContext & { actor: Actor }, id: string, input: SitrepBody): Promise<Sitrep> {
  const now = deps.clock();
  const { result } = await runCommand(deps, ctx, async (tx, record) => {
    const { row, commanderPositionId, commander } = await lockMajor(tx, ctx.actor, id, now, { command: true });
    if (!commanderPositionId) throw new AppError('MAJOR_INCIDENT_NO_COMMANDER');
    const [{ seq }] = await rows<{ seq: number }>(tx, sql`select coalesce(max(seq), 0)::int + 1 as seq from major_incident_sitreps where major_incident_id = ${id}`) as [{ seq: number }];
    const major = await presentMajor(tx, row, now);
    const postId = major.positions.find((p) => p.id === commanderPositionId)?.holder?.postId ?? null;
    const late = row.sitrepDueAt !== null && now > row.sitrepDueAt;
    const request = input.reinforcement ? await askAbove(tx, record, ctx.actor, row, input.reinforcement, input.resourcesRequested.note, now) : null;
    const sitrepId = uuidv7();
    await tx.insert(majorIncidentSitreps).values({
      id: sitrepId, majorIncidentId: id, seq, submittedAt: now, submittedBy: ctx.actor.id, submittedByName: ctx.actor.displayName, postId,
      onBehalf: commander?.userId !== ctx.actor.id, dueAt: row.sitrepDueAt, late, casualties: major.casualties, body: input, reinforcementRequestId: request?.id ?? null,
    });
    const dueAt = nextSitrepDue(now, row.sitrepIntervalMin);
    await tx.execute(sql`update major_incidents set sitrep_due_at = ${dueAt}, next_deadline_at = ${nextLook(row.reportUp, dueAt, row.sitrepEscalatedFor)},
        version = version + 1, updated_at = ${now} where id = ${id}`);
    const [postRow] = postId ? await tx.select({ title: posts.title }).from(posts).where(eq(posts.id, postId)) : [];
    const [stored] = await tx.select().from(majorIncidentSitreps).where(eq(majorIncidentSitreps.id, sitrepId));
    const sitrep = presentSitrep({ ...stored!, postTitle: postRow?.title ?? null }, request);
    const data = { ...sitrep, title: row.title, level: row.level, exercise: row.exercise, jurisdictionPath: row.jurisdictionPath, nextDueAt: dueAt.toISOString() };
    record.audit({ action: 'major_incidents.sitrep_submitted', entityType: 'major_incident', entityId: id, jurisdictionPath: row.jurisdictionPath, after: data });
    record.emit({ type: 'major_incidents.sitrep_submitted', jurisdictionPath: row.jurisdictionPath, data });
    return sitrep;
  });
  return result;
}


/**
 * The SITREP's resources requested as a reinforcement request of the incident, asked of the level
 * above the command (the one informed): the command's own units are already committed. A major
 * incident declared at a point has no incident to lend units to; a national command nothing above.
 */
async function askAbove(tx: Tx, record: CommandRecord, actor: Actor, row: MajorRow, ask: SitrepReinforcement, note: string, now: Date): Promise<ReinforcementRequest> {
  if (!row.incidentId) throw new AppError('MAJOR_INCIDENT_NO_INCIDENT', undefined, { fields: [{ path: 'body.reinforcement', message: 'declared at a point: no incident to lend units to' }] });
  if (row.informPath === row.commandPath) {
    throw new AppError('REINFORCEMENT_TARGET_INVALID', 'A national command has no level above to ask', { fields: [{ path: 'body.reinforcement', message: 'nothing above a national command' }] });
  }
  return raiseReinforcementRequest(tx, record, actor, row.incidentId, { ...ask, note: note || undefined }, row.informPath, now, 'body.reinforcement');
}
