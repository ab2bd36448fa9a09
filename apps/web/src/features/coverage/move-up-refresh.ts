import type { MoveUpRecommendation } from '@firebreak/contracts';
import { ApiError } from '../../api/http';

/**
 * A move-up accepted after the units it named changed (dispatched, off duty, no longer the
 * caller's): the server refuses it whole with 409 `MOVE_UP_UNIT_UNAVAILABLE`. The answer to that
 * is a fresh recommendation, not an error to read: the alert asks again and shows the new one.
 */
export function isStaleMoveUp(error: unknown): boolean {
  return error instanceof ApiError && error.status === 409 && error.problem?.code === 'MOVE_UP_UNIT_UNAVAILABLE';
}

/** `a` is `b` or inside it (ltree paths, dot-separated). */
const within = (a: string, b: string): boolean => a === b || a.startsWith(`${b}.`);

/**
 * Whether a batch of stream events holds a dispatch that can change a jurisdiction's move-up:
 * one at its path, under it (its units or incidents), or above it (a unit of a wider level may be
 * the one covering its places). Those recompute at once; anything else waits for the throttle,
 * so a recommendation is never a dispatch behind when the dispatcher accepts it.
 */
export function dispatchTouches(events: readonly { type: string; jurisdictionPath: string | null }[], path: string): boolean {
  return events.some((e) => e.type.startsWith('dispatch.') && e.jurisdictionPath !== null && (within(e.jurisdictionPath, path) || within(path, e.jurisdictionPath)));
}

/**
 * Which of the pushed recommendations a dispatcher sees: the widest jurisdiction's (a country's
 * dispatcher also receives each municipality's, pushed for that municipality's own dispatchers),
 * the newest on a tie. A municipality's dispatcher only receives their own.
 */
export function shownPush(recs: ReadonlyMap<string, MoveUpRecommendation>): MoveUpRecommendation | null {
  let best: MoveUpRecommendation | null = null;
  for (const r of recs.values()) {
    if (best === null || r.jurisdiction.path.split('.').length <= best.jurisdiction.path.split('.').length) best = r;
  }
  return best;
}
