import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { currentPeriod, isOverdue, rollUp, statusOf, weightedMean, type TaskNode } from './model.js';

/** A random forest: each node hangs under an earlier one (or is a root), so any depth occurs, down to a chain. */
const forest = fc.array(fc.record({ parentPick: fc.option(fc.nat(), { freq: 8, nil: null }), weight: fc.integer({ min: 1, max: 20 }), percent: fc.integer({ min: 0, max: 100 }) }), { minLength: 1, maxLength: 150 })
  .map((specs) => specs.map((s, i): TaskNode => ({ id: `t${i}`, parentId: i === 0 || s.parentPick === null ? null : `t${s.parentPick % i}`, weight: s.weight, percent: s.percent })));

/** Reference: each leaf hands its progress up, scaled at each level by its share of its siblings' weight. */
function byLeafShares(nodes: TaskNode[], id: string): number {
  const kids = nodes.filter((n) => n.parentId === id);
  if (kids.length === 0) return nodes.find((n) => n.id === id)!.percent;
  const total = kids.reduce((s, k) => s + k.weight, 0);
  return kids.reduce((s, k) => s + (k.weight / total) * byLeafShares(nodes, k.id), 0);
}

const leavesUnder = (nodes: TaskNode[], id: string): TaskNode[] => {
  const kids = nodes.filter((n) => n.parentId === id);
  return kids.length === 0 ? nodes.filter((n) => n.id === id) : kids.flatMap((k) => leavesUnder(nodes, k.id));
};

describe('task roll-up', () => {
  it('gives every task the leaf-share weighted mean of what its leaves reported, at any depth (property)', () => {
    fc.assert(
      fc.property(forest, (nodes) => {
        const r = rollUp(nodes);
        expect(r.size).toBe(nodes.length);
        for (const n of nodes) {
          expect(r.get(n.id)!).toBeCloseTo(byLeafShares(nodes, n.id), 9);
          const leaves = leavesUnder(nodes, n.id).map((l) => l.percent);
          expect(r.get(n.id)!).toBeGreaterThanOrEqual(Math.min(...leaves) - 1e-9);
          expect(r.get(n.id)!).toBeLessThanOrEqual(Math.max(...leaves) + 1e-9);
        }
      }),
    );
  });

  it('ignores what was reported on a task once it has subtasks, and is done only when every leaf is', () => {
    fc.assert(
      fc.property(forest, (nodes) => {
        const r = rollUp(nodes);
        for (const n of nodes) {
          const allDone = leavesUnder(nodes, n.id).every((l) => l.percent === 100);
          expect(statusOf(r.get(n.id)!) === 'done').toBe(allDone);
        }
      }),
    );
  });

  it('copes with a chain thousands of tasks deep', () => {
    const chain: TaskNode[] = Array.from({ length: 5000 }, (_, i) => ({ id: `t${i}`, parentId: i === 0 ? null : `t${i - 1}`, weight: 1, percent: 0 }));
    chain[4999]!.percent = 40;
    expect(rollUp(chain).get('t0')).toBe(40);
  });

  it('weighs children by weight', () => {
    expect(weightedMean([{ weight: 3, percent: 100 }, { weight: 1, percent: 0 }])).toBe(75);
    expect(weightedMean([])).toBe(0);
    expect([statusOf(0), statusOf(0.5), statusOf(100)]).toEqual(['open', 'in_progress', 'done']);
    expect([isOverdue({ status: 'in_progress', dueAt: new Date(1) }, new Date(2)), isOverdue({ status: 'done', dueAt: new Date(1) }, new Date(2))]).toEqual([true, false]);
  });
});

describe('standing duty periods', () => {
  const DAY = 86_400_000;
  const startsAt = new Date('2026-01-05T06:00:00.000Z');

  it('is the latest period begun at `now`: it contains now, starts on the grid and lasts everyDays (property)', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 366 }), fc.integer({ min: 0, max: 3000 * DAY }), (everyDays, offset) => {
      const now = new Date(startsAt.getTime() + offset);
      const { start, end } = currentPeriod({ startsAt, everyDays, endsAt: null }, now);
      expect(start <= now && now < end).toBe(true);
      expect((start.getTime() - startsAt.getTime()) % (everyDays * DAY)).toBe(0);
      expect(end.getTime() - start.getTime()).toBe(everyDays * DAY);
    }));
  });

  it('never begins a period at or after the duty ends', () => {
    const endsAt = new Date(startsAt.getTime() + 10 * DAY);
    const late = currentPeriod({ startsAt, everyDays: 7, endsAt }, new Date(startsAt.getTime() + 40 * DAY));
    expect(late.start).toEqual(new Date(startsAt.getTime() + 7 * DAY));
    const exact = currentPeriod({ startsAt, everyDays: 7, endsAt: new Date(startsAt.getTime() + 14 * DAY) }, new Date(startsAt.getTime() + 14 * DAY));
    expect(exact.start).toEqual(new Date(startsAt.getTime() + 7 * DAY));
  });
});
