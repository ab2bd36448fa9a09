import type { TierStatus } from '@firebreak/contracts';
import type { Recommendation, Recommendations } from '../../api/types';

/**
 * The set one keypress sends: the units the run card's slots call for (the plan in force, else the
 * incident type's default card); when no unit fills any slot, the fastest reachable units until the
 * largest tier's unit count is covered.
 */
export function recommendedSet(rec: Recommendations, tiers: readonly TierStatus[]): string[] {
  const reachable = rec.items.filter((r) => r.etaSeconds !== null);
  const planned = reachable.filter((r) => r.planSlot !== null);
  if (planned.length) return planned.map((r) => r.unitId);
  const wanted = Math.max(1, ...tiers.map((t) => t.units));
  return [...reachable].sort(byEta).slice(0, wanted).map((r) => r.unitId);
}

const byEta = (a: Recommendation, b: Recommendation) => (a.etaSeconds ?? Infinity) - (b.etaSeconds ?? Infinity);

export type AssignmentAction = 'acknowledge' | 'en_route' | 'on_scene' | 'clear' | 'cancel';

/** The next step a dispatcher may record for an assignment in this state (radio reports). */
/** A sent unit may be diverted, or released from the scene straight to another incident (server: REASSIGNABLE). */
export const mayBeReassigned = (state: string): boolean => ['assigned', 'acknowledged', 'en_route', 'on_scene'].includes(state);

export function nextSteps(state: string): AssignmentAction[] {
  switch (state) {
    case 'assigned': return ['acknowledge', 'en_route', 'on_scene', 'cancel'];
    case 'acknowledged': return ['en_route', 'on_scene', 'cancel'];
    case 'en_route': return ['on_scene', 'cancel'];
    case 'on_scene': return ['clear'];
    default: return [];
  }
}
