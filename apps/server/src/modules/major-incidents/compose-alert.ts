import type { AlertDraft, CancelAlertBody, IssueAlertBody } from '@firebreak/contracts';
import { v7 as uuidv7 } from 'uuid';
import type { Actor } from '../../platform/auth/access.js';
import { runCommand, type CommandContext, type CommandDeps } from '../../platform/command.js';
import { presentDraft } from './alert-drafts.queries.js';
import { assertLanguages, liveThread, resolveArea, type AlertSettings } from './alerts.shared.js';
import { lockMajor, touch } from './lock.js';
import { majorIncidentAlertDrafts } from './major-incidents.tables.js';

export type AlertComposition =
  | { msgType: 'Alert'; alert: IssueAlertBody }
  | { msgType: 'Update'; alertId: string; alert: IssueAlertBody }
  | { msgType: 'Cancel'; alertId: string; cancel: CancelAlertBody };

/**
 * Composes a public warning message as a draft: nothing reaches the public until a second person
 * approves it (approve-alert.ts). Everything that can be checked now is (languages, area, the thread
 * still in force), so the composer hears of a mistake at once; approval checks it all again.
 */
export async function composeAlert(deps: CommandDeps, ctx: CommandContext & { actor: Actor }, id: string, input: AlertComposition, settings: AlertSettings): Promise<AlertDraft> {
  const now = deps.clock();
  const { result } = await runCommand(deps, ctx, async (tx, record) => {
    // A cancel may be composed after the stand-down: no warning should outlive the incident.
    const { row } = await lockMajor(tx, ctx.actor, id, now, { command: true, evenStoodDown: input.msgType === 'Cancel' });
    if (input.msgType !== 'Alert') await liveThread(tx, id, input.alertId);
    if (input.msgType !== 'Cancel') {
      assertLanguages(input.alert.info, settings);
      await resolveArea(tx, row, input.alert.area);
    }
    const [inserted] = await tx.insert(majorIncidentAlertDrafts).values({
      id: uuidv7(), majorIncidentId: id, msgType: input.msgType, alertId: input.msgType === 'Alert' ? null : input.alertId,
      alert: input.msgType === 'Cancel' ? null : input.alert, note: input.msgType === 'Cancel' ? input.cancel.note : null, state: 'pending',
      composedAt: now, composedBy: ctx.actor.id, composedByName: ctx.actor.displayName,
    }).returning();
    const draft = presentDraft(inserted!);
    const data = { majorIncidentId: id, draftId: draft.id, msgType: draft.msgType, alertId: draft.alertId, headline: draft.alert?.info[0]?.headline ?? null, exercise: row.exercise };
    record.audit({ action: 'major_incidents.alert_drafted', entityType: 'major_incident', entityId: id, jurisdictionPath: row.jurisdictionPath, before: null, after: { ...data, draft } });
    record.emit({ type: 'major_incidents.alert_drafted', jurisdictionPath: row.jurisdictionPath, data });
    if (row.state === 'active') await touch(tx, id, now);
    return draft;
  });
  return result;
}
