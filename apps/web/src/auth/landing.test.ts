import { ROLE_PERMISSIONS } from '@firebreak/contracts';
import { describe, expect, it } from 'vitest';
import { landingFor } from './landing';

describe('landing screen', () => {
  it('starts every role with incidents on the operations screen', () => {
    for (const role of ['administrator', 'commander', 'duty_officer', 'dispatcher', 'unit_member', 'auditor'] as const) {
      expect(landingFor(ROLE_PERMISSIONS[role]), role).toBe('/');
    }
  });

  it('starts an inspector at the campaigns, not at a map it may not read', () => {
    expect(landingFor(ROLE_PERMISSIONS.inspector)).toBe('/campaigns');
    expect(landingFor(['hazards:read'])).toBe('/hazards');
    expect(landingFor([])).toBe('/reports');
  });
});
