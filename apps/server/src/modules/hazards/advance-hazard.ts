import type { Hazard, HazardActionBody, Permission } from '@firebreak/contracts';
import { eq, sql } from 'drizzle-orm';
import { AppError, invalidField } from '../../errors.js';
import { can, type Actor } from '../../platform/auth/access.js';
import { runCommand, type CommandContext, type CommandDeps, type CommandRecord } from '../../platform/command.js';
import type { Tx } from '../../platform/db/client.js';
import { hazardFor, refused } from './hazards.access.js';
import { factsOf, findHazard, findHazardRow } from './hazards.queries.js';
import { hazards } from './hazards.tables.js';
import { decide, type HazardCommand } from './model.js';

const NEEDS: Record<HazardActionBody['action'], Permission> = {
  start: 'hazards:manage',
  submit: 'hazards:manage',
  reject: 'hazards:verify',
  verify: 'hazards:verify',
  close: 'hazards:verify',
};

function toCommand(body: HazardActionBody): HazardCommand {
  switch (body.action) {
    case 'start': return { type: 'start', rectificationPlan: body.rectificationPlan, interimControls: body.interimControls, stopUse: body.stopUse };
    case 'submit': return { type: 'submit', fixNote: body.fixNote };
    case 'reject': return { type: 'reject', reason: body.reason };
    case 'verify': return { type: 'verify', note: body.note, reinspection: false };
    case 'close': return { type: 'close' };
  }
}

/** A recorded visit of the thing a hazard is about: a re-inspection of its place, or a supervision re-visit. */
export interface FollowUp {
  kind: 'inspection' | 'supervision_visit';
  id: string;
  at: Date;
  /** Whether the visit looked at what the hazard is about (its place; the task, unit or place of its finding). */
  concerns: (hazard: { placeId: string | null; supervisionVisitId: string | null; jurisdictionPath: string }) => boolean | Promise<boolean>;
}

/**
 * Verifies a submitted fix through a follow-up visit, inside the visit's transaction: the visit
 * must concern what the hazard is about, and whoever visits must not be who submitted the fix.
 * One rule for hazards found by inspection and corrections required by supervision.
 */
export async function verifyByFollowUp(tx: Tx, record: CommandRecord, actor: Actor, hazardId: string, visit: FollowUp, field: string): Promise<void> {
  const row = await findHazardRow(tx, hazardId, { lock: true });
  if (!row || !can(actor, 'hazards:read', row.jurisdictionPath) || !(await visit.concerns(row))) throw invalidField(field, 'no such hazard where this visit was made');
  if (!can(actor, 'hazards:verify', row.jurisdictionPath)) throw new AppError('FORBIDDEN', `You need hazards:verify in ${row.jurisdictionPath}`);
  if (row.submittedBy === actor.id) throw new AppError('FORBIDDEN', 'The fix must be verified by someone other than who submitted it');
  const label = visit.kind === 'inspection' ? 'Re-inspection' : 'Supervision re-visit';
  const d = decide(await factsOf(tx, row), { type: 'verify', note: `${label} ${visit.id}`, reinspection: true });
  if (!d.ok) throw d.field ? refused(d) : invalidField(field, d.reason);
  await tx.update(hazards).set({
    state: 'verified', verificationNote: d.next.verificationNote, stopUse: false, escalationLevel: 0, escalatedToPath: null,
    verifiedAt: visit.at, version: sql`${hazards.version} + 1`, updatedAt: visit.at,
  }).where(eq(hazards.id, hazardId));
  const by = visit.kind === 'inspection' ? { inspectionId: visit.id } : { supervisionVisitId: visit.id };
  record.audit({ action: 'hazards.verify', entityType: 'hazard', entityId: hazardId, jurisdictionPath: row.jurisdictionPath, before: { state: row.state }, after: { state: 'verified', ...by } });
  record.emit({ type: 'hazards.state_changed', jurisdictionPath: row.jurisdictionPath, data: { id: hazardId, placeId: row.placeId, from: row.state, to: 'verified', action: 'verify', ...by } });
}

/**
 * Verifies a submitted fix through a re-inspection, inside the inspection's transaction: the
 * hazard must be at the inspected place, and the inspector must not be who submitted the fix.
 */
export async function verifyByReinspection(
  tx: Tx,
  record: CommandRecord,
  actor: Actor,
  hazardId: string,
  inspection: { id: string; placeId: string; at: Date },
  field: string,
): Promise<void> {
  await verifyByFollowUp(tx, record, actor, hazardId, { kind: 'inspection', id: inspection.id, at: inspection.at, concerns: (h) => h.placeId === inspection.placeId }, field);
}

/**
 * One step of rectification (start, submit a fix, reject or verify it, close). Whoever submitted
 * a fix may not verify or reject it: verification is by someone else, by re-inspection.
 */
export async function advanceHazard(deps: CommandDeps, ctx: CommandContext & { actor: Actor }, id: string, body: HazardActionBody): Promise<Hazard> {
  const { result } = await runCommand(deps, ctx, async (tx, record) => {
    const row = await hazardFor(tx, ctx.actor, id, NEEDS[body.action]);
    if ((body.action === 'verify' || body.action === 'reject') && row.submittedBy === ctx.actor.id) {
      throw new AppError('FORBIDDEN', 'The fix must be verified by someone other than who submitted it');
    }
    const d = decide(await factsOf(tx, row), toCommand(body));
    if (!d.ok) throw refused(d);
    const n = d.next;
    const now = deps.clock();
    await tx.update(hazards).set({
      state: n.state, rectificationPlan: n.rectificationPlan, interimControls: n.interimControls, stopUse: n.stopUse,
      fixNote: n.fixNote, verificationNote: n.verificationNote,
      ...(body.action === 'submit' ? { submittedBy: ctx.actor.id } : {}),
      // Once the fix is in, the hazard is no longer anyone's overdue business.
      ...(n.state !== 'open' && n.state !== 'rectifying' ? { escalationLevel: 0, escalatedToPath: null } : {}),
      ...(n.state === 'verified' ? { verifiedAt: now } : {}),
      ...(n.state === 'closed' ? { closedAt: now } : {}),
      version: sql`${hazards.version} + 1`, updatedAt: now,
    }).where(eq(hazards.id, id));
    if (body.action === 'submit') {
      // A fix handed in settles any extension still being asked for.
      await tx.execute(sql`update hazard_extensions set state = 'denied', decided_at = ${now}, note = 'superseded: fix submitted' where hazard_id = ${id} and state = 'pending'`);
    }
    const after = (await findHazard(tx, id, now))!;
    record.audit({ action: `hazards.${body.action}`, entityType: 'hazard', entityId: id, jurisdictionPath: row.jurisdictionPath, before: { state: row.state }, after: { state: after.state, ...body } });
    record.emit({ type: 'hazards.state_changed', jurisdictionPath: row.jurisdictionPath, data: { id, placeId: row.placeId, from: row.state, to: after.state, action: body.action } });
    return after;
  });
  return result;
}
