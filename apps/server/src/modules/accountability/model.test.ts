import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { during, lifeOf, type Step } from './model.js';

const OPEN = ['open', 'rectifying', 'submitted'];
const OWED = ['open', 'rectifying'];
const isOpen = (s: string) => OPEN.includes(s);
const isOwed = (s: string) => OWED.includes(s);
const at = (ms: number) => new Date(ms);

/** A hazard's audit entries at integer instants: raised first, then state changes and deadline moves. */
const history = fc.tuple(
  fc.integer({ min: 0, max: 50 }),
  fc.integer({ min: 0, max: 150 }),
  fc.array(fc.tuple(fc.integer({ min: 0, max: 150 }), fc.oneof(
    fc.record({ state: fc.constantFrom('open', 'rectifying', 'submitted', 'verified', 'closed') }),
    fc.record({ dueAt: fc.integer({ min: 0, max: 200 }).map((n) => at(n).toISOString()) }),
    fc.record({ action: fc.constant('escalated') }),
  )), { maxLength: 8 }),
).map(([raisedAt, due, changes]): Step[] => [
  { at: at(raisedAt), after: { state: 'open', dueAt: at(raisedAt + due).toISOString() } },
  ...changes.map(([dt, after]) => ({ at: at(raisedAt + 1 + dt), after })),
]);

/** The state and deadline at an instant by replaying every entry recorded by then: the naive reading. */
function naiveAt(steps: Step[], t: number): { state: string; dueAt: number } | null {
  let s: { state: string; dueAt: number } | null = null;
  for (const step of [...steps].sort((a, b) => a.at.getTime() - b.at.getTime())) {
    if (step.at.getTime() > t) break;
    const a = step.after as { state?: string; dueAt?: string };
    s = s ? { state: a.state ?? s.state, dueAt: a.dueAt ? Date.parse(a.dueAt) : s.dueAt } : { state: a.state!, dueAt: Date.parse(a.dueAt!) };
  }
  return s;
}

describe('the state of a record over a window, read from its audit entries', () => {
  it('agrees with replaying the entries at every instant of the window', () => {
    fc.assert(fc.property(history, fc.integer({ min: 0, max: 250 }), fc.integer({ min: 0, max: 60 }), (steps, from, length) => {
      const w = { from: at(from), to: at(from + length) };
      const p = during(lifeOf(steps), w, isOpen, isOwed);
      let open = false;
      let firstOverdue: number | null = null;
      for (let t = from; t <= from + length; t++) {
        const s = naiveAt(steps, t);
        if (!s) continue;
        if (isOpen(s.state)) open = true;
        if (firstOverdue === null && isOwed(s.state) && s.dueAt < t) firstOverdue = t;
      }
      expect(p.open).toBe(open);
      expect(p.overdueSince === null).toBe(firstOverdue === null);
      // overdueSince names the deadline that had passed at the first overdue instant.
      if (firstOverdue !== null) expect(p.overdueSince!.getTime()).toBe(naiveAt(steps, firstOverdue)!.dueAt);
      const end = naiveAt(steps, from + length);
      if (end) expect({ state: p.atEnd!.state, dueAt: p.atEnd!.dueAt.getTime() }).toEqual(end);
    }), { numRuns: 500 });
  });

  it('at an instant: a fix verified before it is not open, one raised after it does not exist, one verified after it is', () => {
    const steps: Step[] = [
      { at: at(100), after: { state: 'open', dueAt: at(150).toISOString() } },
      { at: at(120), after: { state: 'rectifying' } },
      { at: at(300), after: { state: 'submitted' } },
      { at: at(310), after: { state: 'verified' } },
    ];
    const life = lifeOf(steps);
    expect(during(life, { from: at(99), to: at(99) }, isOpen, isOwed).open).toBe(false);
    expect(during(life, { from: at(200), to: at(200) }, isOpen, isOwed)).toMatchObject({ open: true, overdueSince: at(150) });
    expect(during(life, { from: at(140), to: at(160) }, isOpen, isOwed)).toMatchObject({ open: true, overdueSince: at(150), lastOpenAt: at(160) });
    expect(during(life, { from: at(150), to: at(150) }, isOpen, isOwed)).toMatchObject({ open: true, overdueSince: null });
    expect(during(life, { from: at(305), to: at(305) }, isOpen, isOwed)).toMatchObject({ open: true, overdueSince: null });
    expect(during(life, { from: at(310), to: at(400) }, isOpen, isOwed).open).toBe(false);
  });

  it('keeps the owner post across reassignments', () => {
    const life = lifeOf([
      { at: at(0), after: { status: 'open', dueAt: at(50).toISOString(), ownerPostId: 'a' } },
      { at: at(10), after: { ownerPostId: 'b' } },
      { at: at(20), after: { status: 'in_progress' } },
    ]);
    expect(life.map((s) => [s.from.getTime(), s.owner, s.state])).toEqual([[0, 'a', 'open'], [10, 'b', 'open'], [20, 'b', 'in_progress']]);
  });
});
