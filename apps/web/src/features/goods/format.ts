import type { GoodsHolding, LicenceState } from '@firebreak/contracts';

/** Base units shown in the unit people read: millilitres as litres, grams as kilograms (the ledger stays exact). */
export function quantityText(value: number, unit: GoodsHolding['unit'], locale: string): string {
  const n = (x: number, digits = 0) => x.toLocaleString(locale, { maximumFractionDigits: digits });
  if (unit === 'ml') return `${n(value / 1000, 3)} L`;
  if (unit === 'g') return value >= 1000 ? `${n(value / 1000, 3)} kg` : `${n(value)} g`;
  return n(value);
}

export const STATE_COLOR: Record<LicenceState, string> = { valid: 'green', expiring: 'yellow', lapsed: 'red', not_yet_valid: 'gray' };

/** How full the stock is against the licence, 0-100. */
export const fill = (h: Pick<GoodsHolding, 'balance' | 'maxQuantity'>): number => (h.maxQuantity > 0 ? Math.min(100, (h.balance / h.maxQuantity) * 100) : 100);
