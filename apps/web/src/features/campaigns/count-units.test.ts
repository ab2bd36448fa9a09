import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { COUNT_UNITS, toBaseUnits } from './count-units';

describe('toBaseUnits: a counted amount in integer base units, on the digits', () => {
  it('turns kg and l into grams and millilitres exactly, where floats would not', () => {
    expect(toBaseUnits('12.5', 1000)).toBe(12_500);
    expect(toBaseUnits('0,001', 1000)).toBe(1);
    expect(toBaseUnits('1.005', 1000)).toBe(1005); // 1.005 * 1000 is 1004.9999999999999 in floats
    expect(toBaseUnits('4.350', 1000)).toBe(4350);
    expect(toBaseUnits(' 007 ', 1)).toBe(7);
    expect(toBaseUnits('0', 1)).toBe(0);
  });

  it('refuses what is not a whole number of base units, negative, or too large', () => {
    for (const bad of ['1.5', '-3', '1e3', '', 'ten', '1.2.3', '9007199254740993']) expect(toBaseUnits(bad, 1), bad).toBeNull();
    expect(toBaseUnits('0.0005', 1000)).toBeNull();
    expect(toBaseUnits('9007199254740.992', 1000)).toBeNull();
  });

  it('agrees with integer arithmetic for every whole amount and every unit', () => {
    const factors = [...new Set(Object.values(COUNT_UNITS).flat().map((u) => u.factor))];
    fc.assert(fc.property(fc.integer({ min: 0, max: 10 ** 12 }), fc.constantFrom(...factors), (base, factor) => {
      const text = factor === 1 ? String(base) : `${Math.floor(base / factor)}.${String(base % factor).padStart(3, '0')}`;
      expect(toBaseUnits(text, factor)).toBe(base);
    }));
  });
});
