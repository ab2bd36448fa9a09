import type { BindUnitTerminalBody, UnitTerminal } from '@firebreak/contracts';
import { sql } from 'drizzle-orm';
import { AppError, invalidField, notFound } from '../../errors.js';
import { can, canOnUnit, mayBeTerminal, type Actor } from '../../platform/auth/access.js';
import { runCommand, type CommandContext, type CommandDeps } from '../../platform/command.js';
import { findStaff } from '../identity/index.js';
import { findUnitRow } from './units.queries.js';

/**
 * Binds a unit to the device account that reports its fixes (its vehicle's terminal, or the AVL
 * gateway that reports it), or unbinds it (`terminalId: null`). From then on the unit takes HTTP
 * fixes from that account alone, and the account reports for its bound units alone
 * (`mayReportUnit`). The terminal must be an enabled device account holding `avl:report` on the
 * unit's jurisdiction, homed where the caller manages units: binding restricts the account, so a
 * commander may not bind (and so cut off) a neighbour's gateway. Audited, `units.terminal_bound`.
 */
export async function bindUnitTerminal(deps: CommandDeps, ctx: CommandContext & { actor: Actor }, id: string, input: BindUnitTerminalBody): Promise<UnitTerminal> {
  const { result } = await runCommand(deps, ctx, async (tx, record) => {
    const row = await findUnitRow(tx, id, { forUpdate: true });
    if (!row || !canOnUnit(ctx.actor, 'units:read', row)) throw notFound('Unit');
    if (!can(ctx.actor, 'units:manage', row.jurisdictionPath)) throw new AppError('FORBIDDEN', `You may not change units of ${row.jurisdictionPath}`);
    if (input.terminalId !== null) {
      const terminal = await findStaff(tx, input.terminalId);
      if (!terminal || !can(ctx.actor, 'units:manage', terminal.jurisdictionPath)) {
        throw invalidField('body.terminalId', 'no such device account where you manage units');
      }
      if (!mayBeTerminal(terminal, [row.jurisdictionPath])) {
        throw invalidField('body.terminalId', "not an enabled device account holding avl:report on the unit's jurisdiction");
      }
    }
    const before: UnitTerminal = { unitId: id, terminalId: row.terminalId };
    const after: UnitTerminal = { unitId: id, terminalId: input.terminalId };
    // Binding again to the same account is recorded too (a command records its audit row; a retry is harmless).
    await tx.execute(sql`update units set terminal_id = ${input.terminalId}, version = version + 1, updated_at = ${deps.clock()} where id = ${id}`);
    record.audit({ action: 'units.terminal_bound', entityType: 'unit', entityId: id, jurisdictionPath: row.jurisdictionPath, before, after });
    record.emit({ type: 'units.terminal_bound', jurisdictionPath: row.jurisdictionPath, data: after });
    return after;
  });
  return result;
}
