import { describe, expect, it } from 'vitest';
import { breakdownPosts, breakdownRoots, newTaskBody } from './new-task';

describe('a directive broken down into tasks', () => {
  it('offers the targets my grants cover, and the posts within them', () => {
    const roots = breakdownRoots(['li.oberland.vaduz', 'li.oberland.schaan', 'li.unterland.eschen'], ['li.oberland.vaduz', 'li.unterland']);
    expect(roots).toEqual(['li.oberland.vaduz', 'li.unterland.eschen']);
    const post = (id: string, jurisdictionPath: string) => ({ id, jurisdictionPath }) as never;
    expect(breakdownPosts([post('a', 'li.oberland.vaduz'), post('b', 'li.oberland.vaduzer'), post('c', 'li.unterland.eschen.x'), post('d', 'li.oberland')], roots).map((p: { id: string }) => p.id)).toEqual(['a', 'c']);
  });

  it('names each missing field, refuses a past due date or a bad weight, and trims the title', () => {
    const now = Date.parse('2026-03-01T10:00:00Z');
    expect(newTaskBody({ directiveId: null, ownerPostId: null, title: ' ', dueAt: '', weight: 0 }, now).problems).toEqual({
      directiveId: 'taskWork.problems.directiveMissing', ownerPostId: 'tasks.subtaskForm.ownerMissing', title: 'tasks.subtaskForm.titleMissing',
      dueAt: 'tasks.subtaskForm.dueMissing', weight: 'taskWork.problems.weight',
    });
    expect(newTaskBody({ directiveId: 'd', ownerPostId: 'p', title: 'x', dueAt: '2020-01-01T00:00', weight: 1 }, now).problems).toEqual({ dueAt: 'taskWork.problems.dueInPast' });
    const ok = newTaskBody({ directiveId: 'd', ownerPostId: 'p', title: ' Hydrants ', dueAt: '2026-04-01T12:00', weight: '3' }, now).body!;
    expect(ok).toEqual({ directiveId: 'd', ownerPostId: 'p', title: 'Hydrants', dueAt: new Date('2026-04-01T12:00').toISOString(), weight: 3 });
  });
});
