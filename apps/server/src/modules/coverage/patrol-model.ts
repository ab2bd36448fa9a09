import { PATROL_SHIFT_MAX_HOURS, type PatrolWindow, type WindowVerdict } from '@firebreak/contracts';

/**
 * Patrol plans (issue 16 §3), pure: the rules a plan must keep and the visible-presence record
 * computed from an AVL track. No I/O; times are epoch milliseconds.
 */

export interface FieldProblem { path: string; message: string }

/** A window is held when the unit stood at its post at least this share of it: a patrol may step away to check a gate. */
export const HELD_SHARE = 0.8;
/**
 * Presence is carried from a track point to the next for at most this long. The track keeps a
 * point every 30 s (or 50 m) while fixes come; a longer silence means the device is off or out
 * of reach, and a silent unit is not known to be there.
 */
export const MAX_GAP_SECONDS = 120;

interface Span { start: number; end: number }
const spanOf = (w: PatrolWindow): Span => ({ start: Date.parse(w.start), end: Date.parse(w.end) });
const overlaps = (a: Span, b: Span): boolean => a.start < b.end && b.start < a.end;

/** What is wrong with a plan's shift and windows, each naming its field (empty when it is sound). */
export function patrolPlanProblems(plan: { shiftStart: string; shiftEnd: string; posts: readonly { windows: readonly PatrolWindow[] }[] }): FieldProblem[] {
  const shift = { start: Date.parse(plan.shiftStart), end: Date.parse(plan.shiftEnd) };
  if (shift.end <= shift.start) return [{ path: 'body.shiftEnd', message: 'the shift ends before it starts' }];
  if (shift.end - shift.start > PATROL_SHIFT_MAX_HOURS * 3_600_000) return [{ path: 'body.shiftEnd', message: `a plan covers one shift of at most ${PATROL_SHIFT_MAX_HOURS} hours` }];
  const problems: FieldProblem[] = [];
  for (const [p, post] of plan.posts.entries()) {
    const spans = post.windows.map(spanOf);
    for (const [w, s] of spans.entries()) {
      const path = `body.posts.${p}.windows.${w}`;
      if (s.end <= s.start) problems.push({ path: `${path}.end`, message: 'the window ends before it starts' });
      else if (s.start < shift.start || s.end > shift.end) problems.push({ path, message: 'the window lies outside the shift' });
      else if (spans.slice(0, w).some((other) => overlaps(other, s))) problems.push({ path, message: 'the window overlaps an earlier window of the post' });
    }
  }
  return problems;
}

/**
 * A unit cannot stand at two posts at once: two posts held by the same unit must not have
 * overlapping windows. Answers the field of the later post's unit for each clash.
 */
export function unitClashes(posts: readonly { unitId: string | null; windows: readonly PatrolWindow[] }[], fieldOf: (postIndex: number) => string): FieldProblem[] {
  const problems: FieldProblem[] = [];
  for (const [i, post] of posts.entries()) {
    if (post.unitId === null) continue;
    const mine = post.windows.map(spanOf);
    const earlier = posts.slice(0, i).findIndex((o) => o.unitId === post.unitId && o.windows.map(spanOf).some((s) => mine.some((m) => overlaps(s, m))));
    if (earlier >= 0) problems.push({ path: fieldOf(i), message: `the unit already holds post ${earlier + 1} in an overlapping window` });
  }
  return problems;
}

/** A post of another active plan held by a unit: what a new assignment of that unit must not overlap. */
export interface HeldElsewhere { unitId: string; callSign: string; planId: string; planName: string; windows: readonly PatrolWindow[] }

/**
 * A unit cannot stand at posts of two plans at once either: each post of this plan whose unit
 * holds a post of another active plan in an overlapping window is a clash, named by the unit and
 * the other plan. Answers the field of the post's unit for each.
 */
export function crossPlanClashes(posts: readonly { unitId: string | null; windows: readonly PatrolWindow[] }[], elsewhere: readonly HeldElsewhere[], fieldOf: (postIndex: number) => string): FieldProblem[] {
  const problems: FieldProblem[] = [];
  for (const [i, post] of posts.entries()) {
    if (post.unitId === null) continue;
    const mine = post.windows.map(spanOf);
    const other = elsewhere.find((o) => o.unitId === post.unitId && o.windows.map(spanOf).some((s) => mine.some((m) => overlaps(s, m))));
    if (other) problems.push({ path: fieldOf(i), message: `${other.callSign} already holds a post of patrol plan "${other.planName}" (${other.planId}) in an overlapping window` });
  }
  return problems;
}

export interface TrackPoint { at: number; lon: number; lat: number }

const EARTH_RADIUS_M = 6_371_008.8;
const RAD = Math.PI / 180;
/** Great-circle distance in metres. */
export function metresApart(a: readonly [number, number], b: readonly [number, number]): number {
  const dLat = (b[1] - a[1]) * RAD;
  const dLon = (b[0] - a[0]) * RAD;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a[1] * RAD) * Math.cos(b[1] * RAD) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h)));
}

/**
 * The spans a unit was at its post, from its track (any order): a point within `radius` of the
 * post counts from its time to the next point's, at most MAX_GAP_SECONDS, and never past `now`
 * (what has not happened yet is not presence). Adjacent spans are merged.
 */
export function presentSpans(track: readonly TrackPoint[], post: readonly [number, number], radiusMetres: number, now: number): Span[] {
  const points = [...track].sort((a, b) => a.at - b.at);
  const spans: Span[] = [];
  for (const [i, p] of points.entries()) {
    if (metresApart([p.lon, p.lat], post) > radiusMetres) continue;
    const next = points[i + 1]?.at ?? Infinity;
    const end = Math.min(next, p.at + MAX_GAP_SECONDS * 1000, now);
    if (end <= p.at) continue;
    const last = spans.at(-1);
    if (last && last.end >= p.at) last.end = Math.max(last.end, end);
    else spans.push({ start: p.at, end });
  }
  return spans;
}

/** Milliseconds of `spans` inside `window`. */
export function overlapMs(spans: readonly Span[], window: Span): number {
  return spans.reduce((sum, s) => sum + Math.max(0, Math.min(s.end, window.end) - Math.max(s.start, window.start)), 0);
}

/**
 * The verdict on one window at `now`: not begun, running (judged on the part passed so far),
 * held (present at least HELD_SHARE of it), short, or missed (never present). A post without a
 * unit has nobody to measure: `unassigned`, which counts as missed once the window has begun.
 */
export function verdictOf(window: Span, presentMs: number, now: number, assigned: boolean): WindowVerdict {
  if (now < window.start) return 'pending';
  if (!assigned) return 'unassigned';
  if (now < window.end) return 'running';
  if (presentMs <= 0) return 'missed';
  return presentMs >= HELD_SHARE * (window.end - window.start) ? 'held' : 'short';
}

/** A window counted among the missed ones: ended and not held, or begun with nobody assigned. */
export const isMissed = (v: WindowVerdict): boolean => v === 'missed' || v === 'short' || v === 'unassigned';

const minutes = (ms: number): number => Math.round(ms / 6_000) / 10;

/** The visible-presence record of one post: minutes required and present per window, and the verdicts. */
export function postPresence(input: { windows: readonly PatrolWindow[]; location: readonly [number, number]; assigned: boolean; track: readonly TrackPoint[]; radiusMetres: number; now: number }) {
  const spans = input.assigned ? presentSpans(input.track, input.location, input.radiusMetres, input.now) : [];
  const windows = input.windows.map((w) => {
    const s = spanOf(w);
    const present = overlapMs(spans, s);
    return { start: w.start, end: w.end, requiredMinutes: minutes(s.end - s.start), presentMinutes: minutes(present), verdict: verdictOf(s, present, input.now, input.assigned) };
  });
  return {
    windows,
    requiredMinutes: minutes(input.windows.reduce((sum, w) => sum + spanOf(w).end - spanOf(w).start, 0)),
    presentMinutes: minutes(input.windows.reduce((sum, w) => sum + overlapMs(spans, spanOf(w)), 0)),
    missedWindows: windows.filter((w) => isMissed(w.verdict)).length,
  };
}
