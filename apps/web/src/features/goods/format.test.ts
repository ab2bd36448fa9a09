import { describe, expect, it } from 'vitest';
import { fill, itemText, quantityProblem, quantityText } from './format';

describe('goods quantities', () => {
  it('shows litres and kilograms from exact base units, counts as they are', () => {
    expect(quantityText(12_500_000, 'ml', 'en')).toBe('12,500 L');
    expect(quantityText(1_500, 'ml', 'en')).toBe('1.5 L');
    expect(quantityText(640_000, 'g', 'en')).toBe('640 kg');
    expect(quantityText(250, 'g', 'en')).toBe('250 g');
    expect(quantityText(48_000, 'round', 'en')).toBe('48,000');
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
