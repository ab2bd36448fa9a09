import type { PublicAlert } from '@firebreak/contracts';
import { eq } from 'drizzle-orm';
import { AppError } from '../../errors.js';
import type { Actor } from '../../platform/auth/access.js';
import { runCommand, type CommandContext, type CommandDeps } from '../../platform/command.js';
import { pendingDraft } from './alert-drafts.queries.js';
import { assertLanguages, liveThread, resolveArea, writeMessage, type AlertSettings } from './alerts.shared.js';
import { lockMajor, touch } from './lock.js';
import { majorIncidentAlertDrafts } from './major-incidents.tables.js';

/**
 * The second person approves a draft, which publishes it at once (approve = publish, one
 * transaction): the CAP message is built now, `sent` now, the expiry counted from now. Its composer
 * may not approve it (`MAJOR_INCIDENT_ALERT_SELF_APPROVAL`, nothing stored). The area and thread are
 * checked again: a cordon lifted or a thread cancelled since the draft refuses it.
 */
export async function approveAlertDraft(deps: CommandDeps, ctx: CommandContext & { actor: Actor }, id: string, draftId: string, settings: AlertSettings): Promise<PublicAlert> {
  const now = deps.clock();
  const { result } = await runCommand(deps, ctx, async (tx, record) => {
    const { row } = await lockMajor(tx, ctx.actor, id, now, { command: true, evenStoodDown: true });
    const draft = await pendingDraft(tx, id, draftId);
    if (draft.composedBy === ctx.actor.id) {
      throw new AppError('MAJOR_INCIDENT_ALERT_SELF_APPROVAL', undefined, { fields: [{ path: 'path.draftId', message: 'composed by you: another person must approve it' }] });
    }
    if (row.state !== 'active' && draft.msgType !== 'Cancel') throw new AppError('MAJOR_INCIDENT_STOOD_DOWN');
    const approval = { draftId, composedById: draft.composedBy, composedBy: draft.composedByName };
    const earlier = draft.alertId ? await liveThread(tx, id, draft.alertId) : [];
    let alert: PublicAlert;
    if (draft.msgType === 'Cancel') {
      const last = earlier[earlier.length - 1]!;
      alert = await writeMessage(tx, record, ctx, row, now, settings, {
        msgType: 'Cancel', area: { source: last.areaSource, ring: last.area.coordinates[0]! }, content: last.content, info: last.info,
        expiresAt: last.expiresAt, note: draft.note, earlier, approval,
      });
    } else {
      const input = draft.alert!;
      assertLanguages(input.info, settings);
      const area = await resolveArea(tx, row, input.area);
      const { area: _area, info, expiresInMinutes, ...content } = input;
      alert = await writeMessage(tx, record, ctx, row, now, settings, {
        msgType: draft.msgType, area, content, info, expiresAt: new Date(now.getTime() + expiresInMinutes * 60_000), note: null, earlier, approval,
      });
    }
    await tx.update(majorIncidentAlertDrafts).set({ state: 'published', decidedAt: now, decidedBy: ctx.actor.id, decidedByName: ctx.actor.displayName, publishedAlertId: alert.id })
      .where(eq(majorIncidentAlertDrafts.id, draftId));
    const data = { majorIncidentId: id, draftId, msgType: draft.msgType, alertId: alert.id, identifier: alert.identifier, composedBy: draft.composedByName, approvedBy: ctx.actor.displayName, exercise: row.exercise };
    record.audit({ action: 'major_incidents.alert_approved', entityType: 'major_incident', entityId: id, jurisdictionPath: row.jurisdictionPath, before: { draftId, state: 'pending' }, after: { ...data, state: 'published' } });
    record.emit({ type: 'major_incidents.alert_approved', jurisdictionPath: row.jurisdictionPath, data });
    if (row.state === 'active') await touch(tx, id, now);
    return alert;
  });
  return result;
}
