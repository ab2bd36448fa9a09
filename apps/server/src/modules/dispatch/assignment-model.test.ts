import type { ASSIGNMENT_STATES } from '@firebreak/contracts';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LIVE_ASSIGNMENT, nextAssignmentState, type AssignmentAction } from './assignment-model.js';

const ACTIONS: AssignmentAction[] = ['acknowledge', 'en_route', 'on_scene', 'clear', 'cancel'];

describe('assignment steps', () => {
  it('ends for good once cleared or cancelled, and is cleared only after arriving (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...ACTIONS), { maxLength: 20 }), (actions) => {
        let state: (typeof ASSIGNMENT_STATES)[number] = 'assigned';
        let arrived = false;
        for (const a of actions) {
          const next = nextAssignmentState(state, a);
          if (typeof next !== 'string') {
            expect(next.refused.length).toBeGreaterThan(0);
            continue;
          }
          expect(LIVE_ASSIGNMENT).toContain(state);
          if (next === 'cleared') expect(arrived).toBe(true);
          if (next === 'cancelled') expect(arrived).toBe(false);
          if (next === 'on_scene') arrived = true;
          state = next;
        }
      }),
    );
  });

  it('lets a crew arrive without acknowledging first', () => {
    expect(nextAssignmentState('assigned', 'on_scene')).toBe('on_scene');
    expect(nextAssignmentState('on_scene', 'cancel')).toEqual({ refused: expect.any(String) });
  });
});
