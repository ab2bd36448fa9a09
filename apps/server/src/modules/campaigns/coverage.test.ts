import type { CoverageNodeShape } from '@firebreak/contracts';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { rollUp, type CounterRow } from './coverage.js';

const PATHS = ['li', 'li.a', 'li.a.x', 'li.a.y', 'li.b', 'li.b.z', 'li.b.z.s'];

function checkSums(n: CoverageNodeShape): void {
  for (const key of ['total', 'inspected', 'missed'] as const) {
    expect(n[key]).toBe(n.own[key] + n.below[key] + n.children.reduce((s, c) => s + c[key], 0));
    expect(n[key]).toBe(Object.values(n.byCategory).reduce((s, c) => s + c[key], 0));
  }
  n.children.forEach(checkSums);
}

describe('rollUp', () => {
  it('makes every node the sum of its own places and its children, overall and by category', () => {
    const row = fc.record({
      path: fc.constantFrom(...PATHS), category: fc.constantFrom('school', 'fuel_station'), folded: fc.boolean(),
      total: fc.integer({ min: 0, max: 50 }), inspected: fc.integer({ min: 0, max: 50 }), missed: fc.integer({ min: 0, max: 50 }),
    });
    fc.assert(fc.property(fc.array(row, { maxLength: 30 }), (rows: CounterRow[]) => {
      const tree = rollUp('li', rows, new Map());
      checkSums(tree);
      expect(tree.total).toBe(rows.reduce((s, r) => s + r.total, 0));
      const sub = rollUp('li.b', rows.filter((r) => r.path.startsWith('li.b')), new Map([['li.b', 'B']]));
      expect(sub.name).toBe('B');
      expect(sub.total).toBe(rows.filter((r) => r.path.startsWith('li.b')).reduce((s, r) => s + r.total, 0));
    }));
  });

  it('creates the intermediate nodes between the root and a deep counter', () => {
    const tree = rollUp('li', [{ path: 'li.b.z.s', category: 'school', total: 3, inspected: 1, missed: 0 }], new Map());
    expect(tree.children.map((c) => c.path)).toEqual(['li.b']);
    expect(tree.children[0]!.children[0]!.children[0]).toMatchObject({ path: 'li.b.z.s', total: 3, own: { total: 3 } });
  });
});
