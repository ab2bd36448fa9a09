import { AppError } from '../../errors.js';
import { canOnUnit, isWithin, type Actor } from '../../platform/auth/access.js';
import { and, eq, inArray, ne, sql } from 'drizzle-orm';
import type { Queryable, Tx } from '../../platform/db/client.js';
import { findUnitRows, type UnitRow } from '../units/index.js';
import { notFound } from '../../errors.js';
import { can } from '../../platform/auth/access.js';
import { crossPlanClashes, type FieldProblem, type HeldElsewhere } from './patrol-model.js';
import { findPlanRow } from './patrol-plans.queries.js';
import { patrolPlans, patrolPosts } from './patrol.tables.js';
import { units } from '../units/index.js';
import type { PatrolWindow } from '@firebreak/contracts';

/**
 * The units named for a plan's posts, checked: each must be one the caller sees (else "no such
 * unit", as for anything unseen) and lie in the plan's jurisdiction subtree, where the caller
 * plans patrols (`units:manage`). Whether it is on duty now is not asked: a plan is often made
 * before its shift. Throws one validation error naming every bad field.
 */
export async function unitsForPosts(q: Queryable, actor: Actor, planPath: string, named: readonly { unitId: string | null; field: string }[]): Promise<Map<string, UnitRow>> {
  const ids = [...new Set(named.flatMap((n) => (n.unitId ? [n.unitId] : [])))];
  const found = new Map((await findUnitRows(q, ids)).map((u) => [u.id, u]));
  const problems: FieldProblem[] = named.flatMap(({ unitId, field }) => {
    if (unitId === null) return [];
    const unit = found.get(unitId);
    if (!unit || !canOnUnit(actor, 'units:read', unit)) return [{ path: field, message: 'no such unit in your scope' }];
    if (!isWithin(unit.jurisdictionPath, planPath)) return [{ path: field, message: `${unit.callSign} is not a unit of ${planPath}` }];
    return [];
  });
  throwProblems(problems);
  return found;
}

export function throwProblems(problems: readonly FieldProblem[]): void {
  if (problems.length) throw new AppError('VALIDATION_FAILED', `${problems[0]!.path}: ${problems[0]!.message}`, { fields: [...problems] });
}

/**
 * Refuses (409 `PATROL_UNIT_CLASH`, naming the unit's field, the unit and the other plan) a post
 * of this plan whose unit holds a post of another active plan in an overlapping window. The units
 * are locked first (in id order): two planners putting the same unit into two plans at once are
 * checked one after the other.
 */
export async function refuseCrossPlanClashes(tx: Tx, planId: string | null, posts: readonly { unitId: string | null; windows: readonly PatrolWindow[] }[], fieldOf: (postIndex: number) => string): Promise<void> {
  const ids = [...new Set(posts.flatMap((p) => (p.unitId ? [p.unitId] : [])))].sort();
  if (ids.length === 0) return;
  await tx.select({ id: units.id }).from(units).where(inArray(units.id, ids)).orderBy(units.id).for('update');
  const held: HeldElsewhere[] = await tx.select({ unitId: sql<string>`${patrolPosts.unitId}`, callSign: units.callSign, planId: patrolPlans.id, planName: patrolPlans.title, windows: patrolPosts.windows })
    .from(patrolPosts).innerJoin(patrolPlans, eq(patrolPlans.id, patrolPosts.planId)).innerJoin(units, eq(units.id, patrolPosts.unitId))
    .where(and(inArray(patrolPosts.unitId, ids), eq(patrolPlans.state, 'active'), ...(planId ? [ne(patrolPlans.id, planId)] : [])));
  const problems = crossPlanClashes(posts, held, fieldOf);
  if (problems.length) throw new AppError('PATROL_UNIT_CLASH', `${problems[0]!.path}: ${problems[0]!.message}`, { fields: [...problems] });
}

/**
 * The plan a change is about, locked: unseen (no `units:read` there) is "not found", seen but not
 * the caller's to plan (`units:manage`) is 403; `whenCancelled` says what a cancelled plan answers
 * (refused with 409 `PATROL_PLAN_CANCELLED`, or let through for the command to answer itself).
 */
export async function planToChange(tx: Tx, actor: Actor, planId: string, verb: string, whenCancelled: 'refuse' | 'pass' = 'refuse') {
  const plan = await findPlanRow(tx, planId, { forUpdate: true });
  if (!plan || !can(actor, 'units:read', plan.jurisdictionPath)) throw notFound('Patrol plan');
  if (!can(actor, 'units:manage', plan.jurisdictionPath)) throw new AppError('FORBIDDEN', `You may not ${verb} patrol plans in ${plan.jurisdictionPath}`);
  if (plan.state !== 'active' && whenCancelled === 'refuse') throw new AppError('PATROL_PLAN_CANCELLED', `The patrol plan was cancelled at ${plan.cancelledAt?.toISOString()}: ${plan.cancelReason}`);
  return plan;
}
