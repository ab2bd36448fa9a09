import { describe, expect, it } from 'vitest';
import { newStop, parseLatLon, stopProblems } from './PermitStopsField';

describe('approved stops as typed in the permit form', () => {
  it('reads "latitude, longitude" as map apps copy it, into [lon, lat]', () => {
    expect(parseLatLon('47.1410, 9.5215')).toEqual([9.5215, 47.141]);
    expect(parseLatLon(' 47.1410 9.5215 ')).toEqual([9.5215, 47.141]);
    expect(parseLatLon('-33.9;18.42')).toEqual([18.42, -33.9]);
  });

  it('refuses what is not a point on the globe', () => {
    for (const text of ['', 'north of the station', '47.1', '47.1, 9.5, 3', '91, 9.5', '47.1, 181', '47,1 9,5']) expect(parseLatLon(text), text).toBeNull();
  });

  it('names the first problem of the typed stops, none when all are complete', () => {
    expect(stopProblems([])).toBeNull();
    expect(stopProblems([{ ...newStop(), name: 'Rest area', location: '47.14, 9.52' }])).toBeNull();
    expect(stopProblems([{ ...newStop(), location: '47.14, 9.52' }])).toBe('goods.permitForm.required');
    expect(stopProblems([{ ...newStop(), name: 'Rest area', location: '47.14, 9.52', maxMinutes: '' }])).toBe('goods.permitForm.required');
    expect(stopProblems([{ ...newStop(), name: 'Rest area', location: 'here' }])).toBe('goods.permitForm.stopLocationInvalid');
  });
});
