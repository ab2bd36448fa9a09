import type { TierStatus } from '@firebreak/contracts';
import type { TFunction } from 'i18next';

export type TierState = 'met' | 'missed' | 'late' | 'running' | 'stopped';

/**
 * Where one tier of the response clock stands. `late` is a deadline passed that the server has
 * not settled yet (its clock job runs every few seconds): shown as a miss at once. `stopped`: the
 * incident's clock no longer runs (closed, or linked as a duplicate) and this tier was neither met
 * nor missed before it stopped.
 */
export function tierState(t: TierStatus, now: number, clockStopped = false): { state: TierState; seconds: number } {
  const deadline = Date.parse(t.deadlineAt);
  if (t.metAt) return { state: 'met', seconds: (Date.parse(t.metAt) - (deadline - t.minutes * 60_000)) / 1000 };
  if (t.missedAt) return { state: 'missed', seconds: (now - deadline) / 1000 };
  if (clockStopped) return { state: 'stopped', seconds: 0 };
  if (now > deadline) return { state: 'late', seconds: (now - deadline) / 1000 };
  return { state: 'running', seconds: (deadline - now) / 1000 };
}

export const anyMissed = (tiers: readonly TierStatus[], now: number, clockStopped = false) => tiers.some((t) => ['missed', 'late'].includes(tierState(t, now, clockStopped).state));

/** A closed incident's clock, and a linked duplicate's, no longer runs. */
export const clockStopped = (i: { state: string; duplicateOf: string | null }) => i.state === 'closed' || i.duplicateOf !== null;

/**
 * What a tier asks for, in the UI language ("2 units on scene"), from its requirement and unit
 * count: the deployment's own label (RESPONSE_TIERS) is one language's words, so it is shown only
 * when the requirement is unknown.
 */
export function tierGoal(t: TFunction, tier: { label: string; requirement?: 'responded' | 'on_scene' | null; units?: number | null }): string {
  return tier.requirement ? t(`tiers.goal.${tier.requirement}`, { count: tier.units ?? 1 }) : tier.label;
}
