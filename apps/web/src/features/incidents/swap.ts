import type { Recommendation, Recommendations } from '../../api/types';

/**
 * The units that may take a sent unit's place: what the recommendation offers for the incident
 * (free, on duty, with a road ETA), fastest first, never the leaving unit itself. Units without a
 * road route come last: a dispatcher may still know better than the road graph.
 */
export function swapCandidates(rec: Recommendations | undefined, leavingUnitId: string): Recommendation[] {
  return (rec?.items ?? [])
    .filter((r) => r.unitId !== leavingUnitId)
    .sort((a, b) => (a.etaSeconds ?? Infinity) - (b.etaSeconds ?? Infinity) || a.callSign.localeCompare(b.callSign));
}
