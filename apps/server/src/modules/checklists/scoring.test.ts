import { ChecklistDefinition } from '@firebreak/contracts';
import { describe, expect, it } from 'vitest';
import { scoreAnswers } from './scoring.js';
import { STARTER_TEMPLATES } from './starter-templates.js';

const def = ChecklistDefinition.parse({
  key: 'mini', title: 'Mini', categories: ['school'], source: 'test',
  sections: [{ key: 's', title: 'S', items: [
    { key: 'exits', text: 'Exits clear', answerType: 'yes_no', weight: 3, severity: 'major' },
    { key: 'drill_days', text: 'Days since drill', answerType: 'number', min: 0, max: 90 },
    { key: 'dropoff', text: 'Drop-off', answerType: 'choice', options: ['bay', 'street'], failing: ['street'] },
    { key: 'remarks', text: 'Remarks', answerType: 'text', mandatory: false, weight: 0 },
    { key: 'optional', text: 'Optional', answerType: 'yes_no', mandatory: false, weight: 2 },
  ] }],
});

describe('scoreAnswers', () => {
  it('scores the applicable items by weight and lists the failed ones with their severity', () => {
    const r = scoreAnswers(def, [
      { itemKey: 'exits', value: 'fail', note: 'boxes in the corridor' },
      { itemKey: 'drill_days', value: 30 },
      { itemKey: 'dropoff', value: 'street' },
      { itemKey: 'remarks', value: 'busy morning' },
      { itemKey: 'optional', value: 'na' },
    ]);
    expect(r.problems).toEqual([]);
    expect([r.score, r.maxScore]).toEqual([1, 5]);
    expect(r.failed.map((f) => [f.itemKey, f.severity])).toEqual([['exits', 'major'], ['dropoff', 'general']]);
  });

  it('names every answer that does not fit, and every mandatory item left out', () => {
    const r = scoreAnswers(def, [
      { itemKey: 'exits', value: 12 },
      { itemKey: 'nope', value: 'pass' },
      { itemKey: 'dropoff', value: 'na' },
      { itemKey: 'dropoff', value: 'bay' },
    ]);
    expect(r.problems).toEqual([
      { path: 'body.answers.0.value', message: 'expects "pass", "fail" or "na"' },
      { path: 'body.answers.1.itemKey', message: 'no item nope in this checklist' },
      { path: 'body.answers.2.value', message: 'a mandatory item cannot be answered "na"' },
      { path: 'body.answers.3.itemKey', message: 'dropoff is answered twice' },
      { path: 'body.answers', message: 'mandatory item drill_days is not answered' },
    ]);
  });

  it('ships starter templates that are valid checklists with unique item keys', () => {
    expect(STARTER_TEMPLATES.map((t) => t.key)).toEqual(['fire_safety', 'campus_safety', 'road_traffic_safety', 'hazardous_chemicals']);
    for (const t of STARTER_TEMPLATES) {
      const parsed = ChecklistDefinition.parse(t);
      const keys = parsed.sections.flatMap((s) => s.items.map((i) => i.key));
      expect(new Set(keys).size, t.key).toBe(keys.length);
      expect(parsed.source.length, t.key).toBeGreaterThan(50);
    }
  });
});
