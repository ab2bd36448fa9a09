import { describe, expect, it } from 'vitest';
import { historyLine } from './history';

describe('a task’s history lines', () => {
  it('reads a report and a roll-up as a percent that moved', () => {
    expect(historyLine({ action: 'tasks.progress_reported', before: { percent: 0, status: 'open' }, after: { percent: 40, note: 'North done' } }))
      .toEqual({ kind: 'progress_reported', percent: { from: 0, to: 40 }, note: 'North done' });
    expect(historyLine({ action: 'tasks.rolled_up', before: { percent: 25 }, after: { percent: 56.25 } })).toEqual({ kind: 'rolled_up', percent: { from: 25, to: 56.25 } });
  });

  it('reads a reassignment as the owner post before and after, with the reason', () => {
    expect(historyLine({ action: 'tasks.reassigned', before: { ownerPostId: 'p1', jurisdictionPath: 'li.a' }, after: { ownerPostId: 'p2', jurisdictionPath: 'li.a', reason: 'Leave' } }))
      .toEqual({ kind: 'reassigned', owner: { from: 'p1', to: 'p2' }, reason: 'Leave' });
  });

  it('names what a re-decomposition changed', () => {
    const line = historyLine({
      action: 'tasks.redecomposed',
      before: { parentTaskId: null, dueAt: '2026-06-02T00:00:00.000Z', weight: 1 },
      after: { parentTaskId: 't1', dueAt: '2026-06-02T00:00:00.000Z', weight: 3, reason: 'Belongs under exits', rolled: [] },
    });
    expect(line).toEqual({ kind: 'redecomposed', changed: ['parent', 'weight'], dueAt: '2026-06-02T00:00:00.000Z', weight: 3, reason: 'Belongs under exits' });
  });

  it('keeps other steps by their name, and survives odd payloads', () => {
    expect(historyLine({ action: 'tasks.overdue', before: null, after: { id: 'x' } })).toEqual({ kind: 'overdue' });
    expect(historyLine({ action: 'tasks.progress_reported', before: null, after: 'nonsense' })).toEqual({ kind: 'progress_reported', percent: { from: null, to: 0 } });
  });
});
