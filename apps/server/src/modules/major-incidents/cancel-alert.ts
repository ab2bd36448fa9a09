import type { CancelAlertBody, PublicAlert } from '@firebreak/contracts';
import type { Actor } from '../../platform/auth/access.js';
import { runCommand, type CommandContext, type CommandDeps } from '../../platform/command.js';
import { writeMessage, type AlertSettings } from './alerts.shared.js';
import { lockMajor, touch } from './lock.js';
import { liveThread } from './update-alert.js';

/**
 * Cancels a public warning: a CAP `Cancel` referencing every earlier message, with the reason in
 * its note. Allowed after the stand-down too, so that no warning outlives the incident.
 */
export async function cancelAlert(deps: CommandDeps, ctx: CommandContext & { actor: Actor }, id: string, alertId: string, input: CancelAlertBody, settings: AlertSettings): Promise<PublicAlert> {
  const now = deps.clock();
  const { result } = await runCommand(deps, ctx, async (tx, record) => {
    const { row } = await lockMajor(tx, ctx.actor, id, now, { command: true, evenStoodDown: true });
    const earlier = await liveThread(tx, id, alertId);
    const last = earlier[earlier.length - 1]!;
    const alert = await writeMessage(tx, record, ctx, row, now, settings, {
      msgType: 'Cancel', area: { source: last.areaSource, ring: last.area.coordinates[0]! }, content: last.content, info: last.info,
      expiresAt: last.expiresAt, note: input.note, earlier,
    });
    if (row.state === 'active') await touch(tx, id, now);
    return alert;
  });
  return result;
}
