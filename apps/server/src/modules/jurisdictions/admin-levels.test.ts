import { DEFAULT_JURISDICTION_LEVELS } from '@firebreak/contracts';
import { describe, expect, it } from 'vitest';
import { ADMIN_LEVEL_PRESETS, describeMapping, mapAdminLevels, parseLevelsOption, unmappedLevels } from './admin-levels.js';

const FOUR = DEFAULT_JURISDICTION_LEVELS;
const FIVE = ['national', 'province', 'city', 'district', 'station'];
const THREE = ['national', 'city', 'station'];
const entries = (m: { byAdminLevel: Map<number, string> }) => [...m.byAdminLevel.entries()];

describe('mapAdminLevels: presets', () => {
  it('lays Liechtenstein 2/6/8 onto national, region, municipality (the demo, as before)', () => {
    expect(entries(mapAdminLevels({ levels: FOUR, countryCode: 'LI', present: [2, 4, 6, 8] }))).toEqual([[2, 'national'], [6, 'region'], [8, 'municipality']]);
  });

  it('China at five levels: province 4, prefecture city 5, county/district 6; the station level is left to the agency', () => {
    const m = mapAdminLevels({ levels: FIVE, countryCode: 'cn', present: [2, 4, 5, 6, 8] });
    expect(entries(m)).toEqual([[2, 'national'], [4, 'province'], [5, 'city'], [6, 'district']]);
    expect(m.source).toBe('preset cn');
  });

  it('fills fewer levels with the most important admin_levels first', () => {
    // The US at three levels: the country and its states (the last level is the agency's own).
    expect(entries(mapAdminLevels({ levels: THREE, countryCode: 'us', present: [] }))).toEqual([[2, 'national'], [4, 'city']]);
    expect(entries(mapAdminLevels({ levels: FOUR, countryCode: 'us', present: [] }))).toEqual([[2, 'national'], [4, 'region'], [8, 'municipality']]);
    expect(entries(mapAdminLevels({ levels: FIVE, countryCode: 'us', present: [] }))).toEqual([[2, 'national'], [4, 'province'], [6, 'city'], [8, 'district']]);
    expect(entries(mapAdminLevels({ levels: FOUR, countryCode: 'de', present: [] }))).toEqual([[2, 'national'], [4, 'region'], [8, 'municipality']]);
  });

  it('knows the 2/7/8 countries (municipalities at 7 in Andorra; arrondissements/comarcas at 7 in France and Spain)', () => {
    expect(entries(mapAdminLevels({ levels: FOUR, countryCode: 'ad', present: [] }))).toEqual([[2, 'national'], [7, 'region'], [8, 'municipality']]);
    expect(entries(mapAdminLevels({ levels: ['national', 'region', 'department', 'arrondissement', 'commune', 'station'], countryCode: 'fr', present: [] })))
      .toEqual([[2, 'national'], [4, 'region'], [6, 'department'], [7, 'arrondissement'], [8, 'commune']]);
    for (const cc of ['cn', 'us', 'de', 'fr', 'es', 'ad', 'li']) expect(ADMIN_LEVEL_PRESETS[cc], cc).toBeDefined();
  });

  it('a two-level hierarchy takes only its root from OSM', () => {
    expect(entries(mapAdminLevels({ levels: ['national', 'station'], countryCode: 'li', present: [] }))).toEqual([[2, 'national']]);
  });
});

describe('mapAdminLevels: unknown country and override', () => {
  it('an unknown country: the admin_levels in the file, lowest first, onto the levels in order', () => {
    const m = mapAdminLevels({ levels: FOUR, countryCode: 'zz', present: [2, 8, 6, 10, 6, 9] });
    expect(entries(m)).toEqual([[2, 'national'], [6, 'region'], [8, 'municipality']]);
    expect(m.source).toBe('the admin_levels in the file, lowest first');
  });

  it('a file without a national boundary: the root (made from the extract) takes the first level', () => {
    const m = mapAdminLevels({ levels: FOUR, countryCode: 'zz', present: [8, 6, 10, 6, 9] });
    expect(entries(m)).toEqual([[6, 'region'], [8, 'municipality']]);
    expect(m.source).toContain('the root is made from the extract');
    expect(entries(mapAdminLevels({ levels: FOUR, present: [7] }))).toEqual([[7, 'region']]);
  });

  it("a preset's admin_levels the file lacks take no level: a US city's extract keeps its county and city", () => {
    // Baltimore's extract: Baltimore City and Baltimore County at 6, Dundalk and Rosedale at 8; no state, no country.
    expect(entries(mapAdminLevels({ levels: FOUR, countryCode: 'us', present: [6, 6, 8, 8] }))).toEqual([[6, 'region'], [8, 'municipality']]);
    expect(entries(mapAdminLevels({ levels: FIVE, countryCode: 'us', present: [6, 8] }))).toEqual([[6, 'province'], [8, 'city']]);
    // With the states in the file and only four levels, the preset's order decides (8 before 6).
    expect(entries(mapAdminLevels({ levels: FOUR, countryCode: 'us', present: [2, 4, 6, 8] }))).toEqual([[2, 'national'], [4, 'region'], [8, 'municipality']]);
  });

  it('--levels wins over the preset', () => {
    const override = parseLevelsOption('2:national, 4:province,6:district', FIVE);
    const m = mapAdminLevels({ levels: FIVE, countryCode: 'cn', present: [2, 4, 5, 6], override });
    expect(entries(m)).toEqual([[2, 'national'], [4, 'province'], [6, 'district']]);
    expect(describeMapping(m)).toBe('2 → national, 4 → province, 6 → district (--levels)');
  });
});

describe('parseLevelsOption', () => {
  it('reads admin_level:level pairs in any order', () => {
    expect([...parseLevelsOption('8:city,2:national', FIVE)]).toEqual([[2, 'national'], [8, 'city']]);
  });

  it.each([
    ['2-national', /"2-national" is not admin_level:level/],
    ['1:national', /admin_level 1 is not one OSM uses \(2-11\)/],
    ['12:national', /admin_level 12 is not one OSM uses/],
    ['2:region', /"region" is not a configured level \(FIREBREAK_LEVELS: national, province, city, district, station\)/],
    ['2:national,2:province', /admin_level 2 is given twice/],
    ['2:city,4:province', /admin_level 4 \(province\) must map to a level deeper than admin_level 2 \(city\)/],
    ['4:city,6:city', /admin_level 6 \(city\) must map to a level deeper/],
    ['', /--levels: empty/],
  ])('refuses %j', (text, message) => {
    expect(() => parseLevelsOption(text, FIVE)).toThrow(message);
  });
});

describe('unmappedLevels', () => {
  it('counts the boundaries of each admin_level left out, with some names', () => {
    const m = mapAdminLevels({ levels: FOUR, countryCode: 'li', present: [] });
    const boundaries = [
      { adminLevel: 2, name: 'Liechtenstein' }, { adminLevel: 4, name: 'Vorarlberg' }, { adminLevel: 4, name: 'Sankt Gallen' },
      { adminLevel: 10, name: 'a' }, { adminLevel: 10, name: 'b' }, { adminLevel: 10, name: 'c' }, { adminLevel: 10, name: 'd' }, { adminLevel: 10, name: 'e' }, { adminLevel: 10, name: 'f' },
    ];
    expect(unmappedLevels(boundaries, m)).toEqual([
      { adminLevel: 4, count: 2, names: ['Sankt Gallen', 'Vorarlberg'] },
      { adminLevel: 10, count: 6, names: ['a', 'b', 'c', 'd', 'e'] },
    ]);
  });
});
