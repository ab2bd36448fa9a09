import { describe, expect, it } from 'vitest';
import { diffById, featureUpdate, type Feature } from './feature-sync';

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

describe('featureUpdate', () => {
  const f = (coords: [number, number], properties: Record<string, unknown>): Feature => ({ type: 'Feature', id: 'u1', geometry: { type: 'Point', coordinates: coords }, properties });

  it('sends nothing when neither position nor any property changed', () => {
    expect(featureUpdate(f([9.5, 47.1], { status: 'available', heading: 90 }), f([9.5, 47.1], { status: 'available', heading: 90 }))).toBeNull();
  });

  it('sends the geometry of a move and only the properties that changed', () => {
    const update = featureUpdate(f([9.5, 47.1], { status: 'available', heading: 90, stale: false }), f([9.6, 47.1], { status: 'available', heading: 95, stale: false }));
    expect(update).toEqual({ id: 'u1', newGeometry: { type: 'Point', coordinates: [9.6, 47.1] }, addOrUpdateProperties: [{ key: 'heading', value: 95 }] });
  });

  it('leaves the geometry out when only a property changed', () => {
    expect(featureUpdate(f([9.5, 47.1], { status: 'available' }), f([9.5, 47.1], { status: 'en_route' }))).toEqual({ id: 'u1', addOrUpdateProperties: [{ key: 'status', value: 'en_route' }] });
  });
});
