import { describe, expect, it } from 'vitest';
import { sharesOf, tierOf, worstFirst } from './model.js';

describe('coverage tiers', () => {
  it('puts a time in the best tier it meets, the limit included', () => {
    expect([0, 60, 60.001, 180, 181, 300, 300.5, null].map(tierOf)).toEqual([1, 1, 3, 3, 5, 5, null, null]);
  });

  it('counts shares cumulatively and the places beyond the last tier', () => {
    const items = [{ seconds: 30 }, { seconds: 200 }, { seconds: 299 }, { seconds: 900 }, { seconds: null }];
    expect(sharesOf(items)).toEqual({
      tiers: [{ minutes: 1, covered: 1, share: 0.2 }, { minutes: 3, covered: 1, share: 0.2 }, { minutes: 5, covered: 3, share: 0.6 }],
      uncovered: 2,
    });
    expect(sharesOf([]).tiers.map((t) => t.share)).toEqual([0, 0, 0]);
  });

  it('lists the unreachable first, then the longest times, then by name', () => {
    const list = [
      { id: 'a', name: 'B school', seconds: 100 }, { id: 'b', name: 'A school', seconds: 100 },
      { id: 'c', name: 'C', seconds: null }, { id: 'd', name: 'D', seconds: 400 },
    ].sort(worstFirst);
    expect(list.map((p) => p.id)).toEqual(['c', 'd', 'b', 'a']);
  });
});
