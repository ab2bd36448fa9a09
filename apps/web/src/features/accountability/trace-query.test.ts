import { AccountabilityTrace, TraceQuery } from '@firebreak/contracts';
import { describe, expect, it } from 'vitest';
import { ageParts, auditPath, lineAudit, sectionCounts, traceQueryOf, traceSearch, type TraceDraft } from './trace-query';

const A = '01900000-0000-7000-8000-00000000000a';
const B = '01900000-0000-7000-8000-00000000000b';
const C = '01900000-0000-7000-8000-00000000000c';
const E = (n: string) => `01900000-0000-7000-8000-0000000000${n}`;
const [Eh1, Eh2, Et1, Ei1, Ei2, Ep1] = ['11', '12', '21', '31', '32', '41'].map(E) as [string, string, string, string, string, string];
const draft = (over: Partial<TraceDraft> = {}): TraceDraft => ({ mode: 'incident', incidentId: A, placeId: null, from: '', to: '', radiusM: 300, ...over });

describe('trace form -> search', () => {
  it('an incident needs only its id; the query is one the contract accepts', () => {
    const r = traceSearch(draft({ radiusM: '150' }));
    expect(r.search).toBe(`incidentId=${A}&radiusM=150`);
    expect(TraceQuery.safeParse(Object.fromEntries(new URLSearchParams(r.search!))).success).toBe(true);
  });

  it('a place needs a window, sent as instants', () => {
    const r = traceSearch(draft({ mode: 'place', placeId: B, from: '2026-03-01T08:00', to: '2026-03-02T08:00' }));
    const p = new URLSearchParams(r.search!);
    expect([p.get('placeId'), p.get('from'), p.get('to'), p.get('radiusM'), p.get('incidentId')])
      .toEqual([B, new Date('2026-03-01T08:00').toISOString(), new Date('2026-03-02T08:00').toISOString(), '300', null]);
    expect(TraceQuery.safeParse(Object.fromEntries(p)).success).toBe(true);
  });

  it('names what is missing or wrong before asking', () => {
    expect(traceSearch(draft({ incidentId: null })).problems).toEqual({ incidentId: 'accountability.form.required' });
    expect(traceSearch(draft({ mode: 'place' })).problems).toEqual({ placeId: 'accountability.form.required', from: 'accountability.form.required', to: 'accountability.form.required' });
    expect(traceSearch(draft({ mode: 'place', placeId: B, from: '2026-03-02T08:00', to: '2026-03-01T08:00' })).problems).toEqual({ to: 'accountability.form.toBeforeFrom' });
    for (const radiusM of ['', '-1', '5001', '2.5']) expect(traceSearch(draft({ radiusM })).problems).toEqual({ radiusM: 'accountability.form.badRadius' });
    expect(traceSearch(draft({ radiusM: 5000 })).problems).toBeNull();
  });
});

describe('page search -> API query', () => {
  it('keeps only the trace parameters, and nothing when no reference is named', () => {
    expect(traceQueryOf(new URLSearchParams(`incidentId=${A}&tab=x&radiusM=50`))).toBe(`incidentId=${A}&radiusM=50`);
    expect(traceQueryOf(new URLSearchParams('radiusM=50'))).toBeNull();
  });
});

const T = '2026-03-01T08:00:00.000Z';
const trace: AccountabilityTrace = {
  reference: { kind: 'incident', id: A, name: 'fire P1', incident: { type: 'fire', priority: 'P1', address: null }, jurisdictionPath: 'li.oberland', location: [9.5, 47.1], from: T, to: T, radiusM: 300 },
  generatedAt: T,
  hazards: [{ id: B, title: 'Blocked exit', grade: 'general', placeId: C, placeName: 'School', distanceM: 0, jurisdictionPath: 'li.oberland', raisedAt: T, ageHours: 60, state: 'open', dueAt: T, overdueSince: T, auditIds: [Eh1, Eh2] }],
  tasks: [{ id: C, title: 'Hydrants', directiveId: A, concern: 'jurisdiction', placeId: null, category: null, jurisdictionPath: 'li.oberland', ownerPostId: B, status: 'open', dueAt: T, overdueSince: T, auditIds: [Et1] }],
  directives: [{ directiveId: A, title: 'Safety week', jurisdictionPath: 'li.oberland', missed: 'report', dueAt: T, answeredAt: null, auditIds: [] }],
  tiers: [{ incidentId: A, tier: 1, label: 'first', minutes: 1, requirement: 'responded', units: 1, deadlineAt: T, missedAt: T, auditIds: [Ei1] }, { incidentId: A, tier: 2, label: 'second', minutes: 3, requirement: 'on_scene', units: 1, deadlineAt: T, missedAt: T, auditIds: [Ei2] }],
  posts: [{ postId: B, title: 'Duty officer', kind: 'duty_post', jurisdictionPath: 'li.oberland', holders: [], auditIds: [Ep1] }],
  dispatch: [
    { incidentId: A, unitId: B, callSign: 'Florian Vaduz TLF', recommended: true, auditIds: [Ei1],
      sent: { assignmentId: C, at: T, byUserId: null, byName: 'Dispatcher, Vaduz', state: 'cleared', etaSeconds: 240, onSceneAt: T, actualSeconds: 300, clearedAt: T, cancelledAt: null } },
    { incidentId: A, unitId: C, callSign: 'Florian Schaan TLF', recommended: true, sent: null, auditIds: [Ei1] },
  ],
  omittedOutsideScope: 0,
};

describe('trace lines and their audit entries', () => {
  it('the contract accepts the sample', () => {
    expect(AccountabilityTrace.safeParse(trace).success).toBe(true);
  });
  it('counts lines per section', () => {
    expect(sectionCounts(trace)).toEqual({ tiers: 2, dispatch: 2, hazards: 1, tasks: 1, directives: 1, posts: 1 });
  });
  it('links each line to the entries of the record it is read from', () => {
    expect(lineAudit('hazards', trace.hazards[0]!)).toEqual({ entityType: 'hazard', entityId: B, auditIds: [Eh1, Eh2] });
    // A task names a directive too, but its own entries are the task's.
    expect(lineAudit('tasks', trace.tasks[0]!)).toEqual({ entityType: 'task', entityId: C, auditIds: [Et1] });
    expect(lineAudit('directives', trace.directives[0]!)).toEqual({ entityType: 'directive', entityId: A, auditIds: [] });
    expect(lineAudit('tiers', trace.tiers[1]!)).toEqual({ entityType: 'incident', entityId: A, auditIds: [Ei2] });
    // A unit's dispatch is read from the incident's entries.
    expect(lineAudit('dispatch', trace.dispatch[1]!)).toEqual({ entityType: 'incident', entityId: A, auditIds: [Ei1] });
    expect(lineAudit('posts', trace.posts[0]!)).toEqual({ entityType: 'post', entityId: B, auditIds: [Ep1] });
    expect(auditPath(lineAudit('hazards', trace.hazards[0]!))).toBe(`/accountability/audit/hazard/${B}?ids=${Eh1},${Eh2}`);
    expect(auditPath(lineAudit('directives', trace.directives[0]!))).toBe(`/accountability/audit/directive/${A}`);
  });
  it('states ages in hours, then days and hours', () => {
    expect(ageParts(5.9)).toEqual({ days: 0, hours: 5 });
    expect(ageParts(47)).toEqual({ days: 0, hours: 47 });
    expect(ageParts(24 * 39 + 3)).toEqual({ days: 39, hours: 3 });
    expect(ageParts(-2)).toEqual({ days: 0, hours: 0 });
  });
});

describe('where the audit page reads a record from', () => {
  it('the audit trail with audit:read, the cited entries with accountability:read, a history the role may read otherwise, else nothing', async () => {
    const { trailSource, citedIds } = await import('./audit-entries');
    expect(trailSource('post', B, ['audit:read'])).toEqual({ kind: 'audit', path: `/audit?entityId=${B}&limit=500` });
    expect(trailSource('hazard', B, ['hazards:read'])).toEqual({ kind: 'history', path: `/hazards/${B}/history` });
    expect(trailSource('incident', A, [])).toEqual({ kind: 'history', path: `/incidents/${A}/timeline` });
    expect(trailSource('task', C, [])).toEqual({ kind: 'history', path: `/tasks/${C}/history` });
    expect(trailSource('post', B, ['accountability:read'])).toBeNull();
    expect(trailSource('post', B, ['accountability:read'], [Eh1, Eh2])).toEqual({ kind: 'cited', path: `/accountability/audit-entries?ids=${Eh1},${Eh2}` });
    expect(trailSource('hazard', B, ['hazards:read', 'accountability:read', 'audit:read'], [Eh1])?.kind).toBe('audit');
    expect(trailSource('directive', B, [])).toBeNull();
    expect(citedIds(` ${Eh1},,${Eh2} `)).toEqual([Eh1, Eh2]);
    expect(citedIds(null)).toEqual([]);
  });
});
