import type { DirectiveTargetState } from '@firebreak/contracts';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { acknowledgementOverdue, isBelow, nextTargetState, parentPath, reportOverdue, type TargetAction } from './model.js';

describe('directive targets', () => {
  it('acknowledge once, then report once, whatever is tried in between (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom<TargetAction>('acknowledge', 'report'), { maxLength: 12 }), (actions) => {
        let state: DirectiveTargetState = 'delivered';
        const taken: TargetAction[] = [];
        for (const a of actions) {
          const next = nextTargetState(state, a);
          if (typeof next !== 'string') continue;
          taken.push(a);
          state = next;
        }
        const expected: TargetAction[] = [];
        const firstAck = actions.indexOf('acknowledge');
        if (firstAck >= 0) {
          expected.push('acknowledge');
          if (actions.slice(firstAck + 1).includes('report')) expected.push('report');
        }
        expect(taken).toEqual(expected);
      }),
    );
  });

  it('counts only strict descendants as below the issuer', () => {
    expect(isBelow('li.oberland.vaduz', 'li.oberland')).toBe(true);
    expect(isBelow('li.oberland', 'li.oberland')).toBe(false);
    expect(isBelow('li.oberlandx', 'li.oberland')).toBe(false);
    expect(isBelow('li', 'li.oberland')).toBe(false);
  });

  it('is late to acknowledge only while unacknowledged, late to report only while unreported', () => {
    const due = { ackDueAt: new Date(1000), reportDueAt: new Date(2000) };
    const at = new Date(3000);
    expect([acknowledgementOverdue({ ...due, state: 'delivered' }, at), acknowledgementOverdue({ ...due, state: 'acknowledged' }, at)]).toEqual([true, false]);
    expect([reportOverdue({ ...due, state: 'acknowledged' }, at), reportOverdue({ ...due, state: 'reported' }, at), reportOverdue({ ...due, state: 'delivered' }, new Date(1500))]).toEqual([true, false, false]);
    expect([parentPath('li.oberland.vaduz'), parentPath('li')]).toEqual(['li.oberland', null]);
  });
});
