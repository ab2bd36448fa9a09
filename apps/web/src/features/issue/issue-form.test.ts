import { describe, expect, it } from 'vitest';
import type { JurisdictionNode } from '../../api/queries';
import en from '../../i18n/locales/en.json';
import zh from '../../i18n/locales/zh-CN.json';
import { belowOptions, campaignBody, directiveBody, fieldErrors, isoToLocal, localToIso, wordedFields, type CampaignDraft, type DirectiveDraft } from './issue-form';

const node = (id: string, name: string, children: JurisdictionNode[] = []): JurisdictionNode =>
  ({ id, name, names: {}, path: id, parentId: null, level: 'x', children }) as unknown as JurisdictionNode;
const tree = [node('li', 'Liechtenstein', [node('ob', 'Oberland', [node('va', 'Vaduz'), node('sc', 'Schaan')]), node('un', 'Unterland', [node('es', 'Eschen')])])];

describe('jurisdiction options', () => {
  it('offers only the jurisdictions below the issuer, never the issuer itself', () => {
    expect(belowOptions(tree, 'li', 'en').map((o) => o.value)).toEqual(['ob', 'va', 'sc', 'un', 'es']);
    expect(belowOptions(tree, 'ob', 'en').map((o) => o.value)).toEqual(['va', 'sc']);
    expect(belowOptions(tree, 'un', 'en').map((o) => o.label)).toEqual(['Eschen']);
    expect(belowOptions(tree, 'va', 'en')).toEqual([]);
    expect(belowOptions(tree, null, 'en')).toEqual([]);
    expect(belowOptions(tree, 'nowhere', 'en')).toEqual([]);
  });
});

describe('datetime-local values', () => {
  it('round-trips a local wall time to an instant and back', () => {
    const iso = localToIso('2026-03-01T08:30')!;
    expect(isoToLocal(Date.parse(iso))).toBe('2026-03-01T08:30');
  });
  it('gives null for empty or unreadable input', () => {
    expect(localToIso('')).toBeNull();
    expect(localToIso('not a date')).toBeNull();
  });
});

describe('fieldErrors', () => {
  it('maps server paths to the top-level field, first message wins', () => {
    expect(fieldErrors([
      { path: 'body.targetJurisdictionIds.3', message: 'not under /li/ob' },
      { path: 'body.targetJurisdictionIds.4', message: 'no such jurisdiction' },
      { path: 'body.reportBy', message: 'must not be before acknowledgeBy' },
      { path: '/title', message: 'too long' },
    ])).toEqual({ targetJurisdictionIds: 'not under /li/ob', reportBy: 'must not be before acknowledgeBy', title: 'too long' });
    expect(fieldErrors(undefined)).toEqual({});
  });
});

describe('wordedFields', () => {
  const fields = { toSiteId: 'not licensed for this item' };
  const zhWords = (key: string) => (zh.problems as Record<string, string>)[key.replace('problems.', '')] ?? null;
  it("shows a refused permit's field in Chinese as its code is worded there", () => {
    expect(wordedFields(fields, 'GOODS_NOT_LICENSED', 'zh-CN', zhWords)).toEqual({ toSiteId: zh.problems.GOODS_NOT_LICENSED });
    expect(en.problems.GOODS_NOT_LICENSED).toBeTruthy();
  });
  it("keeps the server's field text in English, and for a code not worded", () => {
    expect(wordedFields(fields, 'GOODS_NOT_LICENSED', 'en', zhWords)).toEqual(fields);
    expect(wordedFields(fields, 'VALIDATION_FAILED', 'zh-CN', zhWords)).toEqual(fields);
    expect(wordedFields(fields, undefined, 'zh-CN', zhWords)).toEqual(fields);
  });
});

describe('directiveBody', () => {
  const draft: DirectiveDraft = {
    issuerJurisdictionId: 'li', title: '  Flood watch ', content: 'Check the dykes.', requiredActions: 'Patrol the Rhine dam\n\n  Report water level  \n',
    targetJurisdictionIds: ['va', 'es'], acknowledgeBy: '2026-03-01T08:00', reportBy: '2026-03-02T08:00',
  };
  it('trims text, one action per non-empty line, deadlines as instants', () => {
    expect(directiveBody(draft)).toEqual({
      problems: null,
      body: {
        issuerJurisdictionId: 'li', title: 'Flood watch', content: 'Check the dykes.', requiredActions: ['Patrol the Rhine dam', 'Report water level'],
        targetJurisdictionIds: ['va', 'es'], acknowledgeBy: localToIso('2026-03-01T08:00'), reportBy: localToIso('2026-03-02T08:00'),
      },
    });
  });
  it('names every missing field', () => {
    const r = directiveBody({ issuerJurisdictionId: null, title: ' ', content: '', requiredActions: '\n', targetJurisdictionIds: [], acknowledgeBy: '', reportBy: '' });
    expect(r.body).toBeNull();
    expect(Object.keys(r.problems!).sort()).toEqual(['acknowledgeBy', 'content', 'issuerJurisdictionId', 'reportBy', 'requiredActions', 'targetJurisdictionIds', 'title']);
  });
  it('refuses a report-back deadline before the acknowledgement deadline', () => {
    expect(directiveBody({ ...draft, reportBy: '2026-02-28T08:00' }).problems).toEqual({ reportBy: 'issue.reportBeforeAcknowledge' });
  });
});

describe('campaignBody', () => {
  const draft: CampaignDraft = { jurisdictionId: 'li', title: 'Spring fuel check', categories: ['fuel_station', 'school'], scopeJurisdictionIds: [], startsAt: '2026-03-01T00:00', endsAt: '2026-03-31T23:59', dueAt: '' };
  it('leaves out the scope (whole subtree) and due date (= end) when not chosen', () => {
    expect(campaignBody(draft)).toEqual({
      problems: null,
      body: { jurisdictionId: 'li', title: 'Spring fuel check', categories: ['fuel_station', 'school'], startsAt: localToIso('2026-03-01T00:00'), endsAt: localToIso('2026-03-31T23:59') },
    });
  });
  it('sends the scope and due date when chosen', () => {
    const r = campaignBody({ ...draft, scopeJurisdictionIds: ['ob'], dueAt: '2026-03-20T12:00' });
    expect(r.body).toMatchObject({ scopeJurisdictionIds: ['ob'], dueAt: localToIso('2026-03-20T12:00') });
  });
  it('names missing fields and an inverted period', () => {
    expect(Object.keys(campaignBody({ ...draft, jurisdictionId: null, title: '', categories: [], startsAt: '', endsAt: '' }).problems!).sort())
      .toEqual(['categories', 'endsAt', 'jurisdictionId', 'startsAt', 'title']);
    expect(campaignBody({ ...draft, endsAt: '2026-03-01T00:00' }).problems).toEqual({ endsAt: 'issue.endBeforeStart' });
    expect(campaignBody({ ...draft, dueAt: '2026-02-01T00:00' }).problems).toEqual({ dueAt: 'issue.dueBeforeStart' });
  });
});
