import { describe, expect, it } from 'vitest';
import { categoryOfTags } from './categories.js';

describe('categoryOfTags', () => {
  it('maps the amenity values of key places', () => {
    expect(categoryOfTags({ amenity: 'school', name: 'Primarschule' })).toBe('school');
    expect(categoryOfTags({ amenity: 'childcare' })).toBe('kindergarten');
    expect(categoryOfTags({ amenity: 'fuel' })).toBe('fuel_station');
    expect(categoryOfTags({ amenity: 'police' })).toBe('police_station');
    expect(categoryOfTags({ leisure: 'stadium' })).toBe('crowded_place');
    expect(categoryOfTags({ industrial: 'chemical' })).toBe('hazardous_chemicals');
  });

  it('ignores features that are not key places', () => {
    expect(categoryOfTags({ amenity: 'bench' })).toBeUndefined();
    expect(categoryOfTags({ landuse: 'industrial' })).toBeUndefined();
    expect(categoryOfTags(undefined)).toBeUndefined();
  });
});
