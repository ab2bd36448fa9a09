import { DEFAULT_CATEGORY_HOURS, WEEKDAYS, type CoverageWindow, type PlaceCategory, type Weekday } from '@firebreak/contracts';
import OpeningHours from 'opening_hours';

/**
 * Time windows of key places (pure, no I/O). Hours are OSM `opening_hours` strings, read by the
 * maintained `opening_hours` parser; a window is asked in local wall-clock time on weekdays.
 * Both are evaluated in one reference week (Monday 8 to Sunday 14 January 2024, local time:
 * no DST change in it anywhere), so the answer does not depend on today's date or the server's
 * zone. Consequences, said in the CONTEXT: public and school holidays (`PH`, `SH`) do not occur
 * in that week, and hours tied to the sun (`sunrise`) need coordinates we do not pass: such
 * strings are unreadable here and the category default applies.
 */

const REFERENCE_MONDAY = { year: 2024, month: 0, day: 8 };
const parsed = new Map<string, OpeningHours | string>();
const MAX_CACHED = 5_000;

function parse(hours: string): OpeningHours | string {
  let p = parsed.get(hours);
  if (p === undefined) {
    try {
      p = new OpeningHours(hours, null, { mode: 0, tag_key: 'opening_hours', map_value: false, warnings_severity: 4, locale: 'en' });
    } catch (err) {
      p = String(err instanceof Error ? err.message : err).split('\n')[0]!.slice(0, 200);
    }
    if (parsed.size >= MAX_CACHED) parsed.clear();
    parsed.set(hours, p);
  }
  return p;
}

/** Why an opening-hours string cannot be read, or null when it can. */
export function hoursProblem(hours: string): string | null {
  const p = parse(hours);
  return typeof p === 'string' ? p : null;
}

/**
 * The share (0..1) of the window, over its days, during which the place is open; times the
 * parser calls "unknown" count as open (a place that may be open is a place to cover).
 * Null hours: always open (1).
 */
export function openShare(hours: string | null, w: CoverageWindow): number {
  if (hours === null) return 1;
  const p = parse(hours);
  if (typeof p === 'string') return 1;
  let open = 0;
  for (const d of w.days) {
    const day = REFERENCE_MONDAY.day + WEEKDAYS.indexOf(d);
    const from = new Date(REFERENCE_MONDAY.year, REFERENCE_MONDAY.month, day, 0, w.fromMinute);
    const to = new Date(REFERENCE_MONDAY.year, REFERENCE_MONDAY.month, day, 0, w.toMinute);
    const [openMs, unknownMs] = p.getOpenDuration(from, to);
    open += openMs + unknownMs;
  }
  const total = w.days.length * (w.toMinute - w.fromMinute) * 60_000;
  return total === 0 ? 0 : Math.min(1, open / total);
}

export type HoursSource = 'place' | 'jurisdiction' | 'default' | 'always';

/** The jurisdictions' category defaults: path -> category -> hours. */
export type CategoryHoursByPath = ReadonlyMap<string, Readonly<Record<string, string>>>;

/**
 * The hours a place keeps: its own readable OSM `opening_hours`, else the category default of
 * the deepest jurisdiction on its path that sets one, else the built-in default, else none.
 */
export function hoursOf(place: { category: string; jurisdictionPath: string; openingHours?: string | null | undefined }, byPath: CategoryHoursByPath): { hours: string | null; source: HoursSource } {
  if (place.openingHours && hoursProblem(place.openingHours) === null) return { hours: place.openingHours, source: 'place' };
  const labels = place.jurisdictionPath.split('.');
  for (let n = labels.length; n > 0; n--) {
    const set = byPath.get(labels.slice(0, n).join('.'))?.[place.category];
    if (set !== undefined) return { hours: set, source: 'jurisdiction' };
  }
  const builtIn = DEFAULT_CATEGORY_HOURS[place.category as PlaceCategory];
  return builtIn ? { hours: builtIn, source: 'default' } : { hours: null, source: 'always' };
}

/** The hours a place keeps and where they come from (`hoursOf`). */
export type HoursOf = { hours: string | null; source: HoursSource };

/**
 * `hoursOf` for many places of one request: a place without readable hours of its own gets the
 * answer of its (jurisdiction path, category), worked out once per pair instead of splitting and
 * joining its path again per place (200,000 places per national coverage question, issue 16);
 * one with its own gets one answer per distinct hours string.
 * The objects returned are shared: read them, do not change them.
 */
export function hoursResolver(byPath: CategoryHoursByPath): (place: { category: string; jurisdictionPath: string; openingHours?: string | null | undefined }) => HoursOf {
  const byPair = new Map<string, Map<string, HoursOf>>();
  const own = new Map<string, HoursOf>();
  return (place) => {
    if (place.openingHours) {
      let h = own.get(place.openingHours);
      if (!h && hoursProblem(place.openingHours) === null) own.set(place.openingHours, (h = { hours: place.openingHours, source: 'place' }));
      if (h) return h;
    }
    let byCategory = byPair.get(place.jurisdictionPath);
    if (!byCategory) byPair.set(place.jurisdictionPath, (byCategory = new Map()));
    let h = byCategory.get(place.category);
    if (!h) byCategory.set(place.category, (h = hoursOf({ category: place.category, jurisdictionPath: place.jurisdictionPath }, byPath)));
    return h;
  };
}

/** The places open in a window, as parallel arrays (no object per place): the places, their hours and where those came from. */
export interface OpenPlaces<P> { places: P[]; hours: (string | null)[]; sources: HoursSource[]; outside: number }

/**
 * `placesInWindow` without an object per place, for the national coverage question: the places
 * that count (open at some time in the window, not closed that day), in order, with their hours
 * in parallel arrays. A window's open share is worked out once per distinct hours string.
 */
export function placesOpenIn<P extends { category: string; jurisdictionPath: string; openingHours?: string | null | undefined }>(
  places: readonly P[], hoursFor: (place: P) => HoursOf, window: CoverageWindow,
  closed?: (place: P, hours: HoursOf) => boolean,
): OpenPlaces<P> {
  const out: OpenPlaces<P> = { places: [], hours: [], sources: [], outside: 0 };
  const shareOf = new Map<string | null, number>();
  for (const place of places) {
    const h = hoursFor(place);
    let share = shareOf.get(h.hours);
    if (share === undefined) shareOf.set(h.hours, (share = openShare(h.hours, window)));
    if (share > 0 && !closed?.(place, h)) {
      out.places.push(place);
      out.hours.push(h.hours);
      out.sources.push(h.source);
    }
  }
  out.outside = places.length - out.places.length;
  return out;
}

export interface PlaceWithHours<P> { place: P; hours: string | null; hoursSource: HoursSource; share: number }

/**
 * The places that count in a window (open at some time in it), each with its hours and the share
 * of the window it is open; without a window every place counts, fully. `outside` counts the rest.
 * `closed` says which places a closed day shuts on the window's date (`closedOn`).
 */
export function placesInWindow<P extends { category: string; jurisdictionPath: string; openingHours?: string | null | undefined }>(
  places: readonly P[], byPath: CategoryHoursByPath, window: CoverageWindow | null,
  closed?: (place: P, hours: { hours: string | null; source: HoursSource }) => boolean,
): { counted: PlaceWithHours<P>[]; outside: number } {
  const counted: PlaceWithHours<P>[] = [];
  for (const place of places) {
    const { hours, source } = hoursOf(place, byPath);
    // A place closed that day (a public or school holiday, on a window asked on a date) is not open in it at all.
    const share = window === null ? 1 : closed?.(place, { hours, source }) ? 0 : openShare(hours, window);
    if (share > 0) counted.push({ place, hours, hoursSource: source, share });
  }
  return { counted, outside: places.length - counted.length };
}

/** A span of one weekday in local wall-clock time: minutes from midnight, `toMinute` up to 1440. */
export interface LocalSpan { day: Weekday; fromMinute: number; toMinute: number }

function referenceDate(day: Weekday, minute: number): Date {
  return new Date(REFERENCE_MONDAY.year, REFERENCE_MONDAY.month, REFERENCE_MONDAY.day + WEEKDAYS.indexOf(day), 0, minute);
}

/**
 * Whether a place keeping these hours is open at some moment of the spans (local time, in the
 * reference week, as `openShare`). "Unknown" counts as open and unreadable or null hours are
 * always open: a place that may be open is a place to keep a load of explosives away from.
 */
export function openDuring(hours: string | null, spans: readonly LocalSpan[]): boolean {
  if (hours === null) return true;
  const p = parse(hours);
  if (typeof p === 'string') return true;
  for (const s of spans) {
    const from = referenceDate(s.day, s.fromMinute);
    if (s.toMinute <= s.fromMinute) {
      if (p.getState(from) || p.getUnknown(from)) return true;
      continue;
    }
    const [openMs, unknownMs] = p.getOpenDuration(from, referenceDate(s.day, s.toMinute));
    if (openMs + unknownMs > 0) return true;
  }
  return false;
}

const weekdayFormat = new Map<string, Intl.DateTimeFormat>();

/**
 * The window "now": the minute in force at `instant` in `timeZone` (its weekday and wall-clock
 * minute), as a window a move-up counts places in when none is asked for.
 */
export function windowAt(instant: Date, timeZone: string): CoverageWindow {
  let f = weekdayFormat.get(timeZone);
  if (!f) weekdayFormat.set(timeZone, (f = new Intl.DateTimeFormat('en-US', { timeZone, weekday: 'short', hour: 'numeric', minute: 'numeric', hourCycle: 'h23' })));
  const parts = Object.fromEntries(f.formatToParts(instant).map((p) => [p.type, p.value]));
  const day = String(parts.weekday).slice(0, 2) as Weekday;
  const minute = Number(parts.hour) * 60 + Number(parts.minute);
  return { fromMinute: minute, toMinute: minute + 1, days: [day] };
}

/** `HH:MM-HH:MM` of a window (24:00 for the end of the day). */
export function windowText(w: CoverageWindow): string {
  const hhmm = (m: number) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
  return `${hhmm(w.fromMinute)}-${hhmm(w.toMinute)}`;
}
