import { describe, expect, it } from 'vitest';
import type { DirectiveRollupRow } from '../../api/types';
import { nextAction, rollupTotals, rowStanding } from './rollup';

const row = (p: Partial<DirectiveRollupRow>): DirectiveRollupRow => ({
  jurisdictionId: 'j', jurisdictionPath: 'li.x', name: 'X', targets: 2, acknowledged: 0, reported: 0, acknowledgementOverdue: 0, reportOverdue: 0, ...p,
});

describe('directive roll-up', () => {
  it('sums the rows and counts the targets still waiting to acknowledge', () => {
    expect(rollupTotals([row({ acknowledged: 2, reported: 1 }), row({ targets: 3, acknowledged: 1, acknowledgementOverdue: 2 })])).toEqual({
      targets: 5, acknowledged: 3, reported: 1, waiting: 2, acknowledgementOverdue: 2, reportOverdue: 0,
    });
    expect(rollupTotals([]).targets).toBe(0);
  });

  it('puts lateness before progress', () => {
    expect(rowStanding(row({ acknowledged: 2, reported: 2, reportOverdue: 1 }))).toBe('late');
    expect(rowStanding(row({ acknowledged: 2, reported: 2 }))).toBe('done');
    expect(rowStanding(row({ acknowledged: 1 }))).toBe('inProgress');
    expect(rowStanding(row({}))).toBe('waiting');
  });

  it('offers acknowledge, then report back, then nothing', () => {
    expect(['delivered', 'acknowledged', 'reported'].map((s) => nextAction(s as 'delivered'))).toEqual(['acknowledge', 'report', null]);
  });
});

describe('withinGrants', () => {
  it('matches the grant itself and its subtree, not a sibling that shares a prefix', async () => {
    const { withinGrants } = await import('./rollup');
    expect(withinGrants('li.oberland', ['li.oberland'])).toBe(true);
    expect(withinGrants('li.oberland.vaduz', ['li.oberland'])).toBe(true);
    expect(withinGrants('li.oberlandx', ['li.oberland'])).toBe(false);
    expect(withinGrants('li', ['li.oberland'])).toBe(false);
  });
});

describe('rollupBase', () => {
  it('starts at the issuer when a grant covers it, else at the highest grant below it', async () => {
    const { rollupBase } = await import('./rollup');
    const g = (jurisdictionPath: string) => ({ jurisdictionPath });
    expect(rollupBase('li', [g('li')])).toBeNull();
    expect(rollupBase('li.oberland', [g('li')])).toBeNull();
    expect(rollupBase('li', [g('li.oberland.vaduz'), g('li.oberland')])).toEqual(g('li.oberland'));
    expect(rollupBase('li.oberland', [g('li.unterland')])).toBeNull();
  });
});
