import type { GoodsHolding, LicenceState } from '@firebreak/contracts';

/** What quantityText needs of i18next: the counted units' words (`goods.count.<unit>`, plural by count). */
export type CountWords = (key: string, options: { count: number; n: string }) => string;

/**
 * Base units shown in the unit people read: millilitres as litres, grams as kilograms (the ledger
 * stays exact), rounds and items counted with their word in the reader's language ("48,000 rounds",
 * "48,000 发"): a bare number beside "12,500 L" left the reader to guess what was counted.
 */
export function quantityText(value: number, unit: GoodsHolding['unit'], locale: string, t: CountWords): string {
  const n = (x: number, digits = 0) => x.toLocaleString(locale, { maximumFractionDigits: digits });
  if (unit === 'ml') return `${n(value / 1000, 3)} L`;
  if (unit === 'g') return value >= 1000 ? `${n(value / 1000, 3)} kg` : `${n(value)} g`;
  return t(`goods.count.${unit}`, { count: value, n: n(value) });
}

export const STATE_COLOR: Record<LicenceState, string> = { valid: 'green', expiring: 'yellow', lapsed: 'red', not_yet_valid: 'gray' };

/** How full the stock is against the licence, 0-100. */
export const fill = (h: Pick<GoodsHolding, 'balance' | 'maxQuantity'>): number => (h.maxQuantity > 0 ? Math.min(100, (h.balance / h.maxQuantity) * 100) : 100);

/**
 * What an item is, as firefighters read it: a chemical by UN number and hazard class ("UN1202 ·
 * class 3"), a controlled item by its category. The same words on the site, the major-incident
 * board and the permit, in the reader's language.
 */
export function itemText(h: { unNumber?: string | null; hazardClass?: string | null; category?: string | null }, t: (key: string, options?: Record<string, unknown>) => string): string {
  if (h.unNumber) return h.hazardClass ? `${h.unNumber} · ${t('goods.detail.class', { cls: h.hazardClass })}` : h.unNumber;
  return t(`goods.category.${h.category ?? 'firearms'}`);
}

export type QuantityProblem = 'empty' | 'whole' | 'positive' | 'tooLarge';

/**
 * A quantity as typed into a movement, in base units: the ledger is exact, so a fraction, zero or
 * a negative is named under the field, never rounded, clamped or stripped of its sign into another
 * movement (the field used to record "-5" as 5 and "2.5" as 2).
 */
export function quantityProblem(typed: number | string): QuantityProblem | null {
  if (typeof typed === 'string' && typed.trim() === '') return 'empty';
  const n = Number(typed);
  if (!Number.isFinite(n) || !Number.isInteger(n)) return 'whole';
  if (n <= 0) return 'positive';
  return n > Number.MAX_SAFE_INTEGER ? 'tooLarge' : null;
}
