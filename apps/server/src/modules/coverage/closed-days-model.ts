import type { ClosedDayKind, Weekday } from '@firebreak/contracts';
import type { HoursSource } from './windows.js';

/**
 * Closed days, pure (issue 18). A closed day applies to a place when it was set at the place's
 * jurisdiction or one above (a national public holiday closes schools everywhere, a municipality's
 * school holiday only its own) and names the place's category. It closes the place that day,
 * unless the place's own OSM `opening_hours` keep hours for that kind of day (`PH 09:00-12:00`,
 * `SH Mo-Fr 08:00-12:00`): a place that publishes holiday hours may be open, so it still counts
 * (never a school missed). `PH off` / `SH off`, or hours that say nothing of holidays, close it.
 */

export interface ClosedDayRule { jurisdictionPath: string; from: string; to: string; kind: ClosedDayKind; categories: readonly string[] }

const under = (path: string, ancestor: string): boolean => path === ancestor || path.startsWith(`${ancestor}.`);

/** The closed days that apply to a place on a local date (`YYYY-MM-DD`; ISO dates compare as strings). */
export function closedDaysOf(place: { category: string; jurisdictionPath: string }, date: string, rules: readonly ClosedDayRule[]): ClosedDayRule[] {
  return rules.filter((r) => r.from <= date && date <= r.to && r.categories.includes(place.category) && under(place.jurisdictionPath, r.jurisdictionPath));
}

const SELECTOR: Record<ClosedDayKind, RegExp> = { public_holiday: /\bPH\b/, school_holiday: /\bSH\b/ };

/** Whether OSM hours keep hours on that kind of day: a rule naming `PH` (`SH`) that does not end in `off`/`closed`. */
export function keepsHolidayHours(hours: string, kind: ClosedDayKind): boolean {
  return hours.split(/;|\|\|/).some((rule) => SELECTOR[kind].test(rule) && !/\b(off|closed)\s*("[^"]*")?\s*$/i.test(rule.trim()));
}

/** Whether a place keeping these hours is closed on a date by the closed days that apply to it. */
export function closedOn(place: { category: string; jurisdictionPath: string }, hours: { hours: string | null; source: HoursSource }, date: string, rules: readonly ClosedDayRule[]): boolean {
  const applying = closedDaysOf(place, date, rules);
  if (applying.length === 0) return false;
  // Only a place's own hours can say it keeps holiday hours; a default never does.
  if (hours.source !== 'place' || hours.hours === null) return true;
  return applying.some((r) => !keepsHolidayHours(hours.hours!, r.kind));
}

const WEEKDAY_OF_UTC: readonly Weekday[] = ['Su', 'Mo', 'Tu', 'We', 'Th', 'Fr', 'Sa'];

/** The weekday of a calendar date. */
export function weekdayOf(date: string): Weekday {
  return WEEKDAY_OF_UTC[new Date(`${date}T12:00:00Z`).getUTCDay()]!;
}

const DAY_MS = 86_400_000;
const dayNumber = (date: string): number => Date.parse(`${date}T00:00:00Z`) / DAY_MS;

/**
 * The dates a placement is planned on: `date` alone, or `date` to `until` (inclusive, at most
 * `maxDates`), keeping those on `days` when given. A problem names its field (`demand.until`,
 * `demand.days`) instead.
 */
export function datesAsked(ask: { date: string; until?: string | undefined; days?: readonly Weekday[] | undefined }, maxDates: number): { dates: string[] } | { path: string; message: string } {
  const first = dayNumber(ask.date), last = ask.until === undefined ? first : dayNumber(ask.until);
  if (last < first) return { path: 'demand.until', message: 'must not be before demand.date' };
  if (last - first + 1 > maxDates) return { path: 'demand.until', message: `a range lasts at most ${maxDates} days` };
  const dates: string[] = [];
  for (let d = first; d <= last; d++) {
    const date = new Date(d * DAY_MS).toISOString().slice(0, 10);
    if (!ask.days || ask.days.includes(weekdayOf(date))) dates.push(date);
  }
  if (dates.length === 0) return { path: 'demand.days', message: 'no date of the range falls on these weekdays' };
  return { dates };
}

/**
 * A place's share over dates: the mean over the dates of the share of the window (minutes of the
 * day) it is open on that date's weekday, 0 on a date a closed day closes it. `openOn` gives the
 * share on a weekday (memoised by the caller: it depends on the hours and the weekday only).
 */
export function shareOverDates(place: { category: string; jurisdictionPath: string }, hours: { hours: string | null; source: HoursSource }, dates: readonly string[], rules: readonly ClosedDayRule[], openOn: (day: Weekday) => number): number {
  let sum = 0;
  for (const date of dates) if (!closedOn(place, hours, date, rules)) sum += openOn(weekdayOf(date));
  return dates.length === 0 ? 0 : sum / dates.length;
}
