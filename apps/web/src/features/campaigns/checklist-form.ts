import type { ChecklistTemplate } from '../../api/types';

type Item = ChecklistTemplate['sections'][number]['items'][number];
/** What the form holds per item: the raw text of a number field, a choice, pass/fail/na, a note. */
export type FormValues = Record<string, string | undefined>;
export type AnswerValue = 'pass' | 'fail' | 'na' | number | string;

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
