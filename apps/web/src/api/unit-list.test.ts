import type { Unit } from '@firebreak/contracts';
import { QueryClient } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import { patchUnits } from '../live/apply-events';
import { keys } from './queries';
import { unitListSharing } from './unit-list';

const unit = (id: string, over: Partial<Unit> = {}): Unit => ({
  id, callSign: id, kind: 'patrol_car', jurisdictionId: 'j', jurisdictionPath: 'li', homeStationId: null, homeLocation: [9.5, 47.1], crewSize: 2,
  capabilities: [], status: 'available', statusChangedAt: '2026-01-01T00:00:00Z', onDuty: true, dutyChangedAt: '2026-01-01T00:00:00Z',
  incidentId: null, terminalId: null, position: null, version: 1, createdAt: '2026-01-01T00:00:00Z', updatedAt: '2026-01-01T00:00:00Z', ...over,
});

/** A client whose units query shares data as useUnits does. */
function client(): QueryClient {
  const c = new QueryClient();
  c.setQueryDefaults(keys.units, { structuralSharing: unitListSharing });
  return c;
}

describe('the units query\'s structural sharing', () => {
  it('stores a list patchUnits made as it is: no deep comparison of every unit each second', () => {
    const c = client();
    const [a, b] = [unit('a'), unit('b')];
    c.setQueryData(keys.units, [a, b]);
    const patched = patchUnits([a, b], new Map([['a', { unitId: 'a', location: [9.6, 47.2], at: '2026-01-01T00:00:01Z' }]]), new Map(), new Map());
    c.setQueryData(keys.units, patched);
    expect(c.getQueryData(keys.units)).toBe(patched);
    expect(patched[1]).toBe(b);
  });

  it('still keeps the objects of unchanged units when the whole list is fetched again', () => {
    const c = client();
    const [a, b] = [unit('a'), unit('b')];
    c.setQueryData(keys.units, [a, b]);
    c.setQueryData(keys.units, [unit('a', { status: 'dispatched' }), unit('b')]);
    const [a2, b2] = c.getQueryData<Unit[]>(keys.units)!;
    expect(a2).not.toBe(a);
    expect(a2!.status).toBe('dispatched');
    expect(b2).toBe(b);
  });
});
