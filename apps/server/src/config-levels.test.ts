import { describe, expect, it } from 'vitest';
import { loadConfig } from './config.js';
import { DEFAULT_LEVEL_CONFIG, levelIndex, parseLevels } from './config-levels.js';

describe('parseLevels (FIREBREAK_LEVELS, FIREBREAK_LEVEL_NAMES)', () => {
  it('defaults to the four levels of the demo country, named in both languages', () => {
    const { levels } = parseLevels(undefined, undefined);
    expect(levels).toEqual(DEFAULT_LEVEL_CONFIG);
    expect(levels!.info.map((l) => [l.key, l.depth, l.names.en, l.names['zh-CN']])).toEqual([
      ['national', 1, 'National', '国家级'], ['region', 2, 'Region', '地区'], ['municipality', 3, 'Municipality', '市镇'], ['station', 4, 'Station', '站所'],
    ]);
  });

  it('takes five levels in order, with built-in names and overrides', () => {
    const { levels, problems } = parseLevels(' national, province,city,district ,station', 'station=Police station|派出所,district=District or county|区县');
    expect(problems).toEqual([]);
    expect(levels!.keys).toEqual(['national', 'province', 'city', 'district', 'station']);
    expect(levels!.info.map((l) => l.names)).toEqual([
      { en: 'National', 'zh-CN': '国家级' }, { en: 'Province', 'zh-CN': '省' }, { en: 'City', 'zh-CN': '市' },
      { en: 'District or county', 'zh-CN': '区县' }, { en: 'Police station', 'zh-CN': '派出所' },
    ]);
    expect(levelIndex(levels!, 'district')).toBe(3);
    expect(levelIndex(levels!, 'region')).toBe(-1);
  });

  it('needs a name for a key it does not know, and says how to give one', () => {
    const { problems } = parseLevels('national,prefecture_x,post', undefined);
    expect(problems).toEqual([expect.stringMatching(/^FIREBREAK_LEVEL_NAMES: name prefecture_x, post \(e\.g\. prefecture_x=English name\|中文名称\)/)]);
    expect(parseLevels('national,post', 'post=Post|岗位').levels!.info[1]!.names).toEqual({ en: 'Post', 'zh-CN': '岗位' });
  });

  it('lists every problem: depth, repeats, bad keys, names of unknown levels, malformed names', () => {
    expect(parseLevels('national', undefined).problems).toEqual(['FIREBREAK_LEVELS: 1 level(s); a hierarchy has 2 to 8']);
    expect(parseLevels('a,b,c,d,e,f,g,h,i', 'a=A|甲,b=B|乙,c=C|丙,d=D|丁,e=E|戊,f=F|己,g=G|庚,h=H|辛,i=I|壬').problems).toEqual(['FIREBREAK_LEVELS: 9 level(s); a hierarchy has 2 to 8']);
    const { problems } = parseLevels('national,City,national,station', 'station=Station,region=Region|地区');
    expect(problems).toEqual([
      'FIREBREAK_LEVELS: "City" is not a level key (lower-case letters, digits and _, starting with a letter, at most 32)',
      'FIREBREAK_LEVELS: national listed more than once',
      'FIREBREAK_LEVEL_NAMES: "station=Station" is not key=English name|中文名称',
      'FIREBREAK_LEVEL_NAMES: "region" is not one of FIREBREAK_LEVELS (national, City, national, station)',
    ]);
  });

  it('is part of the configuration, and the demo needs three levels', () => {
    const base = { LOG_LEVEL: 'silent', FIREBREAK_DEMO: 'false' };
    expect(loadConfig({ ...base, FIREBREAK_LEVELS: 'national,station' }).levels.keys).toEqual(['national', 'station']);
    expect(() => loadConfig({ ...base, FIREBREAK_LEVELS: 'national' })).toThrow(/FIREBREAK_LEVELS: 1 level/);
    expect(() => loadConfig({ ...base, FIREBREAK_DEMO: 'true', FIREBREAK_LEVELS: 'national,station' })).toThrow(/FIREBREAK_DEMO: the demo country needs at least 3 levels/);
    expect(loadConfig({ ...base, FIREBREAK_DEMO: 'true', FIREBREAK_LEVELS: 'national,province,city,district,station' }).levels.keys).toHaveLength(5);
  });
});
