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
