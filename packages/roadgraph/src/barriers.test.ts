import { describe, expect, it } from 'vitest';
import { barrierPassage } from './barriers.js';

describe('barrierPassage', () => {
  it('is no barrier to anyone without a barrier tag, or where every profile passes', () => {
    expect(barrierPassage({ highway: 'traffic_signals' })).toBeUndefined();
    expect(barrierPassage({ barrier: 'lift_gate' })).toBeUndefined();
    expect(barrierPassage({ barrier: 'toll_booth' })).toBeUndefined();
    expect(barrierPassage({ barrier: 'bollard', motor_vehicle: 'yes' })).toBeUndefined();
  });

  it('stops every vehicle at fixed bollards, blocks and fences', () => {
    for (const kind of ['bollard', 'block', 'jersey_barrier', 'fence', 'cycle_barrier', 'wall']) {
      expect(barrierPassage({ barrier: kind }), kind).toEqual({ car: false, emergency: false });
    }
    expect(barrierPassage({ barrier: 'bollard', foot: 'yes', motor_vehicle: 'no' })).toEqual({ car: false, emergency: false });
  });

  it('lets emergency vehicles through gates the car may not use, and lowered or rising bollards', () => {
    expect(barrierPassage({ barrier: 'gate', access: 'private' })).toEqual({ car: false, emergency: true });
    expect(barrierPassage({ barrier: 'gate', locked: 'yes' })).toEqual({ car: false, emergency: true });
    expect(barrierPassage({ barrier: 'lift_gate', motorcar: 'no' })).toEqual({ car: false, emergency: true });
    expect(barrierPassage({ barrier: 'chain' })).toEqual({ car: false, emergency: true });
    expect(barrierPassage({ barrier: 'bollard', bollard: 'rising' })).toEqual({ car: false, emergency: true });
  });

  it('follows the emergency tag first, and the most specific access tag for the car', () => {
    expect(barrierPassage({ barrier: 'bollard', emergency: 'yes' })).toEqual({ car: false, emergency: true });
    expect(barrierPassage({ barrier: 'block', emergency: 'designated' })).toEqual({ car: false, emergency: true });
    expect(barrierPassage({ barrier: 'gate', emergency: 'no' })).toEqual({ car: true, emergency: false });
    expect(barrierPassage({ barrier: 'gate', access: 'no', motorcar: 'yes' })).toBeUndefined();
    expect(barrierPassage({ barrier: 'gate', access: 'yes', vehicle: 'private' })).toEqual({ car: false, emergency: true });
  });
});
