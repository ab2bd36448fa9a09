import { COVERAGE_TIERS, PATROL_UNIT_KINDS, PRESENCE_CATEGORIES, type CoverageTier, type CoveredPlace, type UnitKind } from '@firebreak/contracts';
import { Scratch } from './scratch.js';

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

/**
 * The first `limit` of a question's places in `worstFirst`'s order, from their times in ms
 * (Infinity: not reached) and their rank by name then id (`rank[k] < rankCount`; the same place
 * asked twice shares a rank, the earlier first, as a stable sort keeps them), without sorting
 * them all (issue 16: 200,000 places, 5,000 listed): a count per displayed time (0.1 s) finds the
 * times listed, a walk by rank orders those places, a stable pass by time puts them worst first.
 * O(places + rankCount + the longest time in tenths of a second). Its working arrays come from
 * `scratch` (the service passes one kept between questions: no per-question buffers); the result
 * is a view into it, valid until the scratch is used again.
 */
export function worstFirstOrder(ms: Float64Array, rank: Int32Array, rankCount: number, limit: number, scratch: Scratch = new Scratch()): Int32Array {
  const n = ms.length;
  const listed = Math.min(limit, n);
  if (listed <= 0) return new Int32Array(0);
  // The displayed time in tenths (as `seconds` is rounded), -1 for none; then its bucket in place:
  // 0 not reached, then the longest time first.
  const bucket = scratch.int32('order.bucket', n);
  let longest = 0;
  for (let k = 0; k < n; k++) {
    const t = ms[k] === Infinity ? -1 : Math.round((ms[k]! / 1000) * 10);
    bucket[k] = t;
    if (t > longest) longest = t;
  }
  for (let k = 0; k < n; k++) bucket[k] = bucket[k]! < 0 ? 0 : longest + 1 - bucket[k]!;
  const count = scratch.int32('order.count', longest + 2).fill(0);
  for (let k = 0; k < n; k++) count[bucket[k]!]!++;
  let last = 0;
  for (let seen = count[0]!; seen < listed; seen += count[++last]!);
  // The places in buckets up to `last`, by rank (then question order), each rank's places linked.
  const head = scratch.int32('order.head', rankCount).fill(-1);
  const next = scratch.int32('order.next', n);
  for (let k = n - 1; k >= 0; k--) {
    if (bucket[k]! > last) continue;
    next[k] = head[rank[k]!]!;
    head[rank[k]!] = k;
  }
  const at = scratch.int32('order.at', last + 1);
  at[0] = 0;
  for (let b = 1; b <= last; b++) at[b] = at[b - 1]! + count[b - 1]!;
  const out = scratch.int32('order.out', at[last]! + count[last]!);
  for (let r = 0; r < rankCount; r++) for (let k = head[r]!; k >= 0; k = next[k]!) out[at[bucket[k]!]!++] = k;
  return out.subarray(0, listed);
}
