import { describe, expect, it } from 'vitest';
import { canBeSent, readinessCounts, readinessOf } from './readiness';

const fix = (stale: boolean) => ({ location: [9.52, 47.14] as [number, number], at: '2026-12-01T10:00:00.000Z', speedKmh: null, heading: null, stale });
const unit = (over: Partial<Parameters<typeof readinessOf>[0]> = {}) => ({ status: 'available' as const, onDuty: true, incidentId: null, position: fix(false), ...over });

describe('unit readiness', () => {
  it('tells off-duty reserves from available units, though both say status available', () => {
    expect(readinessOf(unit())).toBe('available');
    expect(readinessOf(unit({ onDuty: false }))).toBe('off_duty');
    expect(readinessOf(unit({ status: 'at_station', onDuty: false, position: null }))).toBe('off_duty');
    expect(readinessOf(unit({ status: 'at_station', position: null }))).toBe('available');
  });

  it('marks a stale position, committed units and units out of service', () => {
    expect(readinessOf(unit({ position: fix(true) }))).toBe('stale');
    expect(readinessOf(unit({ status: 'en_route', incidentId: 'i1' }))).toBe('committed');
    expect(readinessOf(unit({ status: 'transporting' }))).toBe('committed');
    expect(readinessOf(unit({ status: 'out_of_service', onDuty: false }))).toBe('out_of_service');
  });

  it('counts as sendable only what the server would send', () => {
    const c = readinessCounts([unit(), unit({ onDuty: false }), unit({ position: fix(true) }), unit({ status: 'on_scene', incidentId: 'i' }), unit({ status: 'out_of_service' })]);
    expect(c).toEqual({ available: 1, stale: 1, committed: 1, off_duty: 1, out_of_service: 1, sendable: 2 });
    expect(canBeSent('off_duty')).toBe(false);
  });
});
