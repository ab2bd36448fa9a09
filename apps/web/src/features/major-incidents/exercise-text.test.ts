import { EXERCISE_TEXTS } from '@firebreak/contracts';
import i18n from 'i18next';
import { describe, expect, it } from 'vitest';
import en from '../../i18n/locales/en.screens.json';
import zh from '../../i18n/locales/zh-CN.json';
import { exerciseText } from './exercise-text';

describe('the scripted exercise in the UI language', () => {
  const setup = async (lng: string) => {
    const inst = i18n.createInstance();
    await inst.init({ lng, resources: { en: { translation: en }, 'zh-CN': { translation: zh } }, fallbackLng: 'en' });
    return inst.t;
  };

  it('English i18n says what the server stores, and every text has its Chinese', () => {
    expect(en.majorIncidents.script).toEqual(EXERCISE_TEXTS);
    expect(Object.keys(zh.majorIncidents.script).sort()).toEqual(Object.keys(EXERCISE_TEXTS).sort());
    expect(new Set(Object.values(EXERCISE_TEXTS)).size).toBe(Object.keys(EXERCISE_TEXTS).length);
  });

  it('shows each of the script\'s stored texts in Chinese to a Chinese screen and as stored to an English one', async () => {
    const zhT = await setup('zh-CN');
    const enT = await setup('en');
    for (const [key, english] of Object.entries(EXERCISE_TEXTS)) {
      expect(exerciseText(zhT, english)).toBe((zh.majorIncidents.script as Record<string, string>)[key]);
      expect(exerciseText(zhT, english)).toMatch(/[\u4e00-\u9fff]/);
      expect(exerciseText(enT, english)).toBe(english);
    }
  });

  it('never touches a person\'s own words, even ones close to the script\'s', async () => {
    const zhT = await setup('zh-CN');
    expect(exerciseText(zhT, 'North')).toBe('北区');
    expect(exerciseText(zhT, 'North ')).toBe('North ');
    expect(exerciseText(zhT, 'north')).toBe('north');
    expect(exerciseText(zhT, 'Gas leak reported by a neighbour')).toBe('Gas leak reported by a neighbour');
  });

  it('names a computed traffic control point by its number and compass direction in the UI language; other names stay as written', async () => {
    const zhT = await setup('zh-CN');
    const enT = await setup('en');
    expect(exerciseText(zhT, 'TCP 3 (SE)')).toBe('管制点 3（东南）');
    expect(exerciseText(zhT, 'TCP 12 (NW)')).toBe('管制点 12（西北）');
    expect(exerciseText(enT, 'TCP 3 (SE)')).toBe('TCP 3 (SE)');
    expect(exerciseText(zhT, 'TCP 3 (SE) by the bridge')).toBe('TCP 3 (SE) by the bridge');
    expect(exerciseText(zhT, 'TCP 3 (UP)')).toBe('TCP 3 (UP)');
  });
});
