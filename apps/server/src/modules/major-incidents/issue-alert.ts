import type { IssueAlertBody, PublicAlert } from '@firebreak/contracts';
import type { Actor } from '../../platform/auth/access.js';
import { runCommand, type CommandContext, type CommandDeps } from '../../platform/command.js';
import { assertLanguages, resolveArea, writeMessage, type AlertSettings } from './alerts.shared.js';
import { lockMajor, touch } from './lock.js';

/**
 * Issues a public warning for the major incident: a CAP 1.2 `Alert` (status Exercise for an
 * exercise), over a cordon or a drawn area, in every alert language. Served without login at
 * `/public-alerts/{id}.xml` and listed in the Atom feed of its status.
 */
export async function issueAlert(deps: CommandDeps, ctx: CommandContext & { actor: Actor }, id: string, input: IssueAlertBody, settings: AlertSettings): Promise<PublicAlert> {
  const now = deps.clock();
  const { result } = await runCommand(deps, ctx, async (tx, record) => {
    const { row } = await lockMajor(tx, ctx.actor, id, now, { command: true });
    assertLanguages(input.info, settings);
    const area = await resolveArea(tx, row, input.area);
    const { area: _area, info, expiresInMinutes, ...content } = input;
    const alert = await writeMessage(tx, record, ctx, row, now, settings, {
      msgType: 'Alert', area, content, info, expiresAt: new Date(now.getTime() + expiresInMinutes * 60_000), note: null, earlier: [],
    });
    await touch(tx, id, now);
    return alert;
  });
  return result;
}
