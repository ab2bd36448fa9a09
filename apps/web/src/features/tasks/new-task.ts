import type { CreateTaskBody, Post } from '@firebreak/contracts';
import { localToIso } from '../issue/issue-form';
import type { FormProblems } from '../issue/use-command-form';

const within = (path: string, root: string) => path === root || path.startsWith(`${root}.`);

/**
 * The roots under which I may give a directive's top-level tasks: each target of the directive my
 * `tasks:manage` grants cover (the server's rule: a top-level task goes to a post within one of
 * the directive's targets, handed down from that target).
 */
export function breakdownRoots(targetPaths: readonly string[], managePaths: readonly string[]): string[] {
  return targetPaths.filter((t) => managePaths.some((g) => within(t, g)));
}

/** The posts a directive's top-level task can go to: within one of `roots`. */
export function breakdownPosts(posts: readonly Post[], roots: readonly string[]): Post[] {
  return posts.filter((p) => roots.some((r) => within(p.jurisdictionPath, r)));
}

export interface NewTaskDraft {
  directiveId: string | null;
  ownerPostId: string | null;
  title: string;
  /** datetime-local value */
  dueAt: string;
  weight: number | string;
}

/** A directive's top-level task as a request body, or the fields to fix first (locale keys). */
export function newTaskBody(d: NewTaskDraft, now: number): { body: CreateTaskBody; problems: null } | { body: null; problems: FormProblems } {
  const problems: FormProblems = {};
  if (!d.directiveId) problems.directiveId = 'taskWork.problems.directiveMissing';
  if (!d.ownerPostId) problems.ownerPostId = 'tasks.subtaskForm.ownerMissing';
  if (!d.title.trim()) problems.title = 'tasks.subtaskForm.titleMissing';
  const dueAt = localToIso(d.dueAt);
  if (!dueAt) problems.dueAt = 'tasks.subtaskForm.dueMissing';
  else if (Date.parse(dueAt) <= now) problems.dueAt = 'taskWork.problems.dueInPast';
  const weight = typeof d.weight === 'number' ? d.weight : Number(d.weight);
  if (!Number.isInteger(weight) || weight < 1 || weight > 1000) problems.weight = 'taskWork.problems.weight';
  if (Object.keys(problems).length > 0) return { body: null, problems };
  return { body: { directiveId: d.directiveId!, ownerPostId: d.ownerPostId!, title: d.title.trim(), dueAt: dueAt!, weight }, problems: null };
}
