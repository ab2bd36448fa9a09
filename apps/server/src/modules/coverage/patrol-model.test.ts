import { describe, expect, it } from 'vitest';
import { crossPlanClashes, HELD_SHARE, MAX_GAP_SECONDS, metresApart, overlapMs, patrolPlanProblems, postPresence, presentSpans, unitClashes, verdictOf, type TrackPoint } from './patrol-model.js';

const T0 = Date.parse('2026-03-02T07:00:00Z');
const at = (minutes: number): string => new Date(T0 + minutes * 60_000).toISOString();
const w = (from: number, to: number) => ({ start: at(from), end: at(to) });
const POST: [number, number] = [9.5215, 47.141];
/** A point `metres` north of the post. */
const north = (metres: number): [number, number] => [POST[0], POST[1] + metres / 111_195];
const point = (minute: number, where: [number, number] = POST): TrackPoint => ({ at: T0 + minute * 60_000, lon: where[0], lat: where[1] });

describe('patrol plan rules', () => {
  it('refuses a unit at a post of this plan while it holds one of another plan in an overlapping window, naming the unit and the plan', () => {
    const elsewhere = [{ unitId: 'u1', callSign: 'P1', planId: 'plan-b', planName: 'Closing, Schaan', windows: [w(60, 90)] }];
    const problems = crossPlanClashes([{ unitId: 'u1', windows: [w(0, 30), w(80, 100)] }, { unitId: 'u2', windows: [w(60, 90)] }, { unitId: null, windows: [w(60, 90)] }], elsewhere, (i) => `posts.${i}.unitId`);
    expect(problems).toEqual([{ path: 'posts.0.unitId', message: 'P1 already holds a post of patrol plan "Closing, Schaan" (plan-b) in an overlapping window' }]);
    // Back to back is no overlap: 30-60 ends where the other plan's window starts.
    expect(crossPlanClashes([{ unitId: 'u1', windows: [w(30, 60), w(90, 120)] }], elsewhere, (i) => `posts.${i}.unitId`)).toEqual([]);
  });

  const shift = { shiftStart: at(0), shiftEnd: at(480) };

  it('accepts windows inside the shift and apart', () => {
    expect(patrolPlanProblems({ ...shift, posts: [{ windows: [w(0, 90), w(420, 480)] }, { windows: [w(30, 60)] }] })).toEqual([]);
  });

  it('names the field of each bad window and of a bad shift', () => {
    expect(patrolPlanProblems({ shiftStart: at(10), shiftEnd: at(10), posts: [] })).toEqual([{ path: 'body.shiftEnd', message: 'the shift ends before it starts' }]);
    expect(patrolPlanProblems({ shiftStart: at(0), shiftEnd: at(24 * 60 + 1), posts: [] })[0]!.path).toBe('body.shiftEnd');
    const problems = patrolPlanProblems({ ...shift, posts: [{ windows: [w(0, 60), w(30, 90)] }, { windows: [w(100, 100), w(470, 490)] }] });
    expect(problems.map((p) => p.path)).toEqual(['body.posts.0.windows.1', 'body.posts.1.windows.0.end', 'body.posts.1.windows.1']);
  });

  it('refuses one unit at two posts in overlapping windows, and allows it in turn', () => {
    const posts = [{ unitId: 'u1', windows: [w(0, 60)] }, { unitId: 'u1', windows: [w(60, 120)] }, { unitId: 'u1', windows: [w(59, 61)] }, { unitId: null, windows: [w(0, 60)] }];
    expect(unitClashes(posts, (i) => `p${i}`)).toEqual([{ path: 'p2', message: 'the unit already holds post 1 in an overlapping window' }]);
  });
});

describe('visible presence from an AVL track', () => {
  it('measures distances on the ground', () => {
    expect(metresApart(POST, north(100))).toBeCloseTo(100, 0);
  });

  it('counts a point inside the radius until the next point, at most the gap limit, never past now', () => {
    // Inside at 0, 1, 2 min; outside at 3; inside at 10 then silent.
    const track = [point(2), point(0), point(1), point(3, north(500)), point(10, north(50))];
    const spans = presentSpans(track, POST, 150, T0 + 60 * 60_000);
    expect(spans).toEqual([{ start: T0, end: T0 + 3 * 60_000 }, { start: T0 + 10 * 60_000, end: T0 + 10 * 60_000 + MAX_GAP_SECONDS * 1000 }]);
    // Now at 11 min: the last span is cut there.
    expect(presentSpans(track, POST, 150, T0 + 11 * 60_000).at(-1)).toEqual({ start: T0 + 10 * 60_000, end: T0 + 11 * 60_000 });
    // With a radius of 40 m the point 50 m away does not count.
    expect(presentSpans(track, POST, 40, T0 + 60 * 60_000)).toHaveLength(1);
  });

  it('clips presence to each window', () => {
    const spans = [{ start: T0, end: T0 + 10 * 60_000 }, { start: T0 + 20 * 60_000, end: T0 + 25 * 60_000 }];
    expect(overlapMs(spans, { start: T0 + 5 * 60_000, end: T0 + 22 * 60_000 })).toBe(7 * 60_000);
  });

  it('judges windows: pending, running, held, short, missed, unassigned', () => {
    const win = { start: T0, end: T0 + 60 * 60_000 };
    expect(verdictOf(win, 0, T0 - 1, true)).toBe('pending');
    expect(verdictOf(win, 0, T0 + 1, false)).toBe('unassigned');
    expect(verdictOf(win, 0, T0 + 1, true)).toBe('running');
    expect(verdictOf(win, HELD_SHARE * 60 * 60_000, win.end, true)).toBe('held');
    expect(verdictOf(win, HELD_SHARE * 60 * 60_000 - 1, win.end, true)).toBe('short');
    expect(verdictOf(win, 0, win.end, true)).toBe('missed');
  });

  it('adds up a post: a track every 30 s through the first window, nothing in the second', () => {
    // 07:00-07:30 held from 07:05 to 07:30 (25 of 30 minutes: 83 %), 08:00-08:20 missed.
    const track = Array.from({ length: 51 }, (_, i) => point(5 + i * 0.5)).concat([point(30.5, north(2_000))]);
    const out = postPresence({ windows: [w(0, 30), w(60, 80)], location: POST, assigned: true, track, radiusMetres: 150, now: T0 + 120 * 60_000 });
    expect(out.windows.map((x) => [x.requiredMinutes, x.presentMinutes, x.verdict])).toEqual([[30, 25, 'held'], [20, 0, 'missed']]);
    expect(out).toMatchObject({ requiredMinutes: 50, presentMinutes: 25, missedWindows: 1 });
  });
});
