import type { Hazard } from '@firebreak/contracts';
import { eq, sql } from 'drizzle-orm';
import { AppError, invalidField } from '../../errors.js';
import { can, isWithin, type Actor } from '../../platform/auth/access.js';
import { runCommand, type CommandContext, type CommandDeps } from '../../platform/command.js';
import { findJurisdiction } from '../jurisdictions/index.js';
import { hazardFor, refused } from './hazards.access.js';
import { factsOf, findHazard } from './hazards.queries.js';
import { hazards } from './hazards.tables.js';
import { decide } from './model.js';

/** A higher level puts a major hazard under its own supervision: it stays on that level's board until closed. */
export async function listSupervision(deps: CommandDeps, ctx: CommandContext & { actor: Actor }, id: string, jurisdictionId: string): Promise<Hazard> {
  const { result } = await runCommand(deps, ctx, async (tx, record) => {
    const row = await hazardFor(tx, ctx.actor, id, 'hazards:read');
    const level = await findJurisdiction(tx, jurisdictionId);
    if (!level || !can(ctx.actor, 'hazards:read', level.path)) throw invalidField('body.jurisdictionId', 'no such jurisdiction in your scope');
    if (level.path === row.jurisdictionPath || !isWithin(row.jurisdictionPath, level.path)) {
      throw invalidField('body.jurisdictionId', `must be a level above ${row.jurisdictionPath}`);
    }
    if (!can(ctx.actor, 'hazards:verify', level.path)) throw new AppError('FORBIDDEN', `You need hazards:verify in ${level.path}`);
    const d = decide(await factsOf(tx, row), { type: 'list_supervision', by: level.path });
    if (!d.ok) throw refused(d);
    const now = deps.clock();
    await tx.update(hazards).set({ supervisedByPath: level.path, version: sql`${hazards.version} + 1`, updatedAt: now }).where(eq(hazards.id, id));
    record.audit({ action: 'hazards.supervision_listed', entityType: 'hazard', entityId: id, jurisdictionPath: row.jurisdictionPath, after: { supervisedBy: level.path } });
    record.emit({ type: 'hazards.supervision_listed', jurisdictionPath: row.jurisdictionPath, data: { id, supervisedBy: level.path } });
    return (await findHazard(tx, id, now))!;
  });
  return result;
}
