import type { AssignPatrolUnitsBody, PatrolPlan } from '@firebreak/contracts';
import { eq } from 'drizzle-orm';
import type { Actor } from '../../platform/auth/access.js';
import { runCommand, type CommandContext, type CommandDeps } from '../../platform/command.js';
import { unitClashes } from './patrol-model.js';
import { loadPlan, postsOf } from './patrol-plans.queries.js';
import { planToChange, refuseCrossPlanClashes, throwProblems, unitsForPosts } from './patrol-units.js';
import { patrolPlans, patrolPosts } from './patrol.tables.js';

/**
 * Assigns units to a plan's posts (or takes them off, `unitId: null`), all or none. The plan row
 * is locked, so two planners assigning at once are applied one after the other and the clash
 * rule (no unit at two posts in overlapping windows) holds over the plan as it ends up. A post
 * already held by the unit named keeps its assignment time and the plan its version when nothing
 * changes (a repeated request; with its Idempotency-Key a retry is answered as the first). A cancelled plan takes no
 * assignment (409 `PATROL_PLAN_CANCELLED`).
 * A unit newly assigned that holds a post of another active plan in an overlapping window is
 * refused (409 `PATROL_UNIT_CLASH` naming the unit and that plan).
 */
export async function assignPatrolUnits(deps: CommandDeps, ctx: CommandContext & { actor: Actor }, planId: string, body: AssignPatrolUnitsBody): Promise<PatrolPlan> {
  const { result } = await runCommand(deps, ctx, async (tx, record) => {
    const plan = await planToChange(tx, ctx.actor, planId, 'assign units to');
    const before = await postsOf(tx, plan.id);
    const byId = new Map(before.map((p) => [p.id, p]));
    throwProblems(body.assignments.flatMap((a, i) => {
      if (!byId.has(a.postId)) return [{ path: `body.assignments.${i}.postId`, message: 'no such post in this plan' }];
      return body.assignments.slice(0, i).some((b) => b.postId === a.postId) ? [{ path: `body.assignments.${i}.postId`, message: 'the post is named twice' }] : [];
    }));
    const found = await unitsForPosts(tx, ctx.actor, plan.jurisdictionPath, body.assignments.map((a, i) => ({ unitId: a.unitId, field: `body.assignments.${i}.unitId` })));
    const wanted = new Map(body.assignments.map((a) => [a.postId, a.unitId]));
    const after = before.map((p) => ({ ...p, unitId: wanted.has(p.id) ? wanted.get(p.id)! : p.unitId }));
    // A clash is reported on the assignment that brought it (or on the post's own field when it was already there).
    const indexOf = (post: number) => body.assignments.findIndex((a) => a.postId === after[post]!.id);
    throwProblems(unitClashes(after, (post) => (indexOf(post) >= 0 ? `body.assignments.${indexOf(post)}.unitId` : `body.assignments`)));
    const changed = after.filter((p) => p.unitId !== byId.get(p.id)!.unitId);
    // Across plans: a unit newly put on a post must not hold a post of another active plan then.
    await refuseCrossPlanClashes(tx, plan.id, changed, (k) => `body.assignments.${body.assignments.findIndex((a) => a.postId === changed[k]!.id)}.unitId`);
    if (changed.length === 0) {
      // Already so (a repeated request): nothing changes, no event; the entry still says who confirmed it.
      record.audit({ action: 'coverage.patrol_units_assigned', entityType: 'patrol_plan', entityId: plan.id, jurisdictionPath: plan.jurisdictionPath, after: { posts: [] } });
      return loadPlan(tx, plan);
    }
    const now = deps.clock();
    for (const p of changed) await tx.update(patrolPosts).set({ unitId: p.unitId, assignedAt: p.unitId ? now : null }).where(eq(patrolPosts.id, p.id));
    const [bumped] = await tx.update(patrolPlans).set({ version: plan.version + 1 }).where(eq(patrolPlans.id, plan.id)).returning();
    const out = await loadPlan(tx, bumped!);
    record.audit({
      action: 'coverage.patrol_units_assigned', entityType: 'patrol_plan', entityId: plan.id, jurisdictionPath: plan.jurisdictionPath,
      before: { posts: changed.map((p) => ({ postId: p.id, unitId: byId.get(p.id)!.unitId })) }, after: { posts: changed.map((p) => ({ postId: p.id, unitId: p.unitId })) },
    });
    const paths = new Set([plan.jurisdictionPath, ...changed.flatMap((p) => (p.unitId ? [found.get(p.unitId)!.jurisdictionPath] : []))]);
    for (const path of paths) record.emit({ type: 'coverage.patrol_units_assigned', jurisdictionPath: path, data: out });
    return out;
  });
  return result;
}

