import type { Hazard, HazardGrade, RaiseHazardBody } from '@firebreak/contracts';
import { v7 as uuidv7 } from 'uuid';
import { AppError, invalidField } from '../../errors.js';
import { can, type Actor } from '../../platform/auth/access.js';
import { runCommand, type CommandContext, type CommandDeps, type CommandRecord } from '../../platform/command.js';
import type { Tx } from '../../platform/db/client.js';
import { findPlace } from '../places/index.js';
import { dueAtFor } from './deadlines.js';
import { deadlinesAt, findHazard } from './hazards.queries.js';
import { hazards } from './hazards.tables.js';

export interface NewHazard {
  /** Where the hazard is; a correction required of a task or a unit has no place, only a jurisdiction. */
  place: { id: string; jurisdictionPath: string } | { id: null; jurisdictionPath: string };
  grade: HazardGrade;
  title: string;
  description?: string | null | undefined;
  raisedBy: string | null;
  inspection?: { id: string; itemKey: string };
  /** The supervision visit whose finding requires this correction. */
  supervisionVisitId?: string;
  /** Sooner than the grade's deadline (checked by the caller against `deadlinesAt`). */
  dueAt?: Date;
}

/**
 * Records a hazard inside the caller's transaction (an inspection raises one per failed item, a
 * supervision visit one per finding that requires a correction);
 * its deadline follows the grade and the place's jurisdiction.
 */
export async function insertHazard(tx: Tx, record: CommandRecord, h: NewHazard, now: Date): Promise<Hazard> {
  const id = uuidv7();
  const path = h.place.jurisdictionPath;
  const deadlines = await deadlinesAt(tx, path);
  await tx.insert(hazards).values({
    id, placeId: h.place.id, jurisdictionPath: path, grade: h.grade, state: 'open', title: h.title, description: h.description ?? null,
    inspectionId: h.inspection?.id ?? null, checklistItemKey: h.inspection?.itemKey ?? null, supervisionVisitId: h.supervisionVisitId ?? null,
    raisedBy: h.raisedBy, raisedAt: now, dueAt: h.dueAt ?? dueAtFor(h.grade, now, deadlines), updatedAt: now,
  });
  const hazard = (await findHazard(tx, id, now))!;
  record.audit({ action: 'hazards.raised', entityType: 'hazard', entityId: id, jurisdictionPath: path, after: hazard });
  record.emit({ type: 'hazards.raised', jurisdictionPath: path, data: hazard });
  return hazard;
}

/** Records a hazard found at a place. */
export async function raiseHazard(deps: CommandDeps, ctx: CommandContext & { actor: Actor }, input: RaiseHazardBody): Promise<Hazard> {
  const { result } = await runCommand(deps, ctx, async (tx, record) => {
    const place = await findPlace(tx, input.placeId);
    if (!place || !can(ctx.actor, 'places:read', place.jurisdictionPath)) throw invalidField('body.placeId', 'no such place in your scope');
    if (!can(ctx.actor, 'hazards:manage', place.jurisdictionPath)) throw new AppError('FORBIDDEN', `You may not raise hazards in ${place.jurisdictionPath}`);
    const now = deps.clock();
    const dueAt = input.dueAt === undefined ? undefined : new Date(input.dueAt);
    if (dueAt) {
      const latest = dueAtFor(input.grade, now, await deadlinesAt(tx, place.jurisdictionPath));
      if (dueAt <= now) throw invalidField('body.dueAt', 'the deadline must be in the future');
      if (dueAt > latest) throw invalidField('body.dueAt', `a ${input.grade} hazard here must be fixed by ${latest.toISOString()} at the latest (the deadline in force); ask for an extension later if needed`);
    }
    return insertHazard(tx, record, { place, grade: input.grade, title: input.title, description: input.description, raisedBy: ctx.actor.id, ...(dueAt ? { dueAt } : {}) }, now);
  });
  return result;
}
