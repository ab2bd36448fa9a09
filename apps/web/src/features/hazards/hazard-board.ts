import type { Hazard, HazardGrade, HazardState, PlaceCategory } from '@firebreak/contracts';

/** What the hazard board shows: the server filters by state, grade, overdue and jurisdiction; category is the place's. */
export interface HazardFilter {
  /** Empty: every state still needing work (open, being rectified, fix submitted). */
  states: HazardState[];
  grade: HazardGrade | null;
  overdueOnly: boolean;
  category: PlaceCategory | null;
  /** A jurisdiction id (its subtree); null: all of mine. */
  jurisdictionId: string | null;
}

export const OPEN_STATES: readonly HazardState[] = ['open', 'rectifying', 'submitted'];
export const EMPTY_FILTER: HazardFilter = { states: [], grade: null, overdueOnly: false, category: null, jurisdictionId: null };

/** The `GET /hazards` query for a filter (category is not a server filter: see `byCategory`). */
export function hazardListQuery(f: HazardFilter): string {
  const q = new URLSearchParams({ state: (f.states.length > 0 ? f.states : OPEN_STATES).join(',') });
  if (f.grade) q.set('grade', f.grade);
  if (f.overdueOnly) q.set('overdue', 'true');
  if (f.jurisdictionId) q.set('jurisdictionId', f.jurisdictionId);
  return q.toString();
}

/** Hazards at a place of `category` (a correction without a place has none and is dropped by a category filter). */
export function byCategory<H extends Pick<Hazard, 'placeId'>>(hazards: readonly H[], category: PlaceCategory | null, categoryOf: (placeId: string) => PlaceCategory | undefined): H[] {
  if (!category) return [...hazards];
  return hazards.filter((h) => h.placeId !== null && categoryOf(h.placeId) === category);
}

/** Most pressing first: overdue, then major, then the soonest deadline. */
export function boardOrder<H extends Pick<Hazard, 'overdue' | 'grade' | 'dueAt' | 'id'>>(hazards: readonly H[]): H[] {
  return [...hazards].sort((a, b) => Number(b.overdue) - Number(a.overdue)
    || Number(b.grade === 'major') - Number(a.grade === 'major')
    || a.dueAt.localeCompare(b.dueAt) || a.id.localeCompare(b.id));
}

/** The filter as address parameters (shareable), and back. Unknown values are ignored. */
export function filterToParams(f: HazardFilter, params: URLSearchParams): URLSearchParams {
  const out = new URLSearchParams(params);
  const set = (k: string, v: string | null) => (v ? out.set(k, v) : out.delete(k));
  set('state', f.states.join(',') || null);
  set('grade', f.grade);
  set('overdue', f.overdueOnly ? '1' : null);
  set('category', f.category);
  set('jurisdiction', f.jurisdictionId);
  return out;
}

const STATES: readonly HazardState[] = ['open', 'rectifying', 'submitted', 'verified', 'closed'];

export function filterFromParams(params: URLSearchParams, categories: readonly PlaceCategory[]): HazardFilter {
  const grade = params.get('grade');
  const category = params.get('category');
  return {
    states: (params.get('state') ?? '').split(',').filter((s): s is HazardState => (STATES as readonly string[]).includes(s)),
    grade: grade === 'general' || grade === 'major' ? grade : null,
    overdueOnly: params.get('overdue') === '1',
    category: category && (categories as readonly string[]).includes(category) ? (category as PlaceCategory) : null,
    jurisdictionId: params.get('jurisdiction') || null,
  };
}
