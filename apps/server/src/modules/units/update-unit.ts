import type { Unit, UpdateUnitBody } from '@firebreak/contracts';
import { sql } from 'drizzle-orm';
import { AppError, notFound } from '../../errors.js';
import { can, canOnUnit, type Actor } from '../../platform/auth/access.js';
import { runCommand, type CommandContext, type CommandDeps, type CommandRecord } from '../../platform/command.js';
import type { Tx } from '../../platform/db/client.js';
import type { LivePositions } from './live-positions.js';
import { findUnitRow, presentUnit } from './units.queries.js';

/** Changes a unit's crew, capabilities or home location. */
export async function updateUnit(deps: CommandDeps, ctx: CommandContext & { actor: Actor }, id: string, input: UpdateUnitBody, live: LivePositions): Promise<Unit> {
  const { result } = await runCommand(deps, ctx, (tx, record) => updateUnitIn(tx, record, deps, ctx, id, input, live));
  return result;
}

/** The same inside a transaction already open (bulk onboarding updates a file's units in one, and its undo restores them). */
export async function updateUnitIn(tx: Tx, record: CommandRecord, deps: Pick<CommandDeps, 'clock'>, ctx: { actor: Actor }, id: string, input: UpdateUnitBody, live: LivePositions): Promise<Unit> {
  const row = await findUnitRow(tx, id, { forUpdate: true });
  if (!row || !canOnUnit(ctx.actor, 'units:read', row)) throw notFound('Unit');
  if (!can(ctx.actor, 'units:manage', row.jurisdictionPath)) throw new AppError('FORBIDDEN', `You may not change units of ${row.jurisdictionPath}`);
  const now = deps.clock();
  const before = presentUnit(row, live, now);
  const home = input.homeLocation ? sql`ST_SetSRID(ST_MakePoint(${input.homeLocation[0]}, ${input.homeLocation[1]}), 4326)` : sql`home_location`;
  await tx.execute(sql`update units set crew_size = ${input.crewSize ?? row.crewSize}, capabilities = array(select jsonb_array_elements_text(${JSON.stringify(input.capabilities ?? row.capabilities)}::jsonb)),
      home_location = ${home}, version = version + 1, updated_at = ${now} where id = ${id}`);
  const unit = presentUnit((await findUnitRow(tx, id))!, live, now);
  record.audit({ action: 'units.updated', entityType: 'unit', entityId: id, jurisdictionPath: row.jurisdictionPath, before, after: unit });
  record.emit({ type: 'units.updated', jurisdictionPath: row.jurisdictionPath, data: unit });
  return unit;
}
