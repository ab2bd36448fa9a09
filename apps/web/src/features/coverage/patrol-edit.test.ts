import { describe, expect, it } from 'vitest';
import { refusalOf } from './patrol-edit';

const words: Record<string, string> = {
  'coverage.patrol.refused.shiftStarted': 'shift started', 'coverage.patrol.refused.shiftOver': 'shift over', 'coverage.patrol.refused.shiftPast': 'shift past',
  'coverage.patrol.refused.windowBegun': 'window begun', 'coverage.patrol.refused.windowPast': 'window past', 'coverage.patrol.refused.postMoved': 'post moved',
  'coverage.patrol.refused.postRemoved': 'removed {{name}}', 'problems.PATROL_UNIT_CLASH': 'clash',
};
const t = (key: string, o?: Record<string, unknown>) => (words[key] ?? `<${key}>`).replace('{{name}}', String(o?.name ?? ''));
const known = (key: string) => key in words;

describe('a refused patrol-plan edit, field by field', () => {
  it('puts the begun rule at the window, the post, the shift or the plan, in the reader words', () => {
    const r = refusalOf('PATROL_PLAN_BEGUN', [
      { path: 'body.posts.1.windows', message: 'the window from 05:00 (UTC) has begun: it cannot be changed or removed' },
      { path: 'body.posts.1.location', message: 'post "Gate" has begun: it cannot move' },
      { path: 'body.posts.2.windows.0', message: 'a window cannot be set to begin in the past' },
      { path: 'body.shiftStart', message: 'the shift has started: its start cannot move' },
      { path: 'body.posts', message: 'post "Bridge" has begun: it cannot be removed' },
    ], t, known);
    expect(r.posts.get(1)).toBe('window begun post moved');
    expect(r.posts.get(2)).toBe('window past');
    expect(r.posts.has(0)).toBe(false);
    expect(r.shift).toBe('shift started');
    expect(r.plan).toEqual(['removed Bridge']);
  });

  it('tells a shift set in the past from one that has begun', () => {
    expect(refusalOf('PATROL_PLAN_BEGUN', [{ path: 'body.shiftEnd', message: 'the shift cannot be set to end in the past' }], t, known).shift).toBe('shift past');
    expect(refusalOf('PATROL_PLAN_BEGUN', [{ path: 'body.shiftEnd', message: 'the shift is over: its end cannot move' }], t, known).shift).toBe('shift over');
  });

  it('gives other codes their translated text, else the server message', () => {
    expect(refusalOf('PATROL_UNIT_CLASH', [{ path: 'body.posts.0.windows', message: 'P-1 holds Bridge' }], t, known).posts.get(0)).toBe('clash');
    expect(refusalOf('VALIDATION_FAILED', [{ path: 'body.posts.3.windows.1', message: 'windows overlap' }], t, known).posts.get(3)).toBe('windows overlap');
    expect(refusalOf('PATROL_PLAN_STALE', [{ path: 'body.expectedVersion', message: 'reload it' }], t, known).plan).toEqual(['reload it']);
  });
});
