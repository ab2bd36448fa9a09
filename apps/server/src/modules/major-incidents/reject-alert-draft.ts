import type { AlertDraft, RejectAlertDraftBody } from '@firebreak/contracts';
import { eq } from 'drizzle-orm';
import type { Actor } from '../../platform/auth/access.js';
import { runCommand, type CommandContext, type CommandDeps } from '../../platform/command.js';
import { pendingDraft, presentDraft } from './alert-drafts.queries.js';
import { lockMajor, touch } from './lock.js';
import { majorIncidentAlertDrafts } from './major-incidents.tables.js';

/**
 * Rejects a draft with a reason, so it is never published; its composer may do it too (a
 * withdrawal: only approving needs a second person). The draft stays on record.
 */
export async function rejectAlertDraft(deps: CommandDeps, ctx: CommandContext & { actor: Actor }, id: string, draftId: string, input: RejectAlertDraftBody): Promise<AlertDraft> {
  const now = deps.clock();
  const { result } = await runCommand(deps, ctx, async (tx, record) => {
    const { row } = await lockMajor(tx, ctx.actor, id, now, { command: true, evenStoodDown: true });
    await pendingDraft(tx, id, draftId);
    const [updated] = await tx.update(majorIncidentAlertDrafts).set({ state: 'rejected', decidedAt: now, decidedBy: ctx.actor.id, decidedByName: ctx.actor.displayName, reason: input.reason })
      .where(eq(majorIncidentAlertDrafts.id, draftId)).returning();
    const draft = presentDraft(updated!);
    const data = { majorIncidentId: id, draftId, msgType: draft.msgType, reason: input.reason, withdrawn: draft.composedById === ctx.actor.id, exercise: row.exercise };
    record.audit({ action: 'major_incidents.alert_draft_rejected', entityType: 'major_incident', entityId: id, jurisdictionPath: row.jurisdictionPath, before: { draftId, state: 'pending' }, after: { ...data, state: 'rejected' } });
    record.emit({ type: 'major_incidents.alert_draft_rejected', jurisdictionPath: row.jurisdictionPath, data });
    if (row.state === 'active') await touch(tx, id, now);
    return draft;
  });
  return result;
}
