import type { ResponsePlan, SetResponsePlanBody } from '@firebreak/contracts';
import { sql } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';
import { AppError, invalidField } from '../../errors.js';
import { can, type Actor } from '../../platform/auth/access.js';
import { runCommand, type CommandContext, type CommandDeps, type CommandRecord } from '../../platform/command.js';
import type { Tx } from '../../platform/db/client.js';
import { findJurisdiction } from '../jurisdictions/index.js';
import { planInForce } from './response-plans.queries.js';

/**
 * Sets the run card of an incident type and priority for a jurisdiction, replacing its own (the
 * ones of ancestors stay, and still hold wherever this one does not reach). Those who manage the
 * units (units:manage) say what to send.
 */
export async function setResponsePlan(deps: CommandDeps, ctx: CommandContext & { actor: Actor }, input: SetResponsePlanBody): Promise<ResponsePlan> {
  const { result } = await runCommand(deps, ctx, (tx, record) => setResponsePlanIn(tx, record, deps, ctx, input));
  return result;
}

/** The same inside a transaction already open (bulk onboarding sets a file's run cards in one). */
export async function setResponsePlanIn(tx: Tx, record: CommandRecord, deps: Pick<CommandDeps, 'clock'>, ctx: { actor: Actor }, input: SetResponsePlanBody): Promise<ResponsePlan> {
  const j = await findJurisdiction(tx, input.jurisdictionId);
  if (!j || !can(ctx.actor, 'units:read', j.path)) throw invalidField('body.jurisdictionId', 'no such jurisdiction in your scope');
  if (!can(ctx.actor, 'units:manage', j.path)) throw new AppError('FORBIDDEN', `You may not set response plans for ${j.path}`);
  const now = deps.clock();
  const tiers = [...input.tiers].sort((a, b) => a.tier - b.tier);
  const before = await planInForce(tx, j.path, input.incidentType, input.priority);
  await tx.execute(sql`insert into response_plans (id, jurisdiction_id, jurisdiction_path, incident_type, priority, tiers, updated_by, created_at, updated_at)
    values (${uuidv7()}, ${j.id}, ${j.path}::ltree, ${input.incidentType}, ${input.priority}, ${JSON.stringify(tiers)}::jsonb, ${ctx.actor.id}, ${now}, ${now})
    on conflict (jurisdiction_id, incident_type, priority) do update set tiers = excluded.tiers, updated_by = excluded.updated_by,
      updated_at = excluded.updated_at, version = response_plans.version + 1`);
  const plan = (await planInForce(tx, j.path, input.incidentType, input.priority))!;
  record.audit({ action: 'dispatch.response_plan_set', entityType: 'response_plan', entityId: plan.id, jurisdictionPath: j.path, before, after: plan });
  record.emit({ type: 'dispatch.response_plan_set', jurisdictionPath: j.path, data: plan });
  return plan;
}
