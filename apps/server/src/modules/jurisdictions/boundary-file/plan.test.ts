import { describe, expect, it } from 'vitest';
import { mapFeatures, orderByParent } from './plan.js';
import { BoundaryFileError, type RawFeature } from './types.js';

const f = (index: number, properties: Record<string, unknown>): RawFeature => ({ index, properties, geometry: null });
const item = (code: string, parentRef: string | null) => ({ code, parentRef });

describe('orderByParent', () => {
  it('puts parents before their children whatever the file order', () => {
    const { order, blocked } = orderByParent([item('c', 'b'), item('b', 'a'), item('a', 'li.oberland'), item('d', null)]);
    expect(order.map((i) => i.code)).toEqual(['a', 'd', 'b', 'c']);
    expect(blocked).toEqual([]);
  });

  it('names the codes of a cycle, and what hangs below it', () => {
    const { order, blocked } = orderByParent([item('x', 'y'), item('y', 'z'), item('z', 'x'), item('w', 'x'), item('ok', null)]);
    expect(order.map((i) => i.code)).toEqual(['ok']);
    expect(Object.fromEntries(blocked.map((b) => [b.item.code, b.reason]))).toEqual({
      x: 'parent codes form a cycle: x → y → z → x',
      y: 'parent codes form a cycle: y → z → x → y',
      z: 'parent codes form a cycle: z → x → y → z',
      w: 'its parent lies on a cycle of parent codes: x → y → z → x',
    });
  });

  it('refuses a feature that is its own parent', () => {
    expect(orderByParent([item('s', 's')]).blocked[0]!.reason).toBe('parent codes form a cycle: s → s');
  });
});

describe('mapFeatures', () => {
  it('reads the mapped attributes, matching field names regardless of case (DBF upper-cases them)', () => {
    const { mapped, rejected } = mapFeatures([f(1, { NAME: ' Vaduz Nord ', CODE: 7, PARENT: 'V' })], { nameField: 'name', codeField: 'code', parentField: 'parent' });
    expect(rejected).toEqual([]);
    expect(mapped).toEqual([{ index: 1, code: '7', name: 'Vaduz Nord', parentRef: 'V', level: null }]);
  });

  it('rejects features without a code or name and repeated codes, one by one', () => {
    const { mapped, rejected } = mapFeatures([f(1, { n: 'A', c: 'a' }), f(2, { n: 'B', c: '' }), f(3, { n: null, c: 'c' }), f(4, { n: 'D', c: 'a' })], { nameField: 'n', codeField: 'c' });
    expect(mapped.map((m) => m.code)).toEqual(['a']);
    expect(rejected.map((r) => [r.index, r.reason])).toEqual([
      [2, 'no code (attribute c is empty)'],
      [3, 'no name (attribute n is empty)'],
      [4, "code a is also feature 1's: codes must be unique in the file"],
    ]);
  });

  it('refuses a mapping to an attribute the file lacks, naming the option and the attributes it has', () => {
    expect(() => mapFeatures([f(1, { NAME: 'x', ID: 1 })], { nameField: 'NAME', codeField: 'code' })).toThrow(BoundaryFileError);
    expect(() => mapFeatures([f(1, { NAME: 'x', ID: 1 })], { nameField: 'NAME', codeField: 'code' })).toThrow('--code-field code: the file has no such attribute (it has NAME, ID)');
  });
});
