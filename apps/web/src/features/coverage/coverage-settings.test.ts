import { describe, expect, it } from 'vitest';
import { settingsBody, thresholdProblem } from './coverage-settings';

describe('coverage settings form', () => {
  it('reads the threshold as a percent from 0 to 100', () => {
    expect(thresholdProblem('')).toBe('empty');
    expect(thresholdProblem(-1)).toBe('range');
    expect(thresholdProblem(100.5)).toBe('range');
    expect(thresholdProblem('abc')).toBe('range');
    expect(thresholdProblem(0)).toBeNull();
    expect(thresholdProblem(78.9)).toBeNull();
  });

  it('sends the share, the version read, and only the hours that differ from the built-in default', () => {
    const body = settingsBody({ version: 2 }, { percent: 78.9, minutes: 5, hours: { school: 'Mo-Fr 07:00-17:00', kindergarten: ' Mo-Fr 06:30-18:00 ', fuel_station: '' } });
    expect(body).toEqual({ categoryHours: { kindergarten: 'Mo-Fr 06:30-18:00' }, moveUpThreshold: 0.789, moveUpMinutes: 5, expectedVersion: 2 });
    expect(settingsBody({ version: null }, { percent: 80, minutes: 3, hours: {} })).toEqual({ categoryHours: {}, moveUpThreshold: 0.8, moveUpMinutes: 3 });
  });
});
