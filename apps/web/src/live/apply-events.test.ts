import type { Incident, StreamEvent, Unit } from '@firebreak/contracts';
import { QueryClient } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import { keys } from '../api/queries';
import { applyEvents } from './apply-events';

const unit = (id: string, over: Partial<Unit> = {}): Unit => ({
  id, callSign: id, kind: 'patrol_car', jurisdictionId: 'j', jurisdictionPath: 'li', homeStationId: null, homeLocation: [9.5, 47.1], crewSize: 2,
  capabilities: [], status: 'available', statusChangedAt: '2026-01-01T00:00:00Z', onDuty: true, dutyChangedAt: '2026-01-01T00:00:00Z',
  incidentId: null, terminalId: null, position: null, version: 1, createdAt: '2026-01-01T00:00:00Z', updatedAt: '2026-01-01T00:00:00Z', ...over,
});
let n = 0;
const event = (type: string, data: unknown): StreamEvent => ({ id: `e${n++}`, position: n, type, occurredAt: '2026-01-01T00:00:01Z', jurisdictionPath: 'li', data });

describe('applyEvents', () => {
  it('moves only the units that reported, keeping the others as the same objects (the map diffs by identity)', () => {
    const client = new QueryClient();
    const [a, b] = [unit('a'), unit('b')];
    client.setQueryData(keys.units, [a, b]);
    applyEvents(client, [event('units.positions_reported', { fixes: [{ unitId: 'a', location: [9.6, 47.2], at: '2026-01-01T00:00:01Z', heading: 90 }] })]);
    const [a2, b2] = client.getQueryData<Unit[]>(keys.units)!;
    expect(a2!.position).toMatchObject({ location: [9.6, 47.2], heading: 90, stale: false });
    expect(b2).toBe(b);
  });

  it('keeps the newest fix when a batch holds several for one unit, and ignores older ones', () => {
    const client = new QueryClient();
    client.setQueryData(keys.units, [unit('a')]);
    applyEvents(client, [
      event('units.positions_reported', { fixes: [{ unitId: 'a', location: [1, 1], at: '2026-01-01T00:00:05Z' }] }),
      event('units.positions_reported', { fixes: [{ unitId: 'a', location: [2, 2], at: '2026-01-01T00:00:03Z' }] }),
    ]);
    expect(client.getQueryData<Unit[]>(keys.units)![0]!.position!.location).toEqual([1, 1]);
  });

  it('patches a status change and adds an opened incident to the open list', () => {
    const client = new QueryClient();
    client.setQueryData(keys.units, [unit('a')]);
    client.setQueryData(keys.openIncidents, []);
    applyEvents(client, [
      event('units.status_changed', { id: 'a', status: 'dispatched', incidentId: 'i1', statusChangedAt: '2026-01-01T00:00:02Z' }),
      event('incidents.opened', { id: 'i1', priority: 'P1' }),
    ]);
    expect(client.getQueryData<Unit[]>(keys.units)![0]).toMatchObject({ status: 'dispatched', incidentId: 'i1' });
    expect(client.getQueryData<Incident[]>(keys.openIncidents)!.map((i) => i.id)).toEqual(['i1']);
  });

  it('patches a unit\'s bound terminal (and unbinding) in place', () => {
    const client = new QueryClient();
    client.setQueryData(keys.units, [unit('a'), unit('b', { terminalId: 't0' })]);
    applyEvents(client, [event('units.terminal_bound', { unitId: 'a', terminalId: 't1' }), event('units.terminal_bound', { unitId: 'b', terminalId: null })]);
    expect(client.getQueryData<Unit[]>(keys.units)!.map((u) => u.terminalId)).toEqual(['t1', null]);
  });

  it('marks an incident\'s queries stale when a unit is assigned to it', () => {
    const client = new QueryClient();
    client.setQueryData(keys.assignments('i1'), []);
    client.setQueryData(keys.timeline('i1'), []);
    applyEvents(client, [event('dispatch.unit_assigned', { id: 'x', incidentId: 'i1', unitId: 'a' })]);
    expect(client.getQueryState(keys.assignments('i1'))!.isInvalidated).toBe(true);
    expect(client.getQueryState(keys.timeline('i1'))!.isInvalidated).toBe(true);
  });

  it('refreshes campaign coverage and the place when an inspection is recorded, and directives when a target answers', () => {
    const client = new QueryClient();
    for (const key of [['campaigns', 'c1', 'coverage'], ['campaigns', 'c1', 'assignments', 'pending'], ['place', 'p1', 'inspections'], ['place', 'p2'], ['directives', 'd1', 'rollup', null], ['hazards', 'open']]) client.setQueryData(key, {});
    applyEvents(client, [event('inspections.recorded', { id: 'i', placeId: 'p1', campaigns: ['c1'] })]);
    expect(client.getQueryState(['campaigns', 'c1', 'coverage'])!.isInvalidated).toBe(true);
    expect(client.getQueryState(['campaigns', 'c1', 'assignments', 'pending'])!.isInvalidated).toBe(true);
    expect(client.getQueryState(['place', 'p1', 'inspections'])!.isInvalidated).toBe(true);
    expect(client.getQueryState(['place', 'p2'])!.isInvalidated).toBe(false);
    expect(client.getQueryState(['directives', 'd1', 'rollup', null])!.isInvalidated).toBe(false);
    applyEvents(client, [event('directives.acknowledged', { directiveId: 'd1', jurisdictionId: 'j' })]);
    expect(client.getQueryState(['directives', 'd1', 'rollup', null])!.isInvalidated).toBe(true);
    expect(client.getQueryState(['hazards', 'open'])!.isInvalidated).toBe(false);
  });

  it('refreshes every task query on a task event, and posts on a handover', () => {
    const client = new QueryClient();
    for (const key of [['tasks', 't1'], ['tasks', 'tree', 'directiveId=d1'], ['posts', 'p1', 'holdings'], ['directives', 'd1']]) client.setQueryData(key, {});
    applyEvents(client, [event('tasks.progress_reported', { id: 't2', percent: 40 })]);
    expect(client.getQueryState(['tasks', 't1'])!.isInvalidated).toBe(true);
    expect(client.getQueryState(['tasks', 'tree', 'directiveId=d1'])!.isInvalidated).toBe(true);
    expect(client.getQueryState(['posts', 'p1', 'holdings'])!.isInvalidated).toBe(false);
    expect(client.getQueryState(['directives', 'd1'])!.isInvalidated).toBe(false);
    applyEvents(client, [event('posts.handed_over', { id: 'p1' })]);
    expect(client.getQueryState(['posts', 'p1', 'holdings'])!.isInvalidated).toBe(true);
  });

  it('refreshes both incidents of a reassignment or swap, campaigns on a hazard change, and the settings screens on theirs', () => {
    const client = new QueryClient();
    for (const key of [keys.assignments('i1'), keys.assignments('i2'), keys.assignments('i3'), ['campaigns', 'c1', 'progress'], ['settings', 'response-plans', 'j', 'fire', 'P1'], ['settings', 'mutual-aid', 'active']]) client.setQueryData(key, {});
    applyEvents(client, [event('dispatch.unit_reassigned', { kind: 'move', fromIncidentId: 'i1', toIncidentId: 'i2', ended: { unitId: 'a' }, started: { unitId: 'a' } })]);
    expect([keys.assignments('i1'), keys.assignments('i2'), keys.assignments('i3')].map((k) => client.getQueryState(k)!.isInvalidated)).toEqual([true, true, false]);
    expect(client.getQueryState(['campaigns', 'c1', 'progress'])!.isInvalidated).toBe(false);
    applyEvents(client, [event('hazards.state_changed', { id: 'h', placeId: 'p', state: 'verified' })]);
    expect(client.getQueryState(['campaigns', 'c1', 'progress'])!.isInvalidated).toBe(true);
    expect(client.getQueryState(['settings', 'response-plans', 'j', 'fire', 'P1'])!.isInvalidated).toBe(false);
    applyEvents(client, [event('dispatch.response_plan_set', { jurisdictionId: 'j' })]);
    expect(client.getQueryState(['settings', 'response-plans', 'j', 'fire', 'P1'])!.isInvalidated).toBe(true);
    expect(client.getQueryState(['settings', 'mutual-aid', 'active'])!.isInvalidated).toBe(false);
    applyEvents(client, [event('mutual_aid.agreement_revoked', { id: 'm' })]);
    expect(client.getQueryState(['settings', 'mutual-aid', 'active'])!.isInvalidated).toBe(true);
  });
});
