import type { ResponseTier } from '@firebreak/contracts';

/**
 * The response clock (1-3-5 by default), pure. Each tier's deadline runs from the call's
 * receipt; a tier is met when its `units`-th unit has responded (acknowledged, set off or
 * arrived) or arrived on scene by the deadline, missed when the deadline passes first.
 */
export interface TierClock extends ResponseTier {
  deadlineAt: string;
  metAt: string | null;
  missedAt: string | null;
}

/** When each unit sent to the incident responded and arrived (null: not yet). */
export interface Progress {
  respondedAt: Date | null;
  onSceneAt: Date | null;
}

export function startClock(tiers: readonly ResponseTier[], receivedAt: Date): TierClock[] {
  return tiers.map((t) => ({ ...t, deadlineAt: new Date(receivedAt.getTime() + t.minutes * 60_000).toISOString(), metAt: null, missedAt: null }));
}

/** An arrival is a response too, even when the unit never acknowledged. */
function earliest(a: Date | null, b: Date | null): Date | null {
  if (!a || !b) return a ?? b;
  return a <= b ? a : b;
}

/** The time the `n`-th unit reached the tier's requirement, or null if fewer have. */
function nthTime(tier: ResponseTier, progress: readonly Progress[]): Date | null {
  const times = progress
    .map((p) => (tier.requirement === 'on_scene' ? p.onSceneAt : earliest(p.respondedAt, p.onSceneAt)))
    .filter((t): t is Date => t !== null)
    .sort((a, b) => a.getTime() - b.getTime());
  return times[tier.units - 1] ?? null;
}

export interface Settled {
  tier: TierClock;
  outcome: 'met' | 'missed';
}

/**
 * Settles the tiers that can be settled at `now`: met when the requirement was reached by the
 * deadline, missed once the deadline has passed without it. A settled tier never changes.
 */
export function settle(clock: readonly TierClock[], progress: readonly Progress[], now: Date): { clock: TierClock[]; settled: Settled[] } {
  const settled: Settled[] = [];
  const next = clock.map((t) => {
    if (t.metAt || t.missedAt) return t;
    const deadline = new Date(t.deadlineAt);
    const reached = nthTime(t, progress);
    if (reached && reached <= deadline) {
      const tier = { ...t, metAt: reached.toISOString() };
      settled.push({ tier, outcome: 'met' });
      return tier;
    }
    if (now > deadline || (reached && reached > deadline)) {
      const tier = { ...t, missedAt: deadline.toISOString() };
      settled.push({ tier, outcome: 'missed' });
      return tier;
    }
    return t;
  });
  return { clock: next, settled };
}

/** The earliest deadline still open, for the sweep's index; null when every tier is settled. */
export function nextDeadline(clock: readonly TierClock[]): Date | null {
  const open = clock.filter((t) => !t.metAt && !t.missedAt).map((t) => new Date(t.deadlineAt).getTime());
  return open.length ? new Date(Math.min(...open)) : null;
}
