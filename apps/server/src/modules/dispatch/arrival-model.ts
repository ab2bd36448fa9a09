import type { ArrivalDoubt } from '@firebreak/contracts';

/**
 * Arrival rules, pure: when AVL fixes put a dispatched unit on scene, and when an on-scene status
 * pressed by a crew does not fit what the system knows (its ETA, its last fix).
 */

/** A fix this far from the scene, or farther, makes an on-scene status doubtful: this many arrival radii. */
export const FAR_RADII = 3;
/** …and never less than this (GPS in alpine valleys and street canyons errs by tens of metres). */
export const FAR_MIN_METRES = 300;
/** An on-scene status before this share of the road ETA recorded at dispatch has passed is too soon… */
export const TOO_SOON_SHARE = 0.5;
/** …when that ETA is at least this long (a unit a minute away may well be there in 20 s). */
export const TOO_SOON_MIN_ETA_SECONDS = 60;

export interface ArrivalRules {
  /** Metres from the scene within which a fix means the unit is there (ARRIVAL_RADIUS_METRES). */
  radiusMetres: number;
  /** A fix older than this says nothing of where the unit is now (AVL_STALE_SECONDS). */
  staleSeconds: number;
}

/**
 * Does this fix put the unit, dispatched to a scene at `metres` from it, on scene? Only a fix
 * taken after the unit was sent counts (a batch may carry fixes from before, when it stood there
 * on an earlier call), and one within the radius.
 */
export function arrivesBy(fix: { metres: number; at: number }, assignedAt: number, rules: Pick<ArrivalRules, 'radiusMetres'>): boolean {
  return fix.at >= assignedAt && fix.metres <= rules.radiusMetres;
}

/** The distance beyond which a fresh fix contradicts an on-scene status. */
export function farMetres(rules: Pick<ArrivalRules, 'radiusMetres'>): number {
  return Math.max(FAR_MIN_METRES, FAR_RADII * rules.radiusMetres);
}

/**
 * Why an on-scene status pressed now is doubtful, or null when it fits: `too_soon` (less than
 * half the road ETA recorded at dispatch has passed, for an ETA of a minute or more) and/or
 * `far_from_scene` (the unit's last fix, fresh, lies beyond `farMetres`). The status stands
 * either way (the crew may be right, the fix or the ETA wrong): the doubt is recorded and shown.
 */
export function onSceneDoubt(
  facts: { secondsSinceDispatch: number; etaSeconds: number | null; lastFix: { metres: number; ageSeconds: number } | null },
  rules: ArrivalRules,
): ArrivalDoubt | null {
  const reasons: ArrivalDoubt['reasons'] = [];
  const { secondsSinceDispatch, etaSeconds } = facts;
  if (etaSeconds !== null && etaSeconds >= TOO_SOON_MIN_ETA_SECONDS && secondsSinceDispatch < etaSeconds * TOO_SOON_SHARE) reasons.push('too_soon');
  const fresh = facts.lastFix && facts.lastFix.ageSeconds <= rules.staleSeconds ? facts.lastFix : null;
  if (fresh && fresh.metres > farMetres(rules)) reasons.push('far_from_scene');
  if (reasons.length === 0) return null;
  const round = (x: number) => Math.round(x * 10) / 10;
  return {
    reasons,
    secondsSinceDispatch: round(secondsSinceDispatch),
    etaSeconds,
    lastFixMetres: fresh ? Math.round(fresh.metres) : null,
    lastFixAgeSeconds: fresh ? round(fresh.ageSeconds) : null,
  };
}
