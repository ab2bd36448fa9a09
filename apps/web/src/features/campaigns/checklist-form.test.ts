import { describe, expect, it } from 'vitest';
import type { ChecklistTemplate } from '../../api/types';
import { buildAnswers } from './checklist-form';

const template = {
  id: 't', key: 'k', title: 'T', categories: ['school'], source: 's', version: 1, createdAt: '2026-01-01T00:00:00Z', latest: true,
  sections: [{ key: 's', title: 'S', items: [
    { key: 'exits', text: 'Exits clear', answerType: 'yes_no', mandatory: true, weight: 1, severity: 'major' },
    { key: 'extinguishers', text: 'Extinguishers', answerType: 'number', mandatory: true, weight: 1, severity: 'general', min: 2 },
    { key: 'alarm', text: 'Alarm', answerType: 'choice', mandatory: false, weight: 1, severity: 'general', options: ['ok', 'faulty'], failing: ['faulty'] },
    { key: 'note', text: 'Note', answerType: 'text', mandatory: false, weight: 0, severity: 'general' },
  ] }],
} as ChecklistTemplate;

describe('buildAnswers', () => {
  it('names the mandatory items still unanswered and leaves out empty optional ones', () => {
    const b = buildAnswers(template, { extinguishers: 'abc' });
    expect(b.missing).toEqual(['exits', 'extinguishers']);
    expect(b.answers).toEqual([]);
  });

  it('types the values and previews which answers fail (and so raise hazards)', () => {
    const b = buildAnswers(template, { exits: 'fail', extinguishers: ' 1,5 ', alarm: 'faulty', note: '  side door  ' });
    expect(b.missing).toEqual([]);
    expect(b.answers).toEqual([
      { itemKey: 'exits', value: 'fail' }, { itemKey: 'extinguishers', value: 1.5 }, { itemKey: 'alarm', value: 'faulty' }, { itemKey: 'note', value: 'side door' },
    ]);
    expect(b.failing).toEqual(['exits', 'extinguishers', 'alarm']);
  });

  it('accepts "not applicable" only for optional items', () => {
    const b = buildAnswers(template, { exits: 'na', extinguishers: '3', alarm: 'na' });
    expect(b.missing).toEqual(['exits']);
    expect(b.answers).toEqual([{ itemKey: 'extinguishers', value: 3 }, { itemKey: 'alarm', value: 'na' }]);
    expect(b.failing).toEqual([]);
  });
});
