import { AppError } from '../../errors.js';
import { canOnUnit, isWithin, type Actor } from '../../platform/auth/access.js';
import type { Queryable } from '../../platform/db/client.js';
import { findUnitRows, type UnitRow } from '../units/index.js';
import type { FieldProblem } from './patrol-model.js';

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
