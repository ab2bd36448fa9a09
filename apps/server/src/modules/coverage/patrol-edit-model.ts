import type { PatrolWindow } from '@firebreak/contracts';
import type { FieldProblem } from './patrol-model.js';

/**
 * What an edit of a patrol plan may change once time has moved on (issue 16 §3), pure. The rule:
 * **what has begun stays as it was**. A window whose start has passed is part of the record the
 * presence is measured against, and the crew may already be standing there; so it can be neither
 * changed nor removed, its post neither moved nor removed, and the shift's start (once passed)
 * not moved. What has not begun — later windows, new posts, the shift's end while it lies ahead,
 * the title — may change freely, but nothing may be set to begin in the past (it would be missed
 * before it existed). Before the shift starts, everything is free but that last rule.
 * Times are epoch milliseconds; the answer names each field (`body.shiftStart`,
 * `body.posts.<i>.windows.<j>`, `body.posts.<i>.location`, `body.posts`).
 */

export interface EditablePost { id?: string | undefined; name: string; location: readonly [number, number]; windows: readonly PatrolWindow[] }
export interface EditableShape { shiftStart: string; shiftEnd: string; posts: readonly EditablePost[] }

const ms = (iso: string): number => Date.parse(iso);
const sameWindow = (a: PatrolWindow, b: PatrolWindow): boolean => ms(a.start) === ms(b.start) && ms(a.end) === ms(b.end);
const hhmm = (iso: string): string => new Date(iso).toISOString().slice(11, 16);

export function begunChanges(before: EditableShape, after: EditableShape, now: number): FieldProblem[] {
  const problems: FieldProblem[] = [];
  for (const field of ['shiftStart', 'shiftEnd'] as const) {
    const [was, is] = [ms(before[field]), ms(after[field])];
    if (was === is) continue;
    if (was <= now) problems.push({ path: `body.${field}`, message: field === 'shiftStart' ? 'the shift has started: its start cannot move' : 'the shift is over: its end cannot move' });
    else if (is <= now) problems.push({ path: `body.${field}`, message: `the shift cannot be set to ${field === 'shiftStart' ? 'start' : 'end'} in the past` });
  }
  const byId = new Map(before.posts.map((p) => [p.id, p]));
  for (const [i, post] of after.posts.entries()) {
    const was = post.id === undefined ? undefined : byId.get(post.id);
    const begun = was ? was.windows.filter((w) => ms(w.start) <= now) : [];
    for (const w of begun) {
      if (!post.windows.some((v) => sameWindow(v, w))) problems.push({ path: `body.posts.${i}.windows`, message: `the window from ${hhmm(w.start)} (UTC) has begun: it cannot be changed or removed` });
    }
    for (const [j, w] of post.windows.entries()) {
      const kept = was?.windows.some((v) => sameWindow(v, w)) ?? false;
      if (!kept && ms(w.start) <= now) problems.push({ path: `body.posts.${i}.windows.${j}`, message: 'a window cannot be set to begin in the past' });
    }
    if (was && begun.length > 0 && (was.location[0] !== post.location[0] || was.location[1] !== post.location[1])) {
      problems.push({ path: `body.posts.${i}.location`, message: `post "${was.name}" has begun: it cannot move` });
    }
  }
  const kept = new Set(after.posts.flatMap((p) => (p.id ? [p.id] : [])));
  for (const was of before.posts) {
    if (!kept.has(was.id!) && was.windows.some((w) => ms(w.start) <= now)) problems.push({ path: 'body.posts', message: `post "${was.name}" has begun: it cannot be removed` });
  }
  return problems;
}

/** Ids of the edit's posts that are not posts of the plan, or named twice (400, naming each). */
export function unknownPostIds(planPostIds: readonly string[], posts: readonly { id?: string | undefined }[]): FieldProblem[] {
  const known = new Set(planPostIds);
  return posts.flatMap((p, i) => {
    if (p.id === undefined) return [];
    if (!known.has(p.id)) return [{ path: `body.posts.${i}.id`, message: 'no such post in this plan' }];
    return posts.slice(0, i).some((q) => q.id === p.id) ? [{ path: `body.posts.${i}.id`, message: 'the post is named twice' }] : [];
  });
}
