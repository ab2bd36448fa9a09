import type { GoodsUnit } from '@firebreak/contracts';

/*
 * Counting in the unit at hand: an inspector weighs drums in kg and reads tanks in litres, the
 * ledger keeps grams and millilitres. Here, not in @firebreak/contracts: the browser bundle takes
 * types only from the contracts (no zod), and the server only ever sees the integers.
 */
/** The units an inspector may count in, per base unit, with how many base units one is. */
export const COUNT_UNITS: Record<GoodsUnit, readonly { unit: string; factor: number }[]> = {
  g: [{ unit: 'g', factor: 1 }, { unit: 'kg', factor: 1000 }],
  ml: [{ unit: 'ml', factor: 1 }, { unit: 'l', factor: 1000 }],
  round: [{ unit: 'round', factor: 1 }],
  item: [{ unit: 'item', factor: 1 }],
};

/**
 * A count typed by an inspector (`12.5` kg) in the item's base units (12500 g), computed on the
 * digits, never through a float: null when it is not a plain non-negative decimal, has more
 * decimals than the unit allows (a gram is the smallest a ledger in grams knows), or is too large.
 */
export function toBaseUnits(text: string, factor: number): number | null {
  const m = /^\s*(\d{1,16})(?:[.,](\d+))?\s*$/.exec(text);
  if (!m) return null;
  const places = Math.round(Math.log10(factor));
  if (10 ** places !== factor) return null;
  const fraction = (m[2] ?? '').replace(/0+$/, '');
  if (fraction.length > places) return null;
  const digits = `${m[1]}${fraction.padEnd(places, '0')}`.replace(/^0+(?=\d)/, '');
  if (digits.length > 16) return null;
  const n = Number(digits);
  return Number.isSafeInteger(n) ? n : null;
}
