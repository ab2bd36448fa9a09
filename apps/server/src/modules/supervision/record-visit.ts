import type { RecordVisitBody, SupervisionVisit } from '@firebreak/contracts';
import { v7 as uuidv7 } from 'uuid';
import { AppError, invalidField } from '../../errors.js';
import { can, type Actor } from '../../platform/auth/access.js';
import { runCommand, type CommandContext, type CommandDeps } from '../../platform/command.js';
import { insertHazard, verifyByFollowUp } from '../hazards/index.js';
import { findSubject, SEEN_WITH } from './subjects.js';
import { findVisit, visitsOfSubject } from './supervision.queries.js';
import { supervisionFindings, supervisionVisits } from './supervision.tables.js';

/**
 * Records a supervision visit of a task, a unit or a place with its findings. A finding that
 * requires a correction raises it as a hazard record of the subject's jurisdiction (at the place,
 * for a place), so that it is rectified, extended, evidenced and escalated by the one hazard
 * mechanism. A re-visit may verify corrections of earlier visits of the same subject.
 */
export async function recordVisit(deps: CommandDeps, ctx: CommandContext & { actor: Actor }, input: RecordVisitBody): Promise<SupervisionVisit> {
  const now = deps.clock();
  const visitedAt = input.visitedAt ? new Date(input.visitedAt) : now;
  if (visitedAt > now) throw invalidField('body.visitedAt', 'must not be in the future');
  if (new Set(input.verifies).size !== input.verifies.length) throw invalidField('body.verifies', 'lists a correction twice');
  const { result } = await runCommand(deps, ctx, async (tx, record) => {
    const subject = await findSubject(tx, input.subjectType, input.subjectId);
    if (!subject || !can(ctx.actor, SEEN_WITH[input.subjectType], subject.jurisdictionPath)) throw invalidField('body.subjectId', `no such ${input.subjectType} in your scope`);
    if (!can(ctx.actor, 'supervision:record', subject.jurisdictionPath)) throw new AppError('FORBIDDEN', `You may not record supervision visits in ${subject.jurisdictionPath}`);
    const id = uuidv7();
    await tx.insert(supervisionVisits).values({
      id, subjectType: subject.type, subjectId: subject.id, jurisdictionPath: subject.jurisdictionPath, visitedAt, visitedBy: ctx.actor.id, summary: input.summary, verifiedHazardIds: input.verifies, createdAt: now,
    });
    const place = subject.type === 'place' ? { id: subject.id, jurisdictionPath: subject.jurisdictionPath } : { id: null, jurisdictionPath: subject.jurisdictionPath };
    for (const [ordinal, f] of input.findings.entries()) {
      const correction = f.correction
        ? await insertHazard(tx, record, { place, grade: f.correction.grade, title: f.correction.title, description: f.correction.description, raisedBy: ctx.actor.id, supervisionVisitId: id }, now)
        : null;
      const findingId = uuidv7();
      await tx.insert(supervisionFindings).values({ id: findingId, visitId: id, ordinal, description: f.description, correctionHazardId: correction?.id ?? null });
      record.audit({
        action: 'supervision.finding_recorded', entityType: 'supervision_finding', entityId: findingId, jurisdictionPath: subject.jurisdictionPath,
        after: { visitId: id, description: f.description, correctionHazardId: correction?.id ?? null },
      });
    }
    // A re-visit verifies only corrections that earlier visits of this very subject required.
    const earlier = new Set((await visitsOfSubject(tx, subject.type, subject.id)).filter((v) => v !== id));
    for (const [i, hazardId] of input.verifies.entries()) {
      await verifyByFollowUp(tx, record, ctx.actor, hazardId, {
        kind: 'supervision_visit', id, at: visitedAt, concerns: (h) => h.supervisionVisitId !== null && earlier.has(h.supervisionVisitId),
      }, `body.verifies.${i}`);
    }
    const visit = (await findVisit(tx, id, now))!;
    record.audit({ action: 'supervision.visit_recorded', entityType: 'supervision_visit', entityId: id, jurisdictionPath: subject.jurisdictionPath, after: visit });
    record.emit({ type: 'supervision.visit_recorded', jurisdictionPath: subject.jurisdictionPath, data: visit });
    return visit;
  });
  return result;
}
