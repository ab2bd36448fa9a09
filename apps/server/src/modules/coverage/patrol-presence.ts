import type { PatrolPlan, PatrolPresence } from '@firebreak/contracts';
import type { Queryable } from '../../platform/db/client.js';
import { trackOf, type StoredTrackPoint } from '../units/index.js';
import { HELD_SHARE, MAX_GAP_SECONDS, postPresence } from './patrol-model.js';

/**
 * The visible-presence record of a plan at `now`: for each post, the minutes its unit's stored
 * AVL track put it within the plan's radius of the post, window by window, against the minutes
 * required. The track is read from a little before the shift (a point just before a window
 * carries into it) to now or the shift's end.
 */
export async function patrolPresence(q: Queryable, plan: PatrolPlan, now: Date): Promise<PatrolPresence> {
  const unitIds = [...new Set(plan.posts.flatMap((p) => (p.unitId ? [p.unitId] : [])))];
  const from = new Date(Date.parse(plan.shiftStart) - MAX_GAP_SECONDS * 1000);
  const to = new Date(Math.min(now.getTime() + 1, Date.parse(plan.shiftEnd)));
  const track = to > from ? await trackOf(q, unitIds, from, to) : [];
  const byUnit = new Map<string, StoredTrackPoint[]>();
  for (const point of track) {
    const list = byUnit.get(point.unitId);
    if (list) list.push(point);
    else byUnit.set(point.unitId, [point]);
  }
  const posts = plan.posts.map((post) => ({
    postId: post.id, name: post.name, unitId: post.unitId, callSign: post.callSign,
    ...postPresence({ windows: post.windows, location: post.location, assigned: post.unitId !== null, track: post.unitId ? byUnit.get(post.unitId) ?? [] : [], radiusMetres: plan.radiusMetres, now: now.getTime() }),
  }));
  return {
    planId: plan.id, computedAt: now.toISOString(), radiusMetres: plan.radiusMetres, heldShare: HELD_SHARE, maxGapSeconds: MAX_GAP_SECONDS,
    posts, missedWindows: posts.reduce((sum, p) => sum + p.missedWindows, 0),
  };
}
