import type { IssueAlertBody, PublicAlert } from '@firebreak/contracts';
import { and, eq } from 'drizzle-orm';
import { AppError } from '../../errors.js';
import type { Actor } from '../../platform/auth/access.js';
import { runCommand, type CommandContext, type CommandDeps } from '../../platform/command.js';
import type { Tx } from '../../platform/db/client.js';
import { threadOf, type AlertRow } from './alerts.queries.js';
import { assertLanguages, resolveArea, writeMessage, type AlertSettings } from './alerts.shared.js';
import { lockMajor, touch } from './lock.js';
import { majorIncidentAlerts } from './major-incidents.tables.js';

/** The thread of `alertId` (any of its messages' ids), still in force; 404 if unknown, 409 once cancelled. */
export async function liveThread(tx: Tx, majorId: string, alertId: string): Promise<AlertRow[]> {
  const [one] = await tx.select({ threadId: majorIncidentAlerts.threadId }).from(majorIncidentAlerts)
    .where(and(eq(majorIncidentAlerts.id, alertId), eq(majorIncidentAlerts.majorIncidentId, majorId)));
  const thread = one ? await threadOf(tx, majorId, one.threadId) : [];
  if (thread.length === 0) throw new AppError('MAJOR_INCIDENT_ALERT_NOT_FOUND', undefined, { fields: [{ path: 'path.alertId', message: 'no such alert of this major incident' }] });
  if (thread[thread.length - 1]!.msgType === 'Cancel') throw new AppError('MAJOR_INCIDENT_ALERT_CANCELLED', undefined, { fields: [{ path: 'path.alertId', message: 'already cancelled' }] });
  return thread;
}

/**
 * Updates a public warning: a CAP `Update` whose `references` name every earlier message of the
 * thread; it replaces the previous one in the feeds. The body is the whole alert as it now stands.
 */
export async function updateAlert(deps: CommandDeps, ctx: CommandContext & { actor: Actor }, id: string, alertId: string, input: IssueAlertBody, settings: AlertSettings): Promise<PublicAlert> {
  const now = deps.clock();
  const { result } = await runCommand(deps, ctx, async (tx, record) => {
    const { row } = await lockMajor(tx, ctx.actor, id, now, { command: true });
    const earlier = await liveThread(tx, id, alertId);
    assertLanguages(input.info, settings);
    const area = await resolveArea(tx, row, input.area);
    const { area: _area, info, expiresInMinutes, ...content } = input;
    const alert = await writeMessage(tx, record, ctx, row, now, settings, {
      msgType: 'Update', area, content, info, expiresAt: new Date(now.getTime() + expiresInMinutes * 60_000), note: null, earlier,
    });
    await touch(tx, id, now);
    return alert;
  });
  return result;
}
