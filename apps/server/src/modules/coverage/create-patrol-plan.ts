import type { CreatePatrolPlanBody, Jurisdiction, PatrolPlan } from '@firebreak/contracts';
import { v7 as uuidv7 } from 'uuid';
import type { Actor } from '../../platform/auth/access.js';
import { runCommand, type CommandContext, type CommandDeps } from '../../platform/command.js';
import { patrolPlanProblems, unitClashes } from './patrol-model.js';
import { presentPlan } from './patrol-plans.queries.js';
import { refuseCrossPlanClashes, throwProblems, unitsForPosts } from './patrol-units.js';
import { patrolPlans, patrolPosts } from './patrol.tables.js';

/**
 * Creates a patrol plan for a shift: its posts (a placement's answer or points the planner
 * picked), the windows each must be held in, and the units already named for them. Checked
 * before anything is written (windows inside the shift and apart, no unit at two posts at
 * once, units of the jurisdiction); then one transaction with the audit row and the events: at
 * the jurisdiction's path, and at each assigned unit's own path so its crew learns of its post.
 */
export async function createPatrolPlan(deps: CommandDeps, ctx: CommandContext & { actor: Actor }, j: Jurisdiction, body: CreatePatrolPlanBody): Promise<PatrolPlan> {
  throwProblems([...patrolPlanProblems(body), ...unitClashes(body.posts, (i) => `body.posts.${i}.unitId`)]);
  const { result } = await runCommand(deps, ctx, async (tx, record) => {
    const found = await unitsForPosts(tx, ctx.actor, j.path, body.posts.map((p, i) => ({ unitId: p.unitId, field: `body.posts.${i}.unitId` })));
    await refuseCrossPlanClashes(tx, null, body.posts, (i) => `body.posts.${i}.unitId`);
    const now = deps.clock();
    const [plan] = await tx.insert(patrolPlans).values({
      id: uuidv7(), jurisdictionId: j.id, jurisdictionPath: j.path, title: body.title, state: 'active',
      shiftStart: new Date(body.shiftStart), shiftEnd: new Date(body.shiftEnd), minutes: body.minutes, radiusMetres: body.radiusMetres,
      createdBy: ctx.actor.id, createdAt: now,
    }).returning();
    const posts = await tx.insert(patrolPosts).values(body.posts.map((p, ordinal) => ({
      id: uuidv7(), planId: plan!.id, ordinal, name: p.name, lon: p.location[0], lat: p.location[1], placeId: p.placeId, serves: p.serves,
      windows: p.windows.map((w) => ({ start: new Date(w.start).toISOString(), end: new Date(w.end).toISOString() })),
      unitId: p.unitId, assignedAt: p.unitId ? now : null,
    }))).returning();
    const out = presentPlan(plan!, posts.map((s) => ({ ...s, callSign: s.unitId ? found.get(s.unitId)!.callSign : null })));
    record.audit({ action: 'coverage.patrol_plan_created', entityType: 'patrol_plan', entityId: out.id, jurisdictionPath: j.path, after: out });
    record.emit({ type: 'coverage.patrol_plan_created', jurisdictionPath: j.path, data: out });
    const unitPaths = new Set(posts.flatMap((s) => (s.unitId ? [found.get(s.unitId)!.jurisdictionPath] : [])).filter((p) => p !== j.path));
    for (const path of unitPaths) record.emit({ type: 'coverage.patrol_units_assigned', jurisdictionPath: path, data: out });
    return out;
  });
  return result;
}
