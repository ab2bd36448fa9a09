import type { Task } from '@firebreak/contracts';
import { describe, expect, it } from 'vitest';
import { buildTaskTree, flattenTree, formatPercent, rolledUpPercent, treeHolding } from './task-tree';
import { filterTasks, grantRoots, sourceLink, treeQuery } from './task-filters';

let n = 0;
const task = (p: Partial<Task>): Task => ({
  id: `t${++n}`, source: 'directive', directiveId: 'd1', campaignId: null, standingDutyId: null, periodStart: null, parentTaskId: null,
  ownerPostId: 'p1', jurisdictionPath: 'li.oberland', title: `Task ${n}`, placeId: null, category: null, dueAt: '2026-06-03T07:00:00.000Z',
  weight: 1, percent: 0, status: 'open', overdue: false, overdueAt: null, createdAt: '2026-06-01T07:00:00.000Z', updatedAt: '2026-06-01T07:00:00.000Z', ...p,
});

describe('task tree', () => {
  // The server's worked example: exits (weight 3) = mean of north 100 and south 50; paperwork (weight 1) 0.
  const root = task({ id: 'root', percent: 56.25, status: 'in_progress' });
  const exits = task({ id: 'exits', parentTaskId: 'root', weight: 3, percent: 75, dueAt: '2026-06-02T07:00:00.000Z' });
  const paperwork = task({ id: 'paper', parentTaskId: 'root', weight: 1, percent: 0 });
  const north = task({ id: 'north', parentTaskId: 'exits', percent: 100, dueAt: '2026-06-01T08:00:00.000Z' });
  const south = task({ id: 'south', parentTaskId: 'exits', percent: 50, dueAt: '2026-06-01T09:00:00.000Z' });
  const other = task({ id: 'other', dueAt: '2026-06-01T07:30:00.000Z' });

  it('puts subtasks under their parents, soonest due first, with their share of the parent', () => {
    const forest = buildTaskTree([south, paperwork, root, north, exits, other]);
    expect(forest.map((t) => t.task.id)).toEqual(['other', 'root']);
    expect(flattenTree(forest).map((t) => [t.task.id, t.depth])).toEqual([['other', 0], ['root', 0], ['exits', 1], ['north', 2], ['south', 2], ['paper', 1]]);
    const r = forest[1]!;
    expect(r.children.map((c) => c.share)).toEqual([0.75, 0.25]);
    expect(r.children[0]!.contribution).toBe(56.25);
  });

  it('rolls a parent up from its subtasks as the server does (weighted mean, down every level)', () => {
    const r = buildTaskTree([root, exits, paperwork, north, south])[0]!;
    expect(rolledUpPercent(r.children[0]!)).toBe(75);
    expect(rolledUpPercent(r)).toBe(56.25);
    // A report moves the leaf; the parents' roll-up follows.
    const after = buildTaskTree([root, exits, paperwork, north, { ...south, percent: 100 }, other]);
    expect(rolledUpPercent(treeHolding(after, 'south')!)).toBe(75);
    expect(formatPercent(56.25)).toBe('56.3');
    expect(formatPercent(75)).toBe('75');
  });

  it('starts a tree at a task whose parent the reader cannot see', () => {
    const forest = buildTaskTree([north, south]);
    expect(forest.map((t) => [t.task.id, t.depth, t.share])).toEqual([['north', 0, 1], ['south', 0, 1]]);
    expect(treeHolding(forest, 'south')!.task.id).toBe('south');
    expect(treeHolding(forest, 'nope')).toBeNull();
  });
});

describe('task list filters', () => {
  const mine = task({ ownerPostId: 'mine', status: 'in_progress', overdue: true });
  const theirs = task({ ownerPostId: 'theirs', status: 'open' });
  const done = task({ ownerPostId: 'mine', status: 'done' });
  const posts = new Set(['mine']);

  it('keeps my posts’ tasks, or the whole subtree’s, by status and overdue', () => {
    expect(filterTasks([mine, theirs, done], { scope: 'mine', status: null, overdueOnly: false }, posts)).toEqual([mine, done]);
    expect(filterTasks([mine, theirs, done], { scope: 'subtree', status: 'open', overdueOnly: false }, posts)).toEqual([theirs]);
    expect(filterTasks([mine, theirs, done], { scope: 'subtree', status: null, overdueOnly: true }, posts)).toEqual([mine]);
    expect(filterTasks([mine, theirs], { scope: 'mine', status: null, overdueOnly: false }, new Set())).toEqual([]);
    const duty = task({ source: 'standing_duty', directiveId: null, standingDutyId: 's1' });
    expect(filterTasks([mine, duty, theirs], { scope: 'subtree', status: null, overdueOnly: false, source: 'standing_duty' }, posts)).toEqual([duty]);
  });

  it('reads each grant’s subtree once', () => {
    const g = (path: string) => ({ jurisdictionId: path, jurisdictionPath: path });
    expect(grantRoots([g('li.oberland.vaduz'), g('li.oberland'), g('li.unterland'), g('li.oberland')]).map((x) => x.jurisdictionPath)).toEqual(['li.oberland', 'li.unterland']);
    expect(grantRoots([g('li.oberlandx'), g('li.oberland')]).map((x) => x.jurisdictionPath)).toEqual(['li.oberland', 'li.oberlandx']);
  });

  it('links a task to its source and names its tree', () => {
    expect(sourceLink(task({ directiveId: 'd9' }))).toBe('/directives/d9');
    expect(sourceLink(task({ source: 'campaign', directiveId: null, campaignId: 'c1' }))).toBe('/campaigns/c1');
    expect(sourceLink(task({ source: 'standing_duty', directiveId: null, standingDutyId: 's1' }))).toBeNull();
    expect(treeQuery(task({ source: 'standing_duty', directiveId: null, standingDutyId: 's1' }))).toBe('standingDutyId=s1');
  });
});
