import type { Recommendation, Recommendations } from '../../api/types';
import { describe, expect, it } from 'vitest';
import { swapCandidates } from './swap';

const rec = (unitId: string, etaSeconds: number | null): Recommendation => ({
  unitId, callSign: unitId.toUpperCase(), kind: 'fire_engine', status: 'available', jurisdictionPath: 'li', etaSeconds, arrivesAt: null,
  positionSource: 'avl', makesTiers: [], planSlot: null, mutualAid: null,
});
const recs = (...items: Recommendation[]): Recommendations => ({ incidentId: 'i', computedAt: '2026-01-01T00:00:00Z', plan: null, card: 'type_default', unfilled: [], shortfall: [], items });

describe('swapCandidates', () => {
  it('offers the recommended units fastest first, unroutable ones last', () => {
    expect(swapCandidates(recs(rec('b', 300), rec('none', null), rec('a', 90), rec('c', 300)), 'x').map((r) => r.unitId)).toEqual(['a', 'b', 'c', 'none']);
  });
  it('never offers the unit that is leaving', () => {
    expect(swapCandidates(recs(rec('leaving', 10), rec('other', 20)), 'leaving').map((r) => r.unitId)).toEqual(['other']);
  });
  it('offers nothing before the recommendation has loaded', () => {
    expect(swapCandidates(undefined, 'x')).toEqual([]);
  });
});
