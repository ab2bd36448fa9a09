import type { StreamEvent } from '@firebreak/contracts';
import { describe, expect, it } from 'vitest';
import { alertOf, isWithin, type AlertViewer } from './alert-of';

let n = 0;
const event = (type: string, data: unknown, jurisdictionPath: string | null = 'li.oberland'): StreamEvent => ({
  id: `0190-e${++n}`, position: n, type, occurredAt: '2026-11-29T07:00:00.000Z', jurisdictionPath, data,
});
const viewer = (...paths: string[]): AlertViewer => ({ id: 'me', grants: paths.map((jurisdictionPath) => ({ jurisdictionPath })) });
const oberlandOfficer = viewer('li.oberland');
const vaduzOfficer = viewer('li.oberland.vaduz');

/** As escalate-missed-tier.ts publishes it, at the parent's path. */
const escalated = (over: Record<string, unknown> = {}) => event('incidents.escalated', {
  incidentId: 'inc-1', type: 'fire', priority: 'P1', origin: 'live', jurisdictionPath: 'li.oberland.vaduz',
  tier: 1, label: 'nearest on-duty force responded', requirement: 'responded', units: 1, deadlineAt: '2026-11-29T06:59:00.000Z', missedAt: '2026-11-29T07:00:00.000Z',
  escalatedToId: 'j-oberland', escalatedToPath: 'li.oberland', ...over,
});

describe('isWithin', () => {
  it('is the path itself or below it, never a sibling whose name merely starts the same', () => {
    expect(isWithin('li.oberland.vaduz', 'li.oberland')).toBe(true);
    expect(isWithin('li.oberland', 'li.oberland')).toBe(true);
    expect(isWithin('li.oberland2', 'li.oberland')).toBe(false);
    expect(isWithin('li', 'li.oberland')).toBe(false);
  });
});

describe('alertOf: incidents.escalated', () => {
  it('alerts the parent jurisdiction critically for a missed P1 tier, naming the incident, the tier and where it is, linking to the incident', () => {
    const e = escalated();
    expect(alertOf(e, oberlandOfficer)).toEqual({
      id: e.id, kind: 'incidentEscalated', severity: 'critical', at: e.occurredAt, simulated: false, link: '/incidents/inc-1',
      params: { priority: 'P1', type: 'fire', tier: 1, label: 'nearest on-duty force responded', requirement: 'responded', units: 1, place: 'li.oberland.vaduz', to: 'li.oberland', due: '2026-11-29T06:59:00.000Z' },
    });
    // An event published before the tier's requirement was carried: the label alone.
    expect(alertOf(escalated({ requirement: undefined, units: undefined }), oberlandOfficer)?.params).not.toHaveProperty('requirement');
  });

  it('is critical for P2 too, a warning for a lower priority, and says when it is an exercise', () => {
    expect(alertOf(escalated({ priority: 'P2' }), oberlandOfficer)?.severity).toBe('critical');
    expect(alertOf(escalated({ priority: 'P3' }), oberlandOfficer)?.severity).toBe('warning');
    expect(alertOf(escalated({ origin: 'simulated' }), oberlandOfficer)).toMatchObject({ simulated: true, severity: 'critical' });
  });

  it('alerts those above the level it went to (their grants hold it), not those beside or below it', () => {
    expect(alertOf(escalated(), viewer('li'))?.kind).toBe('incidentEscalated');
    expect(alertOf(escalated(), viewer('li.unterland'))).toBeNull();
    // The incident's own command already has it on its board: the escalation is not addressed to it.
    expect(alertOf(escalated(), vaduzOfficer)).toBeNull();
    expect(alertOf(escalated(), viewer('li.unterland', 'li.oberland'))?.kind).toBe('incidentEscalated');
  });

  it('ignores an event missing what the alert must say', () => {
    expect(alertOf(escalated({ incidentId: undefined }), oberlandOfficer)).toBeNull();
    expect(alertOf(escalated({ tier: '1' }), oberlandOfficer)).toBeNull();
    expect(alertOf(event('incidents.escalated', null), oberlandOfficer)).toBeNull();
  });
});

describe('alertOf: mutual_aid.unit_sent', () => {
  const sent = (over: Record<string, unknown> = {}) => event('mutual_aid.unit_sent', {
    agreementId: 'ag', providingJurisdictionPath: 'li.oberland.vaduz', requestingJurisdictionPath: 'li.oberland.schaan',
    unitId: 'u-1', callSign: 'VAD-1', kind: 'patrol_car', assignmentId: 'as-1',
    incident: { id: 'inc-2', type: 'traffic_accident', priority: 'P2', jurisdictionPath: 'li.oberland.schaan', location: [9.5, 47.17], address: null },
    sentBy: { id: 'dispatcher-schaan', name: 'Schaan dispatch' }, sentAt: '2026-11-29T07:00:00.000Z', dutyPosts: [], ...over,
  }, 'li.oberland.vaduz');

  it('warns the lending jurisdiction\'s command that one of its units left for a neighbour, linking to the units', () => {
    expect(alertOf(sent(), vaduzOfficer)).toMatchObject({
      kind: 'unitLent', severity: 'warning', link: '/units',
      params: { callSign: 'VAD-1', to: 'li.oberland.schaan', priority: 'P2', type: 'traffic_accident', by: 'Schaan dispatch' },
    });
    // A station below the lender and the region above it hold the unit too.
    expect(alertOf(sent(), viewer('li.oberland'))?.kind).toBe('unitLent');
    expect(alertOf(sent(), viewer('li.oberland.vaduz.station-1'))?.kind).toBe('unitLent');
  });

  it('does not alert the one who sent it, nor a jurisdiction that is not the lender\'s', () => {
    expect(alertOf(sent(), { id: 'dispatcher-schaan', grants: [{ jurisdictionPath: 'li' }] })).toBeNull();
    expect(alertOf(sent(), viewer('li.oberland.schaan'))).toBeNull();
  });
});

describe('alertOf: directives', () => {
  // One event per directive, spread over its targets (the stream leaves each reader the targets it may see).
  const delivered = (...paths: string[]) => event('directives.delivered', {
    directiveId: 'd-1', title: 'Check the flood barriers', content: '…', requiredActions: [], issuerPath: 'li',
    acknowledgeBy: '2026-11-30T12:00:00.000Z', reportBy: '2026-12-02T12:00:00.000Z',
    targets: paths.map((p) => ({ jurisdictionId: `j-${p}`, jurisdictionPath: p })),
  }, 'li');

  it('tells a jurisdiction a directive was delivered to it (info), linking to the directive', () => {
    expect(alertOf(delivered('li.oberland.vaduz'), vaduzOfficer)).toMatchObject({
      kind: 'directiveDelivered', severity: 'info', link: '/directives/d-1',
      params: { title: 'Check the flood barriers', place: 'li.oberland.vaduz', from: 'li', due: '2026-11-30T12:00:00.000Z' },
    });
  });

  it('alerts for the target I hold among several the event lists', () => {
    expect(alertOf(delivered('li.oberland.schaan', 'li.oberland.vaduz'), vaduzOfficer)?.params.place).toBe('li.oberland.vaduz');
    expect(alertOf(delivered('li.oberland.schaan'), vaduzOfficer)).toBeNull();
  });

  it('does not alert those above a target: they watch deliveries, they do not acknowledge them', () => {
    expect(alertOf(delivered('li.oberland.vaduz'), oberlandOfficer)).toBeNull();
    expect(alertOf(delivered('li.oberland.vaduz'), viewer('li'))).toBeNull();
  });

  it('warns the parent of a target that missed its acknowledgement or report deadline', () => {
    const late = (missed: string) => event('directives.escalated', { directiveId: 'd-1', jurisdictionPath: 'li.oberland.vaduz', escalatedTo: 'li.oberland', missed, at: '2026-11-30T12:01:00.000Z' });
    expect(alertOf(late('acknowledgement'), oberlandOfficer)).toMatchObject({
      kind: 'directiveEscalated', severity: 'warning', link: '/directives/d-1', params: { place: 'li.oberland.vaduz', to: 'li.oberland', missed: 'acknowledgement' },
    });
    expect(alertOf(late('report'), oberlandOfficer)?.params.missed).toBe('report');
    expect(alertOf(late('something'), oberlandOfficer)).toBeNull();
    expect(alertOf(late('report'), vaduzOfficer)).toBeNull();
  });
});

describe('alertOf: tasks, hazards, campaigns', () => {
  it('warns the parent of an overdue task, linking to the task; the task\'s own overdue mark alerts nobody', () => {
    const data = { id: 't-1', source: 'directive', directiveId: 'd-1', campaignId: null, standingDutyId: null, title: 'Inspect the barriers', jurisdictionPath: 'li.oberland.vaduz', dueAt: '2026-11-29T06:00:00.000Z', percent: 40 };
    expect(alertOf(event('tasks.escalated', { ...data, escalatedTo: 'li.oberland', dutyPosts: [], at: '2026-11-29T07:00:00.000Z' }), oberlandOfficer)).toMatchObject({
      kind: 'taskEscalated', severity: 'warning', link: '/tasks/t-1',
      params: { title: 'Inspect the barriers', place: 'li.oberland.vaduz', to: 'li.oberland', due: '2026-11-29T06:00:00.000Z', percent: 40 },
    });
    expect(alertOf(event('tasks.overdue', data, 'li.oberland.vaduz'), vaduzOfficer)).toBeNull();
    expect(alertOf(event('tasks.overdue', data, 'li.oberland.vaduz'), oberlandOfficer)).toBeNull();
  });

  it('warns the level an overdue hazard went up to (the event is at the hazard\'s own path), not the hazard\'s own level', () => {
    const up = event('hazards.escalated', { id: 'h-1', level: 1, escalatedTo: 'li.oberland', dueAt: '2026-11-20T00:00:00.000Z' }, 'li.oberland.vaduz');
    expect(alertOf(up, oberlandOfficer)).toMatchObject({
      kind: 'hazardEscalated', severity: 'warning', link: '/hazards?hazard=h-1', params: { place: 'li.oberland.vaduz', to: 'li.oberland', level: 1, due: '2026-11-20T00:00:00.000Z' },
    });
    expect(alertOf(up, vaduzOfficer)).toBeNull();
  });

  it("alerts the level above a major incident's command when its report-up or SITREP clock is missed; an exercise says so", () => {
    const data = { majorIncidentId: 'm-1', title: 'Market hall', level: 'III', exercise: false, jurisdictionPath: 'li.oberland.vaduz', escalatedToPath: 'li.oberland', clock: 'sitrep', deadlineAt: '2026-11-29T06:30:00.000Z' };
    const up = event('major_incidents.escalated', data, 'li.oberland');
    expect(alertOf(up, oberlandOfficer)).toMatchObject({
      kind: 'majorEscalated', severity: 'critical', simulated: false, link: '/major-incidents/m-1',
      params: { title: 'Market hall', level: 'III', clock: 'sitrep', place: 'li.oberland.vaduz', to: 'li.oberland', due: '2026-11-29T06:30:00.000Z' },
    });
    expect(alertOf(up, vaduzOfficer)).toBeNull();
    expect(alertOf(event('major_incidents.escalated', { ...data, exercise: true }, 'li.oberland'), oberlandOfficer)?.simulated).toBe(true);
    expect(alertOf(event('major_incidents.escalated', { ...data, clock: undefined }, 'li.oberland'), oberlandOfficer)).toBeNull();
  });

  it('warns the issuing level of missed campaign inspections, linking to the campaign; not those below or above it', () => {
    const missed = event('campaigns.assignments_missed', { campaignId: 'c-1', missed: 3 }, 'li.oberland');
    expect(alertOf(missed, oberlandOfficer)).toMatchObject({ kind: 'assignmentsMissed', severity: 'warning', link: '/campaigns/c-1', params: { count: 3, place: 'li.oberland' } });
    expect(alertOf(missed, vaduzOfficer)).toBeNull();
    expect(alertOf(missed, viewer('li'))).toBeNull();
    expect(alertOf(event('campaigns.assignments_missed', { campaignId: 'c-1', missed: 0 }, 'li.oberland'), oberlandOfficer)).toBeNull();
  });
});

describe('alertOf: routine events of the user\'s own level', () => {
  it.each([
    ['incidents.opened', { id: 'inc-1', priority: 'P1', jurisdictionPath: 'li.oberland' }],
    ['incidents.tier_missed', { incidentId: 'inc-1', tier: 1, priority: 'P1' }],
    ['incidents.closed', { id: 'inc-1' }],
    ['dispatch.unit_assigned', { incidentId: 'inc-1', unitId: 'u-1' }],
    ['units.status_changed', { id: 'u-1', status: 'en_route' }],
    ['directives.issued', { id: 'd-1', issuerPath: 'li.oberland' }],
    ['directives.acknowledged', { directiveId: 'd-1', jurisdictionPath: 'li.oberland' }],
    ['tasks.created', { id: 't-1', jurisdictionPath: 'li.oberland' }],
    ['hazards.raised', { id: 'h-1', jurisdictionPath: 'li.oberland' }],
    ['campaigns.issued', { id: 'c-1', issuerPath: 'li.oberland' }],
  ])('%s does not alert', (type, data) => {
    expect(alertOf(event(type, data), oberlandOfficer)).toBeNull();
  });
});

describe('alertOf: reinforcement requests', () => {
  const request = (over: Record<string, unknown> = {}) => ({
    id: 'r1', incident: { id: 'i1', type: 'fire', priority: 'P1', jurisdictionPath: 'li.oberland.vaduz' }, kind: 'fire_engine', capability: null, count: 2, granted: 0,
    targetPath: 'li.oberland', requestedBy: { id: 'requester', name: 'Vaduz dispatch' }, names: { 'li.oberland.vaduz': 'Vaduz', 'li.oberland': 'Oberland' },
    lent: [], ...over,
  });
  it('alerts the level asked (critical for P1), naming the place by name and linking to the answer', () => {
    const a = alertOf(event('reinforcements.requested', request()), oberlandOfficer);
    expect(a).toMatchObject({ kind: 'reinforcementAsked', severity: 'critical', link: '/reinforcements?request=r1', params: { count: 2, what: 'fire_engine', place: 'li.oberland.vaduz', by: 'Vaduz dispatch' } });
    // Escalated to the nation: the nation is alerted, Oberland (answered already) is not.
    const up = event('reinforcements.escalated', request({ targetPath: 'li' }));
    expect(alertOf(up, viewer('li'))?.kind).toBe('reinforcementAsked');
    expect(alertOf(up, oberlandOfficer)).toBeNull();
    // Not those below the level asked, nor the requester.
    expect(alertOf(event('reinforcements.requested', request()), vaduzOfficer)).toBeNull();
    expect(alertOf(event('reinforcements.requested', request()), { id: 'requester', grants: [{ jurisdictionPath: 'li.oberland' }] })).toBeNull();
  });
  it('tells the requester which units were lent, linking to the incident', () => {
    const granted = event('reinforcements.granted', request({ granted: 1, lent: [{ unitId: 'u1', callSign: 'Florian Schaan TLF' }] }));
    expect(alertOf(granted, { id: 'requester', grants: [{ jurisdictionPath: 'li.oberland.vaduz' }] })).toMatchObject({
      kind: 'reinforcementGranted', severity: 'info', link: '/incidents/i1', params: { units: 'Florian Schaan TLF', granted: 1, count: 2, place: 'li.oberland.vaduz' },
    });
    expect(alertOf(granted, oberlandOfficer)).toBeNull();
  });
});

describe('alertOf: goods.transport_alert', () => {
  const transport = (kind: string, detail: Record<string, unknown> = {}) => event('goods.transport_alert', {
    alert: { id: 'a-1', permitId: 'p-1', seq: 1, kind, at: '2026-11-29T07:00:00.000Z', location: [9.52, 47.14], detail },
    permit: { id: 'p-1', vehicle: 'FL 1234', item: { key: 'UN1202', name: 'Diesel fuel' }, quantity: 500000 },
  }, 'li.oberland');

  it("alerts the supervising desk's level (not those below it) of a transport that left its route or entered a school's zone, linking to the permit", () => {
    expect(alertOf(transport('entered_zone', { zoneName: 'Primarschule Vaduz' }), oberlandOfficer)).toMatchObject({
      kind: 'transportAlert', severity: 'critical', link: '/goods?permit=p-1', params: { what: 'entered_zone', vehicle: 'FL 1234', item: 'Diesel fuel', place: 'li.oberland', zone: 'Primarschule Vaduz' },
    });
    expect(alertOf(transport('left_corridor'), oberlandOfficer)?.severity).toBe('warning');
    expect(alertOf(transport('arrived'), oberlandOfficer)?.severity).toBe('info');
    expect(alertOf(transport('left_corridor'), vaduzOfficer)).toBeNull();
    expect(alertOf(event('goods.transport_alert', { alert: { kind: 'dark' }, permit: {} }, 'li.oberland'), oberlandOfficer)).toBeNull();
  });
});
