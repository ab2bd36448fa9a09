import type { PostHolding } from '@firebreak/contracts';

/**
 * The holding of a post at an instant, by the server's rule (posts/model.ts): begun at or before
 * it and not yet ended by it. Holdings are [from, to), so at a handover's instant the new holder holds.
 */
export function holdingAt<H extends Pick<PostHolding, 'from' | 'to'>>(holdings: readonly H[], at: Date): H | null {
  const ms = at.getTime();
  return holdings.find((h) => Date.parse(h.from) <= ms && (h.to === null || Date.parse(h.to) > ms)) ?? null;
}

/** Newest first, as a history reads; the current holding (no end) on top. */
export function newestFirst<H extends Pick<PostHolding, 'from'>>(holdings: readonly H[]): H[] {
  return [...holdings].sort((a, b) => b.from.localeCompare(a.from));
}

/** How long a holding lasted (or has lasted by `now`), in whole days. */
export function heldDays(h: Pick<PostHolding, 'from' | 'to'>, now: Date): number {
  return Math.floor(((h.to ? Date.parse(h.to) : now.getTime()) - Date.parse(h.from)) / 86_400_000);
}

/** An instant as a datetime-local value to the second (a handover and the lookup may fall in one minute). */
export function toLocalInput(ms: number): string {
  const d = new Date(ms);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
}
