import type { Unit, UnitActionBody } from '@firebreak/contracts';
import { sql } from 'drizzle-orm';
import { AppError, notFound } from '../../errors.js';
import { can, canOnUnit, type Actor } from '../../platform/auth/access.js';
import { runCommand, type CommandContext, type CommandDeps, type CommandRecord } from '../../platform/command.js';
import type { Tx } from '../../platform/db/client.js';
import type { LivePositions } from './live-positions.js';
import { decide, type UnitCommand } from './model.js';
import { findUnitRow, presentUnit, type UnitRow } from './units.queries.js';

/**
 * Applies one lifecycle step to a locked unit inside the caller's transaction (dispatch calls it
 * for each assignment step). Throws `refusal` with the model's reason when the step is not allowed.
 */
export async function applyUnitCommand(
  tx: Tx,
  record: CommandRecord,
  row: UnitRow,
  cmd: UnitCommand,
  now: Date,
  refusal: 'UNIT_TRANSITION_NOT_ALLOWED' | 'DISPATCH_UNIT_UNAVAILABLE' = 'UNIT_TRANSITION_NOT_ALLOWED',
): Promise<Unit> {
  const d = decide(row, cmd, now);
  if (!d.ok) throw new AppError(refusal, `${row.callSign}: ${d.reason}`);
  const n = d.next;
  await tx.execute(sql`update units set status = ${n.status}, status_changed_at = ${n.statusChangedAt}, on_duty = ${n.onDuty},
      duty_changed_at = ${n.dutyChangedAt}, incident_id = ${n.incidentId}, version = version + 1, updated_at = ${now} where id = ${row.id}`);
  const before = { status: row.status, onDuty: row.onDuty, incidentId: row.incidentId };
  const after = { status: n.status, onDuty: n.onDuty, incidentId: n.incidentId };
  const unit = presentUnit({ ...row, ...n, version: row.version + 1, updatedAt: now }, null, now);
  record.audit({ action: 'units.status_changed', entityType: 'unit', entityId: row.id, jurisdictionPath: row.jurisdictionPath, before, after: { ...after, step: cmd.type } });
  record.emit({ type: 'units.status_changed', jurisdictionPath: row.jurisdictionPath, data: { id: row.id, callSign: row.callSign, kind: row.kind, step: cmd.type, ...after, statusChangedAt: unit.statusChangedAt, version: unit.version } });
  return unit;
}

/** Locks a unit for a step; invisible units (neither in scope nor lent by an agreement) are not found. */
export async function lockUnit(tx: Tx, actor: Actor, id: string): Promise<UnitRow> {
  const row = await findUnitRow(tx, id, { forUpdate: true });
  if (!row || !canOnUnit(actor, 'units:read', row)) throw notFound('Unit');
  return row;
}

/** On or off duty, out of or back in service, back at the station: steps outside an incident. */
export async function changeUnitStatus(deps: CommandDeps, ctx: CommandContext & { actor: Actor }, id: string, input: UnitActionBody, live: LivePositions): Promise<Unit> {
  const { result } = await runCommand(deps, ctx, async (tx, record) => {
    const row = await lockUnit(tx, ctx.actor, id);
    if (!can(ctx.actor, 'units:manage', row.jurisdictionPath) && !can(ctx.actor, 'dispatch:respond', row.jurisdictionPath)) {
      throw new AppError('FORBIDDEN', `You may not change the status of units of ${row.jurisdictionPath}`);
    }
    const now = deps.clock();
    const unit = await applyUnitCommand(tx, record, row, { type: input.action }, now);
    return { ...unit, position: live.view(id, now) };
  });
  return result;
}
