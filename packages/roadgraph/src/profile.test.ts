import { describe, expect, it } from 'vitest';
import { DEFAULT_EMERGENCY_SPEED_FACTORS, EDGE_BRIDGE, EDGE_MINOR, parseMaxspeed, wayProfile, wayProfiles } from './profile.js';

describe('wayProfile', () => {
  it('uses the class default speed without maxspeed', () => {
    expect(wayProfile({ highway: 'residential' })).toEqual({ kmh: 25, forward: true, backward: true });
  });

  it('prefers a numeric maxspeed, in mph too', () => {
    expect(wayProfile({ highway: 'primary', maxspeed: '70' })?.kmh).toBe(70);
    expect(wayProfile({ highway: 'primary', maxspeed: '30 mph' })?.kmh).toBeCloseTo(48.28, 2);
    expect(wayProfile({ highway: 'primary', maxspeed: 'none' })?.kmh).toBe(60);
  });

  it('honours oneway=yes, -1 and the implied oneways of motorways and roundabouts', () => {
    expect(wayProfile({ highway: 'tertiary', oneway: 'yes' })).toMatchObject({ forward: true, backward: false });
    expect(wayProfile({ highway: 'tertiary', oneway: '-1' })).toMatchObject({ forward: false, backward: true });
    expect(wayProfile({ highway: 'motorway' })).toMatchObject({ forward: true, backward: false });
    expect(wayProfile({ highway: 'residential', junction: 'roundabout' })).toMatchObject({ forward: true, backward: false });
    expect(wayProfile({ highway: 'motorway', oneway: 'no' })).toMatchObject({ forward: true, backward: true });
  });

  it('excludes non-roads, private and no access, unless a more specific tag allows', () => {
    expect(wayProfile({ highway: 'footway' })).toBeUndefined();
    expect(wayProfile({ building: 'yes' })).toBeUndefined();
    expect(wayProfile({ highway: 'service', access: 'private' })).toBeUndefined();
    expect(wayProfile({ highway: 'service', motor_vehicle: 'no' })).toBeUndefined();
    expect(wayProfile({ highway: 'service', access: 'no', motor_vehicle: 'yes' })).toBeDefined();
    expect(wayProfile({ highway: 'residential', oneway: 'reversible' })).toBeUndefined();
  });
});

describe('wayProfiles: edge flags', () => {
  it('marks service roads and living streets minor (no traffic control point there), not through roads', () => {
    expect(wayProfiles({ highway: 'service' })!.flags & EDGE_MINOR).toBe(EDGE_MINOR);
    expect(wayProfiles({ highway: 'living_street' })!.flags & EDGE_MINOR).toBe(EDGE_MINOR);
    expect(wayProfiles({ highway: 'residential' })!.flags & EDGE_MINOR).toBe(0);
    expect(wayProfiles({ highway: 'primary', bridge: 'yes' })!.flags).toBe(EDGE_BRIDGE);
  });
});

describe('wayProfiles: the emergency profile', () => {
  it('drives every car road faster by its class factor, in the same directions', () => {
    const p = wayProfiles({ highway: 'primary', maxspeed: '40', oneway: 'yes' })!;
    expect(p.car).toEqual({ kmh: 40, forward: true, backward: false });
    expect(p.emergency).toEqual({ kmh: 40 * DEFAULT_EMERGENCY_SPEED_FACTORS.primary!, forward: true, backward: false });
    expect(wayProfiles({ highway: 'service' })!.emergency!.kmh).toBe(15);
  });

  it('takes configured factors over the defaults', () => {
    expect(wayProfiles({ highway: 'residential' }, { emergencySpeedFactors: { residential: 1.6 } })!.emergency!.kmh).toBe(40);
    expect(wayProfiles({ highway: 'tertiary' }, { emergencySpeedFactors: { residential: 1.6 } })!.emergency!.kmh).toBe(40 * DEFAULT_EMERGENCY_SPEED_FACTORS.tertiary!);
  });

  it('lets emergency=yes|designated override access=no|private, and drives private roads', () => {
    expect(wayProfiles({ highway: 'service', access: 'no', emergency: 'yes' })).toMatchObject({ car: undefined, emergency: { forward: true } });
    expect(wayProfiles({ highway: 'service', motor_vehicle: 'no', emergency: 'designated' })?.emergency).toBeDefined();
    expect(wayProfiles({ highway: 'service', access: 'private' })).toMatchObject({ car: undefined, emergency: { kmh: 15 } });
  });

  it('keeps off ways closed to it, and off non-roads', () => {
    expect(wayProfiles({ highway: 'service', access: 'no' })).toBeUndefined();
    expect(wayProfiles({ highway: 'residential', emergency: 'no' })).toMatchObject({ car: { kmh: 25 }, emergency: undefined });
    expect(wayProfiles({ highway: 'footway', emergency: 'yes' })).toBeUndefined();
  });
});

describe('parseMaxspeed', () => {
  it('rejects junk and implausible values', () => {
    for (const junk of ['signals', 'DE:urban', '0', '500', '', 'fast']) expect(parseMaxspeed(junk)).toBeUndefined();
    expect(parseMaxspeed('50 km/h')).toBe(50);
  });
});
