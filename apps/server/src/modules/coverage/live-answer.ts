import type { CoverageWindow, LiveCoverage } from '@firebreak/contracts';
import type { KeyPlacePoint } from '../places/index.js';
import type { MaintainedCoverage } from './maintained-coverage.js';
import { hoursResolver, placesOpenIn, type CategoryHoursByPath, type HoursSource } from './windows.js';

export type LiveAnswer = Pick<LiveCoverage, 'units' | 'places' | 'tiers' | 'uncovered' | 'items' | 'truncated' | 'outsideWindow'>;

/**
 * The answer of `GET /coverage` from the places as read (the request's rows) and the maintained
 * state of its units: the places that count in the window, their shares and the worst listed.
 * No object is made per place (issue 16: 200,000 places a question; the route used to copy each
 * place twice, with its hours, and the collections of those copies were the p99's outliers):
 * without a window every place counts and only the listed ones have their hours looked up; with
 * one, the places open in it are picked by reference with their hours in parallel arrays.
 * `closed` says which places a closed day shuts on the window's date (`closedOn`).
 */
export function liveAnswer(
  state: MaintainedCoverage, places: readonly KeyPlacePoint[], byPath: CategoryHoursByPath, window: CoverageWindow | null,
  closed?: (place: KeyPlacePoint, hours: { hours: string | null; source: HoursSource }) => boolean,
): LiveAnswer {
  const hoursFor = hoursResolver(byPath);
  if (window === null) {
    return { outsideWindow: 0, ...state.coverage(places, (k) => { const h = hoursFor(places[k]!); return { hours: h.hours, hoursSource: h.source }; }) };
  }
  const open = placesOpenIn(places, hoursFor, window, closed);
  return { outsideWindow: open.outside, ...state.coverage(open.places, (k) => ({ hours: open.hours[k]!, hoursSource: open.sources[k]! })) };
}
