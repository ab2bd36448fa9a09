import { describe, expect, it } from 'vitest';
import { diffById } from './feature-sync';

describe('diffById', () => {
  const a = { id: 'a', v: 1 };
  const b = { id: 'b', v: 1 };
  const c = { id: 'c', v: 1 };

  it('finds added, changed (new object) and removed items; same objects are unchanged', () => {
    const before = new Map([['a', a], ['b', b]]);
    const b2 = { ...b, v: 2 };
    const { added, changed, removed, current } = diffById(before, [a, b2, c], (x) => x.id);
    expect(added).toEqual([c]);
    expect(changed).toEqual([b2]);
    expect(removed).toEqual([]);
    expect([...current.keys()]).toEqual(['a', 'b', 'c']);
  });

  it('reports the ids of items no longer present', () => {
    const before = new Map([['a', a], ['b', b]]);
    expect(diffById(before, [b], (x) => x.id).removed).toEqual(['a']);
  });
});
