import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decide, STILL_OWED, TRANSITIONS, type HazardCommand, type HazardFacts } from './model.js';

const DAY = 86_400_000;
const start = new Date('2026-01-01T00:00:00Z');

const fresh = (grade: HazardFacts['grade']): HazardFacts => ({
  grade, state: 'open', dueAt: new Date(start.getTime() + 7 * DAY), rectificationPlan: null, interimControls: null,
  stopUse: false, fixNote: null, verificationNote: null, pendingExtension: null, supervisedBy: null,
});

const text = fc.constantFrom('fixed the railing', 'x');
const command: fc.Arbitrary<HazardCommand> = fc.oneof(
  fc.record({ type: fc.constant('start' as const), rectificationPlan: fc.option(text, { nil: undefined }), interimControls: fc.option(text, { nil: undefined }), stopUse: fc.boolean() }),
  fc.record({ type: fc.constant('submit' as const), fixNote: text }),
  fc.record({ type: fc.constant('reject' as const), reason: text }),
  fc.record({ type: fc.constant('verify' as const), note: text, reinspection: fc.boolean() }),
  fc.constant({ type: 'close' as const }),
  fc.record({ type: fc.constant('request_extension' as const), requestedDueAt: fc.integer({ min: -10, max: 60 }).map((d) => new Date(start.getTime() + d * DAY)) }),
  fc.record({ type: fc.constant('decide_extension' as const), approve: fc.boolean() }),
  fc.record({ type: fc.constant('list_supervision' as const), by: fc.constantFrom('li', 'li.oberland') }),
);

describe('hazard state machine (property: random command sequences)', () => {
  it('only ever takes a transition of the table, and a refused command changes nothing', () => {
    fc.assert(
      fc.property(fc.constantFrom('general' as const, 'major' as const), fc.array(command, { maxLength: 40 }), (grade, commands) => {
        let h = fresh(grade);
        const visited = [h.state];
        for (const cmd of commands) {
          const before = structuredClone(h);
          const d = decide(h, cmd);
          expect(h).toEqual(before); // decide never mutates its input
          if (!d.ok) {
            expect(d.reason.length).toBeGreaterThan(0);
            continue;
          }
          const next = d.next;
          if (next.state !== h.state) expect(TRANSITIONS[h.state]).toContain(next.state);
          // Only the state-changing commands change the state.
          if (['request_extension', 'decide_extension', 'list_supervision'].includes(cmd.type)) expect(next.state).toBe(h.state);
          // The deadline moves only by an approved extension, and only later.
          if (next.dueAt.getTime() !== h.dueAt.getTime()) {
            expect(cmd).toMatchObject({ type: 'decide_extension', approve: true });
            expect(next.dueAt.getTime()).toBeGreaterThan(h.dueAt.getTime());
          }
          if (next.pendingExtension) expect(STILL_OWED).toContain(next.state);
          if (grade === 'major' && next.state === 'verified' && h.state !== 'verified') expect(cmd).toMatchObject({ type: 'verify', reinspection: true });
          h = next;
          if (h.state !== visited.at(-1)) visited.push(h.state);
        }
        // A closed hazard accepts nothing further.
        if (h.state === 'closed') for (const c of commands) expect(decide(h, c).ok).toBe(false);
        // Verified and closed are reached only through a submitted fix.
        const at = visited.indexOf('verified');
        if (at >= 0) expect(visited[at - 1]).toBe('submitted');
        // A major hazard past "open" always has its plan and interim controls.
        if (grade === 'major' && h.state !== 'open') {
          expect(h.rectificationPlan).toBeTruthy();
          expect(h.interimControls).toBeTruthy();
        }
        if (grade === 'general') expect(h.supervisedBy).toBeNull();
      }),
      { numRuns: 500 },
    );
  });

  it('walks a major hazard through plan, fix, rejection, fix again, verification and closure', () => {
    const steps: HazardCommand[] = [
      { type: 'submit', fixNote: 'done' },
      { type: 'start', rectificationPlan: 'replace tank valve', interimControls: 'tank emptied', stopUse: true },
      { type: 'submit', fixNote: 'valve replaced' },
      { type: 'reject', reason: 'valve still leaks' },
      { type: 'submit', fixNote: 'valve replaced again' },
      { type: 'verify', note: 'looks fine from the office', reinspection: false },
      { type: 'verify', note: 're-inspected, no leak', reinspection: true },
      { type: 'close' },
    ];
    let h = fresh('major');
    const outcomes = steps.map((s) => {
      const d = decide(h, s);
      if (d.ok) h = d.next;
      return d.ok ? h.state : 'refused';
    });
    expect(outcomes).toEqual(['refused', 'rectifying', 'submitted', 'rectifying', 'submitted', 'refused', 'verified', 'closed']);
    expect(h.stopUse).toBe(false);
  });

  it('lets a general hazard be fixed at once, and names the missing field of a major plan', () => {
    const general = decide(fresh('general'), { type: 'submit', fixNote: 'exit unblocked on the spot' });
    expect(general.ok && general.next.state).toBe('submitted');
    expect(decide(fresh('major'), { type: 'start', interimControls: 'cordon', stopUse: false })).toMatchObject({ ok: false, field: 'body.rectificationPlan' });
  });
});
