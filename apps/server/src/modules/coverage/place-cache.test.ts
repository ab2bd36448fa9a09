import { RoadGraph } from '@firebreak/roadgraph';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { graphData } from '../../../../../packages/roadgraph/src/testing/factories.js';
import { PlaceCache, type PlaceKey } from './place-cache.js';

const collator = new Intl.Collator();
const names = ['A school', 'a school', 'Ärzte', 'école', 'B', 'Zeta', 'b', ''];

/** The rank every cached place should have: the position in one full sort by name, then id. */
function expectRanksOfFullSort(cache: PlaceCache, places: readonly PlaceKey[]): void {
  const slots = cache.slotsOf(places);
  const byKey = new Map(places.map((p, i) => [p.id, { p, rank: cache.rankOf(slots[i]!) }]));
  const sorted = [...byKey.values()].sort((a, b) => collator.compare(a.p.name, b.p.name) || collator.compare(a.p.id, b.p.id));
  // Ranks are of every cached place: those asked are in the same order as a full sort, each rank once.
  const ranks = sorted.map((x) => x.rank);
  expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
  expect(new Set(ranks).size).toBe(ranks.length);
  expect(Math.max(-1, ...ranks)).toBeLessThan(cache.rankCount);
}

describe('place cache ranks', () => {
  const graph = new RoadGraph(graphData(3, [{ source: 0, target: 1, forwardMs: 1_000, backwardMs: 1_000 }, { source: 1, target: 2, forwardMs: 1_000, backwardMs: 1_000 }]));
  const at = (k: number) => ({ lon: graph.data.nodeLon[k % 3]!, lat: graph.data.nodeLat[k % 3]! });

  it('keeps the order of a full sort as places are added and renamed between questions, a few or many at a time', () => {
    const step = fc.record({ add: fc.oneof(fc.nat(3), fc.integer({ min: 60, max: 140 })), renames: fc.array(fc.tuple(fc.nat(), fc.nat(names.length - 1)), { maxLength: 4 }), drop: fc.nat() });
    fc.assert(fc.property(fc.array(step, { minLength: 1, maxLength: 8 }), (steps) => {
      const cache = new PlaceCache(graph);
      const places: PlaceKey[] = [];
      let next = 0;
      for (const s of steps) {
        for (let j = 0; j < s.add; j++, next++) places.push({ id: `p${(next * 7919) % 1000}-${next}`, name: names[(next * 5) % names.length]!, ...at(next) });
        for (const [k, name] of s.renames) if (places.length > 0) places[k % places.length] = { ...places[k % places.length]!, name: names[name]! };
        // Sometimes a question over part of them (the rest stay cached and ranked).
        const asked = s.drop % 3 === 0 ? places.filter((_, i) => i % 2 === 0) : places;
        expectRanksOfFullSort(cache, asked);
      }
      expectRanksOfFullSort(cache, places);
    }), { numRuns: 200 });
  });

  it('ranks a place added to a large cache among the others (one binary search, not a sort of all)', () => {
    const cache = new PlaceCache(graph);
    const places: PlaceKey[] = Array.from({ length: 5_000 }, (_, i) => ({ id: `p${i}`, name: `School ${i % 700}`, ...at(i) }));
    expectRanksOfFullSort(cache, places);
    places.push({ id: 'new', name: 'School 350', ...at(1) }, { id: 'first', name: '0 first', ...at(2) });
    places[10] = { ...places[10]!, name: 'Zzz last' };
    expectRanksOfFullSort(cache, places);
    const slots = cache.slotsOf(places);
    expect(cache.rankOf(slots[5_001]!)).toBe(0);
    expect(cache.rankOf(slots[10]!)).toBe(5_001);
  });
});
