import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sharesOf, tierOf, worstFirst, worstFirstOrder } from './model.js';
import { Scratch } from './scratch.js';

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

  it('picks the same first places as sorting them all by worstFirst (ties on the displayed time, the same place twice, a limit)', () => {
    // Times in ms: whole and fractional, equal once rounded to 0.1 s, unreached; places from a few names.
    const kept = new Scratch();
    const time = fc.oneof(fc.constant(Infinity), fc.integer({ min: 0, max: 2_000 }).map((x) => x * 37), fc.constantFrom(0, 49, 50, 150, 151, 1_800_000, 1_799_950, 59_999.5));
    fc.assert(fc.property(fc.array(fc.tuple(time, fc.nat(40)), { maxLength: 80 }), fc.nat(90), (asked, limit) => {
      // Place j is called by its rank's name; a question may ask one place twice (with the same time).
      const ranks = asked.map(([, place]) => place);
      const ms = Float64Array.from(asked, ([t, place]) => asked.find(([, p]) => p === place)![0] ?? t);
      const names = Array.from({ length: 41 }, (_, r) => ({ name: `N${String(r).padStart(2, '0')}`, id: `i${r}` }));
      const items = asked.map((_, k) => ({ k, ...names[ranks[k]!]!, seconds: ms[k] === Infinity ? null : Math.round((ms[k]! / 1000) * 10) / 10 }));
      const expected = [...items].sort(worstFirst).slice(0, limit).map((i) => i.k);
      expect(Array.from(worstFirstOrder(ms, Int32Array.from(ranks), 41, limit))).toEqual(expected);
      // Again on working arrays left over from every earlier case (as the service reuses them between questions).
      expect(Array.from(worstFirstOrder(ms, Int32Array.from(ranks), 41, limit, kept))).toEqual(expected);
    }), { numRuns: 500 });
  });
});
