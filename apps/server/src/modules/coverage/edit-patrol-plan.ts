import type { EditPatrolPlanBody, PatrolPlan } from '@firebreak/contracts';
import { eq, inArray } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';
import { AppError } from '../../errors.js';
import type { Actor } from '../../platform/auth/access.js';
import { runCommand, type CommandContext, type CommandDeps } from '../../platform/command.js';
import { findUnitRows } from '../units/index.js';
import { begunChanges, unknownPostIds } from './patrol-edit-model.js';
import { patrolPlanProblems, unitClashes } from './patrol-model.js';
import { loadPlan } from './patrol-plans.queries.js';
import { planToChange, refuseCrossPlanClashes, throwProblems } from './patrol-units.js';
import { patrolPlans, patrolPosts } from './patrol.tables.js';

// Kept posts are renumbered through this offset so the (plan, ordinal) unique index never sees two posts on one number mid-way.
const ORDINAL_SHIFT = 1_000;

/**
 * Edits a plan: title, shift, and its posts with their windows (the whole list when given). Under
 * a lock of the plan row, on the version the editor saw (else 409 `PATROL_PLAN_STALE` naming
 * `body.expectedVersion`): a cancelled plan is not edited (409 `PATROL_PLAN_CANCELLED`); once
 * begun, only what has not begun changes (`begunChanges`, 409 `PATROL_PLAN_BEGUN` naming the
 * field); the plan's rules hold as for a new plan, and a unit kept on a post whose windows move
 * must not then stand at two posts at once, here or in another active plan (`PATROL_UNIT_CLASH`).
 * Kept posts keep their unit; new posts come unassigned. An edit that changes nothing changes
 * nothing (an audit entry, no event, the same version). One transaction: the plan, its posts, the audit row (before and after) and the events
 * at the plan's path and each of its units' paths.
 */
export async function editPatrolPlan(deps: CommandDeps, ctx: CommandContext & { actor: Actor }, planId: string, body: EditPatrolPlanBody): Promise<PatrolPlan> {
  const { result } = await runCommand(deps, ctx, async (tx, record) => {
    const plan = await planToChange(tx, ctx.actor, planId, 'edit');
    if (body.expectedVersion !== plan.version) {
      throw new AppError('PATROL_PLAN_STALE', `The plan is at version ${plan.version}, not ${body.expectedVersion}`, { fields: [{ path: 'body.expectedVersion', message: `the plan is at version ${plan.version}: reload it` }] });
    }
    const beforePlan = await loadPlan(tx, plan);
    const was = new Map(beforePlan.posts.map((p) => [p.id, p]));
    const given = body.posts;
    if (given) throwProblems(unknownPostIds(beforePlan.posts.map((p) => p.id), given));
    const posts = (given ?? beforePlan.posts).map((p) => {
      const old = p.id === undefined ? undefined : was.get(p.id);
      return {
        id: p.id, name: p.name, location: p.location, windows: p.windows.map((w) => ({ start: new Date(w.start).toISOString(), end: new Date(w.end).toISOString() })),
        placeId: p.placeId !== undefined ? p.placeId : (old?.placeId ?? null), serves: p.serves !== undefined ? p.serves : (old?.serves ?? null), unitId: old?.unitId ?? null,
      };
    });
    const shape = { shiftStart: body.shiftStart ?? beforePlan.shiftStart, shiftEnd: body.shiftEnd ?? beforePlan.shiftEnd, posts };
    throwProblems(patrolPlanProblems(shape));
    const begun = begunChanges(beforePlan, shape, deps.clock().getTime());
    if (begun.length) throw new AppError('PATROL_PLAN_BEGUN', `${begun[0]!.path}: ${begun[0]!.message}`, { fields: begun });
    throwProblems(unitClashes(posts, (i) => `body.posts.${i}.windows`));
    if (given) await refuseCrossPlanClashes(tx, plan.id, posts, (i) => `body.posts.${i}.windows`);

    const title = body.title ?? plan.title;
    const unchanged = title === plan.title && Date.parse(shape.shiftStart) === plan.shiftStart.getTime() && Date.parse(shape.shiftEnd) === plan.shiftEnd.getTime()
      && JSON.stringify(posts.map(({ unitId: _u, ...p }) => p)) === JSON.stringify(beforePlan.posts.map((p) => ({ id: p.id, name: p.name, location: p.location, windows: p.windows, placeId: p.placeId, serves: p.serves })));
    if (unchanged) {
      // As a repeated assignment: no change, no event, no new version; the entry says who confirmed it.
      record.audit({ action: 'coverage.patrol_plan_edited', entityType: 'patrol_plan', entityId: plan.id, jurisdictionPath: plan.jurisdictionPath, after: { unchanged: true, version: plan.version } });
      return beforePlan;
    }

    const removed = beforePlan.posts.filter((p) => !posts.some((q) => q.id === p.id)).map((p) => p.id);
    if (removed.length) await tx.delete(patrolPosts).where(inArray(patrolPosts.id, removed));
    for (const [ordinal, p] of posts.entries()) {
      if (p.id) await tx.update(patrolPosts).set({ ordinal: ordinal + ORDINAL_SHIFT, name: p.name, lon: p.location[0], lat: p.location[1], placeId: p.placeId, serves: p.serves, windows: p.windows }).where(eq(patrolPosts.id, p.id));
    }
    for (const [ordinal, p] of posts.entries()) {
      if (p.id) await tx.update(patrolPosts).set({ ordinal }).where(eq(patrolPosts.id, p.id));
      else await tx.insert(patrolPosts).values({ id: uuidv7(), planId: plan.id, ordinal, name: p.name, lon: p.location[0], lat: p.location[1], placeId: p.placeId, serves: p.serves, windows: p.windows, unitId: null, assignedAt: null });
    }
    const [bumped] = await tx.update(patrolPlans).set({ title, shiftStart: new Date(shape.shiftStart), shiftEnd: new Date(shape.shiftEnd), version: plan.version + 1 }).where(eq(patrolPlans.id, plan.id)).returning();
    const out = await loadPlan(tx, bumped!);
    record.audit({ action: 'coverage.patrol_plan_edited', entityType: 'patrol_plan', entityId: plan.id, jurisdictionPath: plan.jurisdictionPath, before: beforePlan, after: out });
    // A removed post's crew learns of it too.
    const unitIds = [...new Set([...beforePlan.posts, ...out.posts].flatMap((p) => (p.unitId ? [p.unitId] : [])))];
    const paths = new Set([plan.jurisdictionPath, ...(await findUnitRows(tx, unitIds)).map((u) => u.jurisdictionPath)]);
    for (const path of paths) record.emit({ type: 'coverage.patrol_plan_edited', jurisdictionPath: path, data: out });
    return out;
  });
  return result;
}
