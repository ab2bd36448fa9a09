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
  const row = await findHazardRow(tx, hazardId, { lock: true });
  if (!row || !can(actor, 'hazards:read', row.jurisdictionPath) || row.placeId !== inspection.placeId) throw invalidField(field, 'no such hazard at this place');
  if (!can(actor, 'hazards:verify', row.jurisdictionPath)) throw new AppError('FORBIDDEN', `You need hazards:verify in ${row.jurisdictionPath}`);
  if (row.submittedBy === actor.id) throw new AppError('FORBIDDEN', 'The fix must be verified by someone other than who submitted it');
  const d = decide(await factsOf(tx, row), { type: 'verify', note: `Re-inspection ${inspection.id}`, reinspection: true });
  if (!d.ok) throw d.field ? refused(d) : invalidField(field, d.reason);
  await tx.update(hazards).set({
    state: 'verified', verificationNote: d.next.verificationNote, stopUse: false, escalationLevel: 0, escalatedToPath: null,
    verifiedAt: inspection.at, version: sql`${hazards.version} + 1`, updatedAt: inspection.at,
  }).where(eq(hazards.id, hazardId));
  record.audit({ action: 'hazards.verify', entityType: 'hazard', entityId: hazardId, jurisdictionPath: row.jurisdictionPath, before: { state: row.state }, after: { state: 'verified', inspectionId: inspection.id } });
  record.emit({ type: 'hazards.state_changed', jurisdictionPath: row.jurisdictionPath, data: { id: hazardId, placeId: row.placeId, from: row.state, to: 'verified', action: 'verify', inspectionId: inspection.id } });
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
