import type { ChecklistDefinition, ChecklistItem, HazardGrade, StockCountAnswer } from '@firebreak/contracts';
import type { FieldError } from '../../errors.js';

export type AnswerValue = 'pass' | 'fail' | 'na' | number | string | StockCountAnswer;
export interface AnswerIn {
  itemKey: string;
  value: AnswerValue;
  note?: string | undefined;
}

export interface FailedItem {
  itemKey: string;
  text: string;
  severity: HazardGrade;
  answer: AnswerValue;
  note: string | undefined;
}

export interface Scored {
  score: number;
  maxScore: number;
  failed: FailedItem[];
  problems: FieldError[];
}

type Outcome = 'pass' | 'fail' | 'na' | 'unscored';

/** What an answer means for its item, or why it does not fit the item. */
function judge(item: ChecklistItem, value: AnswerValue): Outcome | { problem: string } {
  if (value === 'na') return item.mandatory ? { problem: 'a mandatory item cannot be answered "na"' } : 'na';
  switch (item.answerType) {
    case 'yes_no':
      return value === 'pass' || value === 'fail' ? value : { problem: 'expects "pass", "fail" or "na"' };
    case 'number':
      if (typeof value !== 'number') return { problem: 'expects a number' };
      if (item.min === undefined && item.max === undefined) return 'unscored';
      return (item.min === undefined || value >= item.min) && (item.max === undefined || value <= item.max) ? 'pass' : 'fail';
    case 'choice':
      if (typeof value !== 'string' || !item.options?.includes(value)) return { problem: `expects one of ${(item.options ?? []).join(', ')}` };
      return item.failing?.includes(value) ? 'fail' : 'pass';
    case 'text':
      return typeof value === 'string' && !['pass', 'fail'].includes(value) ? 'unscored' : { problem: 'expects text' };
    case 'stock_count':
      // Not scored here: the counts are held against the site's ledger, and a discrepancy raises its own graded hazard.
      return typeof value === 'object' ? 'unscored' : { problem: 'expects the counted stock ({ counts: [{ itemKey, counted }] })' };
  }
}

/**
 * Checks the answers against the checklist and scores them: each applicable scored item is worth
 * its weight; passed items earn it. Every problem is reported with the field it concerns.
 */
export function scoreAnswers(def: ChecklistDefinition, answers: AnswerIn[]): Scored {
  const items = new Map(def.sections.flatMap((s) => s.items).map((i) => [i.key, i]));
  const problems: FieldError[] = [];
  const seen = new Set<string>();
  let score = 0;
  let maxScore = 0;
  const failed: FailedItem[] = [];
  answers.forEach((a, i) => {
    const item = items.get(a.itemKey);
    if (!item) return problems.push({ path: `body.answers.${i}.itemKey`, message: `no item ${a.itemKey} in this checklist` });
    if (seen.has(a.itemKey)) return problems.push({ path: `body.answers.${i}.itemKey`, message: `${a.itemKey} is answered twice` });
    seen.add(a.itemKey);
    const outcome = judge(item, a.value);
    if (typeof outcome === 'object') return problems.push({ path: `body.answers.${i}.value`, message: outcome.problem });
    if (outcome === 'na' || outcome === 'unscored') return;
    maxScore += item.weight;
    if (outcome === 'pass') score += item.weight;
    else failed.push({ itemKey: item.key, text: item.text, severity: item.severity, answer: a.value, note: a.note });
  });
  for (const item of items.values()) {
    if (item.mandatory && !seen.has(item.key)) problems.push({ path: 'body.answers', message: `mandatory item ${item.key} is not answered` });
  }
  return { score, maxScore, failed, problems };
}
