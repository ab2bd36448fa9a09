import type { CoverageWindow, LiveCoverage } from '@firebreak/contracts';
import type { KeyPlacePoint } from '../places/index.js';
import type { MaintainedCoverage } from './maintained-coverage.js';
import { hoursResolver, placesOpenIn, type CategoryHoursByPath, type HoursSource, type OpenPlaces } from './windows.js';

export type LiveAnswer = Pick<LiveCoverage, 'units' | 'places' | 'tiers' | 'uncovered' | 'items' | 'truncated' | 'outsideWindow'>;

/** A closed-day rule for one question, and what it depends on (same key, same verdicts: the places open are kept by it). */
export interface ClosedRule { closed: (place: KeyPlacePoint, hours: { hours: string | null; source: HoursSource }) => boolean; key?: string }

/** Windows remembered per place array (the questions asked most: a few windows on a few scopes). */
const OPEN_SETS_PER_ARRAY = 8;

/**
 * The places open in a window, kept per place array: the node's key-place list hands a scope the
 * same array until a place or jurisdiction changes (then a new one), so "07:30-08:30 on school days"
 * asked again judges no hours (issue 16: the window row was 85 / 351 ms CPU p50 / p99 with every
 * place's hours resolved and three 200,000-entry arrays built per question). Keyed by the window,
 * the jurisdictions' category hours (read per request: a settings change is a new key) and the
 * closed-day rules' key; arrays not from the list (rows read per request) are simply not found again.
 */
const openSets = new WeakMap<readonly KeyPlacePoint[], Map<string, OpenPlaces<KeyPlacePoint>>>();

function openIn(places: readonly KeyPlacePoint[], byPath: CategoryHoursByPath, window: CoverageWindow, closed: ClosedRule | undefined): OpenPlaces<KeyPlacePoint> {
  // A rule without a key cannot be told from another: judged afresh.
  if (closed !== undefined && closed.key === undefined) return placesOpenIn(places, hoursResolver(byPath), window, closed.closed);
  const key = JSON.stringify([window.fromMinute, window.toMinute, window.days, [...byPath], closed?.key ?? null]);
  let sets = openSets.get(places);
  if (sets === undefined) openSets.set(places, (sets = new Map()));
  let open = sets.get(key);
  if (open === undefined) {
    open = placesOpenIn(places, hoursResolver(byPath), window, closed?.closed);
    if (sets.size >= OPEN_SETS_PER_ARRAY) sets.clear();
    sets.set(key, open);
  }
  return open;
}

/**
 * The answer of `GET /coverage` from the places of its scope (the key-place list's array, read
 * only) and the maintained state of its units: the places that count in the window, their shares
 * and the worst listed. No object is made per place (issue 16: 200,000 places a question; the
 * route used to copy each place twice, with its hours, and the collections of those copies were
 * the p99's outliers): without a window every place counts and only the listed ones have their
 * hours looked up; with one, the places open in it are picked by reference with their hours in
 * parallel arrays, once per window and place array (`openIn`). `closed` says which places a
 * closed day shuts on the window's date (`closedOn`); give it a `key` naming the date and rules
 * to have its verdicts kept too.
 */
export function liveAnswer(
  state: MaintainedCoverage, places: readonly KeyPlacePoint[], byPath: CategoryHoursByPath, window: CoverageWindow | null,
  closed?: ClosedRule['closed'] | ClosedRule,
): LiveAnswer {
  if (window === null) {
    const hoursFor = hoursResolver(byPath);
    return { outsideWindow: 0, ...state.coverage(places, (k) => { const h = hoursFor(places[k]!); return { hours: h.hours, hoursSource: h.source }; }) };
  }
  const open = openIn(places, byPath, window, typeof closed === 'function' ? { closed } : closed);
  return { outsideWindow: open.outside, ...state.coverage(open.places, (k) => ({ hours: open.hours[k]!, hoursSource: open.sources[k]! })) };
}
