import { describe, expect, it } from 'vitest';
import { changedFields } from './history';

describe('changedFields', () => {
  it('names the fields an edit changed, not the bookkeeping ones', () => {
    expect(changedFields({ name: 'A', contact: null, version: 1, geometry: { type: 'Point', coordinates: [1, 2] } }, { name: 'B', contact: null, version: 2, geometry: { type: 'Point', coordinates: [1, 3] }, operator: 'X' }))
      .toEqual(['geometry', 'name', 'operator']);
  });

  it('says nothing for a creation (no before) or a row that is not an object', () => {
    expect(changedFields(null, { name: 'A' })).toEqual([]);
    expect(changedFields('x', 'y')).toEqual([]);
  });
});
