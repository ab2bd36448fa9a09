import type { PatrolPlan, PatrolPlanSummary } from '@firebreak/contracts';
import { asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Queryable } from '../../platform/db/client.js';
import { displayNamesOf } from '../identity/index.js';
import { units } from '../units/index.js';
import { patrolPlans, patrolPosts } from './patrol.tables.js';

type PlanRow = typeof patrolPlans.$inferSelect;
type PostRow = typeof patrolPosts.$inferSelect;

/** A plan as the API gives it; `cancelledByName` is the canceller's display name (looked up by the caller). */
export const presentPlan = (p: PlanRow, posts: readonly (PostRow & { callSign: string | null })[], cancelledByName: string | null = null): PatrolPlan => ({
  id: p.id, jurisdictionId: p.jurisdictionId, jurisdictionPath: p.jurisdictionPath, title: p.title, state: p.state,
  shiftStart: p.shiftStart.toISOString(), shiftEnd: p.shiftEnd.toISOString(), minutes: p.minutes, radiusMetres: p.radiusMetres,
  createdBy: p.createdBy, createdAt: p.createdAt.toISOString(), version: p.version,
  cancelledBy: p.cancelledBy, cancelledByName, cancelledAt: p.cancelledAt?.toISOString() ?? null, cancelReason: p.cancelReason,
  posts: posts.map((s) => ({
    id: s.id, ordinal: s.ordinal, name: s.name, location: [s.lon, s.lat], placeId: s.placeId, serves: s.serves, windows: s.windows,
    unitId: s.unitId, callSign: s.callSign, assignedAt: s.assignedAt?.toISOString() ?? null,
  })),
});

/** A plan row, optionally locked for a change. */
export async function findPlanRow(q: Queryable, id: string, opts: { forUpdate?: boolean } = {}): Promise<PlanRow | undefined> {
  const query = q.select().from(patrolPlans).where(eq(patrolPlans.id, id));
  const [row] = opts.forUpdate ? await query.for('update') : await query;
  return row;
}

/** A plan's posts in order, with the call sign of each post's unit. */
export async function postsOf(q: Queryable, planId: string): Promise<(PostRow & { callSign: string | null })[]> {
  const found = await q.select({ post: patrolPosts, callSign: units.callSign }).from(patrolPosts)
    .leftJoin(units, eq(units.id, patrolPosts.unitId)).where(eq(patrolPosts.planId, planId)).orderBy(asc(patrolPosts.ordinal));
  return found.map((r) => ({ ...r.post, callSign: r.callSign }));
}

export async function loadPlan(q: Queryable, row: PlanRow): Promise<PatrolPlan> {
  const names = await displayNamesOf(q, row.cancelledBy ? [row.cancelledBy] : []);
  return presentPlan(row, await postsOf(q, row.id), row.cancelledBy ? (names.get(row.cancelledBy) ?? null) : null);
}

/** The plans of a subtree, the latest shift first (at most 200), with how many posts are assigned. */
export async function listPlans(q: Queryable, path: string): Promise<PatrolPlanSummary[]> {
  const plans = await q.select().from(patrolPlans).where(sql`${patrolPlans.jurisdictionPath} <@ ${path}::ltree`).orderBy(desc(patrolPlans.shiftStart), desc(patrolPlans.id)).limit(200);
  if (plans.length === 0) return [];
  const counts = await q.select({ planId: patrolPosts.planId, posts: sql<number>`count(*)::int`, assigned: sql<number>`count(${patrolPosts.unitId})::int` })
    .from(patrolPosts).where(inArray(patrolPosts.planId, plans.map((p) => p.id))).groupBy(patrolPosts.planId);
  const byPlan = new Map(counts.map((c) => [c.planId, c]));
  const names = await displayNamesOf(q, plans.flatMap((p) => (p.cancelledBy ? [p.cancelledBy] : [])));
  return plans.map((p) => ({ ...presentPlan(p, [], p.cancelledBy ? (names.get(p.cancelledBy) ?? null) : null), posts: byPlan.get(p.id)?.posts ?? 0, assigned: byPlan.get(p.id)?.assigned ?? 0 }));
}
