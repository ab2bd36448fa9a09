import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import enScreens from '../../i18n/locales/en.screens.json';
import zh from '../../i18n/locales/zh-CN.json';
import { fill, itemText, quantityProblem, quantityText } from './format';

const i18n = i18next.createInstance();
beforeAll(async () => {
  await i18n.init({ resources: { en: { translation: enScreens }, 'zh-CN': { translation: zh } }, lng: 'en', fallbackLng: false, interpolation: { escapeValue: false } });
});

describe('goods quantities', () => {
  it('shows litres and kilograms from exact base units, counts with what they count', () => {
    const en = i18n.getFixedT('en');
    expect(quantityText(12_500_000, 'ml', 'en', en)).toBe('12,500 L');
    expect(quantityText(1_500, 'ml', 'en', en)).toBe('1.5 L');
    expect(quantityText(640_000, 'g', 'en', en)).toBe('640 kg');
    expect(quantityText(250, 'g', 'en', en)).toBe('250 g');
    // Was a bare "48,000": rounds and items said with their unit, in the reader's language.
    expect(quantityText(48_000, 'round', 'en', en)).toBe('48,000 rounds');
    expect(quantityText(1, 'item', 'en', en)).toBe('1 item');
    expect(quantityText(12, 'item', 'en', en)).toBe('12 items');
    const zhT = i18n.getFixedT('zh-CN');
    expect(quantityText(48_000, 'round', 'zh-CN', zhT)).toBe('48,000 发');
    expect(quantityText(1, 'item', 'zh-CN', zhT)).toBe('1 件');
    expect(quantityText(12_500_000, 'ml', 'zh-CN', zhT)).toBe('12,500 L');
  });
  it('fills a stock bar against the licence, a stock without one as full', () => {
    expect(fill({ balance: 50, maxQuantity: 200 })).toBe(25);
    expect(fill({ balance: 5, maxQuantity: 0 })).toBe(100);
  });
});

describe('goods item text', () => {
  const t = (key: string, o?: Record<string, unknown>) => (key === 'goods.detail.class' ? `class ${String(o?.cls)}` : key);
  it('names a chemical by UN number and its hazard class said as a class, a controlled item by its category', () => {
    expect(itemText({ unNumber: 'UN1202', hazardClass: '3', category: null }, t)).toBe('UN1202 · class 3');
    expect(itemText({ unNumber: null, hazardClass: null, category: 'ammunition' }, t)).toBe('goods.category.ammunition');
  });
});

describe('a movement quantity as typed', () => {
  it('names an empty, fractional, zero, negative or too large quantity instead of recording another one', () => {
    expect(quantityProblem('')).toBe('empty');
    expect(quantityProblem(2.5)).toBe('whole');
    expect(quantityProblem('2.5')).toBe('whole');
    expect(quantityProblem(0)).toBe('positive');
    expect(quantityProblem(-5)).toBe('positive');
    expect(quantityProblem(1e17)).toBe('tooLarge');
    expect(quantityProblem(1000)).toBeNull();
  });
});
