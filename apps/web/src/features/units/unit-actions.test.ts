import { describe, expect, it } from 'vitest';
import { mayChangeUnitStatus, unitActions } from './unit-actions';

describe('unitActions', () => {
  it('offers off duty, at station and out of service to a free unit on duty', () => {
    expect(unitActions({ status: 'available', onDuty: true })).toEqual(['off_duty', 'at_station', 'out_of_service']);
  });
  it('offers on duty to a unit off duty, and never at station unless available', () => {
    expect(unitActions({ status: 'at_station', onDuty: false })).toEqual(['on_duty', 'out_of_service']);
  });
  it('offers nothing that the server refuses for a committed unit', () => {
    for (const status of ['dispatched', 'en_route', 'on_scene', 'transporting'] as const) expect(unitActions({ status, onDuty: true })).toEqual([]);
  });
  it('brings an out-of-service unit back in service', () => {
    expect(unitActions({ status: 'out_of_service', onDuty: true })).toEqual(['off_duty', 'in_service']);
  });
});

describe('mayChangeUnitStatus', () => {
  it('needs units:manage or dispatch:respond', () => {
    expect(mayChangeUnitStatus(['units:read'])).toBe(false);
    expect(mayChangeUnitStatus(['units:read', 'dispatch:respond'])).toBe(true);
    expect(mayChangeUnitStatus(['units:manage'])).toBe(true);
  });
});
