import { describe, expect, it } from 'vitest';
import { parseLevels } from '../../config-levels.js';
import { levelProblem } from './levels.js';

const five = parseLevels('national,province,city,district,station', undefined).levels!;

describe('levelProblem', () => {
  it('accepts a configured level deeper than the parent, skipping levels if need be', () => {
    expect(levelProblem(five, 'province', 'national')).toBeNull();
    expect(levelProblem(five, 'station', 'city')).toBeNull();
    expect(levelProblem(five, 'district', null)).toBeNull();
  });

  it('refuses a level that is not configured, naming the configured ones', () => {
    expect(levelProblem(five, 'region', null)).toBe('"region" is not one of the configured levels (national, province, city, district, station)');
  });

  it('refuses a level at or above the parent, naming the deeper ones', () => {
    expect(levelProblem(five, 'city', 'city')).toBe('must be deeper than the parent\'s level "city": one of district, station');
    expect(levelProblem(five, 'province', 'district')).toBe('must be deeper than the parent\'s level "district": one of station');
    expect(levelProblem(five, 'station', 'station')).toBe('must be deeper than the parent\'s level "station": nothing is deeper, so it can have no children');
  });
});
