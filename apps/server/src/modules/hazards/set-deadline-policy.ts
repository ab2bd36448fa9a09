import { sql } from 'drizzle-orm';
import { AppError, notFound } from '../../errors.js';
import { can, type Actor } from '../../platform/auth/access.js';
import { runCommand, type CommandContext, type CommandDeps } from '../../platform/command.js';
import { findJurisdiction } from '../jurisdictions/index.js';
import { deadlinesAt } from './hazards.queries.js';

/** Sets the deadlines by grade for a jurisdiction and (unless they set their own) its subtree. */
export async function setDeadlinePolicy(
  deps: CommandDeps,
  ctx: CommandContext & { actor: Actor },
  jurisdictionId: string,
  input: { generalDays: number; majorDays: number },
) {
  const { result } = await runCommand(deps, ctx, async (tx, record) => {
    const j = await findJurisdiction(tx, jurisdictionId);
    if (!j || !can(ctx.actor, 'hazards:read', j.path)) throw notFound('Jurisdiction');
    if (!can(ctx.actor, 'hazards:configure', j.path)) throw new AppError('FORBIDDEN', `You may not set hazard deadlines for ${j.path}`);
    const before = await deadlinesAt(tx, j.path);
    await tx.execute(sql`insert into hazard_deadline_policies (jurisdiction_id, jurisdiction_path, general_days, major_days, updated_at)
      values (${j.id}, ${j.path}::ltree, ${input.generalDays}, ${input.majorDays}, ${deps.clock()})
      on conflict (jurisdiction_id) do update set general_days = excluded.general_days, major_days = excluded.major_days, updated_at = excluded.updated_at`);
    record.audit({ action: 'hazards.deadline_policy_set', entityType: 'jurisdiction', entityId: j.id, jurisdictionPath: j.path, before, after: input });
    record.emit({ type: 'hazards.deadline_policy_set', jurisdictionPath: j.path, data: { jurisdictionPath: j.path, ...input } });
    return { jurisdictionPath: j.path, definedAt: j.path, ...input };
  });
  return result;
}
