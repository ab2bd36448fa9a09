import { COVERAGE_TIERS, PATROL_UNIT_KINDS, PRESENCE_CATEGORIES, type CoverageTier, type CoveredPlace, type UnitKind } from '@firebreak/contracts';

/** The best 1-3-5 tier a travel time meets (a time exactly on the limit meets it), null beyond 5 minutes. */
export function tierOf(seconds: number | null): CoverageTier {
  if (seconds === null) return null;
  return COVERAGE_TIERS.find((m) => seconds <= m * 60) ?? null;
}

export interface TierShare { minutes: number; covered: number; share: number }

/** Cumulative shares per tier: a place within 1 minute is covered at 3 and 5 minutes too. */
export function sharesOf(items: readonly Pick<CoveredPlace, 'seconds'>[]): { tiers: TierShare[]; uncovered: number } {
  const tiers = COVERAGE_TIERS.map((minutes) => {
    const covered = items.filter((p) => p.seconds !== null && p.seconds <= minutes * 60).length;
    return { minutes, covered, share: items.length === 0 ? 0 : covered / items.length };
  });
  return { tiers, uncovered: items.length - tiers.at(-1)!.covered };
}

/**
 * Worst covered first — what a duty officer acts on: unreachable places, then the longest
 * times; ties by name so the list does not reshuffle between refreshes.
 */
export function worstFirst(a: Pick<CoveredPlace, 'seconds' | 'name' | 'id'>, b: Pick<CoveredPlace, 'seconds' | 'name' | 'id'>): number {
  const sa = a.seconds ?? Infinity, sb = b.seconds ?? Infinity;
  if (sa !== sb) return sb - sa;
  return a.name.localeCompare(b.name) || a.id.localeCompare(b.id);
}

/**
 * The unit kinds a coverage question counts: those asked for; else, when every category asked is
 * a school or kindergarten, the patrol kinds (their coverage is about visible police presence, a
 * fire engine near a school does not prevent an attack); else every kind (null).
 */
export function unitKindsFor(asked: { unitKinds?: readonly UnitKind[] | undefined; unitKind?: UnitKind | undefined; categories?: readonly string[] | undefined }): UnitKind[] | null {
  if (asked.unitKinds) return [...new Set(asked.unitKinds)];
  if (asked.unitKind) return [asked.unitKind];
  const presence: readonly string[] = PRESENCE_CATEGORIES;
  if (asked.categories && asked.categories.length > 0 && asked.categories.every((c) => presence.includes(c))) return [...PATROL_UNIT_KINDS];
  return null;
}
