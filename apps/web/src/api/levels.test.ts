import type { LevelInfo } from '@firebreak/contracts';
import { describe, expect, it } from 'vitest';
import { levelName } from './levels';

const FIVE: LevelInfo[] = [
  { key: 'national', depth: 1, names: { en: 'National', 'zh-CN': '国家级' } },
  { key: 'province', depth: 2, names: { en: 'Province', 'zh-CN': '省' } },
  { key: 'city', depth: 3, names: { en: 'City', 'zh-CN': '市' } },
  { key: 'district', depth: 4, names: { en: 'District', 'zh-CN': '区县' } },
  { key: 'station', depth: 5, names: { en: 'Police station', 'zh-CN': '派出所' } },
];

describe('levelName', () => {
  it('names a level in the UI language, never by its key', () => {
    expect(levelName(FIVE, 'station', 'en')).toBe('Police station');
    expect(levelName(FIVE, 'station', 'zh-CN')).toBe('派出所');
    expect(levelName(FIVE, 'district', 'zh')).toBe('区县');
    expect(levelName(FIVE, 'city', 'en-GB')).toBe('City');
  });

  it('gives nothing for a level it does not know or before the levels are loaded', () => {
    expect(levelName(FIVE, 'region', 'en')).toBeNull();
    expect(levelName(undefined, 'station', 'en')).toBeNull();
  });
});
