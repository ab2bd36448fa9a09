import { KNOWN_CAPABILITIES } from '@firebreak/contracts';
import { describe, expect, it } from 'vitest';
import en from '../../i18n/locales/en.screens.json';
import zh from '../../i18n/locales/zh-CN.json';
import { CAPABILITIES } from './capabilities';

describe('capability copies', () => {
  it('list exactly the contract\'s, each with a label in both languages', () => {
    expect(CAPABILITIES).toEqual(KNOWN_CAPABILITIES);
    for (const c of CAPABILITIES) {
      expect((en.reinforcements.capability as Record<string, string>)[c], c).toBeTruthy();
      expect((zh.reinforcements.capability as Record<string, string>)[c], c).toBeTruthy();
    }
  });
});
