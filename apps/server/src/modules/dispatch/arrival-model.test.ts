import { describe, expect, it } from 'vitest';
import { arrivesBy, farMetres, onSceneDoubt } from './arrival-model.js';

const rules = { radiusMetres: 100, staleSeconds: 120 };

describe('arrival by AVL', () => {
  it('counts a fix inside the radius taken after dispatch, and nothing else', () => {
    expect(arrivesBy({ metres: 99, at: 1000 }, 1000, rules)).toBe(true);
    expect(arrivesBy({ metres: 100, at: 2000 }, 1000, rules)).toBe(true);
    expect(arrivesBy({ metres: 101, at: 2000 }, 1000, rules)).toBe(false);
    // Standing at the scene before it was sent (an earlier call there) is not an arrival.
    expect(arrivesBy({ metres: 5, at: 999 }, 1000, rules)).toBe(false);
  });
});

describe('plausibility of an on-scene status', () => {
  it('accepts a status that fits the ETA and the last fix', () => {
    expect(onSceneDoubt({ secondsSinceDispatch: 400, etaSeconds: 420, lastFix: { metres: 40, ageSeconds: 5 } }, rules)).toBeNull();
    expect(onSceneDoubt({ secondsSinceDispatch: 10, etaSeconds: null, lastFix: null }, rules)).toBeNull();
    // A unit a minute away or less may be there at once.
    expect(onSceneDoubt({ secondsSinceDispatch: 5, etaSeconds: 50, lastFix: null }, rules)).toBeNull();
  });

  it('flags a status pressed seconds after dispatch while the last fix is far from the scene', () => {
    const doubt = onSceneDoubt({ secondsSinceDispatch: 12, etaSeconds: 480, lastFix: { metres: 4200.4, ageSeconds: 3 } }, rules);
    expect(doubt).toEqual({ reasons: ['too_soon', 'far_from_scene'], secondsSinceDispatch: 12, etaSeconds: 480, lastFixMetres: 4200, lastFixAgeSeconds: 3 });
  });

  it('flags each reason on its own, and ignores a stale fix', () => {
    expect(onSceneDoubt({ secondsSinceDispatch: 100, etaSeconds: 480, lastFix: null }, rules)?.reasons).toEqual(['too_soon']);
    expect(onSceneDoubt({ secondsSinceDispatch: 900, etaSeconds: 480, lastFix: { metres: 2000, ageSeconds: 30 } }, rules)?.reasons).toEqual(['far_from_scene']);
    expect(onSceneDoubt({ secondsSinceDispatch: 900, etaSeconds: 480, lastFix: { metres: 2000, ageSeconds: 121 } }, rules)).toBeNull();
  });

  it('calls far at three radii and never under 300 m', () => {
    expect(farMetres({ radiusMetres: 100 })).toBe(300);
    expect(farMetres({ radiusMetres: 50 })).toBe(300);
    expect(farMetres({ radiusMetres: 250 })).toBe(750);
    expect(onSceneDoubt({ secondsSinceDispatch: 900, etaSeconds: null, lastFix: { metres: 300, ageSeconds: 1 } }, rules)).toBeNull();
    expect(onSceneDoubt({ secondsSinceDispatch: 900, etaSeconds: null, lastFix: { metres: 301, ageSeconds: 1 } }, rules)).not.toBeNull();
  });
});
