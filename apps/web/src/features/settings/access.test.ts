import { describe, expect, it } from 'vitest';
import { settingsAccess } from './access';

describe('settings shown by permission', () => {
  it('shows run cards to unit readers, lets unit managers set them, agreements to mutual aid managers', () => {
    expect(settingsAccess(['units:read'])).toEqual({ responsePlans: true, setPlans: false, mutualAid: false, any: true });
    expect(settingsAccess(['units:read', 'units:manage'])).toEqual({ responsePlans: true, setPlans: true, mutualAid: false, any: true });
    expect(settingsAccess(['units:read', 'units:manage', 'mutual_aid:manage'])).toEqual({ responsePlans: true, setPlans: true, mutualAid: true, any: true });
    expect(settingsAccess(['places:read', 'inspections:record'])).toEqual({ responsePlans: false, setPlans: false, mutualAid: false, any: false });
  });
});
