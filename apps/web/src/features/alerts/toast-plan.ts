import type { Alert, AlertSeverity } from './alert-of';

const RANK: Record<AlertSeverity, number> = { critical: 0, warning: 1, info: 2 };

/** How many alerts of one batch get a toast each; the rest are summed up in one more toast. */
export const TOASTS_AT_ONCE = 3;

/**
 * Which alerts of a batch to toast (the most severe first, then in arrival order) and how many
 * are left for the summary: a replay after a long drop must not bury the screen in toasts.
 */
export function toastPlan(added: readonly Alert[], limit = TOASTS_AT_ONCE): { toast: Alert[]; more: number } {
  const ordered = added.map((a, i) => ({ a, i })).sort((x, y) => RANK[x.a.severity] - RANK[y.a.severity] || x.i - y.i).map(({ a }) => a);
  // When only one would be left over, it gets its own toast rather than a summary of one.
  const take = ordered.length === limit + 1 ? ordered.length : limit;
  return { toast: ordered.slice(0, take), more: ordered.length - Math.min(take, ordered.length) };
}

/** Critical alerts stay until dismissed; the others close by themselves after a while. */
export const autoCloseOf = (a: Alert): false | number => (a.severity === 'critical' ? false : a.severity === 'warning' ? 20_000 : 10_000);

export const toastId = (alertId: string) => `alert-${alertId}`;
