import { describe, expect, it } from 'vitest';
import { parseMaxspeed, wayProfile } from './profile.js';

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

describe('parseMaxspeed', () => {
  it('rejects junk and implausible values', () => {
    for (const junk of ['signals', 'DE:urban', '0', '500', '', 'fast']) expect(parseMaxspeed(junk)).toBeUndefined();
    expect(parseMaxspeed('50 km/h')).toBe(50);
  });
});
