import { HAZARD_GRADES, HAZARD_STATES, RecordVisitBody, SUPERVISION_SUBJECTS } from '@firebreak/contracts';
import { describe, expect, it } from 'vitest';
import { CORRECTION_GRADES, emptyFinding, OWED_STATES, SUBJECT_KINDS, visitBody, visitCounts, visitFieldErrors, type VisitDraft } from './visit-form';

const PLACE = '01900000-0000-7000-8000-000000000001';
const draft = (over: Partial<VisitDraft> = {}): VisitDraft => ({ subjectType: 'place', subjectId: PLACE, visitedAt: '', summary: 'Walked the site', findings: [], ...over });

describe('enum copies', () => {
  it('match the contract', () => {
    expect([...SUBJECT_KINDS].sort()).toEqual([...SUPERVISION_SUBJECTS].sort());
    expect([...CORRECTION_GRADES]).toEqual([...HAZARD_GRADES]);
    expect(OWED_STATES.every((s) => (HAZARD_STATES as readonly string[]).includes(s))).toBe(true);
  });
});

describe('visit form -> body', () => {
  it('builds a body the contract accepts, with a correction only where one is required', () => {
    const findings = [
      { ...emptyFinding('a'), description: ' Exit sign dark ', corrects: true, grade: 'major' as const, title: ' Repair exit lights ', detail: '' },
      { ...emptyFinding('b'), description: 'Drill log kept', grade: 'major' as const, title: 'ignored because no correction' },
    ];
    const built = visitBody(draft({ findings }));
    expect(built.problems).toBeNull();
    expect(built.body).toEqual({
      subjectType: 'place', subjectId: PLACE, summary: 'Walked the site', verifies: [],
      findings: [{ description: 'Exit sign dark', correction: { grade: 'major', title: 'Repair exit lights' } }, { description: 'Drill log kept' }],
    });
    expect(RecordVisitBody.safeParse(built.body).success).toBe(true);
  });

  it('sends the visit time as an instant when one is typed, and leaves it to the server otherwise', () => {
    expect(visitBody(draft({ visitedAt: '2026-03-01T08:30' })).body?.visitedAt).toBe(new Date('2026-03-01T08:30').toISOString());
    expect(visitBody(draft()).body).not.toHaveProperty('visitedAt');
  });

  it('names every missing field by the path the server would use', () => {
    const built = visitBody(draft({ subjectId: null, summary: '  ', findings: [emptyFinding('a'), { ...emptyFinding('b'), description: 'x', corrects: true }] }));
    expect(built.body).toBeNull();
    expect(Object.keys(built.problems ?? {}).sort()).toEqual(['findings.0.description', 'findings.1.correction.title', 'subjectId', 'summary']);
  });
});

describe('server field errors', () => {
  it('keeps the full path below body, first message wins', () => {
    expect(visitFieldErrors([
      { path: 'body.visitedAt', message: 'must not be in the future' },
      { path: 'body.findings.1.correction.title', message: 'Too small' },
      { path: 'body.visitedAt', message: 'second' },
      { path: '/body/subjectId', message: 'no such place in your scope' },
    ])).toEqual({ visitedAt: 'must not be in the future', 'findings.1.correction.title': 'Too small', subjectId: 'no such place in your scope' });
    expect(visitFieldErrors(undefined)).toEqual({});
  });
});

describe('visit counts', () => {
  const c = (state: (typeof HAZARD_STATES)[number], overdue: boolean) => ({ hazardId: PLACE, grade: 'general' as const, title: 't', state, dueAt: '2026-01-01T00:00:00.000Z', overdue });
  it('counts findings, corrections, those still owed and those overdue', () => {
    const v = { findings: [
      { id: '1', description: 'a', correction: null },
      { id: '2', description: 'b', correction: c('open', true) },
      { id: '3', description: 'c', correction: c('submitted', false) },
      { id: '4', description: 'd', correction: c('verified', true) },
    ] };
    expect(visitCounts(v)).toEqual({ findings: 4, corrections: 3, owed: 2, overdue: 1 });
    expect(visitCounts({ findings: [] })).toEqual({ findings: 0, corrections: 0, owed: 0, overdue: 0 });
  });
});
