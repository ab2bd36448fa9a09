import { toBaseUnits } from './count-units';
import type { ChecklistTemplate } from '../../api/types';

type Item = ChecklistTemplate['sections'][number]['items'][number];
/** What the form holds per item: the raw text of a number field, a choice, pass/fail/na, a note. */
export type FormValues = Record<string, string | undefined>;
export type AnswerValue = 'pass' | 'fail' | 'na' | number | string | { counts: { itemKey: string; counted: number }[] };

export interface BuiltAnswers {
  answers: { itemKey: string; value: AnswerValue }[];
  /** Mandatory items without an answer (or with a number that does not parse). */
  missing: string[];
  /** Items whose answer fails the item: each raises a hazard when submitted. */
  failing: string[];
}

export const itemsOf = (template: ChecklistTemplate): Item[] => template.sections.flatMap((s) => s.items);

/** Whether the item, answered with `value`, fails (the server's scoring rules, for a preview). */
export function fails(item: Item, value: AnswerValue): boolean {
  if (value === 'na') return false;
  switch (item.answerType) {
    case 'yes_no': return value === 'fail';
    case 'number': return typeof value === 'number' && ((item.min !== undefined && value < item.min) || (item.max !== undefined && value > item.max));
    case 'choice': return typeof value === 'string' && (item.failing ?? []).includes(value);
    case 'text': return false;
    // Held against the ledger by the server: a discrepancy raises its own graded hazard.
    case 'stock_count': return false;
  }
}

/** Turns the form into the body's answers; unanswered optional items are left out. */
export function buildAnswers(template: ChecklistTemplate, values: FormValues): BuiltAnswers {
  const out: BuiltAnswers = { answers: [], missing: [], failing: [] };
  for (const item of itemsOf(template)) {
    const raw = values[item.key]?.trim() ?? '';
    let value: AnswerValue | null = null;
    if (raw === 'na' && !item.mandatory) value = 'na';
    else if (item.answerType === 'number') {
      const n = raw === '' ? NaN : Number(raw.replace(',', '.'));
      value = Number.isFinite(n) ? n : null;
    } else if (item.answerType === 'yes_no') value = raw === 'pass' || raw === 'fail' ? raw : null;
    else if (item.answerType === 'choice') value = item.options?.includes(raw) ? raw : null;
    else if (item.answerType === 'stock_count') value = stockCounts(raw);
    else value = raw === '' ? null : raw;
    if (value === null) {
      if (item.mandatory) out.missing.push(item.key);
      continue;
    }
    out.answers.push({ itemKey: item.key, value });
    if (fails(item, value)) out.failing.push(item.key);
  }
  return out;
}

/** One row of a counted-stock item as typed: the amount's text and how many base units its picked unit is. */
export interface CountRow { itemKey: string; amount: string; factor: number }

/** The form keeps a counted-stock item's rows as one JSON text, like every other item's value. */
export const encodeCountRows = (rows: CountRow[]): string => JSON.stringify(rows);
export function decodeCountRows(raw: string | undefined): CountRow[] {
  try {
    const parsed: unknown = JSON.parse(raw ?? '[]');
    return Array.isArray(parsed) ? (parsed as CountRow[]) : [];
  } catch {
    return [];
  }
}

/** The rows typed, in base units (integers, never through a float); null while none is typed or any does not read. */
export function stockCounts(raw: string): { counts: { itemKey: string; counted: number }[] } | null {
  const typed = decodeCountRows(raw).filter((r) => r.amount.trim() !== '');
  const counts = typed.map((r) => ({ itemKey: r.itemKey, counted: toBaseUnits(r.amount, r.factor) }));
  if (counts.length === 0 || counts.some((c) => c.counted === null)) return null;
  return { counts: counts as { itemKey: string; counted: number }[] };
}
