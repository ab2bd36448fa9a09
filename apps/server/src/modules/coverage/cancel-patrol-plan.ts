import type { CancelPatrolPlanBody, PatrolPlan } from '@firebreak/contracts';
import { eq } from 'drizzle-orm';
import { AppError } from '../../errors.js';
import type { Actor } from '../../platform/auth/access.js';
import { runCommand, type CommandContext, type CommandDeps } from '../../platform/command.js';
import { findUnitRows } from '../units/index.js';
import { loadPlan } from './patrol-plans.queries.js';
import { planToChange } from './patrol-units.js';
import { patrolPlans } from './patrol.tables.js';

/**
 * Calls a plan off, with the commander's reason. The plan stays readable (its posts, who held
 * them, the presence measured so far) and says who cancelled it, when and why; it takes no more
 * assignments or edits. Its units are released: a cancelled plan's posts no longer count against
 * them (`PATROL_UNIT_CLASH` looks at active plans only), and each unit's crew learns of it by the
 * event at its path. A shift already over is not cancelled (409 `PATROL_PLAN_BEGUN`: there is
 * nothing left to call off, and its record stands). Cancelling a cancelled plan answers it as it
 * is and changes nothing (an audit entry, no event), so a retry without an Idempotency-Key is
 * harmless too.
 */
export async function cancelPatrolPlan(deps: CommandDeps, ctx: CommandContext & { actor: Actor }, planId: string, body: CancelPatrolPlanBody): Promise<PatrolPlan> {
  const { result } = await runCommand(deps, ctx, async (tx, record) => {
    const plan = await planToChange(tx, ctx.actor, planId, 'cancel', 'pass');
    if (plan.state === 'cancelled') {
      // Already so (a repeat): nothing changes, no event; the entry says who asked again.
      record.audit({ action: 'coverage.patrol_plan_cancelled', entityType: 'patrol_plan', entityId: plan.id, jurisdictionPath: plan.jurisdictionPath, after: { state: plan.state, repeated: true } });
      return loadPlan(tx, plan);
    }
    const now = deps.clock();
    if (plan.shiftEnd.getTime() <= now.getTime()) throw new AppError('PATROL_PLAN_BEGUN', `The shift ended at ${plan.shiftEnd.toISOString()}: there is nothing left to cancel`);
    const before = await loadPlan(tx, plan);
    const [cancelled] = await tx.update(patrolPlans).set({ state: 'cancelled', cancelledBy: ctx.actor.id, cancelledAt: now, cancelReason: body.reason, version: plan.version + 1 })
      .where(eq(patrolPlans.id, plan.id)).returning();
    const out = await loadPlan(tx, cancelled!);
    const released = before.posts.flatMap((p) => (p.unitId ? [{ postId: p.id, unitId: p.unitId, callSign: p.callSign }] : []));
    record.audit({
      action: 'coverage.patrol_plan_cancelled', entityType: 'patrol_plan', entityId: plan.id, jurisdictionPath: plan.jurisdictionPath,
      before: { state: before.state, version: before.version }, after: { state: out.state, version: out.version, reason: body.reason, started: plan.shiftStart.getTime() <= now.getTime(), released },
    });
    const paths = new Set([plan.jurisdictionPath, ...(await findUnitRows(tx, released.map((r) => r.unitId))).map((u) => u.jurisdictionPath)]);
    for (const path of paths) record.emit({ type: 'coverage.patrol_plan_cancelled', jurisdictionPath: path, data: out });
    return out;
  });
  return result;
}
