import { describe, expect, it } from 'vitest';
import { begunChanges, unknownPostIds, type EditableShape } from './patrol-edit-model.js';

const T0 = Date.parse('2026-03-02T06:00:00Z');
const at = (minutes: number): string => new Date(T0 + minutes * 60_000).toISOString();
const w = (from: number, to: number) => ({ start: at(from), end: at(to) });
const A: [number, number] = [9.5215, 47.141];
const B: [number, number] = [9.53, 47.15];

// A shift 06:00-14:00; post a held 07:00-08:00 and 10:00-10:30, post b 09:00-09:30.
const plan: EditableShape = { shiftStart: at(0), shiftEnd: at(480), posts: [{ id: 'a', name: 'School', location: A, windows: [w(60, 120), w(240, 270)] }, { id: 'b', name: 'Bridge', location: B, windows: [w(180, 210)] }] };
const minute = (m: number) => T0 + m * 60_000;

describe('what an edit may change once time has moved on', () => {
  it('before the shift starts, anything that does not begin in the past', () => {
    const edited: EditableShape = { shiftStart: at(30), shiftEnd: at(400), posts: [{ name: 'New', location: B, windows: [w(40, 50)] }] };
    expect(begunChanges(plan, edited, minute(-10))).toEqual([]);
    // ...but moving the start to before now is moving it into the past.
    expect(begunChanges(plan, { ...plan, shiftStart: at(-20) }, minute(-10))).toEqual([{ path: 'body.shiftStart', message: 'the shift cannot be set to start in the past' }]);
  });

  it('once started: the start stays, a begun window stays, its post neither moves nor goes', () => {
    const now = minute(90); // 07:30: post a's first window is running
    expect(begunChanges(plan, { ...plan, shiftStart: at(30) }, now)).toEqual([{ path: 'body.shiftStart', message: 'the shift has started: its start cannot move' }]);
    const shortened = { ...plan, posts: [{ ...plan.posts[0]!, windows: [w(60, 100), w(240, 270)] }, plan.posts[1]!] };
    expect(begunChanges(plan, shortened, now).map((p) => p.path)).toEqual(['body.posts.0.windows', 'body.posts.0.windows.0']);
    const moved = { ...plan, posts: [{ ...plan.posts[0]!, location: B }, plan.posts[1]!] };
    expect(begunChanges(plan, moved, now)).toEqual([{ path: 'body.posts.0.location', message: 'post "School" has begun: it cannot move' }]);
    expect(begunChanges(plan, { ...plan, posts: [plan.posts[1]!] }, now)).toEqual([{ path: 'body.posts', message: 'post "School" has begun: it cannot be removed' }]);
  });

  it('once started: what has not begun changes freely, and the name of a begun post too', () => {
    const now = minute(90);
    const edited: EditableShape = {
      shiftStart: plan.shiftStart, shiftEnd: at(420),
      posts: [{ id: 'a', name: 'School gate', location: A, windows: [w(60, 120), w(250, 280)] }, { name: 'Market', location: B, windows: [w(100, 130)] }],
    };
    expect(begunChanges(plan, edited, now)).toEqual([]);
    // A new window, or a window of a new post, may not begin before now.
    const late = { ...edited, posts: [edited.posts[0]!, { ...edited.posts[1]!, windows: [w(80, 130)] }] };
    expect(begunChanges(plan, late, now)).toEqual([{ path: 'body.posts.1.windows.0', message: 'a window cannot be set to begin in the past' }]);
  });

  it('after the shift: its end stays', () => {
    expect(begunChanges(plan, { ...plan, shiftEnd: at(500) }, minute(490))).toEqual([{ path: 'body.shiftEnd', message: 'the shift is over: its end cannot move' }]);
    expect(begunChanges(plan, { ...plan, shiftEnd: at(80) }, minute(90))).toEqual([{ path: 'body.shiftEnd', message: 'the shift cannot be set to end in the past' }]);
  });

  it('names post ids that are not the plan\'s, or named twice', () => {
    expect(unknownPostIds(['a', 'b'], [{ id: 'a' }, {}, { id: 'x' }, { id: 'a' }])).toEqual([
      { path: 'body.posts.2.id', message: 'no such post in this plan' }, { path: 'body.posts.3.id', message: 'the post is named twice' },
    ]);
  });
});
