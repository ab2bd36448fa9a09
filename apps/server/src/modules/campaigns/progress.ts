import type { CampaignProgressDay } from '@firebreak/contracts';

export type ProgressKind = 'inspected' | 'missed' | 'found' | 'rectified';

/**
 * Events of one kind counted per 15-minute bucket (UTC epoch seconds of its start). Every time
 * zone's offset is a multiple of 15 minutes, so a bucket never straddles a local midnight and the
 * database need not know the time zone.
 */
export interface ProgressBucket {
  kind: ProgressKind;
  bucket: number;
  n: number;
}

export const BUCKET_SECONDS = 900;

/** The calendar day (YYYY-MM-DD) of an instant in a time zone. */
export function localDate(at: Date, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(at);
  const part = (type: string) => parts.find((p) => p.type === type)!.value;
  return `${part('year')}-${part('month')}-${part('day')}`;
}

/** The calendar days from `first` to `last` (YYYY-MM-DD, inclusive); none when `last` is earlier. */
export function daysBetween(first: string, last: string): string[] {
  const out: string[] = [];
  const [y, m, d] = first.split('-').map(Number) as [number, number, number];
  for (let i = 0; ; i++) {
    const day = new Date(Date.UTC(y, m - 1, d + i)).toISOString().slice(0, 10);
    if (day > last) return out;
    out.push(day);
  }
}

/**
 * The per-day series: every day from the campaign's start (or an earlier event) to `until` (or
 * a later event), with each day's counts and the running totals at its end.
 */
export function progressSeries(buckets: readonly ProgressBucket[], o: { startsAt: Date; until: Date; timeZone: string }): CampaignProgressDay[] {
  const perDay = new Map<string, Record<ProgressKind, number>>();
  let first = localDate(o.startsAt, o.timeZone);
  let last = localDate(o.until, o.timeZone);
  for (const b of buckets) {
    const day = localDate(new Date(b.bucket * 1000), o.timeZone);
    if (day < first) first = day;
    if (day > last) last = day;
    const counts = perDay.get(day) ?? { inspected: 0, missed: 0, found: 0, rectified: 0 };
    counts[b.kind] += b.n;
    perDay.set(day, counts);
  }
  let inspectedToDate = 0;
  let missedToDate = 0;
  let hazardsOpen = 0;
  return daysBetween(first, last).map((date) => {
    const c = perDay.get(date) ?? { inspected: 0, missed: 0, found: 0, rectified: 0 };
    inspectedToDate += c.inspected;
    missedToDate += c.missed;
    hazardsOpen += c.found - c.rectified;
    return { date, inspected: c.inspected, inspectedToDate, missed: c.missed, missedToDate, hazardsFound: c.found, hazardsRectified: c.rectified, hazardsOpen };
  });
}
