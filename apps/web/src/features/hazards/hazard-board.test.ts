import { describe, expect, it } from 'vitest';
import { boardOrder, byCategory, EMPTY_FILTER, filterFromParams, filterToParams, hazardListQuery } from './hazard-board';
import { offeredActions, supervisionLevels } from './hazard-actions';
import { raiseBody, stepBody } from './hazard-forms';

const CATS = ['school', 'fuel_station'] as const;

describe('hazard board filters', () => {
  it('asks the server for the states still needing work unless states are chosen, with grade, overdue and jurisdiction', () => {
    expect(new URLSearchParams(hazardListQuery(EMPTY_FILTER)).get('state')).toBe('open,rectifying,submitted');
    const q = new URLSearchParams(hazardListQuery({ states: ['verified'], grade: 'major', overdueOnly: true, category: 'school', jurisdictionId: 'j1' }));
    expect(Object.fromEntries(q)).toEqual({ state: 'verified', grade: 'major', overdue: 'true', jurisdictionId: 'j1' });
  });

  it('keeps the filter in the address and reads it back, ignoring values it does not know', () => {
    const f = { states: ['open', 'submitted'] as const, grade: 'general' as const, overdueOnly: true, category: 'fuel_station' as const, jurisdictionId: 'j9' };
    const params = filterToParams({ ...f, states: [...f.states] }, new URLSearchParams('hazard=h1'));
    expect(params.get('hazard')).toBe('h1');
    expect(filterFromParams(params, CATS)).toEqual({ ...f, states: ['open', 'submitted'] });
    expect(filterFromParams(new URLSearchParams('state=open,bogus&grade=huge&category=moon&overdue=yes'), CATS)).toEqual({ ...EMPTY_FILTER, states: ['open'] });
    expect(filterToParams(EMPTY_FILTER, params).toString()).toBe('hazard=h1');
  });

  it('filters by the category of the place a hazard is at, dropping hazards without a place', () => {
    const cat = (id: string) => ({ p1: 'school', p2: 'fuel_station' } as const)[id as 'p1' | 'p2'];
    const hs = [{ id: 'a', placeId: 'p1' }, { id: 'b', placeId: 'p2' }, { id: 'c', placeId: null }];
    expect(byCategory(hs, 'school', cat).map((h) => h.id)).toEqual(['a']);
    expect(byCategory(hs, null, cat).map((h) => h.id)).toEqual(['a', 'b', 'c']);
  });

  it('puts overdue first, then major, then the soonest deadline', () => {
    const h = (id: string, overdue: boolean, grade: 'general' | 'major', dueAt: string) => ({ id, overdue, grade, dueAt });
    const order = boardOrder([h('a', false, 'general', '2026-01-01'), h('b', false, 'major', '2026-02-01'), h('c', true, 'general', '2026-01-05'), h('d', false, 'general', '2025-12-01')]);
    expect(order.map((x) => x.id)).toEqual(['c', 'b', 'd', 'a']);
  });
});

describe('steps offered on a hazard', () => {
  const inspector = { id: 'u1', permissions: ['hazards:read', 'hazards:manage', 'hazards:verify'], grantPaths: ['li.oberland.vaduz'] };
  const dispatcher = { id: 'u2', permissions: ['hazards:read'], grantPaths: ['li'] };
  const base = { state: 'open', grade: 'general', jurisdictionPath: 'li.oberland.vaduz', submittedBy: null, extensions: [], supervisedBy: null };
  const offered = (h: Record<string, unknown>, v = inspector) =>
    Object.fromEntries(offeredActions({ ...base, ...h } as never, v).map((o) => [o.action, o.enabled ? 'yes' : o.why]));

  it('offers what the state allows, to whoever holds the permission there', () => {
    expect(offered({})).toEqual({ start: 'yes', submit: 'yes', requestExtension: 'yes', addEvidence: 'yes' });
    expect(offered({}, dispatcher)).toEqual({ start: 'noPermission', submit: 'noPermission', requestExtension: 'noPermission', addEvidence: 'noPermission' });
    // Outside the inspector's own municipality the permission does not hold.
    expect(offered({ jurisdictionPath: 'li.oberland.schaan' }).start).toBe('noPermission');
    expect(offered({ state: 'closed' })).toEqual({});
    expect(offered({ state: 'verified' })).toEqual({ close: 'yes', addEvidence: 'yes' });
  });

  it('never lets the one who handed the fix in verify it, and sends a major hazard to re-inspection', () => {
    expect(offered({ state: 'submitted', submittedBy: 'u9' })).toMatchObject({ verify: 'yes', reject: 'yes' });
    expect(offered({ state: 'submitted', submittedBy: 'u1' })).toMatchObject({ verify: 'ownFix', reject: 'ownFix' });
    expect(offered({ state: 'submitted', grade: 'major', submittedBy: 'u9' })).toMatchObject({ verify: 'majorByReinspection', reject: 'yes' });
    expect(offered({ grade: 'major' }).submit).toBe('majorNeedsPlan');
  });

  it('lets a level above the hazard list a major one for supervision, once', () => {
    const region = { id: 'u3', permissions: ['hazards:read', 'hazards:verify'], grantPaths: ['li.oberland'] };
    expect(offered({ grade: 'major' }, region).supervise).toBe('yes');
    // The municipality's own inspector is not above it.
    expect(offered({ grade: 'major' }).supervise).toBe('noLevelAbove');
    expect(offered({ grade: 'major', supervisedBy: 'li.oberland' }, region).supervise).toBeUndefined();
    expect(offered({}, region).supervise).toBeUndefined();
    expect(supervisionLevels('li.oberland.vaduz', ['li'])).toEqual(['li', 'li.oberland']);
    expect(supervisionLevels('li.oberland.vaduz', ['li.oberland.vaduz', 'li.unterland'])).toEqual([]);
  });

  it('lets someone other than the requester decide a pending extension', () => {
    const pending = (by: string) => ({ extensions: [{ id: 'e', state: 'pending', requestedBy: by, requestedDueAt: '2026-02-01T00:00:00Z', reason: 'r', requestedAt: '', decidedBy: null, decidedAt: null, note: null }] });
    expect(offered({ state: 'rectifying', ...pending('u9') })).toMatchObject({ decideExtension: 'yes' });
    expect(offered({ state: 'rectifying', ...pending('u1') })).toMatchObject({ decideExtension: 'ownRequest' });
    expect(offered({ state: 'rectifying', ...pending('u9') }).requestExtension).toBeUndefined();
  });
});

describe('hazard forms', () => {
  const now = Date.parse('2026-03-01T10:00:00Z');
  it('names every missing field of the raise form, and sends only what was typed', () => {
    expect(raiseBody({ placeId: null, grade: null, title: ' ', description: '', dueAt: '' }, now).problems).toEqual({
      placeId: 'hazardWork.problems.placeMissing', grade: 'hazardWork.problems.gradeMissing', title: 'hazardWork.problems.titleMissing',
    });
    expect(raiseBody({ placeId: 'p', grade: 'general', title: ' Exit blocked ', description: '', dueAt: '' }, now).body).toEqual({ placeId: 'p', grade: 'general', title: 'Exit blocked' });
    expect(raiseBody({ placeId: 'p', grade: 'general', title: 'x', description: '', dueAt: '2020-01-01T10:00' }, now).problems).toEqual({ dueAt: 'hazardWork.problems.dueInPast' });
    const due = raiseBody({ placeId: 'p', grade: 'major', title: 'x', description: ' d ', dueAt: '2026-03-05T10:00' }, now).body!;
    expect(due).toMatchObject({ description: 'd', grade: 'major' });
    expect(Date.parse(due.dueAt!)).toBe(new Date('2026-03-05T10:00').getTime());
  });

  it('holds a major hazard to a plan and interim controls before it starts', () => {
    const d = { plan: '', controls: '', stopUse: true, note: '' };
    expect(stepBody('start', 'major', d).problems).toEqual({ rectificationPlan: 'hazardWork.problems.planMissing' });
    expect(stepBody('start', 'major', { ...d, plan: 'p' }).problems).toEqual({ interimControls: 'hazardWork.problems.controlsMissing' });
    expect(stepBody('start', 'general', d).body).toEqual({ action: 'start', stopUse: true });
    expect(stepBody('submit', 'general', d).problems).toEqual({ fixNote: 'hazardWork.problems.noteMissing' });
    expect(stepBody('verify', 'general', { ...d, note: ' ok ' }).body).toEqual({ action: 'verify', note: 'ok' });
    expect(stepBody('close', 'general', d).body).toEqual({ action: 'close' });
  });
});
