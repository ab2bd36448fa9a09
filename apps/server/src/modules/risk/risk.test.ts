import { describe, expect, it } from 'vitest';
import { riskScore } from './risk.js';

describe('riskScore', () => {
  it('adds category, open hazards by grade, overdue fixes and inspection age', () => {
    expect(riskScore({ category: 'school', openMajor: 1, openGeneral: 2, overdue: 1, daysSinceInspection: 73 })).toEqual({
      score: 59, category: 15, majorHazards: 20, generalHazards: 10, overdue: 10, inspectionAge: 4,
    });
  });

  it('counts a never-inspected place as fully aged, and caps each part and the total', () => {
    expect(riskScore({ category: 'other', openMajor: 0, openGeneral: 0, overdue: 0, daysSinceInspection: null }).score).toBe(25);
    expect(riskScore({ category: 'hazardous_chemicals', openMajor: 9, openGeneral: 9, overdue: 9, daysSinceInspection: 9999 })).toMatchObject({
      score: 100, majorHazards: 40, generalHazards: 20, overdue: 30, inspectionAge: 20,
    });
  });

  it('ranks a hazardous site above an equal school, and a freshly inspected place below a stale one', () => {
    const base = { openMajor: 0, openGeneral: 1, overdue: 0, daysSinceInspection: 10 };
    expect(riskScore({ ...base, category: 'hazardous_chemicals' }).score).toBeGreaterThan(riskScore({ ...base, category: 'school' }).score);
    expect(riskScore({ ...base, category: 'school', daysSinceInspection: 1 }).score).toBeLessThan(riskScore({ ...base, category: 'school', daysSinceInspection: 300 }).score);
  });
});
