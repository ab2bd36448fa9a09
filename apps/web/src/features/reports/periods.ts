/** A calendar day as `yyyy-mm-dd` in the browser's time zone. */
export const isoDay = (d: Date): string => `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;

/** Midnight of a `yyyy-mm-dd` day in the browser's time zone. */
export function dayStart(day: string): Date {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Date(y, m - 1, d);
}

/** The day after (a local calendar day: 23 or 25 hours across a DST change). */
export function nextDay(day: string): string {
  const d = dayStart(day);
  return isoDay(new Date(d.getFullYear(), d.getMonth(), d.getDate() + 1));
}

/** The first and last of the `days` days ending today, in the browser's time zone. */
export function lastDays(days: number, now: Date): { first: string; last: string } {
  return { first: isoDay(new Date(now.getFullYear(), now.getMonth(), now.getDate() - (days - 1))), last: isoDay(now) };
}

/** The period [first day's midnight, the day after the last's midnight) in the browser's time zone, as ISO instants. */
export function periodOf(first: string, last: string): { from: string; to: string } {
  return { from: dayStart(first).toISOString(), to: dayStart(nextDay(last)).toISOString() };
}

/**
 * Each calendar day from `first` to `last` (inclusive, at most `max`), oldest first, as [from, to)
 * in the browser's time zone, labelled in the user's language (e.g. "03/08", "3/8").
 */
export function daysBetween(first: string, last: string, language: string, max = 62): { label: string; from: string; to: string }[] {
  const out: { label: string; from: string; to: string }[] = [];
  const label = new Intl.DateTimeFormat(language, { month: '2-digit', day: '2-digit' });
  for (let day = first; day <= last && out.length < max; day = nextDay(day)) {
    out.push({ label: label.format(dayStart(day)), ...periodOf(day, day) });
  }
  return out;
}

const TICK_STEPS = [15, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200];

/**
 * Axis ticks for durations: whole steps a reader counts in (0:30, 1:00, 2:00, 5:00…), at most
 * `max + 1` of them, from 0 past the largest value.
 */
export function durationTicks(largest: number, max = 6): number[] {
  const top = Math.max(largest, 1);
  const step = TICK_STEPS.find((s) => Math.ceil(top / s) <= max) ?? Math.ceil(top / max / 3600) * 3600;
  return Array.from({ length: Math.ceil(top / step) + 1 }, (_, i) => i * step);
}
