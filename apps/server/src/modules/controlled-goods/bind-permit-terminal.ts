import type { BindPermitTerminalBody, TransportPermit } from '@firebreak/contracts';
import { sql } from 'drizzle-orm';
import { AppError, invalidField, notFound } from '../../errors.js';
import { can, mayBeTerminal, type Actor } from '../../platform/auth/access.js';
import { runCommand, type CommandContext, type CommandDeps } from '../../platform/command.js';
import { findStaff } from '../identity/index.js';
import { isFinished } from './hold-fixes.js';
import { findPermitRecord } from './permit.queries.js';

/**
 * Binds a permit to its vehicle's terminal (`goods:license` where it is supervised, as issuing it):
 * from then on only that device account reports its fixes over HTTP (`mayReportTransport`). For
 * permits issued before 0048 or without `terminalId`, which otherwise take fixes from any
 * `avl:report` holder where they are supervised or a site lies. Binding only: an unbinding would
 * reopen that rule. The terminal is checked as on issue. Audited, `goods.permit_terminal_bound`.
 */
export async function bindPermitTerminal(deps: CommandDeps, ctx: CommandContext & { actor: Actor }, id: string, input: BindPermitTerminalBody): Promise<TransportPermit> {
  await runCommand(deps, ctx, async (tx, record) => {
    const rec = await findPermitRecord(tx, id, true);
    if (!rec || !(can(ctx.actor, 'places:read', rec.permit.supervisingPath) || can(ctx.actor, 'places:read', rec.toSitePath))) throw notFound('Transport permit');
    const p = rec.permit;
    if (!can(ctx.actor, 'goods:license', p.supervisingPath)) throw new AppError('FORBIDDEN', `You may not change permits supervised by ${p.supervisingPath}`);
    if (isFinished(p.state)) throw new AppError('GOODS_PERMIT_FINISHED', `The permit of ${p.vehicle} is ${p.state}: it takes no more fixes`);
    const terminal = await findStaff(tx, input.terminalId);
    if (!terminal || !can(ctx.actor, 'staff:read', terminal.jurisdictionPath)) throw invalidField('body.terminalId', 'no such account in your scope');
    if (!mayBeTerminal(terminal, [p.supervisingPath, rec.fromSitePath, rec.toSitePath])) {
      throw invalidField('body.terminalId', 'not an enabled device account holding avl:report where the transport is supervised or a site lies');
    }
    // Binding again to the same terminal is recorded too (a command records its audit row; a retry is harmless).
    await tx.execute(sql`update goods_permits set terminal_id = ${input.terminalId}, version = version + 1 where id = ${id}`);
    const data = { permitId: id, vehicle: p.vehicle, terminalId: input.terminalId };
    record.audit({ action: 'goods.permit_terminal_bound', entityType: 'goods_permit', entityId: id, jurisdictionPath: p.supervisingPath, before: { terminalId: p.terminalId }, after: { terminalId: input.terminalId } });
    for (const path of new Set([p.supervisingPath, rec.fromSitePath, rec.toSitePath])) record.emit({ type: 'goods.permit_terminal_bound', jurisdictionPath: path, data });
  });
  return (await findPermitRecord(deps.db, id))!.permit;
}
