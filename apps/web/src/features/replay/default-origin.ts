import type { IncidentOrigin } from '@firebreak/contracts';
import { dayStart, isoDay, lastDays } from '../reports/periods';

/** The replay's origin and the 7 days it replays. */
export interface ReplayChoice { origin: IncidentOrigin; first: string; last: string }

/**
 * Which calls the replay screen starts with: the live calls of the last 7 days when there are
 * some; else the origin whose newest call is the most recent (simulated calls of a demo, an
 * imported history), over the 7 days ending on that call's day; else the live week (empty: the
 * screen says so). `newest` is each origin's newest call time, null when it has none.
 */
export function defaultReplayChoice(newest: Readonly<Record<IncidentOrigin, string | null>>, now: Date): ReplayChoice {
  const week = lastDays(7, now);
  const live = newest.live;
  if (live !== null && isoDay(new Date(live)) >= week.first) return { origin: 'live', ...week };
  const [best] = (Object.entries(newest) as [IncidentOrigin, string | null][])
    .filter((e): e is [IncidentOrigin, string] => e[1] !== null)
    .sort((a, b) => Date.parse(b[1]) - Date.parse(a[1]));
  if (!best) return { origin: 'live', ...week };
  return { origin: best[0], ...lastDays(7, dayStart(isoDay(new Date(best[1])))) };
}
