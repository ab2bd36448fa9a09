import { describe, expect, it } from 'vitest';
import type { ChecklistTemplate } from '../../api/types';
import { buildAnswers, encodeCountRows } from './checklist-form';

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

  it('reads a counted-stock item in base units (kg to g, l to ml), and holds it missing while an amount does not read', () => {
    const stock = { ...template, sections: [{ key: 's', title: 'S', items: [
      { key: 'counted', text: 'Count the stock', answerType: 'stock_count', mandatory: true, weight: 1, severity: 'major' },
    ] }] } as ChecklistTemplate;
    const rows = (diesel: string, ammo: string) => encodeCountRows([{ itemKey: 'UN1202', amount: diesel, factor: 1000 }, { itemKey: 'ammunition', amount: ammo, factor: 1 }]);
    expect(buildAnswers(stock, { counted: rows('1.005', '250') })).toEqual({
      answers: [{ itemKey: 'counted', value: { counts: [{ itemKey: 'UN1202', counted: 1005 }, { itemKey: 'ammunition', counted: 250 }] } }], missing: [], failing: [],
    });
    expect(buildAnswers(stock, { counted: rows('1.005', '') }).answers[0]!.value).toEqual({ counts: [{ itemKey: 'UN1202', counted: 1005 }] });
    expect(buildAnswers(stock, { counted: rows('12', '2.5') }).missing).toEqual(['counted']);
    expect(buildAnswers(stock, {}).missing).toEqual(['counted']);
  });
});
