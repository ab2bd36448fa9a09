import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { IndexedHeap } from './indexed-heap.js';

/** An operation on the heap: queue or lower an item, pop the minimum, or empty it. */
type Op = { kind: 'decrease'; item: number; key: number; tie: number } | { kind: 'pop' } | { kind: 'clear' };

const ITEMS = 40;
const op: fc.Arbitrary<Op> = fc.oneof(
  { weight: 6, arbitrary: fc.record({ kind: fc.constant('decrease' as const), item: fc.nat(ITEMS - 1), key: fc.integer({ min: 0, max: 30 }), tie: fc.integer({ min: -3, max: 5 }) }) },
  { weight: 3, arbitrary: fc.constant({ kind: 'pop' as const }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'clear' as const }) },
);

describe('IndexedHeap', () => {
  it('pops in (key, tie) order and keeps one entry per item, against a map sorted by hand, through growth and clears', () => {
    fc.assert(
      fc.property(fc.array(op, { maxLength: 300 }), fc.integer({ min: 1, max: 8 }), (ops, slots) => {
        // Few initial slots: the slot arrays must grow while items are queued.
        const heap = new IndexedHeap(ITEMS, slots);
        const queued = new Map<number, { key: number; tie: number }>();
        for (const o of ops) {
          if (o.kind === 'decrease') {
            const was = queued.get(o.item);
            // The heap's contract: a queued item's key is only ever lowered.
            if (was && (o.key > was.key || (o.key === was.key && o.tie > was.tie))) continue;
            heap.decrease(o.item, o.key, o.tie);
            queued.set(o.item, { key: o.key, tie: o.tie });
          } else if (o.kind === 'pop') {
            if (queued.size === 0) continue;
            const min = Math.min(...[...queued.values()].map((q) => q.key));
            const minTie = Math.min(...[...queued.values()].filter((q) => q.key === min).map((q) => q.tie));
            expect(heap.peekKey()).toBe(min);
            const item = heap.pop();
            expect(queued.get(item)).toEqual({ key: min, tie: minTie });
            queued.delete(item);
            expect(heap.has(item)).toBe(false);
          } else {
            heap.clear();
            queued.clear();
          }
          expect(heap.size).toBe(queued.size);
          for (let v = 0; v < ITEMS; v++) expect(heap.has(v)).toBe(queued.has(v));
        }
        expect(heap.peekKey()).toBe(queued.size === 0 ? Infinity : Math.min(...[...queued.values()].map((q) => q.key)));
      }),
      { numRuns: 300 },
    );
  });

  it('takes items past its first size once reserved, keeping what is queued', () => {
    const heap = new IndexedHeap(2, 1);
    heap.decrease(1, 5);
    heap.reserve(10);
    expect(heap.items).toBeGreaterThanOrEqual(10);
    heap.decrease(9, 3);
    heap.decrease(0, 4);
    expect([heap.pop(), heap.pop(), heap.pop()]).toEqual([9, 0, 1]);
    expect(heap.size).toBe(0);
  });
});
